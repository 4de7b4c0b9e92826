/**
 * Helpers for the legacy fixture tests (fixtures/legacy-*.json, written by scripts/gen-fixtures-legacy.py):
 * decoding arguments, comparing results bit for bit (or within 1 ulp for the log-based Gaussian until the
 * exact glibc `log` lands; see LEGACY_GAUSS_LOG_IS_EXACT) and digesting a RandomState's state.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';

export function loadFixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')) as T;
}

/** Decodes the script's JSON-safe values ({"$big": …} → bigint, {"$float": "nan"} → NaN). */
export function dec(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(dec);
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('$big' in o) return BigInt(o.$big as string);
    if ('$float' in o) return o.$float === 'nan' ? Number.NaN : o.$float === 'inf' ? Infinity : -Infinity;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(o)) out[k] = dec(x);
    return out;
  }
  return v;
}

const dv = new DataView(new ArrayBuffer(8));
export function f64Hex(x: number): string {
  dv.setFloat64(0, x);
  return dv.getBigUint64(0).toString(16).padStart(16, '0');
}

/** Distance in units in the last place between two doubles given as hex bit patterns (same sign assumed). */
export function ulpDistance(aHex: string, bHex: string): bigint {
  const a = BigInt(`0x${aHex}`);
  const b = BigInt(`0x${bHex}`);
  if (a >> 63n !== b >> 63n) return a === b ? 0n : 1n << 62n;
  return a > b ? a - b : b - a;
}

/** Compares float64 values (hex) exactly, or within `maxUlp` (the count of inexact ones is returned). */
export function expectFloatsHex(
  actual: readonly string[],
  expected: readonly string[],
  maxUlp: number,
  what: string,
): number {
  expect(actual.length, `${what}: length`).toBe(expected.length);
  let inexact = 0;
  for (let i = 0; i < expected.length; i++) {
    if (actual[i] === expected[i]) continue;
    const d = ulpDistance(actual[i]!, expected[i]!);
    if (d > BigInt(maxUlp)) expect(actual[i], `${what}[${i}] (${d} ulp apart)`).toBe(expected[i]);
    inexact++;
  }
  return inexact;
}

export function sha256(view: ArrayBufferView): string {
  return createHash('sha256')
    .update(new Uint8Array(view.buffer, view.byteOffset, view.byteLength))
    .digest('hex');
}

export interface Digest {
  pos: number;
  keySha256: string;
  key0: number;
  key623: number;
  hasGauss: number;
  gauss: string;
}

/** The digest of a `getState({ legacy: false })` dict, as the script computes it. */
export function digestOf(state: { state: unknown; has_gauss: number; gauss: number }): Digest {
  const inner = state.state as { key: number[]; pos: number };
  const key = Uint32Array.from(inner.key);
  return {
    pos: inner.pos,
    keySha256: sha256(key),
    key0: key[0]!,
    key623: key[623]!,
    hasGauss: state.has_gauss,
    gauss: f64Hex(state.gauss),
  };
}

/** Compares digests: everything exact except the cached Gaussian, which may be 2 ulp off unless `strict`. */
export function expectDigest(actual: Digest, expected: Digest, strict: boolean, what: string): void {
  expect({ ...actual, gauss: '' }, what).toEqual({ ...expected, gauss: '' });
  expectFloatsHex([actual.gauss], [expected.gauss], strict ? 0 : 2, `${what}: cached gauss`);
}
