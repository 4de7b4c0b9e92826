/**
 * float32 `log1pf`: port of glibc 2.36 `sysdeps/ieee754/flt-32/s_log1pf.c` (fdlibm's float version). x86-64
 * glibc has no FMA variant of it; every operation is a float32 operation, so each step below is rounded
 * with `Math.fround` (a binary64 +, −, ×, ÷ of float32 values rounded once to float32 is the true float32
 * operation). Same method as the double `log1p` (see log1p-expm1.ts) with float32 constants.
 */
import { F32, U32 } from './bits.js';

const fr = Math.fround;
const LN2_HI = fr(6.9313812256e-1); // 0x3f317180
const LN2_LO = fr(9.0580006145e-6); // 0x3717f7d1
const LP1 = fr(6.6666668653e-1);
const LP2 = fr(4.0000000596e-1);
const LP3 = fr(2.8571429849e-1);
const LP4 = fr(2.2222198546e-1);
const LP5 = fr(1.818357259e-1);
const LP6 = fr(1.5313838422e-1);
const LP7 = fr(1.479819864e-1);
const TWO_THIRDS = fr(2 / 3);

function bits(x: number): number {
  F32[0] = x;
  return (U32[0] as number) | 0;
}
function fromBits(b: number): number {
  U32[0] = b >>> 0;
  return F32[0] as number;
}

/** log1pf on a float32 value (no argument checks). */
export function log1pfRaw(x: number): number {
  const hx = bits(x);
  const ax = hx & 0x7fffffff;
  let k = 1;
  let f = 0;
  let hu = 0;
  let c = 0;
  if (hx < 0x3ed413d7) {
    // x < 0.41422
    if (ax >= 0x3f800000) return x === -1 ? -Infinity : Number.NaN; // x <= −1
    if (ax < 0x31000000) {
      // |x| < 2^-29
      if (ax < 0x24800000) return x; // |x| < 2^-54
      return fr(x - fr(fr(x * x) * 0.5));
    }
    if (hx > 0 || hx <= (0xbe95f61f | 0)) {
      // −0.2929 < x < 0.41422
      k = 0;
      f = x;
      hu = 1;
    }
  }
  if (hx >= 0x7f800000) return x + x;
  if (k !== 0) {
    let u: number;
    if (hx < 0x5a000000) {
      u = fr(1 + x);
      hu = bits(u);
      k = (hu >> 23) - 127;
      c = k > 0 ? fr(1 - fr(u - x)) : fr(x - fr(u - 1)); // rounding error of 1 + x
      c = fr(c / u);
    } else {
      u = x;
      hu = bits(u);
      k = (hu >> 23) - 127;
      c = 0;
    }
    hu &= 0x007fffff;
    if (hu < 0x3504f7) {
      u = fromBits(hu | 0x3f800000); // normalize u
    } else {
      k += 1;
      u = fromBits(hu | 0x3f000000); // normalize u/2
      hu = (0x00800000 - hu) >> 2;
    }
    f = fr(u - 1);
  }
  const hfsq = fr(fr(0.5 * f) * f);
  const kf = fr(k);
  if (hu === 0) {
    // |f| < 2^-20
    if (f === 0) {
      if (k === 0) return 0;
      c = fr(c + fr(kf * LN2_LO));
      return fr(fr(kf * LN2_HI) + c);
    }
    const R = fr(hfsq * fr(1 - fr(TWO_THIRDS * f)));
    if (k === 0) return fr(f - R);
    return fr(fr(kf * LN2_HI) - fr(fr(R - fr(fr(kf * LN2_LO) + c)) - f));
  }
  const s = fr(f / fr(2 + f));
  const z = fr(s * s);
  let R = fr(LP6 + fr(z * LP7));
  R = fr(LP5 + fr(z * R));
  R = fr(LP4 + fr(z * R));
  R = fr(LP3 + fr(z * R));
  R = fr(LP2 + fr(z * R));
  R = fr(LP1 + fr(z * R));
  R = fr(z * R);
  const sR = fr(s * fr(hfsq + R));
  if (k === 0) return fr(f - fr(hfsq - sR));
  return fr(fr(kf * LN2_HI) - fr(fr(hfsq - fr(sR + fr(fr(kf * LN2_LO) + c))) - f));
}
