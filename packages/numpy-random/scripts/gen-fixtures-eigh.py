#!/usr/bin/env python3
"""Golden fixtures for the LAPACK-compatible eigh (src/linalg/eigh.ts), from the real numpy.linalg.eigh
(NumPy 2.4.x, LAPACK dsyevd JOBZ='V' UPLO='L' from scipy-openblas).

Run from anywhere: python3 packages/numpy-random/scripts/gen-fixtures-eigh.py [--check]
Writes fixtures/eigh.json and fixtures/eigh-steqr.json (--check regenerates in memory and fails if a
committed file differs).

Each case: n, the input matrix `a` (row-major, hex IEEE bits of little-endian float64 read as a u64, so
'%016x' of the bit pattern), NumPy's `w` and `v` (same encoding, v row-major, eigenvectors as columns),
and `compare`:
  'all'       distinct eigenvalues: compare every column of v (the test widens 1e-12 only for columns whose
              eigenvalue gap is tiny relative to max|w|, where rounding differences move the vector).
  'exact'     a deterministic LAPACK path (diagonal or zero matrix: no reflector, no rotation, columns
              ordered by dsteqr's selection sort), so even repeated eigenvalues have determinate columns.
  'clusters'  some eigenvalues are repeated in exact arithmetic: the individual columns inside a cluster
              depend on rounding, so compare the eigenspace projector V_c·V_cᵀ of each cluster listed in
              `clusters` (lists of column indices) and the single columns outside clusters.
  'values'    only w (and the residual) are compared: an extremely graded matrix whose eigenvectors depend
              on rounding noise (see 'graded-extreme').
The matrices are built from a fixed numpy Generator seed, so --check is reproducible.

fixtures/eigh-steqr.json pins the QL/QR stage alone, bit for bit: LAPACK dsteqr(COMPZ='I') called through
ctypes in the OpenBLAS library bundled with NumPy (numpy.libs/libscipy_openblas64_*.so, symbol
scipy_dsteqr_64_; dsteqr uses no BLAS kernels, only LAPACK's own dlartg/dlaev2/dlasr, so its output is
independent of the CPU kernel). Each case: tridiagonal d, e in, eigenvalues d and Z (row-major) out.
Its 'stedc' list does the same for dstedc(COMPZ='I') on blocks > 25 (divide and conquer; to rounding), and
'laed4' records dlaed4's roots and d − λ vectors (bit for bit).
"""

import ctypes
import glob
import json
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(os.path.dirname(HERE), 'fixtures', 'eigh.json')
OUT_STEQR = os.path.join(os.path.dirname(HERE), 'fixtures', 'eigh-steqr.json')


def hexes(x):
    x = np.ascontiguousarray(np.asarray(x, dtype='<f8'))
    return ['%016x' % int(u) for u in x.view('<u8').ravel()]


def rand_orth(rng, n):
    q, r = np.linalg.qr(rng.standard_normal((n, n)))
    return q * np.sign(np.diag(r))


def sym(m):
    return (m + m.T) / 2


def cases():
    rng = np.random.default_rng(20261127)
    out = []

    def add(kind, a, compare='all', clusters=None):
        a = np.ascontiguousarray(np.asarray(a, dtype=np.float64))
        w, v = np.linalg.eigh(a)
        case = {'kind': kind, 'n': int(a.shape[0]), 'a': hexes(a), 'w': hexes(w), 'v': hexes(v), 'compare': compare}
        if clusters is not None:
            case['clusters'] = clusters
        out.append(case)

    for n in range(1, 13):
        b = rng.standard_normal((n, n))
        add('spd', b @ b.T + n * np.eye(n))
        add('indefinite', sym(rng.standard_normal((n, n))))
        # Only the lower triangle is read (UPLO='L'): a non-symmetric input whose upper part is noise.
        add('lower-only', rng.standard_normal((n, n)))
        if n >= 2:
            r = max(1, n // 2)
            c = rng.standard_normal((n, r))
            # Rank r < n: the zero eigenvalue has multiplicity n - r (a cluster when n - r >= 2).
            null = list(range(n - r))
            add('psd-singular', c @ c.T, 'clusters' if len(null) >= 2 else 'all',
                [null] if len(null) >= 2 else None)
        add('diagonal', np.diag(rng.uniform(-5, 5, n)), 'exact')
        add('nearly-diagonal', np.diag(np.arange(1, n + 1, dtype=np.float64)) + 1e-9 * sym(rng.standard_normal((n, n))))
        # Badly scaled (graded): D·S·D, entries spanning 8 decades; eigenvectors still determinate.
        s = rng.standard_normal((n, n))
        dd = 10.0 ** np.linspace(-2, 2, n)
        add('graded', dd[:, None] * (s @ s.T + n * np.eye(n)) * dd[None, :])
        # Extremely graded: entries spanning 24 decades, beyond what a normwise-stable dsyevd resolves: the
        # trailing tridiagonal entries are rounding noise (NumPy's own values change with the OpenBLAS CPU
        # kernel, e.g. OPENBLAS_CORETYPE=Prescott vs Haswell), so only w and the residual are compared.
        dd = 10.0 ** np.linspace(-6, 6, n)
        add('graded-extreme', dd[:, None] * (s @ s.T + n * np.eye(n)) * dd[None, :], 'values')
        if n >= 3:
            q = rand_orth(rng, n)
            ev = np.arange(1, n + 1, dtype=np.float64)
            ev[1] = ev[0]  # eigenvalue 1 twice
            add('repeated', q @ np.diag(ev) @ q.T, 'clusters', [[0, 1]])
            # Exactly repeated values on a diagonal: LAPACK's path is exact (no reflector, no rotation), the
            # order among equal values is fixed by the selection sort, so every column is determinate.
            dv = rng.integers(-2, 3, n).astype(np.float64)
            add('diagonal-repeated', np.diag(dv), 'exact')
    # Scaling branches of dsyevd (max|a| below sqrt(safmin/eps) or above its reciprocal).
    for n, f in ((4, 1e-200), (5, 1e200), (6, 1e-160), (3, 1e160)):
        b = rng.standard_normal((n, n))
        add('scaled-%g' % f, (b @ b.T + np.eye(n)) * f)
    # Special structures.
    add('zero', np.zeros((4, 4)), 'exact')
    add('tridiagonal', np.diag(np.full(6, 2.0)) + np.diag(np.full(5, -1.0), 1) + np.diag(np.full(5, -1.0), -1))
    for n in (5, 8):
        j = np.ones((n, n)) + np.eye(n)  # eigenvalues 1 (n-1 times) and n+1
        add('ones-plus-identity', j, 'clusters', [list(range(n - 1))])
    # n > 25 through dstedc's splitting: blocks of at most 25 go to dsteqr, exactly LAPACK's path.
    blocks = []
    for m in (10, 12, 8):
        b = rng.standard_normal((m, m))
        blocks.append(b @ b.T + m * np.eye(m))
    big = np.zeros((30, 30))
    o = 0
    for blk in blocks:
        big[o:o + blk.shape[0], o:o + blk.shape[0]] = blk
        o += blk.shape[0]
    add('block-diagonal-30', big)
    add('diagonal-40', np.diag(rng.integers(-3, 4, 40).astype(np.float64)), 'exact')
    # n > 25 with one unreduced block: LAPACK's divide and conquer (dlaed0..dlaed4).
    b = rng.standard_normal((30, 30))
    add('dense-30', b @ b.T + 30 * np.eye(30))
    for n in (26, 33, 50, 64):
        add('indefinite-%d' % n, sym(rng.standard_normal((n, n))))
    q = rand_orth(rng, 40)
    ev = np.repeat(np.arange(1.0, 9.0), 5)  # eight eigenvalues of multiplicity 5: deflation inside D&C
    add('repeated-40', q @ np.diag(ev) @ q.T, 'clusters', [list(range(5 * k, 5 * k + 5)) for k in range(8)])
    return out


def openblas():
    libs = glob.glob(os.path.join(os.path.dirname(os.path.dirname(np.__file__)), 'numpy.libs', 'libscipy_openblas*.so'))
    if len(libs) != 1:
        sys.exit('expected one bundled scipy-openblas library next to numpy, found %r' % libs)
    lib = ctypes.CDLL(libs[0])
    cfg = lib.scipy_openblas_get_config64_
    cfg.restype = ctypes.c_char_p
    return lib, cfg().decode().split()[0:2]


def steqr_cases():
    lib, version = openblas()
    i64 = ctypes.c_int64

    def steqr(d, e):
        n = len(d)
        d = np.array(d, dtype=np.float64)
        e = np.array(list(e) + [0.0], dtype=np.float64)
        z = np.zeros((n, n), order='F')
        work = np.zeros(max(1, 2 * n - 2))
        info = i64(0)
        ptr = lambda x: x.ctypes.data_as(ctypes.c_void_p)
        lib.scipy_dsteqr_64_(b'I', ctypes.byref(i64(n)), ptr(d), ptr(e), ptr(z), ctypes.byref(i64(n)), ptr(work),
                             ctypes.byref(info), ctypes.c_size_t(1))
        assert info.value == 0, info.value
        return d, z

    rng = np.random.default_rng(5)
    out = []

    def add(kind, d, e):
        dw, z = steqr(d, e)
        out.append({'kind': kind, 'd': hexes(d), 'e': hexes(e), 'w': hexes(dw), 'z': hexes(z)})

    for n in range(1, 26):
        add('random', rng.standard_normal(n), rng.standard_normal(n - 1))
    for n in (6, 13, 25):
        add('top-heavy', np.linspace(100, 1, n), rng.uniform(0.1, 1, n - 1))  # QR branch (|d_last| < |d_first|)
        e = rng.standard_normal(n - 1)
        e[n // 3] = 0.0
        e[(2 * n) // 3] = 1e-300
        add('split', rng.standard_normal(n), e)
        add('repeated', np.ones(n), np.full(n - 1, 1e-3))
        add('huge', rng.standard_normal(n) * 1e300, rng.standard_normal(n - 1) * 1e300)  # scaled to ssfmax
        add('tiny', rng.standard_normal(n) * 1e-300, rng.standard_normal(n - 1) * 1e-300)  # scaled to ssfmin
        add('toeplitz', np.full(n, 2.0), np.full(n - 1, -1.0))
    return out, version


def stedc_cases():
    """dstedc(COMPZ='I') on tridiagonals with blocks > 25 (divide and conquer). LAPACK's merge step uses
    BLAS (dgemm, drot, dnrm2), so these are compared to rounding, not bit for bit."""
    lib, _ = openblas()
    i64 = ctypes.c_int64

    def stedc(d, e):
        n = len(d)
        d = np.array(d, dtype=np.float64)
        e = np.array(list(e) + [0.0], dtype=np.float64)
        z = np.zeros((n, n), order='F')
        lwork = 1 + 4 * n + n * n
        liwork = 3 + 5 * n
        work = np.zeros(lwork)
        iwork = np.zeros(liwork, dtype=np.int64)
        info = i64(0)
        ptr = lambda x: x.ctypes.data_as(ctypes.c_void_p)
        lib.scipy_dstedc_64_(b'I', ctypes.byref(i64(n)), ptr(d), ptr(e), ptr(z), ctypes.byref(i64(n)), ptr(work),
                             ctypes.byref(i64(lwork)), ptr(iwork), ctypes.byref(i64(liwork)), ctypes.byref(info),
                             ctypes.c_size_t(1))
        assert info.value == 0, info.value
        return d, z

    rng = np.random.default_rng(6)
    out = []

    def add(kind, d, e):
        dw, z = stedc(d, e)
        out.append({'kind': kind, 'd': hexes(d), 'e': hexes(e), 'w': hexes(dw), 'z': hexes(z)})

    for n in (26, 27, 51, 77):
        add('random', rng.standard_normal(n), rng.standard_normal(n - 1))
    add('toeplitz', np.full(60, 2.0), np.full(59, -1.0))
    add('clustered', 1 + rng.standard_normal(40) * 1e-10, rng.standard_normal(39) * 1e-3)  # heavy deflation
    add('weak-coupling', np.arange(30.0), np.full(29, 1e-9))  # z below tolerance: everything deflates
    add('scaled', rng.standard_normal(30) * 1e200, rng.standard_normal(29) * 1e200)
    return out


def laed4_cases():
    """dlaed4 (the secular-equation root finder of divide and conquer) uses no BLAS: bit for bit."""
    lib, _ = openblas()
    i64 = ctypes.c_int64
    ptr = lambda x: x.ctypes.data_as(ctypes.c_void_p)
    rng = np.random.default_rng(4)
    out = []
    for trial in range(24):
        n = int(rng.integers(1, 16))
        d = np.sort(rng.standard_normal(n) * 10.0 ** int(rng.integers(-3, 3)))
        if trial % 4 == 0 and n > 3:
            d[1] = d[0] + 1e-9  # two close poles
            d = np.sort(d)
        z = rng.standard_normal(n)
        if trial % 3 == 0:
            z[int(rng.integers(0, n))] *= 1e-8  # a tiny weight
        z /= np.linalg.norm(z)
        rho = float(10.0 ** rng.uniform(-3, 3))
        for i in range(1, n + 1):
            delta = np.zeros(n)
            dlam = ctypes.c_double(0.0)
            info = i64(0)
            lib.scipy_dlaed4_64_(ctypes.byref(i64(n)), ctypes.byref(i64(i)), ptr(d), ptr(z), ptr(delta),
                                 ctypes.byref(ctypes.c_double(rho)), ctypes.byref(dlam), ctypes.byref(info))
            assert info.value == 0
            out.append({'i': i, 'd': hexes(d), 'z': hexes(z), 'rho': hexes([rho])[0], 'delta': hexes(delta),
                        'dlam': hexes([dlam.value])[0]})
    return out


def emit(path, data, check):
    text = json.dumps(data, separators=(',', ':'), sort_keys=True) + '\n'
    if check:
        with open(path) as f:
            if f.read() != text:
                sys.exit('%s differs from a fresh NumPy run' % os.path.relpath(path))
        print(os.path.basename(path), 'OK')
        return
    with open(path, 'w') as f:
        f.write(text)
    print('wrote', path)


def main():
    check = '--check' in sys.argv[1:]
    emit(OUT, {'numpy': np.__version__, 'lapack': 'dsyevd JOBZ=V UPLO=L (numpy.linalg.eigh)', 'cases': cases()},
         check)
    sc, version = steqr_cases()
    emit(OUT_STEQR, {'numpy': np.__version__, 'openblas': ' '.join(version), 'lapack': 'dsteqr/dstedc COMPZ=I',
                     'cases': sc, 'stedc': stedc_cases(), 'laed4': laed4_cases()}, check)


if __name__ == '__main__':
    main()
