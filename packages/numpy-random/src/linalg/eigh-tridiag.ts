/**
 * Building blocks of LAPACK's symmetric eigensolver path used by `eigh` (see eigh.ts), written from the
 * documented behaviour of the reference routines (LAPACK 3.12): plane rotations (dlartg, the 3.10+ algorithm
 * with c ≥ 0 and r carrying the sign of f), the 2×2 eigensystem (dlaev2), the hypotenuse (dlapy2) and the
 * implicit QL/QR iteration on a symmetric tridiagonal matrix with eigenvector accumulation (dsteqr,
 * COMPZ='I').
 *
 * Matrices here are column-major (Fortran layout) Float64Arrays: element (i, j), 0-based, of a matrix with
 * leading dimension ld and origin `off` is `z[off + i + j * ld]`.
 */

/** dlamch('E'): unit roundoff 2^-53. */
export const LAPACK_EPS = 2 ** -53;
/** dlamch('S'): smallest normal 2^-1022 (its reciprocal does not overflow). */
export const LAPACK_SAFMIN = 2 ** -1022;

/** Fortran SIGN(a, b): |a| with the sign bit of b (a negative zero b gives -|a|, as gfortran does). */
export function fsign(a: number, b: number): number {
  const m = Math.abs(a);
  return b < 0 || Object.is(b, -0) ? -m : m;
}

/** sqrt(x² + y²) without avoidable overflow (dlapy2). */
export function lapy2(x: number, y: number): number {
  if (Number.isNaN(x)) return x;
  if (Number.isNaN(y)) return y;
  const xa = Math.abs(x);
  const ya = Math.abs(y);
  const w = Math.max(xa, ya);
  const z = Math.min(xa, ya);
  if (z === 0 || w > Number.MAX_VALUE) return w;
  const q = z / w;
  return w * Math.sqrt(1 + q * q);
}

const RT_SAFMAX = 1 / LAPACK_SAFMIN;
const RTMIN = Math.sqrt(LAPACK_SAFMIN);
const RTMAX = Math.sqrt(RT_SAFMAX / 2);

/** A plane rotation [c s; -s c]·[f; g] = [r; 0]: c ≥ 0, r takes the sign of f (dlartg, LAPACK ≥ 3.10). */
export interface Rotation {
  c: number;
  s: number;
  r: number;
}

export function lartg(f: number, g: number, out: Rotation): void {
  if (g === 0) {
    out.c = 1;
    out.s = 0;
    out.r = f;
    return;
  }
  const fa = Math.abs(f);
  const ga = Math.abs(g);
  if (f === 0) {
    out.c = 0;
    out.s = fsign(1, g);
    out.r = ga;
    return;
  }
  if (fa > RTMIN && fa < RTMAX && ga > RTMIN && ga < RTMAX) {
    const h = Math.sqrt(f * f + g * g);
    out.c = fa / h;
    out.r = fsign(h, f);
    out.s = g / out.r;
    return;
  }
  // Scaled variant: divide both by u = clamp(max(|f|, |g|)) before squaring.
  const u = Math.min(RT_SAFMAX, Math.max(LAPACK_SAFMIN, fa, ga));
  const fs = f / u;
  const gs = g / u;
  const h = Math.sqrt(fs * fs + gs * gs);
  out.c = Math.abs(fs) / h;
  const r = fsign(h, f);
  out.s = gs / r;
  out.r = r * u;
}

/**
 * Eigensystem of the 2×2 symmetric matrix [a b; b c] (dlaev2): rt1 is the eigenvalue of larger absolute
 * value, rt2 the other one, and (cs1, sn1) the unit eigenvector of rt1.
 */
export interface Eig2 {
  rt1: number;
  rt2: number;
  cs1: number;
  sn1: number;
}

export function laev2(a: number, b: number, c: number, out: Eig2): void {
  const sm = a + c;
  const df = a - c;
  const adf = Math.abs(df);
  const tb = b + b;
  const ab = Math.abs(tb);
  let acmx: number;
  let acmn: number;
  if (Math.abs(a) > Math.abs(c)) {
    acmx = a;
    acmn = c;
  } else {
    acmx = c;
    acmn = a;
  }
  let rt: number;
  if (adf > ab) {
    const q = ab / adf;
    rt = adf * Math.sqrt(1 + q * q);
  } else if (adf < ab) {
    const q = adf / ab;
    rt = ab * Math.sqrt(1 + q * q);
  } else {
    rt = ab * Math.SQRT2;
  }
  let sgn1: number;
  if (sm < 0) {
    out.rt1 = 0.5 * (sm - rt);
    sgn1 = -1;
    out.rt2 = (acmx / out.rt1) * acmn - (b / out.rt1) * b;
  } else if (sm > 0) {
    out.rt1 = 0.5 * (sm + rt);
    sgn1 = 1;
    out.rt2 = (acmx / out.rt1) * acmn - (b / out.rt1) * b;
  } else {
    out.rt1 = 0.5 * rt;
    out.rt2 = -0.5 * rt;
    sgn1 = 1;
  }
  let cs: number;
  let sgn2: number;
  if (df >= 0) {
    cs = df + rt;
    sgn2 = 1;
  } else {
    cs = df - rt;
    sgn2 = -1;
  }
  let cs1: number;
  let sn1: number;
  if (Math.abs(cs) > ab) {
    const ct = -tb / cs;
    sn1 = 1 / Math.sqrt(1 + ct * ct);
    cs1 = ct * sn1;
  } else if (ab === 0) {
    cs1 = 1;
    sn1 = 0;
  } else {
    const tn = -cs / tb;
    cs1 = 1 / Math.sqrt(1 + tn * tn);
    sn1 = tn * cs1;
  }
  if (sgn1 === sgn2) {
    const t = cs1;
    cs1 = -sn1;
    sn1 = t;
  }
  out.cs1 = cs1;
  out.sn1 = sn1;
}

/**
 * Multiply `cols` consecutive columns (starting at column j0) of the `rows`-row matrix z from the right by a
 * sequence of plane rotations acting on column pairs (k, k+1) (dlasr SIDE='R', PIVOT='V'); rotation k uses
 * (c[c0+k], s[c0+k]). `forward` applies k = 0, 1, … (DIRECT='F'), otherwise the reverse order ('B').
 */
export function rotateColumns(
  z: Float64Array,
  off: number,
  ld: number,
  rows: number,
  j0: number,
  cols: number,
  c: Float64Array,
  s: Float64Array,
  c0: number,
  forward: boolean,
): void {
  for (let t = 0; t < cols - 1; t++) {
    const k = forward ? t : cols - 2 - t;
    const ck = c[c0 + k]!;
    const sk = s[c0 + k]!;
    if (ck === 1 && sk === 0) continue;
    const p = off + (j0 + k) * ld;
    const q = p + ld;
    for (let i = 0; i < rows; i++) {
      const right = z[q + i]!;
      const left = z[p + i]!;
      z[q + i] = ck * right - sk * left;
      z[p + i] = sk * right + ck * left;
    }
  }
}

/** max |d_i|, |e_i| over a tridiagonal block (dlanst 'M'); NaN propagates. */
export function tridiagMaxAbs(d: Float64Array, e: Float64Array, lo: number, hi: number): number {
  let norm = Math.abs(d[hi]!);
  for (let i = lo; i < hi; i++) {
    const a = Math.abs(d[i]!);
    if (norm < a || Number.isNaN(a)) norm = a;
    const b = Math.abs(e[i]!);
    if (norm < b || Number.isNaN(b)) norm = b;
  }
  return norm;
}

/**
 * Multiply x[lo..hi) (stride 1) by cto/cfrom without intermediate overflow/underflow: dlascl's stepping
 * with factors 2^±1022 until the remaining ratio is representable.
 */
export function rescale(x: Float64Array, lo: number, hi: number, cfrom: number, cto: number): void {
  const small = LAPACK_SAFMIN;
  const big = 1 / small;
  let cf = cfrom;
  let ct = cto;
  for (;;) {
    let mul: number;
    let done: boolean;
    const cf1 = cf * small;
    if (cf1 === cf) {
      mul = ct / cf;
      done = true;
    } else {
      const ct1 = ct / big;
      if (ct1 === ct) {
        mul = ct;
        done = true;
      } else if (Math.abs(cf1) > Math.abs(ct) && ct !== 0) {
        mul = small;
        done = false;
        cf = cf1;
      } else if (Math.abs(ct1) > Math.abs(cf)) {
        mul = big;
        done = false;
        ct = ct1;
      } else {
        mul = ct / cf;
        done = true;
        if (mul === 1) return;
      }
    }
    for (let i = lo; i < hi; i++) x[i] = x[i]! * mul;
    if (done) return;
  }
}

/** Thrown (as a message) when the QL/QR iteration exhausts its 30·n sweeps, like LAPACK's INFO > 0. */
export class NoConvergence extends Error {}

const MAXIT = 30;

/**
 * Eigen-decomposition of the symmetric tridiagonal block with diagonal d[0..m) and off-diagonal e[0..m-1)
 * by implicit shifted QL/QR (dsteqr, COMPZ='I'): on return d holds the eigenvalues in ascending order and
 * the m×m block of z at `off` (leading dimension ld) the orthonormal eigenvectors as columns. The block of z
 * is overwritten (set to the identity first). e is destroyed.
 *
 * The iteration follows dsteqr: split where |e_k| ≤ eps·sqrt|d_k|·sqrt|d_k+1|, scale each unreduced block
 * into [sqrt(safmin)/eps², sqrt(safmax)/3], choose QL when the block's last diagonal entry is at least as
 * large in magnitude as its first (else QR), deflate with |e|² ≤ eps²|d_k d_k+1| + safmin, finish 2×2 blocks
 * with dlaev2, Wilkinson-type shift, rotations from dlartg accumulated through dlasr, and at the end a
 * selection sort (smallest remaining to the front, swapping whole columns) — which fixes the column order
 * among equal eigenvalues exactly as LAPACK does.
 */
export function steqr(
  m: number,
  d: Float64Array,
  e: Float64Array,
  z: Float64Array,
  off: number,
  ld: number,
): void {
  for (let j = 0; j < m; j++) {
    for (let i = 0; i < m; i++) z[off + i + j * ld] = i === j ? 1 : 0;
  }
  if (m <= 1) return;
  const eps = LAPACK_EPS;
  const eps2 = eps * eps;
  const safmin = LAPACK_SAFMIN;
  const ssfmax = Math.sqrt(1 / safmin) / 3;
  const ssfmin = Math.sqrt(safmin) / eps2;
  const maxIter = MAXIT * m;
  const wc = new Float64Array(m);
  const ws = new Float64Array(m);
  const rot: Rotation = { c: 0, s: 0, r: 0 };
  const eig2: Eig2 = { rt1: 0, rt2: 0, cs1: 0, sn1: 0 };
  let iter = 0;

  // Indices below are 0-based: d[k], e[k] couples d[k] and d[k+1].
  let start = 0;
  while (start < m) {
    if (start > 0) e[start - 1] = 0;
    // Find the end of the unreduced block that begins at `start`.
    let end = m - 1;
    for (let k = start; k < m - 1; k++) {
      const t = Math.abs(e[k]!);
      if (t === 0) {
        end = k;
        break;
      }
      if (t <= Math.sqrt(Math.abs(d[k]!)) * Math.sqrt(Math.abs(d[k + 1]!)) * eps) {
        e[k] = 0;
        end = k;
        break;
      }
    }
    const blockLo = start;
    const blockHi = end;
    start = end + 1;
    if (blockHi === blockLo) continue;

    const anorm = tridiagMaxAbs(d, e, blockLo, blockHi);
    if (anorm === 0) continue;
    let scaledTo = 0;
    if (anorm > ssfmax) scaledTo = ssfmax;
    else if (anorm < ssfmin) scaledTo = ssfmin;
    if (scaledTo !== 0) {
      rescale(d, blockLo, blockHi + 1, anorm, scaledTo);
      rescale(e, blockLo, blockHi, anorm, scaledTo);
    }

    let l = blockLo;
    let lend = blockHi;
    if (Math.abs(d[lend]!) < Math.abs(d[l]!)) {
      l = blockHi;
      lend = blockLo;
    }

    if (lend > l) {
      // QL: eigenvalues converge at the top (index l) of the active window [l, lend].
      for (;;) {
        let mm = lend;
        for (let k = l; k < lend; k++) {
          const ek = Math.abs(e[k]!);
          if (ek * ek <= eps2 * Math.abs(d[k]!) * Math.abs(d[k + 1]!) + safmin) {
            mm = k;
            break;
          }
        }
        if (mm < lend) e[mm] = 0;
        let p = d[l]!;
        if (mm === l) {
          d[l] = p;
          l++;
          if (l <= lend) continue;
          break;
        }
        if (mm === l + 1) {
          laev2(d[l]!, e[l]!, d[l + 1]!, eig2);
          wc[l] = eig2.cs1;
          ws[l] = eig2.sn1;
          rotateColumns(z, off, ld, m, l, 2, wc, ws, l, false);
          d[l] = eig2.rt1;
          d[l + 1] = eig2.rt2;
          e[l] = 0;
          l += 2;
          if (l <= lend) continue;
          break;
        }
        if (iter === maxIter) break;
        iter++;
        let g = (d[l + 1]! - p) / (2 * e[l]!);
        let r = lapy2(g, 1);
        g = d[mm]! - p + e[l]! / (g + fsign(r, g));
        let s = 1;
        let c = 1;
        p = 0;
        for (let i = mm - 1; i >= l; i--) {
          const f = s * e[i]!;
          const b = c * e[i]!;
          lartg(g, f, rot);
          c = rot.c;
          s = rot.s;
          if (i !== mm - 1) e[i + 1] = rot.r;
          g = d[i + 1]! - p;
          r = (d[i]! - g) * s + 2 * c * b;
          p = s * r;
          d[i + 1] = g + p;
          g = c * r - b;
          wc[i] = c;
          ws[i] = -s;
        }
        rotateColumns(z, off, ld, m, l, mm - l + 1, wc, ws, l, false);
        d[l] = d[l]! - p;
        e[l] = g;
      }
    } else {
      // QR: eigenvalues converge at the bottom (index l) of the active window [lend, l].
      for (;;) {
        let mm = lend;
        for (let k = l; k > lend; k--) {
          const ek = Math.abs(e[k - 1]!);
          if (ek * ek <= eps2 * Math.abs(d[k]!) * Math.abs(d[k - 1]!) + safmin) {
            mm = k;
            break;
          }
        }
        if (mm > lend) e[mm - 1] = 0;
        let p = d[l]!;
        if (mm === l) {
          d[l] = p;
          l--;
          if (l >= lend) continue;
          break;
        }
        if (mm === l - 1) {
          laev2(d[l - 1]!, e[l - 1]!, d[l]!, eig2);
          wc[mm] = eig2.cs1;
          ws[mm] = eig2.sn1;
          rotateColumns(z, off, ld, m, l - 1, 2, wc, ws, mm, true);
          d[l - 1] = eig2.rt1;
          d[l] = eig2.rt2;
          e[l - 1] = 0;
          l -= 2;
          if (l >= lend) continue;
          break;
        }
        if (iter === maxIter) break;
        iter++;
        let g = (d[l - 1]! - p) / (2 * e[l - 1]!);
        let r = lapy2(g, 1);
        g = d[mm]! - p + e[l - 1]! / (g + fsign(r, g));
        let s = 1;
        let c = 1;
        p = 0;
        for (let i = mm; i <= l - 1; i++) {
          const f = s * e[i]!;
          const b = c * e[i]!;
          lartg(g, f, rot);
          c = rot.c;
          s = rot.s;
          if (i !== mm) e[i - 1] = rot.r;
          g = d[i]! - p;
          r = (d[i + 1]! - g) * s + 2 * c * b;
          p = s * r;
          d[i] = g + p;
          g = c * r - b;
          wc[i] = c;
          ws[i] = s;
        }
        rotateColumns(z, off, ld, m, mm, l - mm + 1, wc, ws, mm, true);
        d[l] = d[l]! - p;
        e[l - 1] = g;
      }
    }

    if (scaledTo !== 0) {
      rescale(d, blockLo, blockHi + 1, scaledTo, anorm);
      rescale(e, blockLo, blockHi, scaledTo, anorm);
    }
    if (iter >= maxIter) {
      throw new NoConvergence('Eigenvalues did not converge');
    }
  }
  selectionSort(m, d, z, off, ld, m);
}

/**
 * Ascending selection sort of d[0..m) carrying the columns of the rows×m block of z along (the final step
 * of dsteqr and dstedc): for each position the smallest remaining value (first occurrence, strict <) is
 * swapped in.
 */
export function selectionSort(
  m: number,
  d: Float64Array,
  z: Float64Array,
  off: number,
  ld: number,
  rows: number,
): void {
  for (let i = 0; i < m - 1; i++) {
    let k = i;
    let p = d[i]!;
    for (let j = i + 1; j < m; j++) {
      if (d[j]! < p) {
        k = j;
        p = d[j]!;
      }
    }
    if (k !== i) {
      d[k] = d[i]!;
      d[i] = p;
      const ci = off + i * ld;
      const ck = off + k * ld;
      for (let r = 0; r < rows; r++) {
        const t = z[ci + r]!;
        z[ci + r] = z[ck + r]!;
        z[ck + r] = t;
      }
    }
  }
}
