/**
 * Shared seeding and state helpers for every bit generator: turning a seed (number, bigint, array,
 * SeedSequence, core Seed) into a seed sequence, reading its words, parsing the JSON-safe state forms of
 * 64/128/256-bit values, and small validation helpers. None of this is on a hot path.
 */
import { describeValue, SeedkitTypeError, SeedkitValueError, SeedSequence } from '@seedkit/core';

/**
 * NumPy's `ISeedSequence`: anything with `generateState(nWords, dtype)` (a core `SeedSequence` or `Seed`).
 * `spawn` is needed only for `BitGenerator.spawn`.
 */
export interface ISeedSequence {
  generateState(nWords: number, dtype: 'uint32' | 'uint64'): ArrayLike<number | bigint>;
  spawn?(n: number): ISeedSequence[];
}

/** Plain entropy accepted by `SeedSequence` (non-negative integers or arrays of them). */
export type Entropy = number | bigint | ReadonlyArray<unknown> | Uint32Array;

/** Anything a bit generator constructor accepts: entropy, a seed sequence, or null/undefined for fresh entropy. */
export type SeedLike = Entropy | ISeedSequence | null | undefined;

/** True for objects that behave like NumPy's ISeedSequence (have a `generateState` method). */
export function isSeedSequenceLike(x: unknown): x is ISeedSequence {
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof (x as { generateState?: unknown }).generateState === 'function'
  );
}

/**
 * `BitGenerator.__init__(seed)`: an ISeedSequence is used as is; anything else becomes `SeedSequence(seed)`
 * (which validates it: negative → ValueError, float/string → TypeError). null/undefined → fresh OS entropy.
 */
export function toSeedSequence(seed: SeedLike, where = 'seed'): ISeedSequence {
  if (isSeedSequenceLike(seed)) return seed;
  if (seed === null || seed === undefined) return new SeedSequence();
  if (typeof seed === 'object' && !Array.isArray(seed) && !(seed instanceof Uint32Array)) {
    throw new SeedkitTypeError(
      `${where}: expected an integer, bigint, array of integers, SeedSequence or Seed, got ${describeValue(seed)}`,
    );
  }
  return new SeedSequence(seed as ConstructorParameters<typeof SeedSequence>[0]);
}

/** `generate_state(n, uint32)` as a Uint32Array, whatever array type the seed sequence returns. */
export function stateWords32(ss: ISeedSequence, nWords: number): Uint32Array {
  const raw = ss.generateState(nWords, 'uint32');
  if (raw instanceof Uint32Array) return raw;
  const out = new Uint32Array(nWords);
  for (let i = 0; i < nWords; i++) out[i] = Number(raw[i]);
  return out;
}

/**
 * `generate_state(n, uint64)` as 2n 32-bit words, little-endian pairs: `[lo0, hi0, lo1, hi1, …]`.
 * (NumPy pairs the uint32 stream the same way, so this equals `stateWords32(ss, 2n)`.)
 */
export function stateWords64(ss: ISeedSequence, nWords: number): Uint32Array {
  const raw = ss.generateState(nWords, 'uint64');
  const out = new Uint32Array(2 * nWords);
  for (let i = 0; i < nWords; i++) {
    const v = BigInt(raw[i] as bigint | number);
    out[2 * i] = Number(v & 0xffffffffn);
    out[2 * i + 1] = Number((v >> 32n) & 0xffffffffn);
  }
  return out;
}

/** `generate_state(n, uint64)` as bigints. */
export function stateBigints64(ss: ISeedSequence, nWords: number): bigint[] {
  const raw = ss.generateState(nWords, 'uint64');
  const out: bigint[] = [];
  for (let i = 0; i < nWords; i++) out.push(BigInt(raw[i] as bigint | number));
  return out;
}

/**
 * Parses one unsigned integer of `bits` bits from its JSON-safe form: a bigint, a safe non-negative integer
 * number, or a decimal (or `0x` hex) string. Out of range → ValueError; anything else → TypeError.
 */
export function parseUint(value: unknown, bits: number, where: string): bigint {
  let v: bigint;
  if (typeof value === 'bigint') v = value;
  else if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) {
      throw new SeedkitTypeError(
        `${where}: expected an integer (as a decimal string or bigint beyond 2^53), got ${describeValue(value)}`,
      );
    }
    v = BigInt(value);
  } else if (typeof value === 'string') {
    const t = value.trim();
    if (!/^(0[xX][0-9a-fA-F]+|[0-9]+)$/.test(t)) {
      throw new SeedkitValueError(`${where}: invalid integer string ${describeValue(value)}`);
    }
    v = BigInt(t);
  } else {
    throw new SeedkitTypeError(
      `${where}: expected a decimal string, bigint or integer, got ${describeValue(value)}`,
    );
  }
  if (v < 0n || v >> BigInt(bits) !== 0n) {
    throw new SeedkitValueError(`${where}: ${v} is out of range for an unsigned ${bits}-bit integer`);
  }
  return v;
}

/** Parses a signed or unsigned integer of any size (bigint, safe integer, decimal string). */
export function parseBigInt(value: unknown, where: string): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) {
      throw new SeedkitTypeError(`${where}: expected an integer, got ${describeValue(value)}`);
    }
    return BigInt(value);
  }
  if (typeof value === 'string' && /^\s*-?[0-9]+\s*$/.test(value)) return BigInt(value.trim());
  throw new SeedkitTypeError(
    `${where}: expected an integer (bigint, number or decimal string), got ${describeValue(value)}`,
  );
}

/** Splits `v` (taken mod 2^(32n)) into n 32-bit limbs, least significant first. */
export function bigToLimbs(
  v: bigint,
  n: number,
  out: Uint32Array = new Uint32Array(n),
  offset = 0,
): Uint32Array {
  let x = BigInt.asUintN(32 * n, v);
  for (let i = 0; i < n; i++) {
    out[offset + i] = Number(x & 0xffffffffn);
    x >>= 32n;
  }
  return out;
}

/** Joins n 32-bit limbs (least significant first) into a bigint. */
export function limbsToBig(limbs: ArrayLike<number>, n: number, offset = 0): bigint {
  let v = 0n;
  for (let i = n - 1; i >= 0; i--) v = (v << 32n) | BigInt((limbs[offset + i] as number) >>> 0);
  return v;
}

/** A 64-bit value given as (hi, lo) 32-bit words, as a bigint. */
export function hiLoToBig(hi: number, lo: number): bigint {
  return (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0);
}

/** Validates a count (`spawn(n)`, `jumped(jumps)`): a non-negative safe integer. */
export function checkCount(n: unknown, where: string): number {
  if (typeof n !== 'number' || !Number.isInteger(n)) {
    throw new SeedkitTypeError(`${where}: expected a non-negative integer, got ${describeValue(n)}`);
  }
  if (n < 0 || !Number.isSafeInteger(n)) {
    throw new SeedkitValueError(`${where}: expected a non-negative integer, got ${describeValue(n)}`);
  }
  return n;
}

/** A plain object (dict), as NumPy's state setters require. */
export function checkDict(x: unknown, where: string): Record<string, unknown> {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) {
    throw new SeedkitTypeError(`${where}: state must be a dict, got ${describeValue(x)}`);
  }
  return x as Record<string, unknown>;
}

/** Checks `state.bit_generator` names this generator (NumPy: "state must be for a PCG64 PRNG"). */
export function checkStateName(state: Record<string, unknown>, name: string): void {
  if (state.bit_generator !== name) {
    throw new SeedkitValueError(
      `state must be for a ${name} PRNG, got bit_generator=${describeValue(state.bit_generator)}`,
    );
  }
}

/** Parses an array of `count` unsigned `bits`-bit values (the JSON-safe forms of {@link parseUint}). */
export function parseUintArray(value: unknown, count: number, bits: number, where: string): bigint[] {
  const arr =
    Array.isArray(value) || value instanceof BigUint64Array || value instanceof Uint32Array
      ? Array.from(value as ArrayLike<unknown>)
      : null;
  if (arr === null)
    throw new SeedkitTypeError(
      `${where}: expected an array of ${count} integers, got ${describeValue(value)}`,
    );
  if (arr.length !== count) {
    throw new SeedkitValueError(`${where}: expected ${count} values, got ${arr.length}`);
  }
  return arr.map((v, i) => parseUint(v, bits, `${where}[${i}]`));
}

/** Parses the `has_uint32` / `uinteger` pair of a 64-bit generator's state. */
export function parseUint32Buffer(state: Record<string, unknown>): { hasUint32: number; uinteger: number } {
  const has = state.has_uint32 ?? 0;
  const uint = state.uinteger ?? 0;
  const h = Number(parseUint(has, 32, 'state.has_uint32'));
  const u = Number(parseUint(uint, 32, 'state.uinteger'));
  return { hasUint32: h ? 1 : 0, uinteger: u };
}
