// Speed benchmark of @seedkit/numpy-random (the built dist/) against NumPy, measured in the same run on the
// same machine, plus JS peers (seedrandom, @stdlib/random-base-mt19937).
//
//   npx tsup && npm run bench            (node --expose-gc bench/run.mjs [--n 1e7] [--repeats 5] [--json])
//
// Each row is "million values per second" (or ms for permutation), best of `repeats`. The `floor:` row is a
// diagnostic (allocating and writing a fresh 1e7-element float64 array on each side), not a seedkit op.
// NumPy runs in a python3 subprocess twice, each run followed by a batch of the JS timings; each side keeps its
// best (the machine may be shared). Before timing, the first values of every op are compared with NumPy's, so the benchmark measures
// the real, exact work.
//
// Adding rows: push `{ name, ours, numpy, ratio, unit }` objects from a module into ROW_SOURCES below
// (the legacy RandomState rows come from bench/legacy.mjs → legacyRows()).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const N = opt('n', 1e7);
const REPEATS = opt('repeats', 5);
const PERM_N = 1e6;
const asJson = args.includes('--json');

const here = fileURLToPath(new URL('.', import.meta.url));
if (!existsSync(`${here}../dist/index.js`)) {
  console.error('bench: build first (npx tsup): dist/index.js is missing');
  process.exit(1);
}
const { defaultRng } = await import('../dist/index.js');

/** Ops timed on both sides: [name, js thunk factory, python expression, elements per call, unit]. */
const fmt = (x) => x.toExponential(0).replace('+', '');
/** A diagnostic op that fills one reused Float64Array(N) (`o` on the Python side). */
const reusedOut = (name, fill, py) => [
  `${name}(${fmt(N)}, out) reused`,
  (g) => {
    const o = new Float64Array(N);
    return () => fill(g, o);
  },
  py,
  N,
  'M/s',
];
const OPS = [
  [`random(${fmt(N)})`, (g) => () => g.random(N), 'g.random(n)', N, 'M/s'],
  [`integers(0, 1000, ${fmt(N)})`, (g) => () => g.integers(0, 1000, N), 'g.integers(0, 1000, n)', N, 'M/s'],
  [`standardNormal(${fmt(N)})`, (g) => () => g.standardNormal(N), 'g.standard_normal(n)', N, 'M/s'],
  [`permutation(${fmt(PERM_N)})`, (g) => () => g.permutation(PERM_N), 'g.permutation(pn)', PERM_N, 'ms'],
  // Diagnostics: the same draws into a reused output (NumPy's `out=`), so no fresh pages on either side; these
  // compare the kernels themselves.
  reusedOut('random', (g, o) => g.random(N, { out: o }), 'g.random(out=o)'),
  reusedOut('standardNormal', (g, o) => g.standardNormal(N, { out: o }), 'g.standard_normal(out=o)'),
  // Not a seedkit op: the cost of a fresh 80 MB result alone (allocate + write every element), the floor under
  // every 1e7-element row above. NumPy puts large arrays on 2 MiB huge pages; V8's ArrayBuffers use 4 KiB pages.
  [
    `floor: new Float64Array(${fmt(N)}).fill(1)`,
    () => () => new Float64Array(N).fill(1),
    'np.full(n, 1.0)',
    N,
    'M/s',
  ],
];

const PY = `
import json, sys, time
import numpy as np
n, pn, reps = int(float(sys.argv[1])), int(float(sys.argv[2])), int(sys.argv[3])
o = np.empty(n)
ops = json.loads(sys.argv[4])
out = {'version': np.__version__, 'times': {}, 'check': {}}
for name, expr in ops:
    g = np.random.default_rng(42)
    first = eval(expr)
    out['check'][name] = [float(v) if isinstance(v, np.floating) else int(v) for v in first[:5]]
    best = float('inf')
    for _ in range(reps):
        t = time.perf_counter(); eval(expr); best = min(best, time.perf_counter() - t)
    out['times'][name] = best
print(json.dumps(out))
`;

function runNumpy() {
  const r = spawnSync(
    'python3',
    ['-c', PY, String(N), String(PERM_N), String(REPEATS), JSON.stringify(OPS.map((o) => [o[0], o[2]]))],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  if (r.status !== 0) return null;
  try {
    return JSON.parse(r.stdout.trim());
  } catch {
    return null;
  }
}

function best(f, repeats = REPEATS) {
  f();
  let t = Number.POSITIVE_INFINITY;
  for (let i = 0; i < repeats; i++) {
    globalThis.gc?.();
    const t0 = performance.now();
    f();
    t = Math.min(t, performance.now() - t0);
  }
  return t; // ms
}

const np1 = runNumpy();

// correctness check against NumPy's first values (exact)
const failures = [];
if (np1) {
  for (const [name, mk] of OPS) {
    const res = mk(defaultRng(42))();
    const got = Array.from(res.slice(0, 5), (v) => (typeof v === 'bigint' ? Number(v) : v));
    const want = np1.check[name];
    if (JSON.stringify(got) !== JSON.stringify(want)) failures.push(`${name}: ours ${got} numpy ${want}`);
  }
}

const rows = [];
// Both sides are timed twice, interleaved (NumPy, ours, NumPy, ours), and each keeps its best: the machine may
// be shared, and neither side should get more tries than the other.
const oursMs = {};
for (const [name, mk] of OPS) oursMs[name] = best(mk(defaultRng(42)));
const np2 = runNumpy();
for (const [name, mk] of OPS) oursMs[name] = Math.min(oursMs[name], best(mk(defaultRng(42))));
for (const [name, , , count, unit] of OPS) {
  const npS = np1 && np2 ? Math.min(np1.times[name], np2.times[name]) : (np1 ?? np2)?.times[name];
  const ours = unit === 'ms' ? oursMs[name] : count / oursMs[name] / 1e3;
  const numpy = npS === undefined ? null : unit === 'ms' ? npS * 1e3 : count / npS / 1e6;
  // ratio > 1 means faster than NumPy
  const ratio = numpy === null ? null : unit === 'ms' ? numpy / ours : ours / numpy;
  rows.push({ name: name.startsWith('floor') ? name : `Generator ${name}`, ours, numpy, ratio, unit });
}

// JS peers (scalar APIs, 1e7 doubles each)
const require = createRequire(import.meta.url);
const peers = [];
try {
  const seedrandom = require('seedrandom');
  const rng = seedrandom('42');
  peers.push([
    `seedrandom (ARC4) ${fmt(N)} doubles`,
    () => {
      let s = 0;
      for (let i = 0; i < N; i++) s += rng();
      return s;
    },
  ]);
  const alea = seedrandom.alea('42');
  peers.push([
    `seedrandom.alea ${fmt(N)} doubles`,
    () => {
      let s = 0;
      for (let i = 0; i < N; i++) s += alea();
      return s;
    },
  ]);
} catch {}
try {
  const mt = require('@stdlib/random-base-mt19937').factory({ seed: 42 });
  peers.push([
    `@stdlib mt19937.normalized ${fmt(N)}`,
    () => {
      let s = 0;
      for (let i = 0; i < N; i++) s += mt.normalized();
      return s;
    },
  ]);
} catch {}
{
  const g = defaultRng(42);
  peers.push([
    `seedkit rng.random() scalar ${fmt(N)}`,
    () => {
      let s = 0;
      for (let i = 0; i < N; i++) s += g.random();
      return s;
    },
  ]);
}
for (const [name, f] of peers)
  rows.push({ name, ours: N / best(f, 3) / 1e3, numpy: null, ratio: null, unit: 'M/s' });

// ---- rows from other modules (hook): each source returns rows like the ones above
const ROW_SOURCES = [
  async () => {
    if (!existsSync(`${here}legacy.mjs`)) return [];
    const { legacyRows } = await import('./legacy.mjs');
    return (await legacyRows({ n: N, repeats: REPEATS })).map((r) => ({ unit: 'M/s', ...r }));
  },
  async () => {
    if (!existsSync(`${here}distributions.mjs`)) return [];
    const { distributionRows } = await import('./distributions.mjs');
    return distributionRows({ n: Math.min(N, 1e6), repeats: REPEATS });
  },
  async () => {
    if (!existsSync(`${here}discrete.mjs`)) return [];
    const { discreteRows } = await import('./discrete.mjs');
    return discreteRows({ n: Math.min(N, 1e6), repeats: REPEATS });
  },
];
for (const src of ROW_SOURCES) {
  try {
    rows.push(...(await src()));
  } catch (e) {
    console.error('bench: a row source failed:', e.message);
  }
}

if (asJson) {
  console.log(JSON.stringify({ numpy: np1?.version ?? null, failures, rows }, null, 2));
} else {
  const v = np1 ? `numpy ${np1.version}` : 'numpy not available';
  console.log(`@seedkit/numpy-random benchmark (${v}; node ${process.version}; best of ${REPEATS})`);
  // NumPy madvises its large arrays onto huge pages; V8's ArrayBuffers get them only through glibc's tunable.
  const huge = /glibc\.malloc\.hugetlb=[12]/.test(process.env.GLIBC_TUNABLES ?? '');
  console.log(
    huge
      ? 'malloc huge pages: on (GLIBC_TUNABLES=glibc.malloc.hugetlb)'
      : 'malloc huge pages: off (NumPy uses them; rerun with GLIBC_TUNABLES=glibc.malloc.hugetlb=1 to give V8 the same)',
  );
  const f = (x) => (x === null || x === undefined ? '     n/a' : x.toFixed(1).padStart(8));
  for (const r of rows) {
    const ratio =
      r.ratio === null || r.ratio === undefined
        ? ''
        : `  ratio ${r.ratio.toFixed(2)}× (>1 = faster than NumPy)`;
    console.log(
      `${r.name.padEnd(40)} ours ${f(r.ours)} ${r.unit.padEnd(4)} numpy ${f(r.numpy)} ${r.unit}${ratio}`,
    );
  }
  if (failures.length) console.log(`OUTPUT MISMATCH vs NumPy:\n  ${failures.join('\n  ')}`);
  else if (np1) console.log('first values of every Generator op match NumPy exactly');
}
if (failures.length) process.exitCode = 1;
