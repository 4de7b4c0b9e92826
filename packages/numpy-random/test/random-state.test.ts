import { describe, expect, it } from 'vitest';
import { MT19937 } from '../src/bitgen/mt19937.js';
import { LEGACY_GAUSS_LOG_IS_EXACT } from '../src/legacy/gauss.js';
import { random } from '../src/random.js';
import { RandomState } from '../src/random-state.js';
import { withShape } from '../src/shape.js';
import {
  type Digest,
  dec,
  digestOf,
  expectDigest,
  expectFloatsHex,
  f64Hex,
  loadFixture,
  sha256,
} from './legacy-support.js';

/**
 * Replays the scenarios of fixtures/legacy-randomstate.json (scripts/gen-fixtures-legacy.py) on RandomState
 * and on the `random` module object. Everything is compared bit for bit, except values that go through
 * `log` (the legacy Gaussian), which may differ by 1 ulp until the exact glibc `log` is wired in
 * (LEGACY_GAUSS_LOG_IS_EXACT, issue 5); the stream itself (the MT19937 state after each step) is always exact.
 */
const STRICT_LIBM = LEGACY_GAUSS_LOG_IS_EXACT;
const GAUSS_METHODS = new Set(['randn', 'standardNormal', 'normal']);

interface Rec {
  kind: 'float' | 'int' | 'bytes' | 'list';
  scalar?: boolean;
  shape?: number[];
  dtype?: string;
  hex?: string | string[];
  value?: string;
  values?: string[];
  sha256?: string;
  every97?: string[];
}
interface Op {
  m: string;
  a: unknown[];
  k: Record<string, unknown>;
  slot?: string;
  digest?: Digest;
  result?: Rec;
  ndarray?: boolean;
  ndarrayArg?: boolean;
}
interface Scenario {
  name: string;
  seed: unknown;
  module: boolean;
  ops: Op[];
  final: Digest;
}
interface ErrorCase {
  m: string;
  a: unknown[];
  error: { type: string; message: string };
}
const fx = loadFixture<{ numpy: string; scenarios: Scenario[]; errors: ErrorCase[] }>(
  'legacy-randomstate.json',
);

const TYPED: Record<string, new (n: number) => ArrayLike<unknown>> = {
  float64: Float64Array,
  bool: Uint8Array,
  int8: Int8Array,
  int16: Int16Array,
  int32: Int32Array,
  int64: BigInt64Array,
  uint8: Uint8Array,
  uint16: Uint16Array,
  uint32: Uint32Array,
  uint64: BigUint64Array,
};

function flatten(x: unknown): unknown[] {
  if (Array.isArray(x)) return x.flatMap((e) => (Array.isArray(e) ? flatten(e) : [e]));
  return Array.from(x as ArrayLike<unknown>);
}

/** Checks one result against its record; returns the number of values that were 1 ulp off. */
function check(actual: unknown, rec: Rec, gauss: boolean, what: string): number {
  // With Math.log instead of the exact glibc log, a 1-ulp log error can reach 2 ulp after sqrt and the product.
  const maxUlp = gauss && !STRICT_LIBM ? 2 : 0;
  if (rec.kind === 'bytes') {
    expect(actual).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(actual as Uint8Array).toString('hex'), what).toBe(rec.hex);
    return 0;
  }
  if (rec.scalar) {
    if (rec.kind === 'float') {
      expect(typeof actual, what).toBe('number');
      return expectFloatsHex([f64Hex(actual as number)], [rec.hex as string], maxUlp, what);
    }
    if (rec.dtype === 'bool') expect(actual, what).toBe(rec.value === '1');
    else {
      expect(['number', 'bigint'], what).toContain(typeof actual);
      expect(String(actual), what).toBe(rec.value);
    }
    return 0;
  }
  const flat = flatten(actual);
  const isNested = Array.isArray(actual) && Array.isArray(actual[0]);
  if (!isNested) {
    const shape = (actual as { shape?: number[] }).shape ?? [flat.length];
    expect(shape, `${what}: shape`).toEqual(rec.shape);
    if (ArrayBuffer.isView(actual) && rec.dtype !== undefined && TYPED[rec.dtype] !== undefined) {
      expect(actual, `${what}: array type for ${rec.dtype}`).toBeInstanceOf(TYPED[rec.dtype]!);
    }
  }
  if (rec.kind === 'float') {
    const f = Float64Array.from(flat as number[]);
    if (rec.sha256 !== undefined) {
      if (maxUlp === 0) expect(sha256(f), `${what}: sha256`).toBe(rec.sha256);
      const sampled = Array.from(
        f.filter((_, i) => i % 97 === 0),
        f64Hex,
      );
      return expectFloatsHex(sampled, rec.every97!, maxUlp, `${what} (every 97th)`);
    }
    return expectFloatsHex(Array.from(f, f64Hex), rec.hex as string[], maxUlp, what);
  }
  const strs = flat.map((v) => String(typeof v === 'boolean' ? Number(v) : v));
  if (rec.sha256 !== undefined) {
    const Ctor = TYPED[rec.dtype!]!;
    const typed = ArrayBuffer.isView(actual)
      ? actual
      : (Ctor as unknown as { from(x: unknown[]): ArrayBufferView }).from(flat);
    expect(sha256(typed as ArrayBufferView), `${what}: sha256`).toBe(rec.sha256);
    expect(
      strs.filter((_, i) => i % 97 === 0),
      what,
    ).toEqual(rec.every97);
  } else expect(strs, what).toEqual(rec.values);
  return 0;
}

type Target = RandomState | typeof random;

function call(target: Target, op: Op): unknown {
  const args = dec(op.a) as unknown[];
  const kw = dec(op.k) as Record<string, unknown>;
  // A 2-D ndarray argument (ndarrayArg) is passed as nested arrays: its rows are permuted, as in NumPy.
  const fn = (target as unknown as Record<string, (...a: unknown[]) => unknown>)[op.m];
  expect(typeof fn, `method ${op.m}`).toBe('function');
  return Object.keys(kw).length > 0 ? fn!.apply(target, [...args, kw]) : fn!.apply(target, args);
}

function replay(sc: Scenario): number {
  let target: Target;
  if (sc.module) {
    random.seed(dec(sc.seed) as number);
    target = random;
  } else {
    const seed = dec(sc.seed) as Record<string, unknown>;
    target =
      seed !== null && typeof seed === 'object' && 'mt19937' in seed
        ? new RandomState(new MT19937(seed.mt19937 as number))
        : new RandomState(seed as unknown as number);
  }
  const slots: Record<string, unknown> = {};
  let inexact = 0;
  sc.ops.forEach((op, i) => {
    const what = `${sc.name} #${i} ${op.m}(${JSON.stringify(op.a).slice(0, 60)}${JSON.stringify(op.k)})`;
    if (op.m === 'digest') {
      expectDigest(digestOf(target.getState({ legacy: false }) as never), op.digest!, STRICT_LIBM, what);
    } else if (op.m === 'saveState') {
      // Through JSON: the state must be JSON-safe.
      slots[op.slot!] = JSON.parse(JSON.stringify(target.getState(op.k.legacy as boolean)));
      if (op.k.legacy) expect((slots[op.slot!] as unknown[]).length).toBe(5);
    } else if (op.m === 'restoreState') {
      target.setState(slots[op.slot!] as never);
    } else if (op.m === 'shuffle') {
      const input = dec(op.a[0]) as unknown[];
      let x: unknown;
      if (!op.ndarray) x = input.slice();
      else if (Array.isArray(input[0])) {
        const rows = input as number[][];
        x = withShape(Float64Array.from(rows.flat()), [rows.length, rows[0]!.length]);
      } else x = Float64Array.from(input as number[]);
      target.shuffle(x as number[]);
      const rec = op.result!;
      const values = flatten(x).map((v) => (rec.kind === 'float' ? v : String(v)));
      if (rec.kind === 'float')
        expectFloatsHex((values as number[]).map(f64Hex), rec.hex as string[], 0, what);
      else expect(values, what).toEqual(rec.values);
    } else {
      inexact += check(call(target, op), op.result!, GAUSS_METHODS.has(op.m), what);
    }
  });
  expectDigest(
    digestOf(target.getState({ legacy: false }) as never),
    sc.final,
    STRICT_LIBM,
    `${sc.name}: final state`,
  );
  return inexact;
}

describe(`RandomState / np.random against NumPy ${fx.numpy} (${STRICT_LIBM ? 'strict' : '≤ 1 ulp for log-based values'})`, () => {
  for (const sc of fx.scenarios) {
    it(`${sc.module ? 'np.random module' : 'RandomState'}: ${sc.name}`, () => {
      replay(sc);
    });
  }

  it('counts the Gaussian values that are not bit-exact (only log can differ, by ≤ 1 ulp)', () => {
    let inexact = 0;
    for (const sc of fx.scenarios) inexact += replay(sc);
    if (STRICT_LIBM) expect(inexact).toBe(0);
    else expect(inexact).toBeLessThan(200); // ~3% of the ~1600 fully compared Gaussian values at most
  });

  const OUR_WORDING: Record<string, RegExp> = {
    // seedkit phrases these differently; the error type is still NumPy's.
    "Unsupported dtype dtype('float64') for randint": /Unsupported dtype "float64" for randint/,
  };
  for (const e of fx.errors) {
    it(`rejects ${e.m}(${JSON.stringify(e.a).slice(0, 50)}) with ${e.error.type}: ${e.error.message}`, () => {
      const args = dec(e.a) as unknown[];
      let thrown: unknown;
      try {
        if (e.m === 'RandomState') new RandomState(args[0] as number);
        else {
          const rs = new RandomState(1);
          (rs as unknown as Record<string, (...a: unknown[]) => unknown>)[e.m]!.apply(rs, args);
        }
      } catch (err) {
        thrown = err;
      }
      expect(thrown, 'an error is thrown').toBeInstanceOf(Error);
      const err = thrown as Error;
      // Python's IndexError/OverflowError have no seedkit counterpart: they are ValueErrors here.
      const type =
        e.error.type === 'IndexError' || e.error.type === 'OverflowError' ? 'ValueError' : e.error.type;
      expect(err.name).toBe(type);
      if (e.error.type !== 'IndexError') {
        const re = OUR_WORDING[e.error.message];
        if (re !== undefined) expect(err.message).toMatch(re);
        else expect(err.message).toContain(e.error.message);
      }
    });
  }
});
