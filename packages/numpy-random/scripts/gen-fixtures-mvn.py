#!/usr/bin/env python3
"""Golden fixtures for multivariate_normal's SVD/eigh factors (issue 5 follow-up), from real NumPy.

Run: python3 packages/numpy-random/scripts/gen-fixtures-mvn.py   (numpy 2.4.x; plain numpy is enough)
     add --check to compare against the committed files instead of writing them;
     --live COUNT SEED prints (stdout) COUNT fresh random matrices (n = 2..12: SPD, symmetric indefinite,
     general, integer SPD, scaled SPD, AR(1); every tenth n = 26..60 without AR(1)) with their numpy.linalg.svd and the
     cpuDependent and signsRoundingDecided flags (the latter: NumPy's own signs change under perturbations of
     the matrix by a few ulps), in the mvn-svd.json case format
     (used by `SEEDKIT_LIVE=1 vitest run test/linalg-svd.test.ts`).
Writes
- fixtures/mvn-svd.json: for each test matrix, numpy.linalg.svd(a) (LAPACK dgesdd, full_matrices=True):
  {"name", "n", "a", "u", "s", "vh", "determinate", "cpuDependent"} with every array as the hex of its
  little-endian float64 bytes, row-major (C order). "determinate" is False where the singular vectors are not
  unique up to sign (repeated or zero singular values: only the reconstruction can be compared);
  "cpuDependent" is True where NumPy's own multivariate_normal factors (u·√s, √s·vh) change by more than
  1e-12 relative when OpenBLAS is forced to other CPU kernels (OPENBLAS_CORETYPE=SandyBridge, Nehalem; a
  fresh interpreter each): there BLAS rounding decides the result, and NumPy on another machine differs.
- fixtures/mvn-samples.json: multivariate_normal samples for a subset of those matrices:
  {"name", "kind": "generator"|"legacy", "seed", "method", "mean", "size", "shape", "hex", "warned"} or
  {"error": "<exception class>"} instead of shape/hex. Generator = Generator(PCG64(seed)), legacy =
  RandomState(seed) (MT19937). "warned" is True when NumPy emitted its 'not symmetric positive-semidefinite'
  RuntimeWarning (check_valid='warn'). "next" is the hex of random() (legacy: random_sample()) drawn after
  the call (stream alignment).
- fixtures/mvn-bdsqr.json: the bidiagonal SVD stage alone, against the LAPACK NumPy links (scipy-openblas,
  called through ctypes): for each matrix with n ≥ 2, DGEBRD's bidiagonal (d, e) and DBDSDC('U', 'I')'s
  (s, U, VT) on it, row-major hex: {"name", "n", "d", "e", "s", "u", "vt"}. Lets the test check the QR
  iteration (n ≤ 25) and the divide and conquer (n > 25) on LAPACK's own bidiagonal, independent of BLAS
  rounding in the reduction.
Matrices come from np.random.default_rng(20261127), so the files are reproducible.
"""

import json
import os
import sys
import warnings

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(os.path.dirname(HERE), 'fixtures')
SMLSIZ = 25


def hx(a):
    return np.ascontiguousarray(np.asarray(a, dtype='<f8')).tobytes().hex()


def sym(a):
    return (a + a.T) / 2


def matrices():
    rng = np.random.default_rng(20261127)
    m = []

    def add(name, a, determinate=True):
        m.append((name, np.array(a, dtype=np.float64), determinate))

    # 1×1 (LAPACK's QR path for n = 1)
    add('1x1 positive', [[2.5]])
    add('1x1 negative', [[-2.0]])
    add('1x1 zero', [[0.0]], True)
    add('1x1 negative zero', [[-0.0]], True)
    # 2×2
    add('2x2 docs example', [[6.0, -3.0], [-3.0, 3.5]])
    add('2x2 diagonal', [[1.0, 0.0], [0.0, 100.0]])
    add('2x2 correlated', [[1.0, 0.5], [0.5, 1.0]])
    add('2x2 indefinite', [[1.0, 2.0], [2.0, 1.0]])
    add('2x2 singular ones', [[1.0, 1.0], [1.0, 1.0]], False)
    add('2x2 non-symmetric', [[2.0, 0.3], [-0.4, 1.0]])
    add('2x2 anti-diagonal', [[0.0, 1.0], [1.0, 0.0]], False)
    add('2x2 tiny (scaled by dgesdd)', [[1e-300, 2e-301], [2e-301, 3e-300]])
    add('2x2 huge (scaled by dgesdd)', [[1e300, 1e299], [1e299, 2e300]])
    # diagonal / identity / repeated
    add('identity 3', np.eye(3), False)
    add('identity 5', np.eye(5), False)
    add('diag 3 1 2', np.diag([3.0, 1.0, 2.0]))
    add('diag repeated 2 2 1', np.diag([2.0, 2.0, 1.0]), False)
    add('diag with zero', np.diag([1.0, 0.0, 2.0]))
    add('existing 3x3 test', [[4.0, 2.0, 0.6], [2.0, 3.0, 0.4], [0.6, 0.4, 1.0]])
    # random SPD, n = 3..12
    for n in range(3, 13):
        b = rng.standard_normal((n, n))
        add(f'spd {n}', sym(b @ b.T / n + 0.1 * np.eye(n)))
    # correlation matrices
    for n in (4, 8):
        b = rng.standard_normal((n, 2 * n))
        c = np.corrcoef(b)
        add(f'correlation {n}', sym(c))
    # AR(1) covariance
    add('ar1 10', np.fromfunction(lambda i, j: 0.8 ** np.abs(i - j), (10, 10)))
    # badly scaled: D C D (standard deviations 1e-3 .. 1e3)
    for n in (5, 8):
        b = rng.standard_normal((n, n))
        c = b @ b.T / n + 0.05 * np.eye(n)
        d = np.diag(np.logspace(-3, 3, n))
        add(f'badly scaled {n}', sym(d @ c @ d))
    # scaled so far (1e-4 .. 1e4) that s_min/s_max < n·eps: numerically singular, the trailing singular
    # vectors are rounding noise (NumPy's own differ between BLAS builds)
    b = rng.standard_normal((8, 8))
    d = np.diag(np.logspace(-4, 4, 8))
    add('extremely scaled 8', sym(d @ (b @ b.T / 8 + 0.05 * np.eye(8)) @ d), False)
    # PSD, rank deficient (zero singular values: their vectors are rounding noise)
    for n, k in ((4, 2), (6, 3)):
        b = rng.standard_normal((n, k))
        add(f'psd rank {k} of {n}', sym(b @ b.T), False)
    # indefinite / negative definite symmetric (check_valid warns)
    b = rng.standard_normal((4, 4))
    add('indefinite 4', sym(b + b.T))
    b = rng.standard_normal((3, 3))
    add('negative definite 3', sym(-(b @ b.T) - 0.5 * np.eye(3)))
    # non-symmetric-ish (check_valid warns for the first, not for the second)
    b = rng.standard_normal((4, 4))
    base = sym(b @ b.T / 4 + 0.2 * np.eye(4))
    add('spd 4 + 1e-3 asymmetry', base + 1e-3 * rng.standard_normal((4, 4)))
    add('spd 4 + 1e-12 asymmetry', base + 1e-12 * rng.standard_normal((4, 4)))
    # repeated eigenvalues, non-diagonal (eigenspace basis is not unique)
    q, _ = np.linalg.qr(rng.standard_normal((3, 3)))
    add('repeated eigenvalues 3', sym(q @ np.diag([2.0, 2.0, 1.0]) @ q.T), False)
    # sizes up to LAPACK's SMLSIZ and beyond
    for n in (16, 25, 30):
        b = rng.standard_normal((n, n))
        add(f'spd {n}', sym(b @ b.T / n + 0.1 * np.eye(n)))
    # realistic degenerate covariances: equicorrelation (eigenvalue 1 - r with multiplicity n - 1), a
    # component with zero variance, rank one
    add('equicorrelation 5', 0.5 * np.eye(5) + 0.5 * np.ones((5, 5)), False)
    b = rng.standard_normal((4, 4))
    z = sym(b @ b.T / 4 + 0.1 * np.eye(4))
    z[2, :] = 0.0
    z[:, 2] = 0.0
    add('zero variance component 4', z, False)
    v = rng.standard_normal(4)
    add('rank one 4', np.outer(v, v), False)
    # beyond SMLSIZ = 25: LAPACK's divide and conquer (DBDSDC → DLASD0)
    b = rng.standard_normal((32, 32))
    add('spd 32', sym(b @ b.T / 32 + 0.1 * np.eye(32)))
    add('ar1 40', np.fromfunction(lambda i, j: 0.9 ** np.abs(i - j), (40, 40)))
    b = rng.standard_normal((32, 32))
    d = np.diag(np.logspace(-2, 2, 32))
    add('badly scaled 32', sym(d @ (b @ b.T / 32 + 0.05 * np.eye(32)) @ d))
    return m


CORETYPES = ('SandyBridge', 'Nehalem')


def factors_under(coretype, ms):
    """multivariate_normal's svd factors (Generator u·√s, RandomState √s·vh) with OpenBLAS forced to other
    CPU kernels (OPENBLAS_CORETYPE, a fresh interpreter each): NumPy's own result on another machine."""
    import subprocess
    code = ('import sys, json, numpy as np\n'
            'ms = json.load(sys.stdin)\n'
            'out = []\n'
            'for h, n in ms:\n'
            '    a = np.frombuffer(bytes.fromhex(h), "<f8").reshape(n, n)\n'
            '    u, s, vh = np.linalg.svd(a)\n'
            '    out.append([(u * np.sqrt(s)).tobytes().hex(), (np.sqrt(s)[:, None] * vh).tobytes().hex()])\n'
            'print(json.dumps(out))\n')
    env = dict(os.environ, OPENBLAS_CORETYPE=coretype)
    inp = json.dumps([[hx(a), int(a.shape[0])] for _n, a, _d in ms])
    res = subprocess.run([sys.executable, '-c', code], input=inp, capture_output=True, text=True, env=env, check=True)
    return json.loads(res.stdout)


def cpu_dependent(ms):
    """True where NumPy's factors change (> 1e-12 relative to their largest entry) under other CPU kernels."""
    flags = [False] * len(ms)
    for coretype in CORETYPES:
        other = factors_under(coretype, ms)
        for i, (_name, a, _d) in enumerate(ms):
            u, s, vh = np.linalg.svd(a)
            for mine, theirs in ((u * np.sqrt(s), other[i][0]), (np.sqrt(s)[:, None] * vh, other[i][1])):
                t = np.frombuffer(bytes.fromhex(theirs), '<f8').reshape(mine.shape)
                scale = max(np.abs(mine).max(), np.finfo(float).tiny)
                if not np.all(np.isfinite(mine)) or np.abs(mine - t).max() / scale > 1e-12:
                    flags[i] = True
    return flags


PERTURBATIONS = 64
PERTURB_ULPS = np.where(np.arange(PERTURBATIONS) % 2 == 0, 1, 4)[:, None, None]
PERTURB_DENSITY = np.array([0.05, 0.3, 1.0])[np.arange(PERTURBATIONS) % 3][:, None, None]


def signs_rounding_decided(a, u, s, vh, key):
    """True where NumPy's own singular vector signs (u, s, vh = svd(a)) change when entries of the matrix move
    by a few ulps (PERTURBATIONS copies: 5 %, 30 % or all entries each moved 1 or 4 ulps up or down at random;
    rng seeded with `key`, so the flag is reproducible): there the sign is decided by rounding, and ours
    (different summation order) may legitimately be the other one. A numerically zero singular value
    (≤ n·eps·s_max) always counts: its u and v are each fixed only up to sign, independently."""
    if s[-1] <= a.shape[0] * np.finfo(float).eps * s[0]:
        return True
    rng = np.random.default_rng([20261127, key])
    p = np.repeat(a[None], PERTURBATIONS, axis=0)
    for step in range(4):
        moved = (PERTURB_ULPS > step) & (rng.random(p.shape) < PERTURB_DENSITY)
        p = np.where(moved, np.nextafter(p, np.where(rng.random(p.shape) < 0.5, np.inf, -np.inf)), p)
    u2, _s2, vh2 = np.linalg.svd(p)  # one LAPACK call per copy, as for a single matrix
    return bool(np.any(np.einsum('ij,tij->tj', u, u2) < 0.5) or np.any(np.einsum('ij,tij->ti', vh, vh2) < 0.5))


def svd_cases(ms, cpu=None, rounding=False):
    out = []
    for i, (name, a, det) in enumerate(ms):
        u, s, vh = np.linalg.svd(a)
        rec = {
            'name': name, 'n': int(a.shape[0]), 'a': hx(a), 'u': hx(u), 's': hx(s), 'vh': hx(vh),
            'determinate': bool(det),
        }
        if cpu is not None:
            rec['cpuDependent'] = bool(cpu[i])
        if rounding:
            rec['signsRoundingDecided'] = bool(det) and signs_rounding_decided(a, u, s, vh, i)
        out.append(rec)
    return out


def openblas():
    """NumPy's bundled scipy-openblas (ILP64, symbols scipy_<name>_64_)."""
    import ctypes
    import glob
    libs = glob.glob(os.path.join(os.path.dirname(np.__file__) + '.libs', 'libscipy_openblas64_*.so'))
    if not libs:
        sys.exit('gen-fixtures-mvn.py: NumPy\'s scipy-openblas library not found (numpy.libs/libscipy_openblas64_*.so)')
    return ctypes, ctypes.CDLL(libs[0])


def bdsqr_cases(ms):
    ctypes, lib = openblas()
    i64 = ctypes.c_int64

    def ref(v):
        return ctypes.byref(i64(v))

    def ptr(x):
        return x.ctypes.data_as(ctypes.c_void_p)

    out = []
    for name, a, _det in ms:
        n = a.shape[0]
        if n < 2:
            continue
        f = np.asfortranarray(a.copy())
        d, e, tq, tp = np.zeros(n), np.zeros(n), np.zeros(n), np.zeros(n)
        work = np.zeros(64 * n)
        info = i64(0)
        lib.scipy_dgebrd_64_(ref(n), ref(n), ptr(f), ref(n), ptr(d), ptr(e), ptr(tq), ptr(tp), ptr(work),
                             ref(64 * n), ctypes.byref(info))
        assert info.value == 0
        e_in = e[:n - 1].copy()
        s, ee = d.copy(), e.copy()
        u = np.zeros((n, n), order='F')
        vt = np.zeros((n, n), order='F')
        work = np.zeros(3 * n * n + 4 * n + 100)
        iwork = np.zeros(8 * n, dtype=np.int64)
        assert SMLSIZ == 25  # DBDSDC switches to divide and conquer above this size
        q = np.zeros(1)
        iq = np.zeros(1, dtype=np.int64)
        lib.scipy_dbdsdc_64_(ctypes.c_char_p(b'U'), ctypes.c_char_p(b'I'), ref(n), ptr(s), ptr(ee), ptr(u), ref(n),
                             ptr(vt), ref(n), ptr(q), ptr(iq), ptr(work), ptr(iwork), ctypes.byref(info),
                             ctypes.c_size_t(1), ctypes.c_size_t(1))
        assert info.value == 0
        out.append({'name': name, 'n': int(n), 'd': hx(d), 'e': hx(e_in), 's': hx(s), 'u': hx(u), 'vt': hx(vt)})
    return out


def run(kind, seed, method, a, mean, size):
    rec = {'kind': kind, 'seed': seed, 'method': method, 'mean': hx(mean), 'size': size}
    if kind == 'generator':
        rng = np.random.Generator(np.random.PCG64(seed))
        call = lambda: rng.multivariate_normal(mean, a, size, method=method)
        nxt = lambda: rng.random()
    else:
        rng = np.random.RandomState(seed)
        call = lambda: rng.multivariate_normal(mean, a, size)
        nxt = lambda: rng.random_sample()
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('always')
        try:
            x = call()
        except Exception as ex:  # LinAlgError for cholesky of a non-PD matrix
            rec['error'] = type(ex).__name__
            return rec
    rec['warned'] = any('positive-semidefinite' in str(x.message) for x in w)
    rec['shape'] = list(x.shape)
    rec['hex'] = hx(x)
    rec['next'] = hx([nxt()])
    return rec


def sample_cases(ms):
    out = []
    for name, a, _det in ms:
        n = a.shape[0]
        if n == 0:
            continue
        mean = np.arange(n) * 0.5 - 1.0
        for seed, size in ((0, 3), (12345, [2, 2])):
            for method in ('svd', 'eigh', 'cholesky'):
                r = run('generator', seed, method, a, mean, size)
                r['name'] = name
                out.append(r)
        for seed, size in ((1, 3), (2024, None)):
            r = run('legacy', seed, 'svd', a, mean, size)
            r['name'] = name
            out.append(r)
    return out


def live(count, seed):
    rng = np.random.default_rng(seed)
    ms = []
    for t in range(count):
        # n = 2..12, and every tenth 26..60 (divide and conquer, AR(1) excluded there); n = 13..25 is left out
        # on purpose, as are large AR(1) matrices: their signs are often decided by OpenBLAS's CPU-specific
        # rounding (README limits)
        big = t % 10 == 9
        n = int(rng.integers(26, 61)) if big else int(rng.integers(2, 13))
        b = rng.standard_normal((n, n))
        k = (t // 10) % 5 if big else t % 6
        if k == 0:
            name, a = 'spd', sym(b @ b.T / n + 0.01 * np.eye(n))
        elif k == 1:
            name, a = 'symmetric', sym(b + b.T)
        elif k == 2:
            name, a = 'general', b
        elif k == 3:
            c = np.round(3 * b)
            name, a = 'integer spd', c @ c.T
        elif k == 4:
            d = np.diag(np.exp(rng.uniform(-3, 3, n)))
            name, a = 'scaled spd', sym(d @ (b @ b.T / n + 0.05 * np.eye(n)) @ d)
        else:
            rho = float(rng.uniform(0.1, 0.95))
            sd = rng.uniform(0.5, 2, n)
            name, a = 'ar1', np.fromfunction(lambda i, j: rho ** np.abs(i - j), (n, n)) * np.outer(sd, sd)
        ms.append((f'live {name} #{t} (seed {seed})', np.ascontiguousarray(a, dtype=np.float64), True))
    cases = svd_cases(ms, cpu_dependent(ms), rounding=True)
    print(json.dumps({'numpy': np.__version__, 'cases': cases}, separators=(',', ':')))


def main():
    if '--live' in sys.argv:
        i = sys.argv.index('--live')
        live(int(sys.argv[i + 1]), int(sys.argv[i + 2]))
        return
    ms = matrices()
    files = {
        'mvn-svd.json': {'numpy': np.__version__, 'coretypes': list(CORETYPES),
                         'cases': svd_cases(ms, cpu_dependent(ms))},
        'mvn-samples.json': {'numpy': np.__version__, 'cases': sample_cases(ms)},
        'mvn-bdsqr.json': {'numpy': np.__version__, 'cases': bdsqr_cases(ms)},
    }
    check = '--check' in sys.argv
    bad = 0
    for fname, data in files.items():
        path = os.path.join(OUT, fname)
        text = json.dumps(data, separators=(',', ':')) + '\n'
        if check:
            with open(path) as f:
                if f.read() != text:
                    print(f'{fname}: differs from a fresh run', file=sys.stderr)
                    bad += 1
        else:
            with open(path, 'w') as f:
                f.write(text)
            print(f'wrote {path} ({len(text)} bytes, {len(data["cases"])} cases)')
    sys.exit(1 if bad else 0)


if __name__ == '__main__':
    main()
