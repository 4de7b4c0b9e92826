#!/usr/bin/env python3
"""Cross-check @seedkit/numpy-random/math against this machine's glibc libm, bit for bit.

Two modes:

  python3 scripts/check-math.py live [--n N] [--only f,g] [--exhaustive] [--module PATH]
      For every function, draws N (default 1,000,000) inputs from the distributions below, calls glibc's
      libm.so.6 through ctypes (the same code CPython's math module and numpy's legacy samplers run), writes
      input/output bit patterns to a temporary directory and runs `node scripts/check-math.mjs DIR`, which
      compares them with the TypeScript port (built dist/math.js, or --module PATH). Non-zero exit on any
      mismatch. With --exhaustive, logf and sincosf are additionally checked on the complete TF float32
      Box-Muller domains (2^23 inputs each).

  python3 scripts/check-math.py fixtures [--n N]
      Writes fixtures/math-<fn>.json (a smaller set, default 2048 inputs per double function and 4096 per
      float function, incl. specials) for the unit tests, which run without Python.

Target platform: x86-64, glibc 2.36, CPU with FMA (glibc picks its -mfma builds by ifunc). The script
refuses to write fixtures elsewhere, and `live` prints SKIPPED and exits 0 elsewhere (the local libm is not
the reference there; --force compares anyway).
"""

import argparse
import ctypes
import json
import os
import platform
import struct
import subprocess
import sys
import tempfile

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
PKG = os.path.dirname(HERE)
LIBM = ctypes.CDLL('libm.so.6')
SEED = 20261127

# ----------------------------------------------------------------------------------------------------------
# libm bindings

def _bind(name, restype, argtypes):
    f = getattr(LIBM, name)
    f.restype = restype
    f.argtypes = argtypes
    return f

D, F = ctypes.c_double, ctypes.c_float
DOUBLE1 = ['log', 'log1p', 'exp', 'expm1', 'sin', 'cos', 'tan', 'atan', 'acos', 'asin', 'sqrt']
DOUBLE2 = ['pow', 'atan2']
FLOAT1 = ['logf', 'sinf', 'cosf', 'log1pf']
FUNCS = {}
for n in DOUBLE1:
    FUNCS[n] = ('d1', _bind(n, D, [D]))
for n in DOUBLE2:
    FUNCS[n] = ('d2', _bind(n, D, [D, D]))
for n in FLOAT1:
    FUNCS[n] = ('f1', _bind(n, F, [F]))
_sincosf = _bind('sincosf', None, [F, ctypes.POINTER(F), ctypes.POINTER(F)])
FUNCS['fma'] = ('d3', _bind('fma', D, [D, D, D]))
FUNCS['sincosf'] = ('f1x2', _sincosf)

# Functions the TypeScript module exports (checked by default).
PORTED = ['fma', 'logf', 'sinf', 'cosf', 'sincosf', 'log', 'exp', 'log1p', 'expm1', 'pow', 'sin', 'cos', 'acos', 'asin', 'atan', 'tan', 'log1pf', 'atan2', 'sqrt']


def glibc_version():
    f = ctypes.CDLL('libc.so.6').gnu_get_libc_version
    f.restype = ctypes.c_char_p
    return f().decode()


# ----------------------------------------------------------------------------------------------------------
# Input distributions (as float64 arrays; float32 functions get float32 arrays)

def u53(rng, n):
    """Uniform (0, 1]: k/2^53 for k in 1..2^53 (numpy's random() grid shifted to exclude 0)."""
    return (rng.integers(1, 2**53, n, endpoint=True, dtype=np.int64).astype(np.float64)) / 2.0**53


def any_finite(rng, n, sign=True):
    """Exponent-uniform over all finite doubles (random bit patterns, inf/nan redrawn)."""
    b = rng.integers(0, 2**63, n, dtype=np.uint64)
    x = b.view(np.float64)
    bad = ~np.isfinite(x)
    while bad.any():
        x[bad] = rng.integers(0, 2**63, bad.sum(), dtype=np.uint64).view(np.float64)
        bad = ~np.isfinite(x)
    if sign:
        x = np.where(rng.random(n) < 0.5, -x, x)
    return x


def expo(rng, n, lo, hi, sign=False):
    """|x| = m·2^e with e uniform in [lo, hi)."""
    e = rng.integers(lo, hi, n)
    x = np.ldexp(1.0 + rng.random(n), e)
    if sign:
        x = np.where(rng.random(n) < 0.5, -x, x)
    return x


def near(rng, n, c, w):
    return c + w * (rng.random(n) * 2 - 1)


SPECIAL_D = [0.0, -0.0, 5e-324, -5e-324, 2.2250738585072014e-308, 2.225073858507201e-308, 1.0, -1.0,
             0.5, 2.0, 1.0000000000000002, 0.9999999999999999, 1e-300, 1e300, 1.7976931348623157e308,
             -1.7976931348623157e308, float('inf'), float('-inf'), float('nan'), 709.782712893384,
             709.7827128933841, -745.1332191019411, -745.1332191019412, -708.3964185322641, 1e-20, -1e-20,
             3.141592653589793, 1.5707963267948966, 0.7853981633974483, 6.283185307179586, 1e22, 1e-7,
             -0.5, 0.9375, 1.06640625, 710.0, -746.0, 37.0, -37.0, 2.0**-28, 2.0**-54, 1e15, 2.0**1023]


def inputs_d1(name, rng, n):
    k = n // 8
    parts = [u53(rng, k), any_finite(rng, k)]
    if name in ('log', 'log1p'):
        parts += [near(rng, k, 1.0, 2.0**-4), near(rng, k, 1.0, 2.0**-20), expo(rng, k, -1074, 1024),
                  near(rng, k, 0.0, 1.0) if name == 'log1p' else u53(rng, k) * 0.1]
        if name == 'log1p':
            parts += [expo(rng, k, -60, 2, sign=True), -u53(rng, k), expo(rng, k, -1074, -20, sign=True)]
        else:
            parts += [1e-7 + u53(rng, k) * (1 - 1e-7), expo(rng, k, -1022, -1000), near(rng, k, 1.0, 0.2)]
    elif name in ('exp', 'expm1'):
        parts += [near(rng, k, 0.0, 745.0), near(rng, k, 0.0, 1.0), near(rng, k, 0.0, 2.0**-20),
                  -u53(rng, k) * 50, expo(rng, k, -60, 10, sign=True), near(rng, k, 708.0, 2.0),
                  near(rng, k, -744.0, 2.0)]
    elif name in ('sin', 'cos', 'tan'):
        parts += [2 * np.pi * u53(rng, k), near(rng, k, 0.0, 10.0), near(rng, k, 0.0, 1.0),
                  expo(rng, k, -30, 0, sign=True), near(rng, k, 0.0, 1e5), expo(rng, k, 0, 1024, sign=True),
                  near(rng, k, 0.0, 2.0**-20)]
    elif name in ('acos', 'asin'):
        parts += [near(rng, k, 0.0, 1.0), near(rng, k, 1.0, 2.0**-10), near(rng, k, -1.0, 2.0**-10),
                  expo(rng, k, -60, 0, sign=True), u53(rng, k), near(rng, k, 0.5, 0.1),
                  near(rng, k, 0.0, 2.0)]
    elif name == 'sqrt':
        parts += [expo(rng, k, -1074, 1024), near(rng, k, 1.0, 0.5), u53(rng, k) * 100, -u53(rng, k),
                  expo(rng, k, -1074, -1000), near(rng, k, 4.0, 1e-10), any_finite(rng, k, sign=False)]
    elif name == 'atan':
        parts += [near(rng, k, 0.0, 1.0), expo(rng, k, -60, 60, sign=True), near(rng, k, 0.0, 20.0),
                  u53(rng, k), expo(rng, k, -1074, 1024, sign=True), near(rng, k, 0.0, 2.0 ** -10),
                  near(rng, k, 0.0, 1e6)]
    x = np.concatenate(parts)
    x = np.concatenate([np.array(SPECIAL_D), x[: n - len(SPECIAL_D)]])
    if len(x) < n:
        x = np.concatenate([x, u53(rng, n - len(x))])
    return x


def inputs_pow(rng, n):
    k = n // 8
    xs, ys = [], []
    # numpy samplers: pow(u, 1/a), pow(x, small integers), ...
    xs.append(u53(rng, k)); ys.append(1.0 / (0.01 + 10 * rng.random(k)))
    xs.append(expo(rng, k, -60, 60)); ys.append(near(rng, k, 0.0, 10.0))
    xs.append(near(rng, k, 1.0, 0.01)); ys.append(near(rng, k, 0.0, 1000.0))
    xs.append(any_finite(rng, k, sign=False)); ys.append(near(rng, k, 0.0, 1.0))
    xs.append(-expo(rng, k, -10, 10)); ys.append(rng.integers(-40, 40, k).astype(np.float64))
    xs.append(u53(rng, k) * 10); ys.append(rng.integers(-10, 10, k) + 0.5 * (rng.random(k) < 0.3))
    xs.append(expo(rng, k, -1074, 1024)); ys.append(expo(rng, k, -40, 12, sign=True))
    xs.append(near(rng, k, 0.0, 3.0)); ys.append(any_finite(rng, k))
    x, y = np.concatenate(xs), np.concatenate(ys)
    sp = SPECIAL_D[:30]
    sx = np.array([a for a in sp for _ in sp])
    sy = np.array([b for _ in sp for b in sp])
    x = np.concatenate([sx, x])[:n]
    y = np.concatenate([sy, y])[:n]
    return x, y


def inputs_atan2(rng, n):
    k = n // 4
    x = np.concatenate([near(rng, k, 0.0, 1.0), any_finite(rng, k), expo(rng, k, -60, 60, sign=True),
                        near(rng, n - 3 * k, 0.0, 10.0)])
    y = np.concatenate([near(rng, k, 0.0, 1.0), any_finite(rng, k), expo(rng, k, -60, 60, sign=True),
                        near(rng, n - 3 * k, 0.0, 10.0)])
    return x, y


SPECIAL_F = [0.0, -0.0, 1e-45, -1e-45, 1.1754943508222875e-38, 1.0, -1.0, 0.5, 2.0, float('inf'),
             float('-inf'), float('nan'), 3.4028234663852886e38, 1e-7, 0.7853981633974483, 120.0, 119.99999,
             2.0**-12, 2.0**-126, 3.1415927410125732, 1e10, 6.2831854820251465]


def f32(x):
    return np.asarray(x, dtype=np.float64).astype(np.float32)


def box_muller_u(rng, n):
    """TF float32 uniforms k/2^23 clamped at fround(1e-7)."""
    u = (rng.integers(0, 2**23, n).astype(np.float32) / np.float32(2**23)).astype(np.float32)
    return np.maximum(u, np.float32(1e-7))


def box_muller_v(rng, n):
    k = rng.integers(0, 2**23, n).astype(np.float64) / 2.0**23
    return (2 * np.pi * k.astype(np.float32).astype(np.float64)).astype(np.float32)


def inputs_f1(name, rng, n):
    k = n // 6
    allbits = rng.integers(0, 2**32, k, dtype=np.uint64).astype(np.uint32).view(np.float32)
    allbits = np.where(np.isfinite(allbits), allbits, np.float32(1.5))
    parts = [f32(u53(rng, k)), allbits]
    if name in ('logf', 'log1pf'):
        parts += [box_muller_u(rng, k), f32(near(rng, k, 1.0, 0.1)), f32(expo(rng, k, -149, 128)),
                  f32(near(rng, k, 0.0, 1.0)) if name == 'log1pf' else f32(expo(rng, k, -149, -120))]
        if name == 'log1pf':
            parts += [f32(-u53(rng, k)), f32(expo(rng, k, -60, 2, sign=True))]
    else:
        parts += [box_muller_v(rng, k), f32(near(rng, k, 0.0, 130.0)), f32(expo(rng, k, -20, 128, sign=True)),
                  f32(near(rng, k, 0.0, 1.0))]
    x = np.concatenate([np.array(SPECIAL_F, dtype=np.float32)] + parts)[:n]
    if len(x) < n:
        x = np.concatenate([x, f32(u53(rng, n - len(x)))])
    return x


def inputs_fma(rng, n):
    """Triples for fma: wide exponents, cancellation (c ≈ -a·b), few-bit operands (ties), near overflow."""
    k = n // 4
    a = np.concatenate([any_finite(rng, k), expo(rng, k, -30, 30, sign=True),
                        np.round(rng.random(k) * 2**27) * 2.0 ** -20, expo(rng, n - 3 * k, 490, 512, sign=True)])
    b = np.concatenate([any_finite(rng, k), expo(rng, k, -30, 30, sign=True),
                        np.round(rng.random(k) * 2**27) * 2.0 ** -20, expo(rng, n - 3 * k, 490, 512, sign=True)])
    with np.errstate(all='ignore'):
        c = np.concatenate([any_finite(rng, k), -(a[k:2 * k] * b[k:2 * k]) * (1 + (rng.random(k) - 0.5) * 2.0**-45),
                            expo(rng, k, -40, 20, sign=True), expo(rng, n - 3 * k, 1000, 1024, sign=True)])
    c = np.where(np.isfinite(c), c, 1.0)
    return a, b, c


def make_inputs(name, n, seed):
    rng = np.random.default_rng([seed, sum(map(ord, name))])
    kind = FUNCS[name][0]
    if kind == 'd1':
        return (inputs_d1(name, rng, n),)
    if name == 'pow':
        return inputs_pow(rng, n)
    if name == 'atan2':
        return inputs_atan2(rng, n)
    if name == 'fma':
        return inputs_fma(rng, n)
    return (inputs_f1(name, rng, n) if kind == 'f1'
            else inputs_f1('sincosf', rng, n),)


# ----------------------------------------------------------------------------------------------------------
# Calling glibc

def call(name, args):
    kind, f = FUNCS[name]
    if kind == 'd1':
        (x,) = args
        return (np.fromiter((f(v) for v in x.tolist()), dtype=np.float64, count=len(x)),)
    if kind == 'd2':
        x, y = args
        return (np.fromiter((f(a, b) for a, b in zip(x.tolist(), y.tolist())), dtype=np.float64, count=len(x)),)
    if kind == 'd3':
        a, b, c = args
        return (np.fromiter((f(*t) for t in zip(a.tolist(), b.tolist(), c.tolist())), dtype=np.float64,
                            count=len(a)),)
    (x,) = args
    if kind == 'f1':
        return (np.fromiter((f(v) for v in x.tolist()), dtype=np.float32, count=len(x)),)
    s, c = F(), F()
    ps, pc = ctypes.byref(s), ctypes.byref(c)
    out_s = np.empty(len(x), dtype=np.float32)
    out_c = np.empty(len(x), dtype=np.float32)
    for i, v in enumerate(x.tolist()):
        f(v, ps, pc)
        out_s[i] = s.value
        out_c[i] = c.value
    return out_s, out_c


def hexs(a):
    """Concatenated big-endian hex of the bit patterns (16 chars per double, 8 per float)."""
    if a.dtype == np.float64:
        return a.astype('>f8').tobytes().hex()
    return a.astype('>f4').tobytes().hex()


# ----------------------------------------------------------------------------------------------------------

def platform_problem():
    """None on the target platform (x86-64, glibc 2.36, FMA+AVX2 CPU), else a description."""
    ver = glibc_version()
    if platform.machine() != 'x86_64' or ver != '2.36':
        return f'expected x86-64 glibc 2.36, found {platform.machine()} glibc {ver}'
    flags = open('/proc/cpuinfo').read()
    if ' fma ' not in flags or ' avx2 ' not in flags:
        return 'CPU lacks FMA/AVX2: glibc uses its non-FMA builds here, which the port does not model'
    return None


def check_platform(strict):
    """Fixtures must come from the target platform. The live check is meaningless elsewhere (the local libm
    is not the reference), so it is skipped there unless --force is given."""
    problem = platform_problem()
    if problem:
        if strict:
            sys.exit(problem)
        print(f'check-math: SKIPPED, not the target platform: {problem} (use --force to compare anyway)')
        sys.exit(0)
    return glibc_version()


def cmd_fixtures(a):
    ver = check_platform(strict=True)
    names = a.only.split(',') if a.only else PORTED
    for name in names:
        n = 2 * a.n if FUNCS[name][0].startswith('f') else a.n  # float fixtures are half the size per value
        ins = make_inputs(name, n, SEED + 1)
        outs = call(name, ins)
        doc = {
            'source': f'glibc {ver} libm.so.6 via ctypes on {platform.machine()} (FMA CPU), '
                      'generated by scripts/check-math.py fixtures',
            'function': name,
            'kind': FUNCS[name][0],
            'count': len(ins[0]),
            'inputs': [hexs(v) for v in ins],
            'outputs': [hexs(v) for v in outs],
        }
        path = os.path.join(PKG, 'fixtures', f'math-{name}.json')
        with open(path, 'w') as fh:
            json.dump(doc, fh)
        print(f'{path}: {len(ins[0])} inputs')


def write_case(d, name, ins, outs):
    with open(os.path.join(d, f'{name}.bin'), 'wb') as fh:
        kind = FUNCS[name][0] if name in FUNCS else 'f1x2'
        fh.write(struct.pack('<8sII', kind.encode().ljust(8), len(ins), len(outs)))
        for v in list(ins) + list(outs):
            fh.write(v.astype('<f8' if v.dtype == np.float64 else '<f4').tobytes())
    return len(ins[0])


def cmd_live(a):
    if not a.force:
        check_platform(strict=False)
    names = a.only.split(',') if a.only else PORTED
    module = a.module or os.path.join(PKG, 'dist', 'math.js')
    with tempfile.TemporaryDirectory(prefix='seedkit-math-') as d:
        cases = []
        for name in names:
            ins = make_inputs(name, a.n, SEED)
            outs = call(name, ins)
            write_case(d, name, ins, outs)
            cases.append(name)
            print(f'{name}: {len(ins[0])} inputs from glibc', flush=True)
        if a.exhaustive:
            for name in ('logf', 'sincosf'):
                if a.only and name not in names:
                    continue
                k = np.arange(2**23, dtype=np.float64) / 2.0**23
                if name == 'logf':
                    x = np.maximum(k.astype(np.float32), np.float32(1e-7))
                else:
                    x = (2 * np.pi * k).astype(np.float32)
                outs = call(name, (x,))
                tag = f'{name}.exhaustive'
                with open(os.path.join(d, f'{tag}.bin'), 'wb') as fh:
                    fh.write(struct.pack('<8sII', FUNCS[name][0].encode().ljust(8), 1, len(outs)))
                    for v in [x] + list(outs):
                        fh.write(v.astype('<f4').tobytes())
                cases.append(tag)
                print(f'{tag}: {len(x)} inputs from glibc', flush=True)
        r = subprocess.run(['node', os.path.join(HERE, 'check-math.mjs'), module, d] + cases)
        sys.exit(r.returncode)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest='cmd', required=True)
    lv = sub.add_parser('live')
    lv.add_argument('--n', type=int, default=1_000_000)
    lv.add_argument('--only', default='')
    lv.add_argument('--exhaustive', action='store_true')
    lv.add_argument('--module', default='')
    lv.add_argument('--force', action='store_true', help='run even if this is not x86-64 glibc 2.36 with FMA')
    fx = sub.add_parser('fixtures')
    fx.add_argument('--n', type=int, default=2048)
    fx.add_argument('--only', default='')
    a = p.parse_args()
    {'live': cmd_live, 'fixtures': cmd_fixtures}[a.cmd](a)


if __name__ == '__main__':
    main()
