/**
 * Divide-and-conquer SVD of an upper bidiagonal matrix, following the algorithm of reference LAPACK's DBDSDC
 * (COMPQ='I') for n > 25: DLASD0 splits the bidiagonal into a binary tree of subproblems of size ≤ 25
 * (DLASDT), solves the leaves by QR (DLASDQ, svd-bidiagonal.ts) and merges them bottom-up (DLASD1): each
 * merge forms the rank-one-modified problem, deflates (DLASD2: tiny z components, nearly equal poles
 * combined by a rotation), solves the secular equation for the remaining singular values and rebuilds the
 * vectors from the recomputed z (DLASD3, Gu–Eisenstat). The sign of every singular vector follows from those
 * steps, which is why they are followed; the secular equation itself is solved here by bisection in a
 * pole-relative variable (LAPACK's DLASD4 uses a rational-interpolation iteration): the roots agree to
 * rounding, and the vectors depend on them continuously.
 *
 * Indexing: the helpers below use LAPACK's 1-based positions inside each subproblem (arrays carry an unused
 * slot 0 where that keeps the bookkeeping readable); matrices are column-major windows (`View`).
 */
import { bidiagonalSvdRect, sortDecreasing, type Vectors, type View } from './svd-bidiagonal.js';
import { EPS_HALF, lapy2, norm2, signOf } from './svd-plane.js';

/** DBDSDC's SMLSIZ: leaves of the divide-and-conquer tree have at most this many rows. */
export const SMLSIZ = 25;

const sub = (v: View, i: number, j: number): View => ({ a: v.a, off: v.off + i + j * v.ld, ld: v.ld });
/** 1-based element access of a view. */
const at = (v: View, i: number, j: number): number => v.a[v.off + (i - 1) + (j - 1) * v.ld]!;
const put = (v: View, i: number, j: number, x: number): void => {
  v.a[v.off + (i - 1) + (j - 1) * v.ld] = x;
};

/**
 * DBDSDC(UPLO='U', COMPQ='I') for n > SMLSIZ: d (n) and e (n−1) are overwritten, U and VT (n×n column-major)
 * receive the singular vectors; d ends decreasing and B = U·diag(d)·VT.
 */
export function divideAndConquerSvd(
  d: Float64Array,
  e: Float64Array,
  U: Float64Array,
  VT: Float64Array,
): void {
  const n = d.length;
  U.fill(0);
  VT.fill(0);
  for (let i = 0; i < n; i++) U[i + i * n] = VT[i + i * n] = 1;
  let orgnrm = 0;
  for (let i = 0; i < n; i++) orgnrm = Math.max(orgnrm, Math.abs(d[i]!));
  for (let i = 0; i < n - 1; i++) orgnrm = Math.max(orgnrm, Math.abs(e[i]!));
  if (orgnrm === 0) return;
  const down = 1 / orgnrm;
  for (let i = 0; i < n; i++) d[i] = d[i]! * down;
  for (let i = 0; i < n - 1; i++) e[i] = e[i]! * down;
  const eps = 0.9 * EPS_HALF;
  for (let i = 0; i < n; i++) if (Math.abs(d[i]!) < eps) d[i] = signOf(d[i]!) * eps;

  const gU: View = { a: U, off: 0, ld: n };
  const gVT: View = { a: VT, off: 0, ld: n };
  // split where |e| < eps, each piece solved on its own
  let start = 0;
  for (let i = 0; i < n - 1; i++) {
    if (!(Math.abs(e[i]!) < eps) && i !== n - 2) continue;
    let size: number;
    if (i < n - 2) size = i - start + 1;
    else if (Math.abs(e[i]!) >= eps) size = n - start;
    else {
      // the last value is its own 1×1 problem
      size = i - start + 1;
      U[n - 1 + (n - 1) * n] = signOf(d[n - 1]!);
      VT[n - 1 + (n - 1) * n] = 1;
      d[n - 1] = Math.abs(d[n - 1]!);
    }
    divide(
      size,
      0,
      d.subarray(start, start + size),
      e.subarray(start),
      sub(gU, start, start),
      sub(gVT, start, start),
    );
    start = i + 1;
  }
  for (let i = 0; i < n; i++) d[i] = d[i]! * orgnrm;
  sortDecreasing(d, { vt: gVT, ncvt: n, u: gU, nru: n });
}

interface Tree {
  levels: number;
  nodes: number;
  /** 1-based per node: centre row, sizes of the left and right parts. */
  inode: Int32Array;
  ndiml: Int32Array;
  ndimr: Int32Array;
}

/** DLASDT: the binary tree of subproblems (node i's children are 2i and 2i+1, leaves last). */
function buildTree(n: number, msub: number): Tree {
  const levels = Math.trunc(Math.log(Math.max(1, n) / (msub + 1)) / Math.log(2)) + 1;
  const size = 2 ** levels;
  const inode = new Int32Array(size + 1);
  const ndiml = new Int32Array(size + 1);
  const ndimr = new Int32Array(size + 1);
  const half = Math.trunc(n / 2);
  inode[1] = half + 1;
  ndiml[1] = half;
  ndimr[1] = n - half - 1;
  let il = 0;
  let ir = 1;
  let llst = 1;
  for (let lvl = 1; lvl < levels; lvl++) {
    for (let i = 0; i < llst; i++) {
      il += 2;
      ir += 2;
      const cur = llst + i;
      ndiml[il] = Math.trunc(ndiml[cur]! / 2);
      ndimr[il] = ndiml[cur]! - ndiml[il]! - 1;
      inode[il] = inode[cur]! - ndimr[il]! - 1;
      ndiml[ir] = Math.trunc(ndimr[cur]! / 2);
      ndimr[ir] = ndimr[cur]! - ndiml[ir]! - 1;
      inode[ir] = inode[cur]! + ndiml[ir]! + 1;
    }
    llst *= 2;
  }
  return { levels, nodes: llst * 2 - 1, inode, ndiml, ndimr };
}

/**
 * DLASD0: SVD of the n×(n+sqre) upper bidiagonal (d: n, e: n−1+sqre), U n×n and VT (n+sqre)×(n+sqre)
 * windows (already the identity there). d ends in merge order (not sorted), as in LAPACK.
 */
function divide(n: number, sqre: 0 | 1, d: Float64Array, e: Float64Array, U: View, VT: View): void {
  const m = n + sqre;
  if (n <= SMLSIZ) {
    bidiagonalSvdRect(d, e.subarray(0, n - 1 + sqre), sqre, { vt: VT, ncvt: m, u: U, nru: n });
    return;
  }
  const t = buildTree(n, SMLSIZ);
  const idxq = new Int32Array(n + 1); // 1-based: each merged block's sorting permutation
  const first = (t.nodes + 1) >> 1;
  for (let i = first; i <= t.nodes; i++) {
    const ic = t.inode[i]!;
    const nl = t.ndiml[i]!;
    const nr = t.ndimr[i]!;
    const nlf = ic - nl;
    const nrf = ic + 1;
    leaf(nl, 1, d, e, U, VT, nlf);
    for (let j = 1; j <= nl; j++) idxq[nlf - 1 + j] = j;
    const sqrei = i === t.nodes ? sqre : 1;
    leaf(nr, sqrei, d, e, U, VT, nrf);
    for (let j = 1; j <= nr; j++) idxq[ic + j] = j;
  }
  for (let lvl = t.levels; lvl >= 1; lvl--) {
    const lf = lvl === 1 ? 1 : 2 ** (lvl - 1);
    const ll = lvl === 1 ? 1 : 2 * lf - 1;
    for (let i = lf; i <= ll; i++) {
      const ic = t.inode[i]!;
      const nl = t.ndiml[i]!;
      const nr = t.ndimr[i]!;
      const nlf = ic - nl;
      const sqrei: 0 | 1 = sqre === 0 && i === ll ? 0 : 1;
      const alpha = d[ic - 1]!;
      const beta = e[ic - 1]!;
      merge(
        nl,
        nr,
        sqrei,
        d.subarray(nlf - 1),
        alpha,
        beta,
        sub(U, nlf - 1, nlf - 1),
        sub(VT, nlf - 1, nlf - 1),
        idxq,
        nlf - 1,
      );
    }
  }
}

/** A leaf: rows first..first+size−1 (1-based), solved by DLASDQ. */
function leaf(
  size: number,
  sqre: 0 | 1,
  d: Float64Array,
  e: Float64Array,
  U: View,
  VT: View,
  first: number,
): void {
  const w: Vectors = {
    vt: sub(VT, first - 1, first - 1),
    ncvt: size + sqre,
    u: sub(U, first - 1, first - 1),
    nru: size,
  };
  bidiagonalSvdRect(
    d.subarray(first - 1, first - 1 + size),
    e.subarray(first - 1, first - 1 + size - 1 + sqre),
    sqre,
    w,
  );
}

/**
 * DLAMRG: the permutation (1-based values) that merges a[0..n1) (traversed with stride s1) and a[n1..n1+n2)
 * (stride s2; −1 means from its end) into increasing order, ties to the first list.
 */
function mergeOrder(n1: number, n2: number, a: (i: number) => number, s1: number, s2: number): Int32Array {
  const out = new Int32Array(n1 + n2 + 1);
  let i1 = s1 > 0 ? 1 : n1;
  let i2 = s2 > 0 ? 1 + n1 : n1 + n2;
  let left1 = n1;
  let left2 = n2;
  let k = 1;
  while (left1 > 0 && left2 > 0) {
    if (a(i1) <= a(i2)) {
      out[k++] = i1;
      i1 += s1;
      left1--;
    } else {
      out[k++] = i2;
      i2 += s2;
      left2--;
    }
  }
  for (; left2 > 0; left2--, i2 += s2) out[k++] = i2;
  for (; left1 > 0; left1--, i1 += s1) out[k++] = i1;
  return out;
}

/**
 * DLASD1: merge the solved left (nl) and right (nr) problems through row nl+1 (alpha on the diagonal, beta
 * coupling to the right block). d holds both children's values (d[nl] is overwritten), idxq[base+1..base+n]
 * their sorting permutations; on return d holds the merged values and idxq their sorting permutation.
 */
function merge(
  nl: number,
  nr: number,
  sqre: 0 | 1,
  d: Float64Array,
  alpha0: number,
  beta0: number,
  U: View,
  VT: View,
  idxqAll: Int32Array,
  base: number,
): void {
  const n = nl + nr + 1;
  const D = (i: number) => d[i - 1]!;
  let orgnrm = Math.max(Math.abs(alpha0), Math.abs(beta0));
  d[nl] = 0;
  for (let i = 1; i <= n; i++) orgnrm = Math.max(orgnrm, Math.abs(D(i)));
  const down = 1 / orgnrm;
  for (let i = 0; i < n; i++) d[i] = d[i]! * down;
  const alpha = alpha0 / orgnrm;
  const beta = beta0 / orgnrm;
  const idxq = idxqAll.subarray(base); // idxq[1..n]
  const defl = deflate(nl, nr, sqre, d, alpha, beta, U, VT, idxq);
  secularUpdate(nl, nr, sqre, defl, d, U, VT);
  for (let i = 0; i < n; i++) d[i] = d[i]! * orgnrm;
  const order = mergeOrder(defl.k, n - defl.k, D, 1, -1);
  for (let i = 1; i <= n; i++) idxq[i] = order[i]!;
}

interface Deflated {
  k: number;
  z: Float64Array; // 1-based, k entries
  dsigma: Float64Array; // 1-based
  u2: View; // n×n work: column 1 = e_{nl+1}, columns 2..k the non-deflated U columns (column-type order)
  vt2: View; // m×m work: row 1 the new first row, rows 2..k the non-deflated VT rows (column-type order)
  idxc: Int32Array; // column-type position → dsigma position
}

/** DLASD2: form z, sort, deflate; non-deflated triplets go to the work arrays, deflated ones to the end of d/U/VT. */
function deflate(
  nl: number,
  nr: number,
  sqre: 0 | 1,
  d: Float64Array,
  alpha: number,
  beta: number,
  U: View,
  VT: View,
  idxq: Int32Array,
): Deflated {
  const n = nl + nr + 1;
  const m = n + sqre;
  const nlp1 = nl + 1;
  const nlp2 = nl + 2;
  const D = new Float64Array(n + 1);
  for (let i = 1; i <= n; i++) D[i] = d[i - 1]!;
  const z = new Float64Array(m + 1);
  const dsigma = new Float64Array(n + 1);
  const coltyp = new Int32Array(n + 1);
  const idxc = new Int32Array(n + 1);
  const idxp = new Int32Array(n + 1);
  const u2: View = { a: new Float64Array(n * n), off: 0, ld: n };
  const vt2: View = { a: new Float64Array(m * m), off: 0, ld: m };
  const u2c1 = new Float64Array(n + 1); // U2(:, 1) used as scratch for z in sorted order

  // z: the row nl+1 of the merged matrix in the children's singular bases; left part shifted by one
  const z1 = alpha * at(VT, nlp1, nlp1);
  z[1] = z1;
  for (let i = nl; i >= 1; i--) {
    z[i + 1] = alpha * at(VT, i, nlp1);
    D[i + 1] = D[i]!;
    idxq[i + 1] = idxq[i]! + 1;
  }
  for (let i = nlp2; i <= m; i++) z[i] = beta * at(VT, i, nlp2);
  for (let i = 2; i <= nlp1; i++) coltyp[i] = 1;
  for (let i = nlp2; i <= n; i++) coltyp[i] = 2;
  for (let i = nlp2; i <= n; i++) idxq[i] = idxq[i]! + nlp1;
  for (let i = 2; i <= n; i++) {
    dsigma[i] = D[idxq[i]!]!;
    u2c1[i] = z[idxq[i]!]!;
    idxc[i] = coltyp[idxq[i]!]!;
  }
  const idxRel = mergeOrder(nl, nr, (i) => dsigma[i + 1]!, 1, 1); // positions relative to dsigma[2..]
  const idx = new Int32Array(n + 1);
  for (let i = 2; i <= n; i++) idx[i] = idxRel[i - 1]!;
  for (let i = 2; i <= n; i++) {
    const src = 1 + idx[i]!;
    D[i] = dsigma[src]!;
    z[i] = u2c1[src]!;
    coltyp[i] = idxc[src]!;
  }
  // U/VT column of sorted position j (undo the shift of the left part)
  const colOf = (j: number): number => {
    const c = idxq[idx[j]! + 1]!;
    return c <= nlp1 ? c - 1 : c;
  };

  const eps = EPS_HALF;
  const tol = 8 * eps * Math.max(Math.abs(D[n]!), Math.max(Math.abs(alpha), Math.abs(beta)));
  let k = 1;
  let k2 = n + 1;
  let jprev = 0;
  let j = 2;
  for (; j <= n; j++) {
    if (Math.abs(z[j]!) <= tol) {
      k2--;
      idxp[k2] = j;
      coltyp[j] = 4;
    } else {
      jprev = j;
      break;
    }
  }
  if (jprev !== 0) {
    for (j = jprev + 1; j <= n; j++) {
      if (Math.abs(z[j]!) <= tol) {
        k2--;
        idxp[k2] = j;
        coltyp[j] = 4;
      } else if (Math.abs(D[j]! - D[jprev]!) <= tol) {
        // two nearly equal poles: rotate so that one z component vanishes
        let s = z[jprev]!;
        let c = z[j]!;
        const tau = lapy2(c, s);
        c /= tau;
        s = -s / tau;
        z[j] = tau;
        z[jprev] = 0;
        const cp = colOf(jprev);
        const cj = colOf(j);
        rotCols(U, n, cp, cj, c, s);
        rotRows(VT, m, cp, cj, c, s);
        if (coltyp[j] !== coltyp[jprev]) coltyp[j] = 3;
        coltyp[jprev] = 4;
        k2--;
        idxp[k2] = jprev;
        jprev = j;
      } else {
        k++;
        u2c1[k] = z[jprev]!;
        dsigma[k] = D[jprev]!;
        idxp[k] = jprev;
        jprev = j;
      }
    }
    k++;
    u2c1[k] = z[jprev]!;
    dsigma[k] = D[jprev]!;
    idxp[k] = jprev;
  }

  // column types: 1 left only, 2 right only, 3 both, 4 deflated; group the columns by type
  const ctot = [0, 0, 0, 0, 0];
  for (let q = 2; q <= n; q++) ctot[coltyp[q]!]!++;
  const psm = [0, 2, 2 + ctot[1]!, 2 + ctot[1]! + ctot[2]!, 2 + ctot[1]! + ctot[2]! + ctot[3]!];
  for (let q = 2; q <= n; q++) {
    const ct = coltyp[idxp[q]!]!;
    idxc[psm[ct]!] = q;
    psm[ct]!++;
  }
  for (let q = 2; q <= n; q++) {
    dsigma[q] = D[idxp[q]!]!;
    const c = colOf(idxp[idxc[q]!]!);
    for (let i = 1; i <= n; i++) put(u2, i, q, at(U, i, c));
    for (let i = 1; i <= m; i++) put(vt2, q, i, at(VT, c, i));
  }
  dsigma[1] = 0;
  const hlftol = tol / 2;
  if (Math.abs(dsigma[2]!) <= hlftol) dsigma[2] = hlftol;
  let c = 1;
  let s = 0;
  if (m > n) {
    z[1] = lapy2(z1, z[m]!);
    if (z[1]! <= tol) {
      c = 1;
      s = 0;
      z[1] = tol;
    } else {
      c = z1 / z[1]!;
      s = z[m]! / z[1]!;
    }
  } else {
    z[1] = Math.abs(z1) <= tol ? tol : z1;
  }
  for (let q = 2; q <= k; q++) z[q] = u2c1[q]!;
  for (let i = 1; i <= n; i++) put(u2, i, 1, 0);
  put(u2, nlp1, 1, 1);
  if (m > n) {
    for (let i = 1; i <= nlp1; i++) {
      put(VT, m, i, -s * at(VT, nlp1, i));
      put(vt2, 1, i, c * at(VT, nlp1, i));
    }
    for (let i = nlp2; i <= m; i++) {
      put(vt2, 1, i, s * at(VT, m, i));
      put(VT, m, i, c * at(VT, m, i));
    }
  } else {
    for (let i = 1; i <= m; i++) put(vt2, 1, i, at(VT, nlp1, i));
  }
  if (m > n) for (let i = 1; i <= m; i++) put(vt2, m, i, at(VT, m, i));
  // deflated triplets go to the end, unchanged
  for (let q = k + 1; q <= n; q++) {
    d[q - 1] = dsigma[q]!;
    for (let i = 1; i <= n; i++) put(U, i, q, at(u2, i, q));
    for (let i = 1; i <= m; i++) put(VT, q, i, at(vt2, q, i));
  }
  return { k, z, dsigma, u2, vt2, idxc };
}

function rotCols(v: View, rows: number, c1: number, c2: number, c: number, s: number): void {
  for (let i = 1; i <= rows; i++) {
    const x = at(v, i, c1);
    const y = at(v, i, c2);
    put(v, i, c1, c * x + s * y);
    put(v, i, c2, c * y - s * x);
  }
}

function rotRows(v: View, cols: number, r1: number, r2: number, c: number, s: number): void {
  for (let j = 1; j <= cols; j++) {
    const x = at(v, r1, j);
    const y = at(v, r2, j);
    put(v, r1, j, c * x + s * y);
    put(v, r2, j, c * y - s * x);
  }
}

/**
 * The i-th root (1-based) of the secular equation 1 + ρ·Σ z_j² / (d_j² − σ²) = 0 (d increasing, d_1 = 0,
 * ‖z‖ = 1): σ, and the differences d_j − σ and sums d_j + σ, computed relative to the nearer pole so that the
 * small ones keep full relative accuracy (what DLASD4 returns).
 */
function secularRoot(k: number, i: number, ds: Float64Array, z: Float64Array, rho: number) {
  let origin: number;
  let lo: number;
  let hi: number;
  if (i === k) {
    origin = ds[k]!;
    lo = 0;
    hi = rho;
  } else {
    const p = ds[i]!;
    const q = ds[i + 1]!;
    const half = ((q - p) * (q + p)) / 2;
    if (secular(k, ds, z, rho, p, half) >= 0) {
      origin = p;
      lo = 0;
      hi = half;
    } else {
      origin = q;
      lo = -half;
      hi = 0;
    }
  }
  // bisection on τ = σ² − origin² (f is increasing in τ); stop when the bracket cannot shrink, keep the
  // evaluated point with the smallest |f|
  let tau = Number.NaN;
  let best = Infinity;
  for (let it = 0; it < 4000; it++) {
    const mid = lo + (hi - lo) / 2;
    if (mid <= lo || mid >= hi) break;
    const f = secular(k, ds, z, rho, origin, mid);
    if (Math.abs(f) < best) {
      best = Math.abs(f);
      tau = mid;
    }
    if (f === 0) break;
    if (f < 0) lo = mid;
    else hi = mid;
  }
  if (Number.isNaN(tau)) tau = lo + (hi - lo) / 2;
  const eta = tau / (origin + Math.sqrt(origin * origin + tau));
  const delta = new Float64Array(k + 1);
  const sum = new Float64Array(k + 1);
  for (let j = 1; j <= k; j++) {
    delta[j] = ds[j]! - origin - eta;
    sum[j] = ds[j]! + origin + eta;
  }
  return { sigma: origin + eta, delta, sum };
}

function secular(
  k: number,
  ds: Float64Array,
  z: Float64Array,
  rho: number,
  origin: number,
  tau: number,
): number {
  let f = 1;
  for (let j = 1; j <= k; j++) {
    const den = (ds[j]! - origin) * (ds[j]! + origin) - tau;
    f += (rho * (z[j]! * z[j]!)) / den;
  }
  return f;
}

/** DLASD3: singular values of the deflated problem by the secular equation, and its vectors. */
function secularUpdate(
  nl: number,
  nr: number,
  sqre: 0 | 1,
  defl: Deflated,
  d: Float64Array,
  U: View,
  VT: View,
): void {
  const n = nl + nr + 1;
  const m = n + sqre;
  const { k, z, dsigma, u2, vt2, idxc } = defl;
  if (k === 1) {
    d[0] = Math.abs(z[1]!);
    for (let i = 1; i <= m; i++) put(VT, 1, i, at(vt2, 1, i));
    const sg = z[1]! > 0 ? 1 : -1;
    for (let i = 1; i <= n; i++) put(U, i, 1, sg * at(u2, i, 1));
    return;
  }
  const zsave = Float64Array.from(z);
  let rho = norm2(z, 1, 1, k);
  const inv = 1 / rho;
  for (let j = 1; j <= k; j++) z[j] = z[j]! * inv;
  rho *= rho;
  // delta[i][j] = dsigma_j − σ_i, sum[i][j] = dsigma_j + σ_i  (LAPACK: U(j, i), VT(j, i))
  const delta: Float64Array[] = [new Float64Array(0)];
  const sum: Float64Array[] = [new Float64Array(0)];
  for (let i = 1; i <= k; i++) {
    const r = secularRoot(k, i, dsigma, z, rho);
    d[i - 1] = r.sigma;
    delta.push(r.delta);
    sum.push(r.sum);
  }
  // z recomputed from the roots (Löwner), signs from the original z
  const zz = new Float64Array(k + 1);
  for (let i = 1; i <= k; i++) {
    let v = delta[k]![i]! * sum[k]![i]!;
    for (let j = 1; j < i; j++) {
      v *= (delta[j]![i]! * sum[j]![i]!) / (dsigma[i]! - dsigma[j]!) / (dsigma[i]! + dsigma[j]!);
    }
    for (let j = i; j < k; j++) {
      v *= (delta[j]![i]! * sum[j]![i]!) / (dsigma[i]! - dsigma[j + 1]!) / (dsigma[i]! + dsigma[j + 1]!);
    }
    zz[i] = signOf(zsave[i]!) * Math.sqrt(Math.abs(v));
  }
  // vectors of the deflated problem: right y_i(j) = z_j/((d_j − σ_i)(d_j + σ_i)), left (−1, d_j·y_i(j))
  const Q = new Float64Array((k + 1) * (k + 1)); // Q[j][i], 1-based, column-type order in j
  const yv = new Float64Array(k + 1);
  const xv = new Float64Array(k + 1);
  const rightRows: Float64Array[] = [new Float64Array(0)];
  for (let i = 1; i <= k; i++) {
    for (let j = 1; j <= k; j++) yv[j] = zz[j]! / delta[i]![j]! / sum[i]![j]!;
    xv[1] = -1;
    for (let j = 2; j <= k; j++) xv[j] = dsigma[j]! * yv[j]!;
    const tx = norm2(xv, 1, 1, k);
    Q[1 * (k + 1) + i] = xv[1]! / tx;
    for (let j = 2; j <= k; j++) Q[j * (k + 1) + i] = xv[idxc[j]!]! / tx;
    rightRows.push(Float64Array.from(yv));
  }
  // U(1:n, 1:k) = U2(1:n, 1:k) · Q
  const col = new Float64Array(n + 1);
  for (let i = 1; i <= k; i++) {
    col.fill(0);
    for (let j = 1; j <= k; j++) {
      const q = Q[j * (k + 1) + i]!;
      if (q === 0) continue;
      for (let r = 1; r <= n; r++) col[r] = col[r]! + at(u2, r, j) * q;
    }
    for (let r = 1; r <= n; r++) put(U, r, i, col[r]!);
  }
  // VT(1:k, 1:m) = Q' · VT2(1:k, 1:m) with Q'(i, j) = y_i(idxc(j)) / ‖y_i‖
  const row = new Float64Array(m + 1);
  for (let i = 1; i <= k; i++) {
    const y = rightRows[i]!;
    const ty = norm2(y, 1, 1, k);
    row.fill(0);
    for (let j = 1; j <= k; j++) {
      const q = (j === 1 ? y[1]! : y[idxc[j]!]!) / ty;
      if (q === 0) continue;
      for (let c = 1; c <= m; c++) row[c] = row[c]! + q * at(vt2, j, c);
    }
    for (let c = 1; c <= m; c++) put(VT, i, c, row[c]!);
  }
}
