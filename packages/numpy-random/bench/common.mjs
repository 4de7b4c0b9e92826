// Helpers shared by the benchmark row files (legacy, distributions, discrete).
import { spawnSync } from 'node:child_process';

/** Runs a Python snippet with `python3 -c` and parses the JSON it prints; null without python3/NumPy. */
export function runPythonJson(script, args) {
  const r = spawnSync('python3', ['-c', script, ...args.map(String)], { encoding: 'utf8' });
  if (r.status !== 0) return null;
  try {
    return JSON.parse(r.stdout.trim());
  } catch {
    return null;
  }
}

/** Best-of-`repeats` rate of `f` (after one warm-up call), in million values per second for `n` values. */
export function bestRate(f, n, repeats) {
  f();
  let t = Infinity;
  for (let i = 0; i < repeats; i++) {
    globalThis.gc?.();
    const t0 = performance.now();
    f();
    t = Math.min(t, performance.now() - t0);
  }
  return n / t / 1e3;
}
