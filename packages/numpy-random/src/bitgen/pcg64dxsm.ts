/**
 * PCG64DXSM ("DXSM" output, cheap 64-bit multiplier, output computed from the state before the step),
 * bit-exact with NumPy's `PCG64DXSM`. Seeding is identical to PCG64 (full 128-bit multiplier).
 */
import { PCG_CHEAP_MULTIPLIER_128, PCG64Base } from './pcg64.js';
import type { ISeedSequence } from './seeding.js';

/** Exact high 32 bits of the 64-bit product of two uint32 values. */
function mulhi32(a: number, b: number): number {
  const t = a * (b & 0xffff);
  const u = a * (b >>> 16);
  return Math.floor((u + Math.floor(t * 1.52587890625e-5)) * 1.52587890625e-5);
}

export class PCG64DXSM extends PCG64Base {
  readonly name: string = 'PCG64DXSM';
  protected readonly multiplier: bigint = PCG_CHEAP_MULTIPLIER_128;

  protected make(ss: ISeedSequence | null): PCG64DXSM {
    return new PCG64DXSM(ss);
  }

  nextUint64(): number {
    const st = this.st;
    const s0 = st[0]!;
    const s1 = st[1]!;
    const s2 = st[2]!;
    const s3 = st[3]!;
    // output: hi = state >> 64, lo = (state & (2^64-1)) | 1
    let hh = s3;
    let hl = (s2 ^ s3) >>> 0; // hi ^= hi >> 32
    // hi *= CHEAP (0xda942042_e4dd58b5), mod 2^64
    let ph = (mulhi32(hl, 0xe4dd58b5) + Math.imul(hh, 0xe4dd58b5) + Math.imul(hl, 0xda942042)) >>> 0;
    let pl = Math.imul(hl, 0xe4dd58b5) >>> 0;
    hh = ph;
    hl = (pl ^ (hh >>> 16)) >>> 0; // hi ^= hi >> 48
    // hi *= lo
    const lh = s1;
    const ll = (s0 | 1) >>> 0;
    ph = (mulhi32(hl, ll) + Math.imul(hh, ll) + Math.imul(hl, lh)) >>> 0;
    pl = Math.imul(hl, ll) >>> 0;
    // step: state = state * CHEAP + inc; CHEAP in 16-bit pieces 58b5 e4dd 2042 da94
    const a0 = s0 * 0x58b5 + st[4]!;
    const b0 = s0 * 0xe4dd;
    const a1 = s0 * 0x2042 + s1 * 0x58b5 + st[5]!;
    const b1 = s0 * 0xda94 + s1 * 0xe4dd;
    const a2 = s1 * 0x2042 + s2 * 0x58b5 + st[6]!;
    const b2 = s1 * 0xda94 + s2 * 0xe4dd;
    const a3 = s2 * 0x2042 + s3 * 0x58b5 + st[7]!;
    const b3 = s2 * 0xda94 + s3 * 0xe4dd;
    let t = b0 & 0xffff;
    let x = a0 + t * 65536;
    const r0 = x >>> 0;
    let c = (x - r0) * 2.3283064365386963e-10 + (b0 - t) * 1.52587890625e-5;
    t = b1 & 0xffff;
    x = a1 + c + t * 65536;
    const r1 = x >>> 0;
    c = (x - r1) * 2.3283064365386963e-10 + (b1 - t) * 1.52587890625e-5;
    t = b2 & 0xffff;
    x = a2 + c + t * 65536;
    const r2 = x >>> 0;
    c = (x - r2) * 2.3283064365386963e-10 + (b2 - t) * 1.52587890625e-5;
    st[3] = (a3 + c + (b3 & 0xffff) * 65536) >>> 0;
    st[0] = r0;
    st[1] = r1;
    st[2] = r2;
    this.w[0] = pl;
    return ph;
  }
}
