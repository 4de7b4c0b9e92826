// Benchmark rows for the continuous distributions (issue 5): Generator `gamma` and `beta` in their main
// regimes against NumPy's, measured in the same run (million values per second, best of `repeats`).
// Before timing, the first values of every op are compared with NumPy's bit for bit (a mismatch throws).
// Needs a build (`npx tsup`); NumPy through `python3` if present (else the NumPy column is null).
//
//   node bench/distributions.mjs                        # prints the rows
//   import { distributionRows } from './distributions.mjs'  # from bench/run.mjs

import { fileURLToPath } from 'node:url';
import { bestRate, runPythonJson } from './common.mjs';

/** [label, JS call on a Generator, Python expression on `g`] with `n` values per call. */
const OPS = [
  ['gamma(2.5)', (g, n) => g.gamma(2.5, 1.0, n), 'g.gamma(2.5, 1.0, n)'],
  ['gamma(0.5)', (g, n) => g.gamma(0.5, 1.0, n), 'g.gamma(0.5, 1.0, n)'],
  ['beta(2, 3)', (g, n) => g.beta(2.0, 3.0, n), 'g.beta(2.0, 3.0, n)'],
  ['beta(0.5, 0.5)', (g, n) => g.beta(0.5, 0.5, n), 'g.beta(0.5, 0.5, n)'],
];

const PY = `
import json, sys, time
import numpy as np
n, reps = int(sys.argv[1]), int(sys.argv[2])
ops = json.loads(sys.argv[3])
out = {'rates': {}, 'first': {}}
for name, expr in ops:
    g = np.random.default_rng(42)
    out['first'][name] = eval(expr.replace('n)', '5)')).tobytes().hex()
    best = float('inf')
    for _ in range(reps):
        t = time.perf_counter(); eval(expr); best = min(best, time.perf_counter() - t)
    out['rates'][name] = n / best / 1e6
print(json.dumps(out))
`;

const numpyRun = (n, repeats) =>
  runPythonJson(PY, [n, repeats, JSON.stringify(OPS.map(([name, , expr]) => [name, expr]))]);

/** Rows `{ name, ours, numpy, ratio, unit }` (ratio = ours / numpy; > 1 = faster than NumPy). */
export async function distributionRows({ n = 1e6, repeats = 5 } = {}) {
  const { defaultRng } = await import('../dist/index.js');
  const np1 = numpyRun(n, repeats);
  const hex = (a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('hex');
  const ours = {};
  for (const [name, f] of OPS) {
    if (np1) {
      const first = hex(f(defaultRng(42), 5));
      if (first !== np1.first[name]) throw new Error(`${name}: first values differ from NumPy`);
    }
    const g = defaultRng(42);
    ours[name] = bestRate(() => f(g, n), n, repeats);
  }
  const np2 = numpyRun(n, repeats);
  // a second batch of ours after NumPy's second run: both sides keep the best of two interleaved batches
  for (const [name, f] of OPS) {
    const g = defaultRng(42);
    ours[name] = Math.max(
      ours[name],
      bestRate(() => f(g, n), n, repeats),
    );
  }
  const np = np1 && np2 ? null : (np1 ?? np2);
  return OPS.map(([name]) => {
    const theirs = np1 && np2 ? Math.max(np1.rates[name], np2.rates[name]) : np ? np.rates[name] : null;
    return {
      name: `${name} (${n.toExponential(0).replace('+', '')})`,
      ours: ours[name],
      numpy: theirs,
      ratio: theirs ? ours[name] / theirs : null,
      unit: 'M/s',
    };
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const r of await distributionRows()) {
    const f = (x) => (x === null ? '   n/a' : x.toFixed(1).padStart(6));
    console.log(
      `${r.name.padEnd(22)} ours ${f(r.ours)} M/s   numpy ${f(r.numpy)} M/s   ratio ${r.ratio === null ? 'n/a' : r.ratio.toFixed(2)}×`,
    );
  }
}
