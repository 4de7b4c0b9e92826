/**
 * Cuppen's divide and conquer for a symmetric tridiagonal block, as LAPACK's dstedc runs it for unreduced
 * blocks larger than 25 (dlaed0 with ICOMPQ=2 → dlaed1 → dlaed2/dlaed3/dlaed4, dlamrg), written from the
 * documented algorithm of the reference routines (LAPACK 3.12, as in OpenBLAS):
 * - split the block into 2^k leaves of at most 25 rows (halving sizes, floor/ceil), subtracting |e| at each
 *   cut from the two adjacent diagonal entries; solve the leaves with the QL/QR iteration (steqr);
 * - merge pairs bottom-up: the rank-one update diag(D) + ρ·z·zᵀ with z = (last row of Q₁, first row of Q₂)
 *   (ρ = the cut's e; negative ρ flips z₂; z scaled by 1/√2 and ρ → |2ρ|), deflation of tiny z components and
 *   of nearly equal poles by Givens rotations (tolerance 8·eps·max(|D|, |z|)), the secular equation for the
 *   remaining k roots (laed4), Gu–Eisenstat's recomputed ẑ for orthogonal eigenvectors, and the product with
 *   the leaves' eigenvectors grouped by column type;
 * - keep the permutation that sorts the eigenvalues (dlamrg merges) and apply it at the end.
 * Index arithmetic uses 1-based helper arrays (slot 0 unused) like the algorithm description.
 */
import { laed4 } from './eigh-secular.js';
import { LAPACK_EPS, lapy2, steqr } from './eigh-tridiag.js';

const SMLSIZ = 25;

/** dlamrg: the permutation (1-based, into index[1..n1+n2]) merging a[1..n1] and a[n1+1..n1+n2] ascending. */
function mergeIndex(
  n1: number,
  n2: number,
  a: (k: number) => number,
  s1: 1 | -1,
  s2: 1 | -1,
  index: Int32Array,
  io: number,
): void {
  let i1 = s1 > 0 ? 1 : n1;
  let i2 = s2 > 0 ? 1 + n1 : n1 + n2;
  let r1 = n1;
  let r2 = n2;
  let k = 1;
  while (r1 > 0 && r2 > 0) {
    if (a(i1) <= a(i2)) {
      index[io + k++] = i1;
      i1 += s1;
      r1--;
    } else {
      index[io + k++] = i2;
      i2 += s2;
      r2--;
    }
  }
  for (; r2 > 0; r2--) {
    index[io + k++] = i2;
    i2 += s2;
  }
  for (; r1 > 0; r1--) {
    index[io + k++] = i1;
    i1 += s1;
  }
}

/** Euclidean norm with scaling (dnrm2), 1-based x[1..n]. */
function nrm2(x: Float64Array, n: number): number {
  let scale = 0;
  let ssq = 1;
  for (let i = 1; i <= n; i++) {
    const v = x[i]!;
    if (v === 0) continue;
    const a = Math.abs(v);
    if (scale < a) {
      const q = scale / a;
      ssq = 1 + ssq * q * q;
      scale = a;
    } else {
      const q = a / scale;
      ssq += q * q;
    }
  }
  return scale * Math.sqrt(ssq);
}

/** First index (1-based) of the largest |x_i|, i = 1..n (idamax). */
function iamax(n: number, x: (i: number) => number): number {
  let best = 1;
  let bv = Math.abs(x(1));
  for (let i = 2; i <= n; i++) {
    const v = Math.abs(x(i));
    if (v > bv) {
      bv = v;
      best = i;
    }
  }
  return best;
}

/**
 * One merge (dlaed1): the n×n block at q[qo] (leading dimension ld) holds the eigenvectors of the two halves
 * (cutpnt and n − cutpnt), d[do_ + 0..n) their eigenvalues, indxq[io + 1..n] the permutations sorting each
 * half. On return d/q hold the merged eigen-decomposition and indxq the permutation sorting d.
 */
function merge(
  n: number,
  d: Float64Array,
  do_: number,
  q: Float64Array,
  qo: number,
  ld: number,
  indxq: Int32Array,
  io: number,
  rhoIn: number,
  n1: number,
): void {
  const D = (j: number) => d[do_ + j - 1]!;
  const setD = (j: number, v: number) => {
    d[do_ + j - 1] = v;
  };
  const Qi = (i: number, j: number) => qo + (i - 1) + (j - 1) * ld;
  const n2 = n - n1;
  // z: last row of Q1, first row of Q2.
  const z = new Float64Array(n + 1);
  for (let k = 1; k <= n1; k++) z[k] = q[Qi(n1, k)]!;
  for (let k = n1 + 1; k <= n; k++) z[k] = q[Qi(n1 + 1, k)]!;

  // ---- dlaed2: deflation.
  let rho = rhoIn;
  if (rho < 0) for (let k = n1 + 1; k <= n; k++) z[k] = -z[k]!;
  const t0 = 1 / Math.sqrt(2);
  for (let k = 1; k <= n; k++) z[k] = z[k]! * t0;
  rho = Math.abs(2 * rho);
  for (let k = n1 + 1; k <= n; k++) indxq[io + k] = indxq[io + k]! + n1;
  const dlambda = new Float64Array(n + 1);
  for (let k = 1; k <= n; k++) dlambda[k] = D(indxq[io + k]!);
  const indxc = new Int32Array(n + 1);
  mergeIndex(n1, n2, (k) => dlambda[k]!, 1, 1, indxc, 0);
  const indx = new Int32Array(n + 2);
  for (let k = 1; k <= n; k++) indx[k] = indxq[io + indxc[k]!]!;
  const imax = iamax(n, (k) => z[k]!);
  const jmax = iamax(n, D);
  const tol = 8 * LAPACK_EPS * Math.max(Math.abs(D(jmax)), Math.abs(z[imax]!));
  const w = new Float64Array(n + 1);
  const q2 = new Float64Array(2 * n * n + 1);

  if (rho * Math.abs(z[imax]!) <= tol) {
    // Everything deflates: reorder eigenpairs by the sorting permutation.
    for (let j = 1; j <= n; j++) {
      const c = indx[j]!;
      for (let r = 1; r <= n; r++) q2[(j - 1) * n + r] = q[Qi(r, c)]!;
      dlambda[j] = D(c);
    }
    for (let j = 1; j <= n; j++) for (let r = 1; r <= n; r++) q[Qi(r, j)] = q2[(j - 1) * n + r]!;
    for (let j = 1; j <= n; j++) setD(j, dlambda[j]!);
    for (let k = 1; k <= n; k++) indxq[io + k] = k;
    return;
  }

  const coltyp = new Int32Array(n + 1);
  for (let k = 1; k <= n1; k++) coltyp[k] = 1;
  for (let k = n1 + 1; k <= n; k++) coltyp[k] = 3;
  const indxp = new Int32Array(n + 1);
  let k = 0;
  let k2 = n + 1;
  let j = 1;
  let pj = 0;
  for (; j <= n; j++) {
    const nj = indx[j]!;
    if (rho * Math.abs(z[nj]!) <= tol) {
      k2--;
      coltyp[nj] = 4;
      indxp[k2] = nj;
    } else {
      pj = nj;
      break;
    }
  }
  for (;;) {
    j++;
    if (j > n) break;
    const nj = indx[j]!;
    if (rho * Math.abs(z[nj]!) <= tol) {
      k2--;
      coltyp[nj] = 4;
      indxp[k2] = nj;
      continue;
    }
    let s = z[pj]!;
    let c = z[nj]!;
    const tau = lapy2(c, s);
    let t = D(nj) - D(pj);
    c /= tau;
    s = -s / tau;
    if (Math.abs(t * c * s) <= tol) {
      // Nearly equal poles: rotate z[pj] into z[nj] and deflate pj.
      z[nj] = tau;
      z[pj] = 0;
      if (coltyp[nj] !== coltyp[pj]) coltyp[nj] = 2;
      coltyp[pj] = 4;
      const cp = Qi(1, pj);
      const cn = Qi(1, nj);
      for (let r = 0; r < n; r++) {
        const x = q[cp + r]!;
        const y = q[cn + r]!;
        q[cp + r] = c * x + s * y;
        q[cn + r] = c * y - s * x;
      }
      t = D(pj) * c * c + D(nj) * s * s;
      setD(nj, D(pj) * s * s + D(nj) * c * c);
      setD(pj, t);
      k2--;
      let i = 1;
      for (;;) {
        if (k2 + i <= n && D(pj) < D(indxp[k2 + i]!)) {
          indxp[k2 + i - 1] = indxp[k2 + i]!;
          indxp[k2 + i] = pj;
          i++;
        } else {
          indxp[k2 + i - 1] = pj;
          break;
        }
      }
      pj = nj;
    } else {
      k++;
      dlambda[k] = D(pj);
      w[k] = z[pj]!;
      indxp[k] = pj;
      pj = nj;
    }
  }
  k++;
  dlambda[k] = D(pj);
  w[k] = z[pj]!;
  indxp[k] = pj;

  const ctot = [0, 0, 0, 0, 0];
  for (let c = 1; c <= n; c++) ctot[coltyp[c]!]!++;
  const psm = [0, 1, 1 + ctot[1]!, 1 + ctot[1]! + ctot[2]!, 1 + ctot[1]! + ctot[2]! + ctot[3]!];
  k = n - ctot[4]!;
  for (let c = 1; c <= n; c++) {
    const js = indxp[c]!;
    const ct = coltyp[js]!;
    indx[psm[ct]!] = js;
    indxc[psm[ct]!] = c;
    psm[ct]!++;
  }
  // Pack the leaves' eigenvectors by column type into q2 (0-based offsets, column-major).
  let i = 1;
  let iq1 = 0;
  let iq2 = (ctot[1]! + ctot[2]!) * n1;
  for (let c = 0; c < ctot[1]!; c++, i++) {
    const js = indx[i]!;
    for (let r = 0; r < n1; r++) q2[iq1 + r] = q[Qi(1 + r, js)]!;
    z[i] = D(js);
    iq1 += n1;
  }
  for (let c = 0; c < ctot[2]!; c++, i++) {
    const js = indx[i]!;
    for (let r = 0; r < n1; r++) q2[iq1 + r] = q[Qi(1 + r, js)]!;
    for (let r = 0; r < n2; r++) q2[iq2 + r] = q[Qi(n1 + 1 + r, js)]!;
    z[i] = D(js);
    iq1 += n1;
    iq2 += n2;
  }
  for (let c = 0; c < ctot[3]!; c++, i++) {
    const js = indx[i]!;
    for (let r = 0; r < n2; r++) q2[iq2 + r] = q[Qi(n1 + 1 + r, js)]!;
    z[i] = D(js);
    iq2 += n2;
  }
  const deflStart = iq2;
  for (let c = 0; c < ctot[4]!; c++, i++) {
    const js = indx[i]!;
    for (let r = 0; r < n; r++) q2[iq2 + r] = q[Qi(1 + r, js)]!;
    iq2 += n;
    z[i] = D(js);
  }
  if (k < n) {
    for (let c = 0; c < ctot[4]!; c++) {
      for (let r = 0; r < n; r++) q[Qi(1 + r, k + 1 + c)] = q2[deflStart + c * n + r]!;
    }
    for (let c = k + 1; c <= n; c++) setD(c, z[c]!);
  }

  // ---- dlaed3: roots of the secular equation and their eigenvectors.
  const delta = new Float64Array(k);
  for (let jj = 1; jj <= k; jj++) {
    setD(jj, laed4(k, jj, dlambda.subarray(1), w.subarray(1), delta, rho));
    for (let r = 0; r < k; r++) q[Qi(1 + r, jj)] = delta[r]!;
  }
  if (k === 2) {
    for (let jj = 1; jj <= 2; jj++) {
      const a1 = q[Qi(1, jj)]!;
      const a2 = q[Qi(2, jj)]!;
      const tmp = [0, a1, a2];
      q[Qi(1, jj)] = tmp[indxc[1]!]!;
      q[Qi(2, jj)] = tmp[indxc[2]!]!;
    }
  } else if (k > 2) {
    const s = new Float64Array(k + 1);
    for (let r = 1; r <= k; r++) s[r] = w[r]!;
    for (let r = 1; r <= k; r++) w[r] = q[Qi(r, r)]!;
    for (let jj = 1; jj <= k; jj++) {
      for (let r = 1; r <= jj - 1; r++) w[r] = w[r]! * (q[Qi(r, jj)]! / (dlambda[r]! - dlambda[jj]!));
      for (let r = jj + 1; r <= k; r++) w[r] = w[r]! * (q[Qi(r, jj)]! / (dlambda[r]! - dlambda[jj]!));
    }
    for (let r = 1; r <= k; r++) {
      const m = Math.sqrt(-w[r]!);
      w[r] = s[r]! < 0 || Object.is(s[r], -0) ? -m : m;
    }
    for (let jj = 1; jj <= k; jj++) {
      for (let r = 1; r <= k; r++) s[r] = w[r]! / q[Qi(r, jj)]!;
      const nrm = nrm2(s, k);
      for (let r = 1; r <= k; r++) q[Qi(r, jj)] = s[indxc[r]!]! / nrm;
    }
  }
  // Back-transformation: Q(n1+1:n, 1:k) = Q2b · S23, Q(1:n1, 1:k) = Q2a · S12.
  const n12 = ctot[1]! + ctot[2]!;
  const n23 = ctot[2]! + ctot[3]!;
  const s23 = new Float64Array(n23 * k);
  for (let c = 0; c < k; c++)
    for (let r = 0; r < n23; r++) s23[r + c * n23] = q[Qi(ctot[1]! + 1 + r, c + 1)]!;
  const q2b = n1 * n12;
  for (let c = 0; c < k; c++) {
    for (let r = 0; r < n2; r++) {
      let acc = 0;
      for (let l = 0; l < n23; l++) acc += q2[q2b + r + l * n2]! * s23[l + c * n23]!;
      q[Qi(n1 + 1 + r, c + 1)] = acc;
    }
  }
  const s12 = new Float64Array(n12 * k);
  for (let c = 0; c < k; c++) for (let r = 0; r < n12; r++) s12[r + c * n12] = q[Qi(1 + r, c + 1)]!;
  for (let c = 0; c < k; c++) {
    for (let r = 0; r < n1; r++) {
      let acc = 0;
      for (let l = 0; l < n12; l++) acc += q2[r + l * n1]! * s12[l + c * n12]!;
      q[Qi(1 + r, c + 1)] = acc;
    }
  }
  // Sorting permutation of the merged eigenvalues: roots ascending, deflated ones stored descending.
  mergeIndex(k, n - k, D, 1, -1, indxq, io);
}

/**
 * dlaed0 (ICOMPQ=2): eigenvalues (ascending, into d[0..n)) and eigenvectors (the n×n block of q at qo,
 * leading dimension ld, which must hold the identity on entry) of the unreduced symmetric tridiagonal
 * block (d, e). e is destroyed.
 */
export function divideAndConquer(
  n: number,
  d: Float64Array,
  e: Float64Array,
  q: Float64Array,
  qo: number,
  ld: number,
): void {
  // Leaf sizes by repeated halving, then their cumulative ends (1-based iw[1..subpbs]).
  const iw: number[] = [0, n];
  let subpbs = 1;
  while (iw[subpbs]! > SMLSIZ) {
    for (let j = subpbs; j >= 1; j--) {
      const m = iw[j]!;
      iw[2 * j] = Math.floor((m + 1) / 2);
      iw[2 * j - 1] = Math.floor(m / 2);
    }
    subpbs *= 2;
  }
  for (let j = 2; j <= subpbs; j++) iw[j] = iw[j]! + iw[j - 1]!;
  for (let i = 1; i <= subpbs - 1; i++) {
    const cut = iw[i]!; // 1-based index of the last row of leaf i
    const ae = Math.abs(e[cut - 1]!);
    d[cut - 1] = d[cut - 1]! - ae;
    d[cut] = d[cut]! - ae;
  }
  const indxq = new Int32Array(n + 1);
  for (let i = 0; i < subpbs; i++) {
    const start = i === 0 ? 1 : iw[i]! + 1;
    const size = i === 0 ? iw[1]! : iw[i + 1]! - iw[i]!;
    steqr(size, d.subarray(start - 1), e.subarray(start - 1), q, qo + (start - 1) * (1 + ld), ld);
    for (let j = start; j <= iw[i + 1]!; j++) indxq[j] = j - start + 1;
  }
  while (subpbs > 1) {
    for (let i = 0; i <= subpbs - 2; i += 2) {
      let start: number;
      let size: number;
      let half: number;
      if (i === 0) {
        start = 1;
        size = iw[2]!;
        half = iw[1]!;
      } else {
        start = iw[i]! + 1;
        size = iw[i + 2]! - iw[i]!;
        half = Math.floor(size / 2);
      }
      merge(
        size,
        d,
        start - 1,
        q,
        qo + (start - 1) * (1 + ld),
        ld,
        indxq,
        start - 1,
        e[start + half - 2]!,
        half,
      );
      iw[i / 2 + 1] = iw[i + 2]!;
    }
    subpbs /= 2;
  }
  const dSorted = new Float64Array(n);
  const qSorted = new Float64Array(n * n);
  for (let i = 1; i <= n; i++) {
    const j = indxq[i]!;
    dSorted[i - 1] = d[j - 1]!;
    for (let r = 0; r < n; r++) qSorted[(i - 1) * n + r] = q[qo + r + (j - 1) * ld]!;
  }
  d.set(dSorted);
  for (let c = 0; c < n; c++) for (let r = 0; r < n; r++) q[qo + r + c * ld] = qSorted[c * n + r]!;
}
