// The MT19937 WebAssembly SIMD kernel (wasm/mt19937.wat) against (1) a plain sequential MT19937 written here
// (genrand with a modular index, one word at a time: no blocks, no chunking), driving the kernel's `fill` and
// `twist` exports directly, and (2) the TypeScript path of MT19937.fillDouble / RandomState (kernel disabled),
// over sizes crossing the 624-word twist and the 8192-double chunk, every entry position class, state round
// trips mid-stream and Gaussian-cache interleavings. Also: on an engine that rejects the SIMD module
// (WebAssembly.validate false) the TypeScript path is used and gives the same bits.
// NumPy itself is the reference of the legacy fixtures (random-state.test.ts, bitgen-fixtures.test.ts) and of
// scripts/check-legacy-live.mjs, which run through this kernel.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MT19937 } from '../src/bitgen/mt19937.js';
import { KERNEL_CHUNK, mtKernel, resetMTKernel, setMTKernelEnabled } from '../src/bitgen/mt19937-wasm.js';
import { RandomState } from '../src/random-state.js';

const N = 624;
const M = 397;

/** Sequential MT19937 from the textbook definition: state index j advances one word per output. */
class RefMT {
  readonly mt = new Uint32Array(N);
  j = N;
  constructor(seed: number) {
    this.mt[0] = seed >>> 0;
    for (let i = 1; i < N; i++) {
      const p = this.mt[i - 1]!;
      this.mt[i] = (Math.imul(1812433253, (p ^ (p >>> 30)) >>> 0) + i) >>> 0;
    }
  }
  regenerate(): void {
    const mt = this.mt;
    for (let k = 0; k < N; k++) {
      const y = (mt[k]! & 0x80000000) | (mt[(k + 1) % N]! & 0x7fffffff);
      mt[k] = (mt[(k + M) % N]! ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0)) >>> 0;
    }
  }
  next(): number {
    if (this.j >= N) {
      this.regenerate();
      this.j = 0;
    }
    let y = this.mt[this.j++]!;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }
  double(): number {
    const a = this.next() >>> 5;
    const b = this.next() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }
}

const bits = (a: Float64Array): BigUint64Array => new BigUint64Array(a.buffer, a.byteOffset, a.length);

/** First index where the IEEE bits differ, or -1. */
function firstDiff(a: Float64Array, b: Float64Array): number {
  expect(a.length).toBe(b.length);
  const x = bits(a);
  const y = bits(b);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return i;
  return -1;
}

function withTS<T>(f: () => T): T {
  setMTKernelEnabled(false);
  try {
    return f();
  } finally {
    setMTKernelEnabled(true);
  }
}

afterEach(() => {
  vi.restoreAllMocks();
  setMTKernelEnabled(true);
  resetMTKernel();
});

describe('MT19937 SIMD kernel: exports against a sequential reference', () => {
  it('loads in this runtime (Node 20 has WebAssembly SIMD), else these tests would compare TS with itself', () => {
    expect(mtKernel()).not.toBeNull();
  });

  it('fill(n) from every entry position gives the reference doubles and leaves the reference key and pos', () => {
    const k = mtKernel();
    if (k === null) throw new Error('kernel missing');
    // entry positions: twist first (624), the straddling pair (623), odd and even positions, and the last
    // 8-word vector block boundaries (616, 615)
    const starts = [624, 623, 622, 621, 616, 615, 0, 1, 2, 3, 7, 8, 9, 311, 312, 313, 500, 501];
    // sizes in doubles: below one vector step, the 312 pairs of one key, the chunk
    const sizes = [0, 1, 2, 3, 4, 5, 311, 312, 313, 624, 625, 1000, KERNEL_CHUNK - 1, KERNEL_CHUNK];
    let seed = 1;
    for (const start of starts) {
      for (const n of sizes) {
        const ref = new RefMT(seed++);
        for (let i = 0; i < 3 * N; i++) ref.next(); // a twisted, non-initial key
        expect(ref.j).toBe(N);
        // bring the reference to word position `start` of a freshly regenerated key
        if (start < N) {
          ref.regenerate();
          ref.j = 0;
          for (let i = 0; i < start; i++) ref.next();
        }
        expect(ref.j).toBe(start);
        k.key.set(new Int32Array(ref.mt.buffer));
        k.pos[0] = start;
        k.fill(n);
        const want = new Float64Array(n);
        for (let i = 0; i < n; i++) want[i] = ref.double();
        const got = Float64Array.from(k.out.subarray(0, n));
        const d = firstDiff(got, want);
        if (d >= 0)
          expect(`start ${start} n ${n} i ${d}: ${got[d]}`).toBe(`start ${start} n ${n} i ${d}: ${want[d]}`);
        expect(k.pos[0]).toBe(ref.j);
        expect(new Uint32Array(k.key.buffer, k.key.byteOffset, N)).toEqual(ref.mt);
      }
    }
  });

  it('repeated fills across many twists and chunk boundaries stay on the reference stream', () => {
    const k = mtKernel();
    if (k === null) throw new Error('kernel missing');
    const ref = new RefMT(20260101);
    k.key.set(new Int32Array(ref.mt.buffer));
    k.pos[0] = N;
    // odd sizes so fills end at every parity and position within the key
    for (const n of [KERNEL_CHUNK, 1, 3, 4097, KERNEL_CHUNK - 5, 313, 2, KERNEL_CHUNK, 77, 5000]) {
      k.fill(n);
      const want = new Float64Array(n);
      for (let i = 0; i < n; i++) want[i] = ref.double();
      expect(firstDiff(Float64Array.from(k.out.subarray(0, n)), want)).toBe(-1);
      expect(k.pos[0]).toBe(ref.j);
    }
  });
});

describe('MT19937.fillDouble: SIMD kernel = TypeScript path', () => {
  // pre: 32-bit draws before the fill (pos parity and the straddling pair); sizes cross 624 words and the chunk
  const PRE = [0, 1, 2, 311, 621, 622, 623, 624, 625, 1247];
  const SIZES = [
    1024,
    1025,
    1247,
    1248,
    1249,
    KERNEL_CHUNK - 1,
    KERNEL_CHUNK,
    KERNEL_CHUNK + 1,
    2 * KERNEL_CHUNK + 313,
  ];

  it('same bits, same state, same following draws, for every pre-draw count and size', () => {
    expect(mtKernel()).not.toBeNull();
    for (const pre of PRE) {
      for (const n of SIZES) {
        const run = (ts: boolean) => {
          const go = () => {
            const bg = new MT19937(pre * 7919 + n);
            bg.randomRaw(pre === 0 ? 1 : pre);
            const out = new Float64Array(n + 3);
            bg.fillDouble(out, 2, n + 2);
            return { out, state: bg.state, next: [bg.nextUint32(), bg.nextDouble()] };
          };
          return ts ? withTS(go) : go();
        };
        const w = run(false);
        const t = run(true);
        expect(firstDiff(w.out, t.out)).toBe(-1);
        expect(w.state).toEqual(t.state);
        expect(w.next).toEqual(t.next);
      }
    }
  });

  it('a state saved mid-stream and restored continues identically on both paths', () => {
    const mk = () => {
      const bg = new MT19937(99);
      bg.randomRaw(433);
      const first = new Float64Array(5000);
      bg.fillDouble(first);
      return { bg, first };
    };
    const a = mk();
    const b = withTS(mk);
    expect(firstDiff(a.first, b.first)).toBe(-1);
    const saved = JSON.parse(JSON.stringify(a.bg.state));
    expect(saved).toEqual(b.bg.state);
    // restore into fresh generators and continue, one with the kernel, one without
    const c = new MT19937(0);
    c.state = saved;
    const d = new MT19937(1);
    d.state = saved;
    const rc = new Float64Array(3 * KERNEL_CHUNK + 11);
    const rd = new Float64Array(rc.length);
    c.fillDouble(rc);
    withTS(() => d.fillDouble(rd));
    expect(firstDiff(rc, rd)).toBe(-1);
    expect(c.state).toEqual(d.state);
    // and the original generator continues the same way as the restored one
    const ra = new Float64Array(rc.length);
    a.bg.fillDouble(ra);
    expect(firstDiff(ra, rc)).toBe(-1);
  });
});

describe('RandomState: rand / randn / randint interleavings, kernel = TypeScript path', () => {
  type Step = (rs: RandomState) => unknown;
  const toBits = (v: unknown): string[] =>
    typeof v === 'number'
      ? [bits(new Float64Array([v]))[0]!.toString(16)]
      : v instanceof Float64Array
        ? Array.from(bits(v), (x) => x.toString(16))
        : Array.from(v as ArrayLike<number | bigint>, String);

  const SCRIPTS: Record<string, Step[]> = {
    // a cached Gaussian (has_gauss = 1) survives a long rand fill
    'randn(1) then rand(big) then randn': [
      (rs) => rs.randn(1),
      (rs) => rs.rand(KERNEL_CHUNK + 777),
      (rs) => rs.randn(3),
    ],
    'odd randn counts between fills': [
      (rs) => rs.randn(5),
      (rs) => rs.rand(2000),
      (rs) => rs.randn(7),
      (rs) => rs.rand(3, 1000),
      (rs) => rs.randn(),
      (rs) => rs.rand(1025),
    ],
    'randint (32-bit draws: odd pos) then fills': [
      (rs) => rs.randint(0, 1000, 3),
      (rs) => rs.rand(1248),
      (rs) => rs.randint(0, 7, 1),
      (rs) => rs.randn(1),
      (rs) => rs.rand(KERNEL_CHUNK * 2 + 1),
    ],
    'get/set state with a cached Gaussian mid-stream': [
      (rs) => rs.randn(1),
      (rs) => rs.rand(3000),
      (rs) => {
        const st = rs.getState();
        const other = new RandomState(0);
        other.setState(st as never);
        rs.setState(other.getState() as never);
        return st;
      },
      (rs) => rs.rand(5000),
      (rs) => rs.randn(2),
    ],
  };

  for (const [name, steps] of Object.entries(SCRIPTS)) {
    it(name, () => {
      const run = () => {
        const rs = new RandomState(1234);
        const outs = steps.map((s) => {
          const r = s(rs);
          return Array.isArray(r) ? JSON.stringify(r) : toBits(r);
        });
        return { outs, state: JSON.stringify(rs.getState()) };
      };
      const w = run();
      const t = withTS(run);
      expect(w.outs).toEqual(t.outs);
      expect(w.state).toBe(t.state);
    });
  }
});

describe('engines without WebAssembly SIMD', () => {
  it('WebAssembly.validate false → no kernel, and the TypeScript path gives the kernel bits', () => {
    const withKernel = new MT19937(7);
    const a = new Float64Array(KERNEL_CHUNK + 999);
    expect(mtKernel()).not.toBeNull();
    withKernel.fillDouble(a);

    resetMTKernel();
    const spy = vi.spyOn(WebAssembly, 'validate').mockReturnValue(false);
    expect(mtKernel()).toBeNull();
    expect(spy).toHaveBeenCalled();
    const without = new MT19937(7);
    const b = new Float64Array(a.length);
    without.fillDouble(b);
    expect(firstDiff(a, b)).toBe(-1);
    expect(without.state).toEqual(withKernel.state);
  });
});
