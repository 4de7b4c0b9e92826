// Micro-benchmark of @seedkit/numpy-random/math (the built dist/math.js) against V8's Math.* (which is NOT
// bit-compatible with glibc; it is the speed reference). Needs a build (`npx tsup`).
//
//   node bench/math.mjs [--n 1e6] [--repeats 5] [--json]
//   import { mathRows } from './math.mjs'   // rows as { name, ours, v8, ratio, unit: 'ns/call' }
//
// Each function gets its own timing loop (compiled separately, so call sites stay monomorphic), over inputs
// from the ranges the samplers use; the result is the best of `repeats` runs, in nanoseconds per call.
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));

function inputs(kind, n) {
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  let s = 0x9e3779b9;
  const rnd = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return ((s >>> 0) + 0.5) / 4294967296;
  };
  for (let i = 0; i < n; i++) {
    const u = rnd();
    switch (kind) {
      case 'unit': // (0, 1): log, logf, log1p of uniforms
        xs[i] = u;
        break;
      case 'angle': // Box–Muller angles 2π·u
        xs[i] = 2 * Math.PI * u;
        break;
      case 'exp': // typical exp arguments (ziggurat wedge: −x²/2)
        xs[i] = -8 * u;
        break;
      case 'cos': // [−1, 1]
        xs[i] = 2 * u - 1;
        break;
      default: // pow(u, 1/a)
        xs[i] = u;
        ys[i] = 1 / (0.1 + 5 * rnd());
    }
  }
  return [xs, ys];
}

// [name, input kind, ours (C name in the module), V8 reference]
const FUNCS = [
  ['log', 'unit', 'log', 'Math.log'],
  ['logf', 'unit', 'logf', 'Math.log'],
  ['exp', 'exp', 'exp', 'Math.exp'],
  ['log1p', 'unit', 'log1p', 'Math.log1p'],
  ['expm1', 'exp', 'expm1', 'Math.expm1'],
  ['pow', 'pow', 'pow', 'Math.pow'],
  ['sin', 'angle', 'sin', 'Math.sin'],
  ['cos', 'angle', 'cos', 'Math.cos'],
  ['sincosf', 'angle', 'sincosf', null],
  ['tan', 'cos', 'tan', 'Math.tan'],
  ['atan', 'cos', 'atan', 'Math.atan'],
  ['acos', 'cos', 'acos', 'Math.acos'],
  ['fma', 'unit', 'fma', null],
];

function loopFor(expr) {
  // A fresh function per measured expression keeps its call site monomorphic.
  return new Function(
    'f',
    'xs',
    'ys',
    'out',
    `let s = 0; for (let i = 0; i < xs.length; i++) { const x = xs[i]; const y = ys[i]; s += ${expr}; } return s;`,
  );
}

function best(run, repeats) {
  run();
  let t = Number.POSITIVE_INFINITY;
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    run();
    t = Math.min(t, performance.now() - t0);
  }
  return t;
}

export async function mathRows({ n = 1e6, repeats = 5, module = `${here}../dist/math.js` } = {}) {
  const m = await import(module);
  const rows = [];
  const out = new Float64Array(2);
  for (const [name, kind, ours, v8] of FUNCS) {
    const [xs, ys] = inputs(kind, n);
    const call =
      ours === 'pow'
        ? 'f(x, y)'
        : ours === 'fma'
          ? 'f(x, x, -y)'
          : ours === 'sincosf'
            ? 'f(x, out)[0]'
            : 'f(x)';
    const loop = loopFor(call);
    const tOurs = best(() => loop(m[ours], xs, ys, out), repeats);
    let tV8 = null;
    if (v8) {
      const vf = v8 === 'Math.pow' ? Math.pow : Math[v8.slice(5)];
      const vloop = loopFor(ours === 'pow' ? 'f(x, y)' : 'f(x)');
      tV8 = best(() => vloop(vf, xs, ys, out), repeats);
    }
    const ns = (t) => (t === null ? null : (t / n) * 1e6);
    rows.push({
      name,
      ours: ns(tOurs),
      v8: ns(tV8),
      ratio: tV8 === null ? null : tOurs / tV8,
      unit: 'ns/call',
    });
  }
  return rows;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const opt = (k, d) => {
    const i = args.indexOf(`--${k}`);
    return i >= 0 ? Number(args[i + 1]) : d;
  };
  const mi = args.indexOf('--module');
  const rows = await mathRows({
    n: opt('n', 1e6),
    repeats: opt('repeats', 5),
    ...(mi >= 0 ? { module: args[mi + 1] } : {}),
  });
  if (args.includes('--json')) console.log(JSON.stringify(rows));
  else {
    console.log('function   ours ns/call   V8 Math.* ns/call   ratio');
    for (const r of rows) {
      const f = (v) => (v === null ? '—' : v.toFixed(1));
      console.log(
        `${r.name.padEnd(10)} ${f(r.ours).padStart(13)} ${f(r.v8).padStart(19)} ${f(r.ratio).padStart(7)}`,
      );
    }
  }
}
