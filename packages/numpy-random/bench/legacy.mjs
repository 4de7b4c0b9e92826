// Benchmark rows for the legacy API (RandomState / np.random): `rand(1e7)` and `randn(1e7)` against NumPy's
// `RandomState.rand` / `randn`, measured in the same run. Needs a build (`npx tsup`); NumPy through
// `python3` if present (else the NumPy column is null).
//
//   node bench/legacy.mjs                         # prints the rows
//   import { legacyRows } from './legacy.mjs'      # from bench/run.mjs: rows as { name, ours, numpy, ratio }

import { fileURLToPath } from 'node:url';
import { bestRate, runPythonJson } from './common.mjs';

const PY = `
import json, sys, time
import numpy as np
n, reps = int(sys.argv[1]), int(sys.argv[2])
rs = np.random.RandomState(42)
out = {}
for name, f in [('rand', lambda: rs.rand(n)), ('randn', lambda: rs.randn(n))]:
    f()
    best = float('inf')
    for _ in range(reps):
        t = time.perf_counter(); f(); best = min(best, time.perf_counter() - t)
    out[name] = n / best / 1e6
print(json.dumps(out))
`;

const numpyRates = (n, repeats) => runPythonJson(PY, [n, repeats]);

/** Rows `{ name, ours, numpy, ratio }` in million values per second (ratio = ours / numpy). */
export async function legacyRows({ n = 1e7, repeats = 5 } = {}) {
  const { RandomState } = await import('../dist/index.js');
  const rs = new RandomState(42);
  // NumPy, ours, NumPy, ours; the machine may be shared, so each side keeps its best.
  const np1 = numpyRates(n, repeats);
  const ours = {
    rand: bestRate(() => rs.rand(n), n, repeats),
    randn: bestRate(() => rs.randn(n), n, repeats),
  };
  const np2 = numpyRates(n, repeats);
  // a second batch of ours after NumPy's second run: both sides keep the best of two interleaved batches
  ours.rand = Math.max(
    ours.rand,
    bestRate(() => rs.rand(n), n, repeats),
  );
  ours.randn = Math.max(
    ours.randn,
    bestRate(() => rs.randn(n), n, repeats),
  );
  const np =
    np1 && np2 ? { rand: Math.max(np1.rand, np2.rand), randn: Math.max(np1.randn, np2.randn) } : (np1 ?? np2);
  return ['rand', 'randn'].map((k) => ({
    name: `legacy ${k}(${n.toExponential(0).replace('+', '')})`,
    ours: ours[k],
    numpy: np ? np[k] : null,
    ratio: np ? ours[k] / np[k] : null,
  }));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rows = await legacyRows();
  for (const r of rows) {
    const f = (x) => (x === null ? '   n/a' : x.toFixed(1).padStart(6));
    console.log(
      `${r.name.padEnd(20)} ours ${f(r.ours)} M/s   numpy ${f(r.numpy)} M/s   ratio ${r.ratio === null ? 'n/a' : r.ratio.toFixed(2)}×`,
    );
  }
}
