// The PCG64 WebAssembly consumer kernels (wasm/pcg64.wat: `words` for bounded integers and Fisher–Yates
// draws, `normal` for the ziggurat fast path) against the TypeScript path (kernel disabled) and against
// NumPy 2.4.6 fixtures (fixtures/generator-ops.json, scripts/gen-fixtures-generator.py): identical bits and
// identical final state (incl. NumPy's uint32 half-buffer), across chunk boundaries (8192), with buffered
// draws at entry, and with the ziggurat's slow-path exits.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PCG64 } from '../src/bitgen/pcg64.js';
import { PCG_KERNEL_CHUNK, PCG_W_SCRATCH, pcgKernel, setPCGKernelEnabled } from '../src/bitgen/pcg64-wasm.js';
import { shuffleInPlace } from '../src/distributions/interval.js';
import { zigguratTables } from '../src/distributions/ziggurat.js';
import { Generator } from '../src/generator.js';
import { expRaw } from '../src/math/exp.js';
import { type Case, decodeArg, loadFixture, normState } from './generator-replay.js';
import { xorshiftUniform } from './math-fixtures.js';

const bytes = (a: ArrayBufferView): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
const sha = (a: ArrayBufferView): string => createHash('sha256').update(bytes(a)).digest('hex');

/** How a test generator is prepared before the bulk call (to put draws in the buffers the kernel must honour). */
const PREP: Record<string, (g: Generator) => void> = {
  fresh: () => {},
  // next_uint32 leaves the high half buffered (has_uint32 = 1)
  'half buffered': (g) => void g.integers(0, 10),
  // one next_double leaves 1023 raw outputs generated ahead in PCG64's buffer
  'raw buffered': (g) => void g.random(),
  'both buffered': (g) => {
    g.integers(0, 10);
    g.random();
    g.integers(0, 10);
    g.integers(0, 10);
    g.integers(0, 10);
  },
  // a state dict set mid-stream with has_uint32 = 1
  'state set': (g) => {
    g.integers(0, 7);
    const s = g.bitGenerator.state;
    g.bitGenerator.state = s as never;
  },
};

/** Runs `op` on a fresh PCG64(seed) Generator with the kernel on and off; returns both results and states. */
function bothPaths<T>(seed: number, prep: (g: Generator) => void, op: (g: Generator) => T) {
  const run = (kernel: boolean) => {
    setPCGKernelEnabled(kernel);
    try {
      const g = new Generator(new PCG64(seed));
      prep(g);
      const r = op(g);
      // one more draw of each kind, so a wrong state or buffer shows
      const after = [g.integers(0, 1000, 5), g.random(3), g.standardNormal(2)];
      return {
        r,
        state: normState(g.bitGenerator.state),
        after: after.map((a) => Array.from(a as ArrayLike<number | bigint>, String)),
      };
    } finally {
      setPCGKernelEnabled(true);
    }
  };
  return { wasm: run(true), ts: run(false) };
}

describe('PCG64 kernels', () => {
  it('the kernel is available in this runtime (else these tests compare the TypeScript path with itself)', () => {
    expect(pcgKernel()).not.toBeNull();
  });
});

describe('integers (int64/uint64, range < 2^32 - 1): kernel = TypeScript path', () => {
  const SIZES = [64, 8191, 8192, 8193, 3 * 8192 + 77, 100_003];
  const RANGES: [string, (g: Generator, n: number) => BigInt64Array | BigUint64Array][] = [
    ['[0, 1000)', (g, n) => g.integers(0, 1000, n)],
    // threshold 2^20: about 1 in 4096 words is rejected, so chunks end on odd word counts
    ['[0, 1572864)', (g, n) => g.integers(0, 1572864, n)],
    ['[-7, 1572857)', (g, n) => g.integers(-7, 1572857, n)],
    // excl = 2^32 - 1: the full 64-bit product, threshold 1
    ['[0, 2^32 - 1)', (g, n) => g.integers(0, 4294967295, n)],
    // excl = 2^31 + 1: rejection probability ~1/2
    ['[5, 5 + 2^31 + 1)', (g, n) => g.integers(5, 5 + 2 ** 31 + 1, n)],
    ['[-2^40, -2^40 + 5000)', (g, n) => g.integers(-(2 ** 40), -(2 ** 40) + 5000, n)],
    ['int64 near 2^63 (endpoint)', (g, n) => g.integers(2n ** 63n - 3000n, 2n ** 63n - 1n, n, 'int64', true)],
    ['uint64 wrapping offset', (g, n) => g.integers(2n ** 64n - 1000n, 2n ** 64n - 1n, n, 'uint64')],
  ];
  for (const [name, op] of RANGES) {
    for (const prepName of Object.keys(PREP)) {
      it(`${name}, ${prepName}, sizes ${SIZES.join('/')}`, () => {
        for (const n of SIZES) {
          const { wasm, ts } = bothPaths(n, PREP[prepName]!, (g) => op(g, n));
          expect(wasm.r.length).toBe(n);
          expect(sha(wasm.r), `${name} n=${n}`).toBe(sha(ts.r));
          expect(wasm.state, `${name} n=${n} state`).toEqual(ts.state);
          expect(wasm.after).toEqual(ts.after);
        }
      });
    }
  }
  it('values are in range', () => {
    const g = new Generator(new PCG64(3));
    const v = g.integers(-7, 1572857, 100_001);
    let min = Infinity;
    let max = -Infinity;
    for (const x of v) {
      min = Math.min(min, Number(x));
      max = Math.max(max, Number(x));
    }
    expect(min).toBeGreaterThanOrEqual(-7);
    expect(max).toBeLessThan(1572857);
  });
});

describe('standardNormal (float64): kernel = TypeScript path', () => {
  const SIZES = [64, 1000, 8192, 8193, 3 * 8192 + 5, 200_000];
  for (const prepName of Object.keys(PREP)) {
    it(`${prepName}, sizes ${SIZES.join('/')}`, () => {
      for (const n of SIZES) {
        const { wasm, ts } = bothPaths(n + 11, PREP[prepName]!, (g) => g.standardNormal(n));
        expect(wasm.r.length).toBe(n);
        expect(sha(wasm.r), `n=${n}`).toBe(sha(ts.r));
        expect(wasm.state, `n=${n} state`).toEqual(ts.state);
        expect(wasm.after).toEqual(ts.after);
      }
    });
  }
  it('normal(loc, scale, size) and the out= form take the same path', () => {
    const { wasm, ts } = bothPaths(9, PREP.fresh!, (g) => {
      const out = new Float64Array(20_000);
      g.standardNormal(null, 'float64', out);
      return Float64Array.from([...g.normal(1, 2, 30_000), ...out]);
    });
    expect(sha(wasm.r)).toBe(sha(ts.r));
    expect(wasm.state).toEqual(ts.state);
  });
  it('the kernel decides the wedge tests, stops for the tail and for an exp it leaves open (counted)', () => {
    const k = pcgKernel()!;
    const orig = k.normal;
    let calls = 0;
    let tails = 0;
    let openWedges = 0;
    k.normal = (from: number, n: number) => {
      const got = orig(from, n);
      calls++;
      if (got < n) {
        if ((k.mem32[PCG_W_SCRATCH]! & 0xff) === 0) tails++;
        else openWedges++;
      }
      return got;
    };
    let v: Float64Array;
    try {
      v = new Generator(new PCG64(42)).standardNormal(400_000);
    } finally {
      k.normal = orig;
    }
    // ~1.5% of draws need the wedge or tail test (~6000 here), ~0.026% the tail
    expect(tails).toBeGreaterThan(40);
    expect(tails).toBeLessThan(300);
    // the wedge tests whose exp the kernel leaves open go to TypeScript (so that path ran), but few do
    // (measured: 107 tails and 128 open wedges)
    expect(openWedges).toBeGreaterThan(0);
    expect(openWedges).toBeLessThan(600);
    expect(calls).toBe(tails + openWedges + Math.ceil(400_000 / PCG_KERNEL_CHUNK));
    expect(v.filter((x) => Math.abs(x) > zigguratTables.norR).length).toBeGreaterThan(10);
  });
});

describe("the normal kernel's exp (wedge test) = expRaw", () => {
  it('returns expRaw bit for bit or NaN: the wedge domain, every binade below 512, specials', () => {
    const k = pcgKernel()!;
    new Generator(new PCG64(1)).standardNormal(100); // loads the tables and exp data into the kernel
    const xs: number[] = [];
    const rnd = xorshiftUniform(0x2545f491);
    // the wedge's arguments −x²/2 for |x| below the ziggurat's r ≈ 3.65, then wider
    for (let i = 0; i < 300_000; i++) {
      const x = 3.6541528853610088 * rnd();
      xs.push(-0.5 * x * x);
    }
    for (let e = -60; e <= 9; e++)
      for (let i = 0; i < 200; i++) xs.push((rnd() < 0.5 ? -1 : 1) * 2 ** e * (1 + rnd()));
    xs.push(
      0,
      -0,
      2 ** -54,
      -(2 ** -54),
      511.99,
      -511.99,
      512,
      -512,
      709.7,
      -745.2,
      Infinity,
      -Infinity,
      Number.NaN,
    );
    let compared = 0;
    let open = 0;
    let wedgeOpen = 0;
    const a = new Float64Array(2);
    const b = new BigUint64Array(a.buffer);
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i]!;
      const y = k.expFast(x);
      if (Number.isNaN(y)) {
        open++;
        if (i < 300_000) wedgeOpen++;
        continue;
      }
      a[0] = y;
      a[1] = expRaw(x);
      if (b[0] !== b[1]) throw new Error(`exp(${x}): kernel ${y}, expRaw ${a[1]}`);
      compared++;
    }
    expect(compared).toBeGreaterThan(300_000);
    // open only where expRaw's filters leave the rounding to the all-fma path (about 2% of the wedge's inputs)
    expect(wedgeOpen).toBeLessThan(12_000);
    expect(open).toBeLessThan(xs.length - compared + 1);
  });
});

describe('Fisher–Yates draws (shuffleInPlace): kernel = TypeScript path = Generator.permutation', () => {
  const SIZES = [65, 1000, 8193, 3 * 8192 + 9, 100_000];
  for (const prepName of Object.keys(PREP)) {
    it(`${prepName}, sizes ${SIZES.join('/')}`, () => {
      for (const n of SIZES) {
        const shuffled = (g: Generator) => {
          const idx = new Int32Array(n);
          for (let i = 0; i < n; i++) idx[i] = i;
          shuffleInPlace(g.bitGenerator, idx, n);
          return idx;
        };
        const { wasm, ts } = bothPaths(n, PREP[prepName]!, shuffled);
        expect(sha(wasm.r), `n=${n}`).toBe(sha(ts.r));
        expect(wasm.state, `n=${n} state`).toEqual(ts.state);
        expect(wasm.after).toEqual(ts.after);
        // Generator.permutation (its own inline TypeScript loop, fixture-checked) gives the same order
        const viaPerm = bothPaths(n, PREP[prepName]!, (g) => Int32Array.from(g.permutation(n), Number));
        expect(sha(viaPerm.ts.r)).toBe(sha(wasm.r));
        expect(viaPerm.ts.state).toEqual(wasm.state);
      }
    });
  }
  it('first = 0 (permuted) and plain arrays', () => {
    const { wasm, ts } = bothPaths(5, PREP['half buffered']!, (g) => {
      const a = Array.from({ length: 5000 }, (_, i) => `s${i}`);
      shuffleInPlace(g.bitGenerator, a, a.length, 0);
      return Int32Array.from(a, (s) => Number(s.slice(1)));
    });
    expect(sha(wasm.r)).toBe(sha(ts.r));
    expect(wasm.state).toEqual(ts.state);
  });
});

describe('kernel outputs equal NumPy 2.4.6 fixtures (generator-ops.json, PCG64 seed 42 large draws)', () => {
  const { cases } = loadFixture<{ cases: Case[] }>('generator-ops.json');
  const c = cases.find(
    (x) => x.bitgen === 'PCG64' && x.ops.some((o) => o.m === 'permutation' && o.result?.sha256),
  )!;
  const NAMES: Record<string, string> = {
    random: 'random',
    standard_normal: 'standardNormal',
    standard_exponential: 'standardExponential',
    integers: 'integers',
    permutation: 'permutation',
    choice: 'choice',
  };
  it('replays the case with the kernel on; permutation also through shuffleInPlace', () => {
    expect(pcgKernel()).not.toBeNull();
    const g = new Generator(new PCG64(42));
    let checked = 0;
    for (const op of c.ops) {
      const args = op.args.map(decodeArg);
      const kw = op.kw ?? {};
      const call = Object.keys(kw).length > 0 ? [...args, kw] : args;
      if (op.m === 'permutation') {
        const n = args[0] as number;
        const idx = new Int32Array(n);
        for (let i = 0; i < n; i++) idx[i] = i;
        shuffleInPlace(g.bitGenerator, idx, n);
        const out = new BigInt64Array(n);
        for (let i = 0; i < n; i++) out[i] = BigInt(idx[i]!);
        expect(sha(out)).toBe(op.result!.sha256);
        checked++;
        continue;
      }
      const r = (g as unknown as Record<string, (...a: unknown[]) => ArrayBufferView>)[NAMES[op.m]!]!(
        ...call,
      );
      if (op.result?.sha256 && (op.m === 'integers' || op.m === 'standard_normal')) {
        if ('dtype' in kw && kw.dtype !== 'int64') continue;
        expect(sha(r), `${op.m}(${JSON.stringify(op.args)})`).toBe(op.result.sha256);
        checked++;
      }
    }
    // integers ×3 (int64 results), standard_normal ×1 (float64), permutation ×1
    expect(checked).toBe(5);
  });
});
