// Live cross-check of the built Generator against the local NumPy (run by `npm run test:live`): random
// seeds (fresh each run) × every 64-bit bit generator × a mix of ops, compared bit for bit.
//   node scripts/check-generator-live.mjs [--cases 40]
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const nCases = Number(args[args.indexOf('--cases') + 1] || 40) || 40;
const { Generator, PCG64, PCG64DXSM, Philox, SFC64 } = await import('../dist/index.js');
const CTORS = { PCG64, PCG64DXSM, Philox, SFC64 };

const cases = [];
for (let i = 0; i < nCases; i++) {
  const seed = [...crypto.getRandomValues(new Uint32Array(1 + (i % 3)))].map(String);
  cases.push({ bg: Object.keys(CTORS)[i % 4], seed, n: 1 + Math.floor(Math.random() * 3000) });
}

const PY = `
import json, sys, struct
import numpy as np
cases = json.loads(sys.stdin.read())
out = []
def hx(a, f): return [struct.pack(f, float(v)).hex() for v in a]
for c in cases:
    g = np.random.Generator(getattr(np.random, c['bg'])([int(s) for s in c['seed']]))
    n = c['n']
    r = {}
    r['random'] = hx(g.random(n), '>d')
    r['normal'] = hx(g.standard_normal(n), '>d')
    r['normal32'] = hx(g.standard_normal(n, dtype=np.float32), '>f')
    r['exp'] = hx(g.standard_exponential(n), '>d')
    r['exp32'] = hx(g.standard_exponential(n, dtype=np.float32), '>f')
    r['ints'] = [str(v) for v in g.integers(-(2**40), 2**41, n)]
    r['u8'] = [str(v) for v in g.integers(0, 200, n, dtype=np.uint8)]
    r['perm'] = [str(v) for v in g.permutation(n)]
    r['choice'] = [str(v) for v in g.choice(n + 20000, min(n, 600), replace=False)]
    out.append(r)
print(json.dumps(out))
`;
const py = spawnSync('python3', ['-c', PY], {
  input: JSON.stringify(cases),
  encoding: 'utf8',
  maxBuffer: 1 << 30,
});
if (py.status !== 0) {
  console.error(py.stderr);
  process.exit(2);
}
const want = JSON.parse(py.stdout);
const dv = new DataView(new ArrayBuffer(8));
const h64 = (v) => {
  dv.setFloat64(0, v);
  return dv.getBigUint64(0).toString(16).padStart(16, '0');
};
const h32 = (v) => {
  dv.setFloat32(0, v);
  return dv.getUint32(0).toString(16).padStart(8, '0');
};
let bad = 0;
let values = 0;
cases.forEach((c, k) => {
  const g = new Generator(new CTORS[c.bg](c.seed.map((s) => Number(s))));
  const n = c.n;
  const got = {
    random: Array.from(g.random(n), h64),
    normal: Array.from(g.standardNormal(n), h64),
    normal32: Array.from(g.standardNormal(n, 'float32'), h32),
    exp: Array.from(g.standardExponential(n), h64),
    exp32: Array.from(g.standardExponential(n, 'float32'), h32),
    ints: Array.from(g.integers(-(2 ** 40), 2 ** 41, n), String),
    u8: Array.from(g.integers(0, 200, n, 'uint8'), String),
    perm: Array.from(g.permutation(n), String),
    choice: Array.from(g.choice(n + 20000, Math.min(n, 600), false), String),
  };
  for (const key of Object.keys(got)) {
    values += got[key].length;
    if (JSON.stringify(got[key]) !== JSON.stringify(want[k][key])) {
      bad++;
      console.error(`MISMATCH ${c.bg} seed=${c.seed} n=${n} ${key}`);
    }
  }
});
console.log(
  `generator live check: ${cases.length} random seeds, ${values} values, ${bad} mismatching series`,
);
process.exit(bad ? 1 : 0);
