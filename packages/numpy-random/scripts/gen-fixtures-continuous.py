#!/usr/bin/env python3
"""Golden fixtures for the continuous distributions (issue 5), Generator and RandomState, from real NumPy.

Run: python3 packages/numpy-random/scripts/gen-fixtures-continuous.py   (numpy 2.4.x)
     add --check to compare against the committed files instead of writing them;
     --live prints (stdout) fresh scenarios with random seeds and random parameters in every regime
     (used by `SEEDKIT_LIVE=1 vitest run test/continuous.test.ts`, i.e. `npm run test:live`).
Writes fixtures/continuous-generator.json, fixtures/continuous-legacy.json and fixtures/continuous-powf.json
(the system glibc `powf`, which NumPy's float32 standard_gamma calls, through ctypes: float32 bits as hex).

A scenario is (bit generator, seed, list of operations) replayed in order on ONE Generator / RandomState,
so the calls are interleaved (a gamma, then a normal, then a gamma ...) and stream alignment is checked.
An operation is {"m": camelCase method, "a": [positional args], "k": {camelCase keywords}}; its record is
{"shape": [...] | null, "dtype": "f8"|"f4", "hex": "<concatenated little-endian IEEE hex per element>"}
or {"error": "ValueError"|"TypeError"} or, for multivariate_normal svd/eigh/cholesky, "tol": relative
tolerance (LAPACK; see README). After the operations, "after" holds random() (and for RandomState also
standard_normal(), which exposes the Gaussian cache) as hex.
Encoding of arguments: NaN/inf as {"$float": "nan"|"inf"|"-inf"}.
"""

import json
import math
import os
import re
import sys
import warnings

import numpy as np

warnings.simplefilter('ignore')

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(os.path.dirname(HERE), 'fixtures')


def snake(name):
    return re.sub(r'([A-Z])', lambda m: '_' + m.group(1).lower(), name)


def enc(v):
    if isinstance(v, float):
        if math.isnan(v):
            return {'$float': 'nan'}
        if math.isinf(v):
            return {'$float': 'inf' if v > 0 else '-inf'}
        return v
    if isinstance(v, (list, tuple)):
        return [enc(x) for x in v]
    if isinstance(v, dict):
        return {k: enc(x) for k, x in v.items()}
    return v


def hexof(a, dtype):
    a = np.ascontiguousarray(np.asarray(a, dtype='<' + dtype))
    return a.tobytes().hex()


def record(fn, args, kwargs):
    try:
        r = fn(*args, **{snake(k): v for k, v in kwargs.items()})
    except (ValueError, TypeError) as e:
        return {'error': 'TypeError' if isinstance(e, TypeError) else 'ValueError', 'msg': str(e)[:80]}
    if isinstance(r, np.ndarray):
        dt = 'f4' if r.dtype == np.float32 else 'f8'
        return {'shape': list(r.shape), 'dtype': dt, 'hex': hexof(r, dt)}
    dt = 'f4' if isinstance(r, np.float32) else 'f8'
    return {'shape': None, 'dtype': dt, 'hex': hexof(r, dt)}


def op(m, *a, **k):
    return {'m': m, 'a': list(a), 'k': k}


def common_ops(legacy):
    """Operations shared by both APIs (NumPy names in camelCase), covering every algorithm regime."""
    ops = [
        # gamma family: shape < 1, == 1, > 1, == 0, tiny; interleaved with normals
        op('standardGamma', 0.5, 40), op('standardNormal', 3), op('standardGamma', 1.0, 9),
        op('standardGamma', 3.5, 41), op('standardGamma', 0.0, 3), op('standardGamma', 1e-3, 11),
        op('standardGamma', 0.999, 1), op('standardGamma', 2.0), op('standardNormal'), op('standardGamma', 0.25),
        op('gamma', 2.5, 2.0, [3, 4]), op('gamma', 0.3, size=7), op('gamma', 1.5), op('gamma', 50.0, 0.5, 0),
        op('gamma', 4.0, 1.0, [2, 0, 3]), op('gamma', [[0.5], [2.0]], [1.0, 2.0, 3.0]),
        op('gamma', [0.7, 1.0, 9.0], size=[2, 3]), op('gamma', 1.0, 3.0, 5),
        # beta: Johnk (a, b <= 1), gamma ratio, mixed, tiny, underflow
        op('beta', 0.5, 0.5, 41), op('beta', 0.2, 0.9, 9), op('beta', 2.0, 3.0, 21), op('beta', 0.5, 5.0, 7),
        op('beta', 1e-200, 1e-200, 9), op('beta', 1e-3, 2e-3, 15), op('beta', 0.02, 0.01, 15), op('beta', 1.0, 1.0, 5),
        op('beta', [0.5, 2.0], 0.7, size=[4, 2]), op('beta', 0.3, 0.4),
        # chisquare / f / t
        op('chisquare', 0.5, 9), op('chisquare', 3.0, 11), op('chisquare', 2.0), op('f', 3.0, 7.0, 13),
        op('f', 0.5, 0.7, 9), op('standardT', 0.7, 11), op('standardT', 5.0, 11), op('standardT', 2.0),
        # noncentral: df < 1 (poisson mult + PTRS), df > 1, nonc == 0
        op('noncentralChisquare', 0.5, 2.0, 21), op('noncentralChisquare', 3.0, 2.0, 21),
        op('noncentralChisquare', 3.0, 0.0, 7), op('noncentralChisquare', 0.5, 0.0, 7),
        op('noncentralChisquare', 0.8, 40.0, 15), op('noncentralChisquare', 1.0, 1.5, 9),
        op('noncentralF', 3.0, 5.0, 1.5, 13), op('noncentralF', 0.5, 2.0, 3.0, 9), op('noncentralF', 2.0, 2.0, 0.0, 5),
        # vonmises: tiny, small (Taylor), moderate, large, very large kappa
        op('vonmises', 0.5, 1e-9, 9), op('vonmises', 0.0, 1e-6, 9), op('vonmises', 1.0, 1.0, 31),
        op('vonmises', -2.0, 10.0, 15), op('vonmises', 3.0, 2e6, 15), op('vonmises', -3.1, 5e7, 15),
        op('vonmises', 0.0, 1e-5, 5),
        # wald, weibull, pareto, power, rayleigh
        op('wald', 1.0, 2.0, 31), op('wald', 3.0, 0.5, 15), op('wald', 0.1, 100.0, 9),
        op('weibull', 0.0, 5), op('weibull', 1.5, 15), op('weibull', 0.3, 9),
        op('pareto', 2.0, 15), op('pareto', 0.2, 9), op('power', 0.5, 15), op('power', 3.0, 9),
        op('rayleigh', 2.0, 15), op('rayleigh'), op('rayleigh', size=[2, 2]),
        # location-scale
        op('laplace', 1.0, 2.0, 15), op('laplace'), op('gumbel', 0.5, 1.5, 15), op('gumbel', size=3),
        op('logistic', -1.0, 3.0, 15), op('logistic'), op('lognormal', 0.3, 0.7, 15), op('lognormal'),
        op('lognormal', [0.0, 1.0], [[0.5], [1.5]]),
        op('standardCauchy', 15), op('standardCauchy'), op('standardCauchy', [3, 1]),
        op('triangular', -1.0, 0.5, 2.0, 15), op('triangular', 0.0, 0.0, 1.0, 9), op('triangular', 0.0, 1.0, 1.0, 9),
        op('triangular', [0.0, -1.0], 0.5, [1.0, 2.0]), op('triangular', -1.0, 0.0, 1.0),
        # dirichlet: gammas, stick-breaking (Generator, max alpha < 0.1), scalar size
        op('dirichlet', [0.5, 2.0, 3.0], 7), op('dirichlet', [0.05, 0.02, 0.08], 5), op('dirichlet', [1.0, 2.0]),
        op('dirichlet', [0.3, 0.7], [2, 2]),
        # interleaving: gamma, normal, gamma, beta, normal
        op('gamma', 3.0, 1.0, 3), op('standardNormal', 1), op('gamma', 3.0), op('beta', 3.0, 0.5), op('standardNormal'),
        # bad parameters
        op('gamma', -1.0), op('standardGamma', -0.0), op('beta', 0.0, 1.0), op('beta', 1.0, -2.0, 3),
        op('wald', 0.0, 1.0), op('wald', 1.0, 0.0), op('vonmises', 0.0, -1.0), op('triangular', 2.0, 1.0, 3.0),
        op('triangular', 0.0, 4.0, 3.0), op('triangular', 1.0, 1.0, 1.0), op('noncentralChisquare', 1.0, -1.0),
        op('noncentralChisquare', 0.0, 1.0), op('lognormal', 0.0, -1.0), op('f', 0.0, 1.0), op('f', 1.0, -1.0),
        op('chisquare', 0.0), op('standardT', 0.0), op('pareto', 0.0), op('power', -1.0), op('weibull', -1.0),
        op('rayleigh', -1.0), op('laplace', 0.0, -1.0), op('gumbel', 0.0, -0.0), op('logistic', 0.0, -1.0),
        op('noncentralF', 1.0, 1.0, -1.0), op('gamma', [1.0, -1.0]), op('dirichlet', [1.0, -1.0]),
        op('dirichlet', [0.0, 1.0], 2),
        # multivariate normal (decomposition through LAPACK in NumPy: compared with a tolerance)
        op('multivariateNormal', [1.0, -2.0], [[1.0, 0.0], [0.0, 1.0]], 5),
        op('multivariateNormal', [0.0, 0.5, 1.0], [[2.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 0.5]], [2, 3]),
        op('multivariateNormal', [1.0, 2.0], [[1.0, 0.0], [0.0, 1.0]]),
        op('multivariateNormal', [1.0], [[1.0, 2.0]]), op('multivariateNormal', [[1.0]], [[1.0]]),
    ]
    if not legacy:
        ops += [
            op('standardGamma', 0.5, 41, 'float32'), op('standardGamma', 1.0, 9, dtype='float32'),
            op('standardGamma', 3.5, 41, dtype='float32'), op('standardGamma', 0.0, 3, dtype='float32'),
            op('standardGamma', 0.05, 21, dtype='float32'), op('standardGamma', 2.5, dtype='float32'),
            op('standardGamma', 7.0, [2, 3], dtype='float32'),
            op('standardGamma', [0.3, 1.7, 1.0], [2, 3], 'float32'), op('standardGamma', [[0.2], [4.0]], dtype='float32'),
            op('multivariateNormal', [1.0, -1.0, 0.0], [[4.0, 2.0, 0.6], [2.0, 3.0, 0.4], [0.6, 0.4, 1.0]], 7,
               method='cholesky'),
            op('multivariateNormal', [0.0, 0.0], [[2.0, 0.0], [0.0, 1.0]], 4, method='eigh'),
            op('multivariateNormal', [0.0], [[1.0]], 2, method='qr'),
            op('multivariateNormal', [0.0, 0.0], [[1.0, 2.0], [2.0, 1.0]], 2, method='cholesky'),
        ]
    return ops


def run(make, legacy, seeds):
    scenarios = []
    for bgname, seed in seeds:
        rng = make(bgname, seed)
        ops = common_ops(legacy)
        recs = []
        for o in ops:
            fn = getattr(rng, snake(o['m']))
            r = record(fn, o['a'], o['k'])
            if o['m'] == 'multivariateNormal' and 'hex' in r:
                r['tol'] = 1e-12
            recs.append(r)
        after = [hexof(rng.random() if not legacy else rng.random_sample(), 'f8')]
        if legacy:
            after.append(hexof(rng.standard_normal(), 'f8'))
        scenarios.append({'bitGenerator': bgname, 'seed': seed, 'ops': [enc(o) for o in ops], 'records': recs,
                          'after': after})
    return {'numpy': np.__version__, 'scenarios': scenarios}


def make_gen(bgname, seed):
    return np.random.Generator(getattr(np.random, bgname)(seed))


def make_rs(bgname, seed):
    return np.random.RandomState(seed) if bgname == 'MT19937' else np.random.RandomState(getattr(np.random, bgname)(seed))


def live_ops(r, legacy):
    """Random parameters in every regime (r: a Python random.Random)."""
    def shape():
        return r.choice([r.uniform(1e-3, 0.999), 1.0, r.uniform(1.001, 30.0), r.uniform(0.05, 3.0)])

    def pos():
        return r.choice([r.uniform(1e-3, 1.0), r.uniform(1.0, 50.0)])

    def size():
        return r.choice([None, 0, 1, r.randrange(2, 40), [r.randrange(1, 4), r.randrange(1, 5)]])

    def o(m, *a):
        s = size()
        return op(m, *a) if s is None else op(m, *a, size=s)

    ops = [
        o('standardGamma', shape()), o('gamma', shape(), pos()), o('standardNormal'),
        o('beta', r.uniform(1e-3, 1.0), r.uniform(1e-3, 1.0)), o('beta', pos(), pos()),
        o('chisquare', pos()), o('f', pos(), pos()), o('standardT', pos()),
        o('noncentralChisquare', pos(), r.choice([0.0, r.uniform(0.01, 5.0), r.uniform(20.0, 60.0)])),
        o('noncentralF', pos(), pos(), r.uniform(0.0, 10.0)),
        o('vonmises', r.uniform(-3.0, 3.0), r.choice([r.uniform(0, 1e-8), r.uniform(1e-6, 1e-5), r.uniform(0.01, 50.0), r.uniform(1e6, 1e8)])),
        o('wald', pos(), pos()), o('weibull', r.choice([0.0, pos()])), o('pareto', pos()), o('power', pos()),
        o('rayleigh', pos()), o('laplace', r.uniform(-5, 5), pos()), o('gumbel', r.uniform(-5, 5), pos()),
        o('logistic', r.uniform(-5, 5), pos()), o('lognormal', r.uniform(-2, 2), r.uniform(0, 2)),
        o('standardCauchy'), o('triangular', -1.0, r.uniform(-1.0, 2.0), 2.0),
        op('dirichlet', [r.choice([r.uniform(0.001, 0.099), pos()]) for _ in range(r.randrange(1, 5))], r.randrange(0, 4)),
        op('gamma', [shape() for _ in range(3)], [[pos()], [pos()]]),
    ]
    if not legacy:
        ops.append(op('standardGamma', shape(), r.randrange(0, 30), dtype='float32'))
    r.shuffle(ops)
    return ops


def live():
    import random as pyrandom
    r = pyrandom.Random(int.from_bytes(os.urandom(8), 'little'))
    out = {}
    for kind, make, legacy, bgs in [('generator', make_gen, False, ['PCG64', 'MT19937', 'Philox', 'SFC64', 'PCG64DXSM']),
                                    ('legacy', make_rs, True, ['MT19937', 'MT19937', 'PCG64'])]:
        scen = []
        for bgname in bgs:
            seed = r.randrange(2**32)
            rng = make(bgname, seed)
            ops = live_ops(r, legacy)
            recs = [record(getattr(rng, snake(o['m'])), o['a'], o['k']) for o in ops]
            after = [hexof(rng.random() if not legacy else rng.random_sample(), 'f8')]
            if legacy:
                after.append(hexof(rng.standard_normal(), 'f8'))
            scen.append({'bitGenerator': bgname, 'seed': seed, 'ops': [enc(o) for o in ops], 'records': recs, 'after': after})
        out[kind] = {'numpy': np.__version__, 'scenarios': scen}
    print(json.dumps(out))


def powf_fixture():
    import ctypes
    libm = ctypes.CDLL('libm.so.6')
    libm.powf.restype = ctypes.c_float
    libm.powf.argtypes = [ctypes.c_float, ctypes.c_float]
    r = np.random.default_rng(2024)
    n = 1500
    # the sampler's arguments: U in [0,1) or 1-k+k*Y (> 0), exponent 1/shape for shape in (0, 1)
    xs = np.concatenate([r.random(n), r.random(n) * 30, np.exp(r.uniform(-100, 80, n)), [1e-40, 3e-39, 0.0, 1.0, 0.5]])
    ys = np.concatenate([1 / r.uniform(1e-3, 1, n), 1 / r.uniform(0.05, 1, n), r.uniform(-3, 3, n), [0.5, 2.0, 3.0, 7.0, -1.0]])
    xs = xs.astype(np.float32)
    ys = ys.astype(np.float32)
    out = np.array([libm.powf(float(a), float(b)) for a, b in zip(xs, ys)], dtype=np.float32)
    return {'source': 'glibc powf via ctypes', 'x': hexof(xs, 'f4'), 'y': hexof(ys, 'f4'), 'powf': hexof(out, 'f4')}


def main():
    if '--live' in sys.argv:
        live()
        return
    check = '--check' in sys.argv
    outputs = {
        'continuous-generator.json': run(make_gen, False, [('PCG64', 0), ('PCG64', 42), ('MT19937', 12345), ('Philox', 7)]),
        'continuous-legacy.json': run(make_rs, True, [('MT19937', 0), ('MT19937', 42), ('MT19937', 12345), ('PCG64', 3)]),
        'continuous-powf.json': powf_fixture(),
    }
    bad = 0
    for name, data in outputs.items():
        path = os.path.join(OUT, name)
        text = json.dumps(data, separators=(',', ':'), sort_keys=True) + '\n'
        if check:
            with open(path) as f:
                if f.read() != text:
                    print(f'MISMATCH {name}')
                    bad += 1
                else:
                    print(f'ok {name}')
        else:
            with open(path, 'w') as f:
                f.write(text)
            print(f'wrote {path} ({len(text)} bytes)')
    sys.exit(1 if bad else 0)


if __name__ == '__main__':
    main()
