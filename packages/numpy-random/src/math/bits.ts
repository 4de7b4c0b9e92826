/**
 * Bit access shared by the math module. One module-level buffer, no allocation per call.
 *
 * Little-endian layout is assumed (every JS engine on x86-64 / arm64); the typed-array views use the platform
 * byte order, so `U32[LO]` is the low word of `F64[0]` on little-endian machines.
 */
const buf = new ArrayBuffer(8);
export const F64 = new Float64Array(buf);
export const F32 = new Float32Array(buf);
export const U32 = new Uint32Array(buf);
export const I32 = new Int32Array(buf);
export const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
/** Index of the low / high 32-bit word of F64[0] in U32. */
export const LO = LITTLE_ENDIAN ? 0 : 1;
export const HI = LITTLE_ENDIAN ? 1 : 0;

/** High 32 bits of a double (sign, exponent, top 20 mantissa bits). */
export function highWord(x: number): number {
  F64[0] = x;
  return U32[HI] as number;
}

/** Low 32 bits of a double. */
export function lowWord(x: number): number {
  F64[0] = x;
  return U32[LO] as number;
}

/** Double from its two 32-bit words (both taken as unsigned). */
export function fromWords(hi: number, lo: number): number {
  U32[HI] = hi;
  U32[LO] = lo;
  return F64[0] as number;
}

/** Bits of a float32 (as an unsigned 32-bit number). */
export function floatBits(x: number): number {
  F32[0] = x;
  return U32[0] as number;
}

/** float32 from its bits. */
export function fromFloatBits(b: number): number {
  U32[0] = b;
  return F32[0] as number;
}
