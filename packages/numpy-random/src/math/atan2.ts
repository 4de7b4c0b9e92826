/**
 * Double `atan2(y, x)`: port of glibc 2.36 `sysdeps/ieee754/dbl-64/e_atan2.c` (IBM Accurate Mathematical
 * Library, slow paths removed) as built for x86-64 FMA CPUs (`__ieee754_atan2_fma`, `-mfma -mavx2`).
 *
 * Method: after the special cases (NaN, zeros, infinities, exponent gaps > 57·4 bits) and a rescaling of
 * extreme |x|, |y| by 2^±500, u = min/max of |x|, |y| is computed with its division error du (one FMA),
 * and atan u comes from the same tables as `atan` (odd polynomial below 1/16, else `uatan.tbl`), combined
 * with π/2 or π in double-double depending on the octant. The result takes the sign of y. Contractions
 * follow GCC's optimized GIMPLE of the FMA build.
 */
import { CIJ, D3, D5, D7, D9, D11, D13, HPI, HPI1 } from './atan.js';
import { F64, HI, LO, U32 } from './bits.js';
import { fma } from './fma.js';

const OPI = Math.PI; // 0x400921fb 54442d18
const OPI1 = 1.2246467991473532e-16; // π − OPI
const QPI = Math.PI / 4; // 0x3fe921fb 54442d18 (exact scaling)
const TQPI = 2.356194490192345; // 0x4002d97c 7f3321d2
const TWO500 = 2 ** 500;
const TWOM500 = 2 ** -500;
const TWO52 = 4503599627370496;
const EP = 59768832; // 57·16^5: exponent gap giving ±π/2 (or y/x)

function copysign(z: number, y: number): number {
  return y < 0 || Object.is(y, -0) ? -Math.abs(z) : Math.abs(z);
}

/** d3·v + … (the odd atan polynomial, without the leading u), Horner with FMAs. */
function smallPoly(v: number): number {
  return fma(fma(fma(fma(fma(v, D13, D11), v, D9), v, D7), v, D5), v, D3);
}

/** Table polynomial c2 + v·(c3 + v·(c4 + v·(c5 + v·c6))) of row r. */
function tablePoly(r: number, v: number): number {
  const q = fma(fma(CIJ[r + 6] as number, v, CIJ[r + 5] as number), v, CIJ[r + 4] as number);
  return fma(fma(q, v, CIJ[r + 3] as number), v, CIJ[r + 2] as number);
}

function row(u: number): number {
  return 7 * (Math.trunc(fma(u, 256, TWO52) - TWO52) - 16);
}

export function atan2Raw(y: number, x: number): number {
  if (Number.isNaN(x)) return x + y;
  if (Number.isNaN(y)) return y + y;
  F64[0] = x;
  const ux = U32[HI] as number;
  const dx = U32[LO] as number;
  F64[0] = y;
  const uy = U32[HI] as number;
  const xneg = ux >>> 31 === 1;
  const yneg = uy >>> 31 === 1;
  if (y === 0) return xneg ? (yneg ? -OPI : OPI) : yneg ? -0 : 0;
  if (x === 0) return yneg ? -HPI : HPI;
  if (!Number.isFinite(x) && dx === 0) {
    if (!Number.isFinite(y)) {
      if (xneg) return yneg ? -TQPI : TQPI;
      return yneg ? -QPI : QPI;
    }
    if (xneg) return yneg ? -OPI : OPI;
    return yneg ? -0 : 0;
  }
  if (!Number.isFinite(y)) return yneg ? -HPI : HPI;
  let ax = x < 0 ? -x : x;
  let ay = y < 0 ? -y : y;
  const de = (uy & 0x7ff00000) - (ux & 0x7ff00000);
  if (de >= EP) return y > 0 ? HPI : -HPI;
  if (de <= -EP) {
    if (x > 0) return copysign(ay / ax, y);
    return y > 0 ? OPI : -OPI;
  }
  if (ax < TWOM500 || ay < TWOM500) {
    ax *= TWO500;
    ay *= TWO500;
  }
  if (ax > TWO500 || ay > TWO500) {
    ax *= TWOM500;
    ay *= TWOM500;
  }
  // u = min/max with its rounding error du
  let u: number;
  let du: number;
  if (ay < ax) {
    u = ay / ax;
    const v = ax * u;
    du = (ay - v - fma(ax, u, -v)) / ax;
  } else {
    u = ax / ay;
    const v = ay * u;
    du = (ax - v - fma(ay, u, -v)) / ay;
  }
  if (x > 0) {
    if (ay < ax) {
      // (i) atan(ay/ax)
      if (u < 0.0625) {
        const v = u * u;
        return copysign(u + fma(u * v, smallPoly(v), du), y);
      }
      const r = row(u);
      const t3 = u - (CIJ[r] as number);
      const v = t3 + du;
      const dv = Math.abs(t3) > Math.abs(du) ? t3 - v + du : du - v + t3;
      const t2 = CIJ[r + 2] as number;
      const q = fma(
        fma(fma(CIJ[r + 6] as number, v, CIJ[r + 5] as number), v, CIJ[r + 4] as number),
        v,
        CIJ[r + 3] as number,
      );
      const zz = fma(v, t2, fma(dv, t2, v * v * q));
      return copysign((CIJ[r + 1] as number) + zz, y);
    }
    // (ii) π/2 − atan(ax/ay)
    if (u < 0.0625) {
      const v = u * u;
      const zz = u * v * smallPoly(v);
      const t2 = HPI - u;
      const cor = Math.abs(u) < HPI ? HPI - t2 - u : HPI - (u + t2);
      return copysign(t2 + (cor + HPI1 - du - zz), y);
    }
    const r = row(u);
    const v = u - (CIJ[r] as number) + du;
    const zz = fma(-tablePoly(r, v), v, HPI1);
    return copysign(zz + (HPI - (CIJ[r + 1] as number)), y);
  }
  if (ax < ay) {
    // (iii) π/2 + atan(ax/ay)
    if (u < 0.0625) {
      const v = u * u;
      const zz = v * u * smallPoly(v);
      const t2 = u + HPI;
      const cor = Math.abs(u) < HPI ? HPI - t2 + u : u - t2 + HPI;
      return copysign(t2 + (cor + HPI1 + du + zz), y);
    }
    const r = row(u);
    const v = u - (CIJ[r] as number) + du;
    const zz = fma(tablePoly(r, v), v, HPI1);
    return copysign(zz + ((CIJ[r + 1] as number) + HPI), y);
  }
  // (iv) π − atan(ay/ax)
  if (u < 0.0625) {
    const v = u * u;
    const zz = v * u * smallPoly(v);
    const t2 = OPI - u;
    const cor = Math.abs(u) < OPI ? OPI - t2 - u : OPI - (t2 + u);
    return copysign(t2 + (cor + OPI1 - du - zz), y);
  }
  const r = row(u);
  const v = u - (CIJ[r] as number) + du;
  const zz = fma(-tablePoly(r, v), v, OPI1);
  return copysign(zz + (OPI - (CIJ[r + 1] as number)), y);
}
