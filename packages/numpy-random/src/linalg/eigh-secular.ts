/**
 * The secular-equation solvers of LAPACK's divide and conquer (used by eigh-dc.ts), written from the
 * reference routines' documented algorithm (LAPACK 3.12 as shipped in OpenBLAS 0.3.2x–0.3.31):
 * - laed4 (dlaed4): the i-th root λ of 1/ρ + Σ z_j²/(d_j − λ) = 0 for poles d_1 < … < d_n, ρ > 0, found as
 *   λ = d_origin + τ with the origin at the nearer pole (so d_j − λ is obtained without cancellation), by
 *   Li's middle-way iteration with a fixed-weight fallback (laed6) and bisection safeguards;
 * - laed5 (dlaed5): the closed form for n = 2, returning the normalised eigenvector instead of d − λ;
 * - laed6 (dlaed6): one root of a rational function with three poles (the middle-way step).
 * Vectors are 0-based Float64Arrays read through 1-based accessors to keep the index arithmetic of the
 * algorithm description recognisable.
 */
import { LAPACK_EPS, LAPACK_SAFMIN, NoConvergence } from './eigh-tridiag.js';

const MAXIT4 = 30;
const MAXIT6 = 40;

/** dlaed5: root i (1 or 2) of the 2-pole secular equation; delta receives the unit eigenvector. */
function laed5(i: number, d: Float64Array, z: Float64Array, delta: Float64Array, rho: number): number {
  const del = d[1]! - d[0]!;
  const z1 = z[0]!;
  const z2 = z[1]!;
  let dlam: number;
  let tau: number;
  if (i === 1) {
    const w = 1 + (2 * rho * (z2 * z2 - z1 * z1)) / del;
    if (w > 0) {
      const b = del + rho * (z1 * z1 + z2 * z2);
      const c = rho * z1 * z1 * del;
      tau = (2 * c) / (b + Math.sqrt(Math.abs(b * b - 4 * c)));
      dlam = d[0]! + tau;
      delta[0] = -z1 / tau;
      delta[1] = z2 / (del - tau);
    } else {
      const b = -del + rho * (z1 * z1 + z2 * z2);
      const c = rho * z2 * z2 * del;
      if (b > 0) tau = (-2 * c) / (b + Math.sqrt(b * b + 4 * c));
      else tau = (b - Math.sqrt(b * b + 4 * c)) / 2;
      dlam = d[1]! + tau;
      delta[0] = -z1 / (del + tau);
      delta[1] = -z2 / tau;
    }
  } else {
    const b = -del + rho * (z1 * z1 + z2 * z2);
    const c = rho * z2 * z2 * del;
    if (b > 0) tau = (b + Math.sqrt(b * b + 4 * c)) / 2;
    else tau = (2 * c) / (-b + Math.sqrt(b * b + 4 * c));
    dlam = d[1]! + tau;
    delta[0] = -z1 / (del + tau);
    delta[1] = -z2 / tau;
  }
  const t = Math.sqrt(delta[0]! * delta[0]! + delta[1]! * delta[1]!);
  delta[0] = delta[0]! / t;
  delta[1] = delta[1]! / t;
  return dlam;
}

const SMALL1 = 2 ** Math.trunc(Math.log(LAPACK_SAFMIN) / Math.log(2) / 3);
const SMINV1 = 1 / SMALL1;
const SMALL2 = SMALL1 * SMALL1;
const SMINV2 = SMINV1 * SMINV1;

/**
 * dlaed6: the root τ, nearest to the origin on the side fixed by `orgati`, of
 * rho + Σ_{k=1..3} z_k/(d_k − τ) with finit = f(0); d[d0..d0+3) and z[0..3).
 */
function laed6(
  kniter: number,
  orgati: boolean,
  rho: number,
  d: Float64Array,
  d0: number,
  z: Float64Array,
  finit: number,
): number {
  const D1 = d[d0]!;
  const D2 = d[d0 + 1]!;
  const D3 = d[d0 + 2]!;
  let lbd = orgati ? D2 : D1;
  let ubd = orgati ? D3 : D2;
  if (finit < 0) lbd = 0;
  else ubd = 0;
  let tau = 0;
  if (kniter === 2) {
    let a: number;
    let b: number;
    let c: number;
    if (orgati) {
      const t = (D3 - D2) / 2;
      c = rho + z[0]! / (D1 - D2 - t);
      a = c * (D2 + D3) + z[1]! + z[2]!;
      b = c * D2 * D3 + z[1]! * D3 + z[2]! * D2;
    } else {
      const t = (D1 - D2) / 2;
      c = rho + z[2]! / (D3 - D2 - t);
      a = c * (D1 + D2) + z[0]! + z[1]!;
      b = c * D1 * D2 + z[0]! * D2 + z[1]! * D1;
    }
    const t = Math.max(Math.abs(a), Math.abs(b), Math.abs(c));
    a /= t;
    b /= t;
    c /= t;
    if (c === 0) tau = b / a;
    else if (a <= 0) tau = (a - Math.sqrt(Math.abs(a * a - 4 * b * c))) / (2 * c);
    else tau = (2 * b) / (a + Math.sqrt(Math.abs(a * a - 4 * b * c)));
    if (tau < lbd || tau > ubd) tau = (lbd + ubd) / 2;
    if (D1 === tau || D2 === tau || D3 === tau) {
      tau = 0;
    } else {
      const f =
        finit +
        (tau * z[0]!) / (D1 * (D1 - tau)) +
        (tau * z[1]!) / (D2 * (D2 - tau)) +
        (tau * z[2]!) / (D3 * (D3 - tau));
      if (f <= 0) lbd = tau;
      else ubd = tau;
      if (Math.abs(finit) <= Math.abs(f)) tau = 0;
    }
  }
  const eps = LAPACK_EPS;
  const t0 = orgati
    ? Math.min(Math.abs(D2 - tau), Math.abs(D3 - tau))
    : Math.min(Math.abs(D1 - tau), Math.abs(D2 - tau));
  let scale = false;
  let sclfac = 1;
  let sclinv = 1;
  const ds = [D1, D2, D3];
  const zs = [z[0]!, z[1]!, z[2]!];
  if (t0 <= SMALL1) {
    scale = true;
    if (t0 <= SMALL2) {
      sclfac = SMINV2;
      sclinv = SMALL2;
    } else {
      sclfac = SMINV1;
      sclinv = SMALL1;
    }
    for (let k = 0; k < 3; k++) {
      ds[k] = ds[k]! * sclfac;
      zs[k] = zs[k]! * sclfac;
    }
    tau *= sclfac;
    lbd *= sclfac;
    ubd *= sclfac;
  }
  let fc = 0;
  let df = 0;
  let ddf = 0;
  for (let k = 0; k < 3; k++) {
    const t = 1 / (ds[k]! - tau);
    const t1 = zs[k]! * t;
    const t2 = t1 * t;
    const t3 = t2 * t;
    fc += t1 / ds[k]!;
    df += t2;
    ddf += t3;
  }
  let f = finit + tau * fc;
  if (!(Math.abs(f) <= 0)) {
    if (f <= 0) lbd = tau;
    else ubd = tau;
    let converged = false;
    outer: for (let it = 2; it <= MAXIT6; it++) {
      const t1 = orgati ? ds[1]! - tau : ds[0]! - tau;
      const t2 = orgati ? ds[2]! - tau : ds[1]! - tau;
      let a = (t1 + t2) * f - t1 * t2 * df;
      let b = t1 * t2 * f;
      let c = f - (t1 + t2) * df + t1 * t2 * ddf;
      const t = Math.max(Math.abs(a), Math.abs(b), Math.abs(c));
      a /= t;
      b /= t;
      c /= t;
      let eta: number;
      if (c === 0) eta = b / a;
      else if (a <= 0) eta = (a - Math.sqrt(Math.abs(a * a - 4 * b * c))) / (2 * c);
      else eta = (2 * b) / (a + Math.sqrt(Math.abs(a * a - 4 * b * c)));
      if (f * eta >= 0) eta = -f / df;
      tau += eta;
      if (tau < lbd || tau > ubd) tau = (lbd + ubd) / 2;
      fc = 0;
      let erretm = 0;
      df = 0;
      ddf = 0;
      for (let k = 0; k < 3; k++) {
        if (ds[k]! - tau === 0) {
          converged = true;
          break outer;
        }
        const tt = 1 / (ds[k]! - tau);
        const tt1 = zs[k]! * tt;
        const tt2 = tt1 * tt;
        const tt3 = tt2 * tt;
        const tt4 = tt1 / ds[k]!;
        fc += tt4;
        erretm += Math.abs(tt4);
        df += tt2;
        ddf += tt3;
      }
      f = finit + tau * fc;
      erretm = 8 * (Math.abs(finit) + Math.abs(tau) * erretm) + Math.abs(tau) * df;
      if (Math.abs(f) <= 4 * eps * erretm || ubd - lbd <= 4 * eps * Math.abs(tau)) {
        converged = true;
        break;
      }
      if (f <= 0) lbd = tau;
      else ubd = tau;
    }
    if (!converged) throw new NoConvergence('dlaed6 did not converge');
  }
  if (scale) tau *= sclinv;
  return tau;
}

/**
 * dlaed4: the i-th (1-based) eigenvalue of diag(d) + ρ·z·zᵀ (d ascending, ρ > 0, n ≥ 1). delta[j] receives
 * d_j − λ_i (for n = 1: 1; for n = 2: the unit eigenvector, see laed5). Returns λ_i.
 */
export function laed4(
  n: number,
  i: number,
  d: Float64Array,
  z: Float64Array,
  delta: Float64Array,
  rho: number,
): number {
  if (n === 1) {
    delta[0] = 1;
    return d[0]! + rho * z[0]! * z[0]!;
  }
  if (n === 2) return laed5(i, d, z, delta, rho);
  const D = (j: number) => d[j - 1]!;
  const Z = (j: number) => z[j - 1]!;
  const DL = (j: number) => delta[j - 1]!;
  const eps = LAPACK_EPS;
  const rhoinv = 1 / rho;
  let tau: number;
  let dltlb: number;
  let dltub: number;
  let eta: number;
  let w: number;
  let psi: number;
  let dpsi: number;
  let phi: number;
  let dphi: number;
  let erretm: number;
  let a: number;
  let b: number;
  let c: number;

  if (i === n) {
    // The last root lies in (d_n, d_n + ρ·‖z‖²]; origin d_n.
    const ii = n - 1;
    const midpt = rho / 2;
    for (let j = 1; j <= n; j++) delta[j - 1] = D(j) - D(i) - midpt;
    psi = 0;
    for (let j = 1; j <= n - 2; j++) psi += (Z(j) * Z(j)) / DL(j);
    c = rhoinv + psi;
    w = c + (Z(ii) * Z(ii)) / DL(ii) + (Z(n) * Z(n)) / DL(n);
    if (w <= 0) {
      const temp = (Z(n - 1) * Z(n - 1)) / (D(n) - D(n - 1) + rho) + (Z(n) * Z(n)) / rho;
      if (c <= temp) {
        tau = rho;
      } else {
        const del = D(n) - D(n - 1);
        a = -c * del + Z(n - 1) * Z(n - 1) + Z(n) * Z(n);
        b = Z(n) * Z(n) * del;
        if (a < 0) tau = (2 * b) / (Math.sqrt(a * a + 4 * b * c) - a);
        else tau = (a + Math.sqrt(a * a + 4 * b * c)) / (2 * c);
      }
      dltlb = midpt;
      dltub = rho;
    } else {
      const del = D(n) - D(n - 1);
      a = -c * del + Z(n - 1) * Z(n - 1) + Z(n) * Z(n);
      b = Z(n) * Z(n) * del;
      if (a < 0) tau = (2 * b) / (Math.sqrt(a * a + 4 * b * c) - a);
      else tau = (a + Math.sqrt(a * a + 4 * b * c)) / (2 * c);
      dltlb = 0;
      dltub = midpt;
    }
    for (let j = 1; j <= n; j++) delta[j - 1] = D(j) - D(i) - tau;
    const evalLast = () => {
      dpsi = 0;
      psi = 0;
      erretm = 0;
      for (let j = 1; j <= ii; j++) {
        const t = Z(j) / DL(j);
        psi += Z(j) * t;
        dpsi += t * t;
        erretm += psi;
      }
      erretm = Math.abs(erretm);
      const t = Z(n) / DL(n);
      phi = Z(n) * t;
      dphi = t * t;
      erretm = 8 * (-phi - psi) + erretm - phi + rhoinv + Math.abs(tau) * (dpsi + dphi);
      w = rhoinv + phi + psi;
    };
    evalLast();
    if (Math.abs(w) <= eps * erretm!) return D(i) + tau;
    if (w <= 0) dltlb = Math.max(dltlb, tau);
    else dltub = Math.min(dltub, tau);
    let niter = 2;
    c = w - DL(n - 1) * dpsi! - DL(n) * dphi!;
    a = (DL(n - 1) + DL(n)) * w - DL(n - 1) * DL(n) * (dpsi! + dphi!);
    b = DL(n - 1) * DL(n) * w;
    if (c < 0) c = Math.abs(c);
    if (c === 0) eta = -w / (dpsi! + dphi!);
    else if (a >= 0) eta = (a + Math.sqrt(Math.abs(a * a - 4 * b * c))) / (2 * c);
    else eta = (2 * b) / (a - Math.sqrt(Math.abs(a * a - 4 * b * c)));
    if (w * eta > 0) eta = -w / (dpsi! + dphi!);
    let temp = tau + eta;
    if (temp > dltub || temp < dltlb) eta = w < 0 ? (dltub - tau) / 2 : (dltlb - tau) / 2;
    for (let j = 1; j <= n; j++) delta[j - 1] = DL(j) - eta;
    tau += eta;
    evalLast();
    for (niter = niter + 1; niter <= MAXIT4; niter++) {
      if (Math.abs(w) <= eps * erretm!) return D(i) + tau;
      if (w <= 0) dltlb = Math.max(dltlb, tau);
      else dltub = Math.min(dltub, tau);
      c = w - DL(n - 1) * dpsi! - DL(n) * dphi!;
      a = (DL(n - 1) + DL(n)) * w - DL(n - 1) * DL(n) * (dpsi! + dphi!);
      b = DL(n - 1) * DL(n) * w;
      if (a >= 0) eta = (a + Math.sqrt(Math.abs(a * a - 4 * b * c))) / (2 * c);
      else eta = (2 * b) / (a - Math.sqrt(Math.abs(a * a - 4 * b * c)));
      if (w * eta > 0) eta = -w / (dpsi! + dphi!);
      temp = tau + eta;
      if (temp > dltub || temp < dltlb) eta = w < 0 ? (dltub - tau) / 2 : (dltlb - tau) / 2;
      for (let j = 1; j <= n; j++) delta[j - 1] = DL(j) - eta;
      tau += eta;
      evalLast();
    }
    throw new NoConvergence('dlaed4 did not converge');
  }

  // 1 ≤ i < n: the root lies in (d_i, d_{i+1}); the origin is the nearer of the two poles.
  const ip1 = i + 1;
  const del = D(ip1) - D(i);
  const midpt = del / 2;
  for (let j = 1; j <= n; j++) delta[j - 1] = D(j) - D(i) - midpt;
  psi = 0;
  for (let j = 1; j <= i - 1; j++) psi += (Z(j) * Z(j)) / DL(j);
  phi = 0;
  for (let j = n; j >= i + 2; j--) phi += (Z(j) * Z(j)) / DL(j);
  c = rhoinv + psi + phi;
  w = c + (Z(i) * Z(i)) / DL(i) + (Z(ip1) * Z(ip1)) / DL(ip1);
  let orgati: boolean;
  if (w > 0) {
    orgati = true;
    a = c * del + Z(i) * Z(i) + Z(ip1) * Z(ip1);
    b = Z(i) * Z(i) * del;
    if (a > 0) tau = (2 * b) / (a + Math.sqrt(Math.abs(a * a - 4 * b * c)));
    else tau = (a - Math.sqrt(Math.abs(a * a - 4 * b * c))) / (2 * c);
    dltlb = 0;
    dltub = midpt;
  } else {
    orgati = false;
    a = c * del - Z(i) * Z(i) - Z(ip1) * Z(ip1);
    b = Z(ip1) * Z(ip1) * del;
    if (a < 0) tau = (2 * b) / (a - Math.sqrt(Math.abs(a * a + 4 * b * c)));
    else tau = -(a + Math.sqrt(Math.abs(a * a + 4 * b * c))) / (2 * c);
    dltlb = -midpt;
    dltub = 0;
  }
  const origin = orgati ? D(i) : D(ip1);
  for (let j = 1; j <= n; j++) delta[j - 1] = D(j) - origin - tau;
  const ii = orgati ? i : i + 1;
  const iim1 = ii - 1;
  const iip1 = ii + 1;
  let dw = 0;
  let wPoles = 0; // rhoinv + phi + psi, without the ii term (decides swtch3)
  const evalMid = (tauForErr: number) => {
    dpsi = 0;
    psi = 0;
    erretm = 0;
    for (let j = 1; j <= iim1; j++) {
      const t = Z(j) / DL(j);
      psi += Z(j) * t;
      dpsi += t * t;
      erretm += psi;
    }
    erretm = Math.abs(erretm);
    dphi = 0;
    phi = 0;
    for (let j = n; j >= iip1; j--) {
      const t = Z(j) / DL(j);
      phi += Z(j) * t;
      dphi += t * t;
      erretm += phi;
    }
    const t = Z(ii) / DL(ii);
    dw = dpsi + dphi + t * t;
    const t2 = Z(ii) * t;
    wPoles = rhoinv + phi + psi;
    w = wPoles + t2;
    erretm = 8 * (phi - psi) + erretm + 2 * rhoinv + 3 * Math.abs(t2) + Math.abs(tauForErr) * dw;
  };
  evalMid(tau);
  let swtch3 = orgati ? wPoles < 0 : wPoles > 0;
  if (ii === 1 || ii === n) swtch3 = false;
  if (Math.abs(w) <= eps * erretm!) return origin + tau;
  if (w <= 0) dltlb = Math.max(dltlb, tau);
  else dltub = Math.min(dltub, tau);
  let niter = 2;
  const zz = new Float64Array(3);
  // First correction.
  if (!swtch3) {
    if (orgati) c = w - DL(ip1) * dw - (D(i) - D(ip1)) * (Z(i) / DL(i)) ** 2;
    else c = w - DL(i) * dw - (D(ip1) - D(i)) * (Z(ip1) / DL(ip1)) ** 2;
    a = (DL(i) + DL(ip1)) * w - DL(i) * DL(ip1) * dw;
    b = DL(i) * DL(ip1) * w;
    if (c === 0) {
      if (a === 0) {
        if (orgati) a = Z(i) * Z(i) + DL(ip1) * DL(ip1) * (dpsi! + dphi!);
        else a = Z(ip1) * Z(ip1) + DL(i) * DL(i) * (dpsi! + dphi!);
      }
      eta = b / a;
    } else if (a <= 0) eta = (a - Math.sqrt(Math.abs(a * a - 4 * b * c))) / (2 * c);
    else eta = (2 * b) / (a + Math.sqrt(Math.abs(a * a - 4 * b * c)));
  } else {
    const temp = rhoinv + psi! + phi!;
    if (orgati) {
      let t1 = Z(iim1) / DL(iim1);
      t1 *= t1;
      c = temp - DL(iip1) * (dpsi! + dphi!) - (D(iim1) - D(iip1)) * t1;
      zz[0] = Z(iim1) * Z(iim1);
      zz[2] = DL(iip1) * DL(iip1) * (dpsi! - t1 + dphi!);
    } else {
      let t1 = Z(iip1) / DL(iip1);
      t1 *= t1;
      c = temp - DL(iim1) * (dpsi! + dphi!) - (D(iip1) - D(iim1)) * t1;
      zz[0] = DL(iim1) * DL(iim1) * (dpsi! + (dphi! - t1));
      zz[2] = Z(iip1) * Z(iip1);
    }
    zz[1] = Z(ii) * Z(ii);
    eta = laed6(niter, orgati, c, delta, iim1 - 1, zz, w);
  }
  if (w * eta >= 0) eta = -w / dw;
  let temp = tau + eta;
  if (temp > dltub || temp < dltlb) eta = w < 0 ? (dltub - tau) / 2 : (dltlb - tau) / 2;
  let prew = w;
  for (let j = 1; j <= n; j++) delta[j - 1] = DL(j) - eta;
  evalMid(tau + eta);
  let swtch = orgati ? -w > Math.abs(prew) / 10 : w > Math.abs(prew) / 10;
  tau += eta;
  for (niter = niter + 1; niter <= MAXIT4; niter++) {
    if (Math.abs(w) <= eps * erretm!) return origin + tau;
    if (w <= 0) dltlb = Math.max(dltlb, tau);
    else dltub = Math.min(dltub, tau);
    if (!swtch3) {
      if (!swtch) {
        if (orgati) c = w - DL(ip1) * dw - (D(i) - D(ip1)) * (Z(i) / DL(i)) ** 2;
        else c = w - DL(i) * dw - (D(ip1) - D(i)) * (Z(ip1) / DL(ip1)) ** 2;
      } else {
        const t = Z(ii) / DL(ii);
        if (orgati) dpsi = dpsi! + t * t;
        else dphi = dphi! + t * t;
        c = w - DL(i) * dpsi! - DL(ip1) * dphi!;
      }
      a = (DL(i) + DL(ip1)) * w - DL(i) * DL(ip1) * dw;
      b = DL(i) * DL(ip1) * w;
      if (c === 0) {
        if (a === 0) {
          if (!swtch) {
            if (orgati) a = Z(i) * Z(i) + DL(ip1) * DL(ip1) * (dpsi! + dphi!);
            else a = Z(ip1) * Z(ip1) + DL(i) * DL(i) * (dpsi! + dphi!);
          } else {
            a = DL(i) * DL(i) * dpsi! + DL(ip1) * DL(ip1) * dphi!;
          }
        }
        eta = b / a;
      } else if (a <= 0) eta = (a - Math.sqrt(Math.abs(a * a - 4 * b * c))) / (2 * c);
      else eta = (2 * b) / (a + Math.sqrt(Math.abs(a * a - 4 * b * c)));
    } else {
      const tmp = rhoinv + psi! + phi!;
      if (swtch) {
        c = tmp - DL(iim1) * dpsi! - DL(iip1) * dphi!;
        zz[0] = DL(iim1) * DL(iim1) * dpsi!;
        zz[2] = DL(iip1) * DL(iip1) * dphi!;
      } else if (orgati) {
        let t1 = Z(iim1) / DL(iim1);
        t1 *= t1;
        c = tmp - DL(iip1) * (dpsi! + dphi!) - (D(iim1) - D(iip1)) * t1;
        zz[0] = Z(iim1) * Z(iim1);
        zz[2] = DL(iip1) * DL(iip1) * (dpsi! - t1 + dphi!);
      } else {
        let t1 = Z(iip1) / DL(iip1);
        t1 *= t1;
        c = tmp - DL(iim1) * (dpsi! + dphi!) - (D(iip1) - D(iim1)) * t1;
        zz[0] = DL(iim1) * DL(iim1) * (dpsi! + (dphi! - t1));
        zz[2] = Z(iip1) * Z(iip1);
      }
      zz[1] = Z(ii) * Z(ii);
      eta = laed6(niter, orgati, c, delta, iim1 - 1, zz, w);
    }
    if (w * eta >= 0) eta = -w / dw;
    temp = tau + eta;
    if (temp > dltub || temp < dltlb) eta = w < 0 ? (dltub - tau) / 2 : (dltlb - tau) / 2;
    for (let j = 1; j <= n; j++) delta[j - 1] = DL(j) - eta;
    tau += eta;
    prew = w;
    evalMid(tau);
    if (w * prew > 0 && Math.abs(w) > Math.abs(prew) / 10) swtch = !swtch;
  }
  throw new NoConvergence('dlaed4 did not converge');
}
