import { describe, SeedkitTypeError, SeedkitValueError } from './errors.js';

/**
 * Entropy accepted by {@link SeedSequence}: a non-negative safe integer, a non-negative bigint of any
 * size, or a (nested) array or integer typed array of those, where array elements may also be decimal or
 * `0x` strings (as NumPy accepts them inside sequences).
 */
export type Entropy = number | bigint | EntropyArray | IntegerTypedArray;
export interface EntropyArray
  extends ReadonlyArray<number | bigint | string | EntropyArray | IntegerTypedArray> {}

/** Integer typed arrays, accepted as entropy like NumPy integer ndarrays (each element coerced on its own). */
export type IntegerTypedArray =
  | Uint8Array
  | Uint8ClampedArray
  | Uint16Array
  | Uint32Array
  | Int8Array
  | Int16Array
  | Int32Array
  | BigUint64Array
  | BigInt64Array;

/** A sequence (array or typed array); float typed arrays are refused as NumPy refuses float arrays. */
function isSequence(e: unknown, where: string): e is ReadonlyArray<unknown> {
  if (Array.isArray(e)) return true;
  if (ArrayBuffer.isView(e) && !(e instanceof DataView)) {
    if (e instanceof Float32Array || e instanceof Float64Array) {
      throw new SeedkitTypeError(`${where}: seed must be integer, got a ${e.constructor.name}`);
    }
    return true;
  }
  return false;
}

/** `SeedSequence.state`, in NumPy's shape (`entropy`, `spawn_key`, `pool_size`, `n_children_spawned`). */
export interface SeedSequenceState {
  entropy: bigint | readonly (number | bigint)[];
  spawnKey: readonly (number | bigint)[];
  poolSize: number;
  nChildrenSpawned: number;
}

export interface SeedSequenceOptions {
  spawnKey?: readonly (number | bigint)[];
  poolSize?: number;
  nChildrenSpawned?: number;
}

const INIT_A = 0x43b0d7e5;
const MULT_A = 0x931e8875;
const INIT_B = 0x8b51f9dd;
const MULT_B = 0x58f38ded;
const MIX_MULT_L = 0xca01f9dd;
const MIX_MULT_R = 0x4973f715;
const DEFAULT_POOL_SIZE = 4;

const MASK32 = 0xffffffffn;

/** Splits a non-negative bigint into 32-bit words, least significant first (0 → [0]). */
function bigintWords(v: bigint, out: number[]): void {
  if (v === 0n) {
    out.push(0);
    return;
  }
  while (v > 0n) {
    out.push(Number(v & MASK32));
    v >>= 32n;
  }
}

function coerceInteger(v: number | bigint, where: string, out: number[]): void {
  if (typeof v === 'bigint') {
    if (v < 0n) throw new SeedkitValueError(`${where}: expected non-negative integer, got ${describe(v)}`);
    bigintWords(v, out);
    return;
  }
  if (typeof v !== 'number') throw new SeedkitTypeError(`${where}: expected an integer, got ${describe(v)}`);
  if (Number.isNaN(v) || !Number.isFinite(v) || !Number.isInteger(v)) {
    throw new SeedkitTypeError(`${where}: SeedSequence expects integer entropy, got ${describe(v)}`);
  }
  if (v < 0) throw new SeedkitValueError(`${where}: expected non-negative integer, got ${describe(v)}`);
  if (!Number.isSafeInteger(v)) {
    throw new SeedkitValueError(
      `${where}: ${v} is above Number.MAX_SAFE_INTEGER and may already have lost precision; pass it as a bigint`,
    );
  }
  if (v <= 0xffffffff) out.push(v);
  else bigintWords(BigInt(v), out);
}

/**
 * A seed string inside an entropy array, parsed as NumPy 2.4 does: `"0x…"` (lowercase x) is hex, a string
 * starting with a decimal digit is Python `int(s)` (single underscores between digits and trailing
 * whitespace allowed), anything else is refused with ValueError.
 */
export function parseSeedString(s: string, where: string): bigint {
  if (s.startsWith('0x')) {
    const body = s.slice(2).replace(/[ \t\n\r\v\f]+$/, '');
    if (!/^_?[0-9a-fA-F]+(?:_[0-9a-fA-F]+)*$/.test(body)) {
      throw new SeedkitValueError(`${where}: invalid literal for int() with base 16: ${describe(s)}`);
    }
    return BigInt(`0x${body.replace(/_/g, '')}`);
  }
  if (/^[0-9]/.test(s)) {
    const body = s.replace(/[ \t\n\r\v\f]+$/, '');
    if (!/^[0-9]+(?:_[0-9]+)*$/.test(body)) {
      throw new SeedkitValueError(`${where}: invalid literal for int() with base 10: ${describe(s)}`);
    }
    return BigInt(body.replace(/_/g, ''));
  }
  throw new SeedkitValueError(
    `${where}: unrecognized seed string ${describe(s)} (expected a decimal or 0x-hex integer)`,
  );
}

function coerceString(s: string, where: string, out: number[]): void {
  bigintWords(parseSeedString(s, where), out);
}

function coerceSequence(seq: ReadonlyArray<unknown>, where: string, out: number[]): void {
  for (let i = 0; i < seq.length; i++) {
    const e = seq[i];
    const w = `${where}[${i}]`;
    if (typeof e === 'string') coerceString(e, w, out);
    else if (typeof e === 'number' || typeof e === 'bigint') coerceInteger(e, w, out);
    else if (isSequence(e, w)) coerceSequence(e, w, out);
    else throw new SeedkitTypeError(`${w}: SeedSequence expects int or sequence of ints, got ${describe(e)}`);
  }
}

/** NumPy's `_coerce_to_uint32_array`: entropy → 32-bit words, least significant first. */
export function coerceToUint32Words(value: unknown, where = 'entropy'): number[] {
  const out: number[] = [];
  if (typeof value === 'number' || typeof value === 'bigint') coerceInteger(value, where, out);
  else if (isSequence(value, where)) coerceSequence(value, where, out);
  else if (typeof value === 'string') {
    throw new SeedkitTypeError(
      `${where}: SeedSequence expects int or sequence of ints, got a string (strings are only allowed inside arrays)`,
    );
  } else {
    throw new SeedkitTypeError(
      `${where}: SeedSequence expects int or sequence of ints, got ${describe(value)}`,
    );
  }
  return out;
}

/** A count argument: an integer (TypeError otherwise, as Python's index check) that is not negative. */
function checkCount(n: unknown, where: string): asserts n is number {
  if (typeof n !== 'number' || !Number.isSafeInteger(n)) {
    throw new SeedkitTypeError(`${where}: expected a non-negative integer, got ${describe(n)}`);
  }
  if (n < 0) throw new SeedkitValueError(`${where}: expected a non-negative integer, got ${n}`);
}

function mix(x: number, y: number): number {
  let r = (Math.imul(MIX_MULT_L, x) - Math.imul(MIX_MULT_R, y)) >>> 0;
  r = (r ^ (r >>> 16)) >>> 0;
  return r;
}

function randomEntropy(poolSize: number): bigint {
  const c = (globalThis as { crypto?: { getRandomValues?: (a: Uint32Array) => Uint32Array } }).crypto;
  if (!c?.getRandomValues)
    throw new Error('SeedSequence: no cryptographic random source (globalThis.crypto) available');
  const words = c.getRandomValues(new Uint32Array(poolSize));
  let v = 0n;
  for (let i = words.length - 1; i >= 0; i--) v = (v << 32n) | BigInt(words[i]!);
  return v;
}

function normaliseEntropy(entropy: Entropy): bigint | (number | bigint)[] {
  if (typeof entropy === 'number' || typeof entropy === 'bigint') return BigInt(entropy);
  return flatten(entropy as ReadonlyArray<unknown>);
}

function flatten(a: ReadonlyArray<unknown>): (number | bigint)[] {
  const out: (number | bigint)[] = [];
  for (const e of a) {
    if (isSequence(e, 'entropy')) for (const x of flatten(e)) out.push(x);
    else if (typeof e === 'string') out.push(parseSeedString(e, 'entropy'));
    else out.push(e as number | bigint);
  }
  return out;
}

/** The words fed to the pool: entropy (zero-padded to the pool size when a spawn key exists) + spawn key. */
function mixEntropy(run: readonly number[], spawn: readonly number[], poolSize: number): Uint32Array {
  const e =
    spawn.length > 0 && run.length < poolSize
      ? run.concat(new Array(poolSize - run.length).fill(0))
      : run.slice();
  for (let i = 0; i < spawn.length; i++) e.push(spawn[i]!);
  const n = e.length;
  const pool = new Uint32Array(poolSize);
  let hc = INIT_A;
  // hashmix(v): v ^= hc; hc *= MULT_A; v *= hc; v ^= v >> 16 (hc carried through the whole mix)
  for (let i = 0; i < poolSize; i++) {
    let v = ((i < n ? e[i]! : 0) ^ hc) >>> 0;
    hc = Math.imul(hc, MULT_A) >>> 0;
    v = Math.imul(v, hc) >>> 0;
    pool[i] = v ^ (v >>> 16);
  }
  for (let s = 0; s < poolSize; s++) {
    for (let d = 0; d < poolSize; d++) {
      if (d === s) continue;
      let v = (pool[s]! ^ hc) >>> 0;
      hc = Math.imul(hc, MULT_A) >>> 0;
      v = Math.imul(v, hc) >>> 0;
      pool[d] = mix(pool[d]!, (v ^ (v >>> 16)) >>> 0);
    }
  }
  for (let s = poolSize; s < n; s++) {
    for (let d = 0; d < poolSize; d++) {
      let v = (e[s]! ^ hc) >>> 0;
      hc = Math.imul(hc, MULT_A) >>> 0;
      v = Math.imul(v, hc) >>> 0;
      pool[d] = mix(pool[d]!, (v ^ (v >>> 16)) >>> 0);
    }
  }
  return pool;
}

/**
 * @internal A SeedSequence from already-coerced words (used by Seed, which validated its root once).
 * `entropy` is what `.entropy` reports; `run` its words; `spawnKey` 32-bit words.
 */
export function sequenceFromWords(
  entropy: bigint | readonly (number | bigint)[],
  run: readonly number[],
  spawnKey: readonly number[],
  poolSize: number,
): SeedSequence {
  const ss = Object.create(SeedSequence.prototype) as SeedSequence;
  Object.assign(ss, {
    entropy,
    spawnKey: spawnKey.slice(),
    poolSize,
    nChildrenSpawned: 0,
    pool: mixEntropy(run, spawnKey, poolSize),
  });
  return ss;
}

/**
 * `numpy.random.SeedSequence`, bit-exact with NumPy 2.4: hashes entropy (plus a spawn key) into a pool
 * from which any number of 32- or 64-bit state words can be generated, and spawns independent children.
 */
export class SeedSequence {
  /** The entropy as given (a bigint for an integer seed, a flat list for an array seed). */
  readonly entropy: bigint | readonly (number | bigint)[];
  readonly spawnKey: readonly (number | bigint)[];
  readonly poolSize: number;
  nChildrenSpawned: number;
  /** The mixed pool, `poolSize` 32-bit words. */
  readonly pool: Uint32Array;

  constructor(entropy?: Entropy | null, options: SeedSequenceOptions = {}) {
    if (typeof options !== 'object' || options === null) {
      throw new SeedkitTypeError(`options: expected an object, got ${describe(options)}`);
    }
    const poolSize = options.poolSize ?? DEFAULT_POOL_SIZE;
    if (typeof poolSize !== 'number' || !Number.isSafeInteger(poolSize)) {
      throw new SeedkitTypeError(`poolSize: expected an integer, got ${describe(poolSize)}`);
    }
    if (poolSize < DEFAULT_POOL_SIZE) {
      throw new SeedkitValueError(
        `poolSize: the size of the entropy pool should be at least ${DEFAULT_POOL_SIZE}, got ${poolSize}`,
      );
    }
    const spawnKey = options.spawnKey ?? [];
    if (!Array.isArray(spawnKey))
      throw new SeedkitTypeError(`spawnKey: expected an array of integers, got ${describe(spawnKey)}`);
    const nChildren = options.nChildrenSpawned ?? 0;
    checkCount(nChildren, 'nChildrenSpawned');
    const resolved: Entropy = entropy ?? randomEntropy(poolSize);
    const run = coerceToUint32Words(resolved, 'entropy');
    const spawn = coerceToUint32Words(spawnKey, 'spawnKey');
    this.entropy = normaliseEntropy(resolved);
    this.spawnKey = [...spawnKey];
    this.poolSize = poolSize;
    this.nChildrenSpawned = nChildren;
    this.pool = mixEntropy(run, spawn, poolSize);
  }

  /** `generate_state(n_words, dtype)`: 32-bit words, or 64-bit words paired little-endian. */
  generateState(nWords: number, dtype?: 'uint32'): Uint32Array;
  generateState(nWords: number, dtype: 'uint64'): BigUint64Array;
  generateState(nWords: number, dtype: 'uint32' | 'uint64'): Uint32Array | BigUint64Array;
  generateState(nWords: number, dtype: 'uint32' | 'uint64' = 'uint32'): Uint32Array | BigUint64Array {
    checkCount(nWords, 'nWords');
    if (dtype !== 'uint32' && dtype !== 'uint64') {
      throw new SeedkitValueError(`dtype: only support uint32 or uint64, got ${describe(dtype)}`);
    }
    const m = dtype === 'uint64' ? 2 * nWords : nWords;
    const out = new Uint32Array(m);
    const pool = this.pool;
    const size = this.poolSize;
    let hc = INIT_B;
    for (let i = 0; i < m; i++) {
      let d = (pool[i % size]! ^ hc) >>> 0;
      hc = Math.imul(hc, MULT_B) >>> 0;
      d = Math.imul(d, hc) >>> 0;
      out[i] = (d ^ (d >>> 16)) >>> 0;
    }
    if (dtype === 'uint32') return out;
    const r = new BigUint64Array(nWords);
    for (let k = 0; k < nWords; k++) r[k] = BigInt(out[2 * k]!) | (BigInt(out[2 * k + 1]!) << 32n);
    return r;
  }

  /** `spawn(n)`: `n` children with spawn keys `spawnKey + [i]`, continuing after earlier spawns. */
  spawn(n: number): SeedSequence[] {
    checkCount(n, 'n');
    const children: SeedSequence[] = [];
    for (let i = this.nChildrenSpawned; i < this.nChildrenSpawned + n; i++) {
      children.push(this.child(i));
    }
    this.nChildrenSpawned += n;
    return children;
  }

  /** The child with spawn key `spawnKey + [index]`, without changing `nChildrenSpawned`. */
  child(index: number | bigint): SeedSequence {
    return new SeedSequence(this.entropy as Entropy, {
      spawnKey: [...this.spawnKey, index],
      poolSize: this.poolSize,
    });
  }

  get state(): SeedSequenceState {
    return {
      entropy: this.entropy,
      spawnKey: this.spawnKey,
      poolSize: this.poolSize,
      nChildrenSpawned: this.nChildrenSpawned,
    };
  }
}
