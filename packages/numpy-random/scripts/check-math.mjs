// Compares @seedkit/numpy-random/math with glibc outputs written by scripts/check-math.py.
// Usage: node scripts/check-math.mjs <module.js> <dir> <case> [<case> ...]
// Each <dir>/<case>.bin holds: 8-byte kind tag, uint32 input-array count, uint32 output-array count, then the
// arrays (little-endian float64 for double functions, float32 for float functions). NaN matches any NaN
// (JavaScript does not preserve NaN payloads or signs); every other result must match bit for bit.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [modulePath, dir, ...cases] = process.argv.slice(2);
if (!modulePath || !dir || cases.length === 0) {
  console.error('usage: node scripts/check-math.mjs <module.js> <dir> <case>...');
  process.exit(2);
}
const m = await import(pathToFileURL(resolve(modulePath)).href);

const hex = (v, f32) => {
  const b = new DataView(new ArrayBuffer(8));
  if (f32) {
    b.setFloat32(0, v);
    return `0x${b.getUint32(0).toString(16).padStart(8, '0')}`;
  }
  b.setFloat64(0, v);
  return `0x${b.getBigUint64(0).toString(16).padStart(16, '0')}`;
};

let failed = false;
for (const c of cases) {
  const name = c.split('.')[0];
  const buf = readFileSync(join(dir, `${c}.bin`));
  const kind = buf.subarray(0, 8).toString('latin1').trim();
  const nIn = buf.readUInt32LE(8);
  const nOut = buf.readUInt32LE(12);
  const f32 = kind.startsWith('f');
  const size = f32 ? 4 : 8;
  const n = (buf.length - 16) / ((nIn + nOut) * size);
  const body = buf.buffer.slice(buf.byteOffset + 16, buf.byteOffset + buf.length);
  const arr = (i) => (f32 ? new Float32Array(body, i * n * 4, n) : new Float64Array(body, i * n * 8, n));
  const fn = m[name];
  if (typeof fn !== 'function') {
    console.error(`${c}: FAIL, ${name} is not exported by ${modulePath}`);
    failed = true;
    continue;
  }
  const ins = Array.from({ length: nIn }, (_, i) => arr(i));
  const outs = Array.from({ length: nOut }, (_, i) => arr(nIn + i));
  const got = outs.map(() => (f32 ? new Float32Array(n) : new Float64Array(n)));
  const t0 = performance.now();
  if (kind === 'f1x2') {
    const pair = new Float64Array(2);
    const x = ins[0];
    for (let i = 0; i < n; i++) {
      fn(x[i], pair);
      got[0][i] = pair[0];
      got[1][i] = pair[1];
    }
  } else if (nIn === 1) {
    const x = ins[0];
    const g = got[0];
    for (let i = 0; i < n; i++) g[i] = fn(x[i]);
  } else if (nIn === 2) {
    const [x, y] = ins;
    const g = got[0];
    for (let i = 0; i < n; i++) g[i] = fn(x[i], y[i]);
  } else {
    const [x, y, z] = ins;
    const g = got[0];
    for (let i = 0; i < n; i++) g[i] = fn(x[i], y[i], z[i]);
  }
  const ms = performance.now() - t0;
  let bad = 0;
  const examples = [];
  for (let o = 0; o < nOut; o++) {
    const e = outs[o];
    const g = got[o];
    const eb = f32
      ? new Uint32Array(e.buffer, e.byteOffset, n)
      : new BigUint64Array(e.buffer, e.byteOffset, n);
    const gb = f32 ? new Uint32Array(g.buffer) : new BigUint64Array(g.buffer);
    for (let i = 0; i < n; i++) {
      if (eb[i] === gb[i] || (Number.isNaN(e[i]) && Number.isNaN(g[i]))) continue;
      bad++;
      if (examples.length < 8) {
        const args = ins.map((a) => hex(a[i], f32)).join(', ');
        examples.push(
          `  ${name}${nOut > 1 ? `[${o}]` : ''}(${args}) = ${hex(e[i], f32)} glibc, ${hex(g[i], f32)} port`,
        );
      }
    }
  }
  console.log(`${c}: ${n} inputs, ${bad} mismatches (${((ms / n) * 1e6).toFixed(0)} ns/call)`);
  for (const ex of examples) console.log(ex);
  if (bad) failed = true;
}
process.exit(failed ? 1 : 0);
