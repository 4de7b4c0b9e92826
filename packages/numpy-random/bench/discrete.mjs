// Benchmark rows for the discrete distributions (issue 5): Generator `binomial` (inversion and BTPE regimes)
// and `poisson` (multiplication and PTRS regimes) against NumPy's, measured in the same run. The first values
// are compared with NumPy's before timing. Needs a build (`npx tsup`); NumPy through `python3` if present
// (else the NumPy column is null).
//
//   node --expose-gc bench/discrete.mjs            # prints the rows
//   import { discreteRows } from './discrete.mjs'   # from bench/run.mjs: rows as { name, ours, numpy, ratio, unit }

import { fileURLToPath } from 'node:url';
import { bestRate, runPythonJson } from './common.mjs';

/** [row name, method, args, python expression]. */
const OPS = [
  ['binomial(10, 0.3)', 'binomial', [10, 0.3], 'g.binomial(10, 0.3, n)'],
  ['binomial(1000, 0.4)', 'binomial', [1000, 0.4], 'g.binomial(1000, 0.4, n)'],
  ['poisson(3)', 'poisson', [3], 'g.poisson(3, n)'],
  ['poisson(100)', 'poisson', [100], 'g.poisson(100, n)'],
];

const PY = `
import json, sys, time
import numpy as np
n, reps = int(float(sys.argv[1])), int(sys.argv[2])
out = {'rates': {}, 'check': {}}
for name, expr in json.loads(sys.argv[3]):
    g = np.random.default_rng(42)
    out['check'][name] = [int(v) for v in eval(expr)[:5]]
    best = float('inf')
    for _ in range(reps):
        t = time.perf_counter(); eval(expr); best = min(best, time.perf_counter() - t)
    out['rates'][name] = n / best / 1e6
print(json.dumps(out))
`;

const numpyRun = (n, repeats) =>
  runPythonJson(PY, [n, repeats, JSON.stringify(OPS.map((o) => [o[0], o[3]]))]);

/** Rows `{ name, ours, numpy, ratio, unit }` in million values per second (ratio = ours / numpy). */
export async function discreteRows({ n = 1e6, repeats = 5 } = {}) {
  const { defaultRng } = await import('../dist/index.js');
  const np1 = numpyRun(n, repeats);
  const rows = [];
  for (const [name, method, args] of OPS) {
    if (np1) {
      const first = Array.from(
        defaultRng(42)
          [method](...args, n)
          .subarray(0, 5),
        Number,
      );
      if (JSON.stringify(first) !== JSON.stringify(np1.check[name])) {
        throw new Error(`discrete bench: ${name} differs from NumPy (${first} vs ${np1.check[name]})`);
      }
    }
    const g = defaultRng(42);
    rows.push({
      name: `${name} ×${n.toExponential(0).replace('+', '')}`,
      method,
      args,
      ours: bestRate(() => g[method](...args, n), n, repeats),
    });
  }
  const np2 = numpyRun(n, repeats);
  // a second batch of ours after NumPy's second run: both sides keep the best of two interleaved batches
  for (const row of rows) {
    const g = defaultRng(42);
    row.ours = Math.max(
      row.ours,
      bestRate(() => g[row.method](...row.args, n), n, repeats),
    );
  }
  return rows.map(({ name, ours }, i) => {
    const key = OPS[i][0];
    const rates = [np1?.rates[key], np2?.rates[key]].filter((x) => x !== undefined);
    const numpy = rates.length ? Math.max(...rates) : null;
    return { name, ours, numpy, ratio: numpy === null ? null : ours / numpy, unit: 'M/s' };
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const r of await discreteRows()) {
    const f = (x) => (x === null ? '   n/a' : x.toFixed(1).padStart(6));
    console.log(
      `${r.name.padEnd(28)} ours ${f(r.ours)} M/s   numpy ${f(r.numpy)} M/s   ratio ${r.ratio === null ? 'n/a' : r.ratio.toFixed(2)}×`,
    );
  }
}
