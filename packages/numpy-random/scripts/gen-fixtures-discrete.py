#!/usr/bin/env python3
"""Golden fixtures for the discrete distributions (issue 5), from the real NumPy (2.4.x).

Run from anywhere: python3 packages/numpy-random/scripts/gen-fixtures-discrete.py [--check]
Writes fixtures/discrete-{generator,legacy,errors,bulk,broadcast}.json
(--check regenerates in memory and fails if the committed files differ).

A scenario is one freshly seeded generator (Generator on a named bit generator, a RandomState, or the
np.random module after np.random.seed) and a list of calls replayed in order on it (so calls interleave
and share the stream). A call is {"m": camelCase method, "a": [positional args], "size": size or null}.
Its record "r" is a decimal string (scalar result) or {"shape": [...], "v": [decimal strings]}; every
scenario ends with a `random(3)` call (hex IEEE bits) that checks the stream position after all draws.
Error cases record NumPy's exception class and message.

discrete-broadcast.json: array (broadcast) parameters. Arguments may be nested lists, or typed arrays
encoded {"$nd": dtype, "v": [...]} (a NumPy array of that dtype; in TypeScript the matching typed array).
Scenarios interleave array and scalar calls (with and without size, size larger than the broadcast
shape); error cases record NumPy's exception and the next draws after it (all of NumPy's parameter checks
run before any draw, so the stream must be untouched).
"""

import json
import math
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(os.path.dirname(HERE), 'fixtures')

PY = {
    'negativeBinomial': 'negative_binomial',
    'multivariateHypergeometric': 'multivariate_hypergeometric',
}


def py_name(m):
    return PY.get(m, m)


def enc_arg(v):
    if isinstance(v, np.ndarray):
        return {'$nd': str(v.dtype), 'v': [enc_arg(x.item()) for x in v.ravel()]}
    if isinstance(v, float):
        if math.isnan(v):
            return {'$float': 'nan'}
        if math.isinf(v):
            return {'$float': 'inf' if v > 0 else '-inf'}
    if isinstance(v, int) and not isinstance(v, bool) and abs(v) > 2**53:
        return {'$big': str(v)}
    if isinstance(v, (list, tuple)):
        return [enc_arg(x) for x in v]
    return v


def enc_result(r):
    if isinstance(r, np.ndarray):
        if r.dtype == np.float64:
            return {'shape': list(r.shape), 'f64': ['%016x' % int(x) for x in r.astype('<f8').view('<u8').ravel()]}
        assert r.dtype == np.int64, r.dtype
        return {'shape': list(r.shape), 'v': [str(int(x)) for x in r.ravel()]}
    if isinstance(r, float):
        return {'f64': '%016x' % np.array(r, dtype='<f8').view('<u8')}
    return str(int(r))


def make(api, bitgen, seed):
    if api == 'generator':
        return np.random.Generator(getattr(np.random, bitgen)(seed))
    if api == 'legacy':
        return np.random.RandomState(seed)
    np.random.seed(seed)
    return np.random


def run(api, bitgen, seed, calls):
    g = make(api, bitgen, seed)
    recs = []
    for m, args, size in calls:
        f = getattr(g, py_name(m))
        r = f(*args) if size is None else f(*args, size=tuple(size) if isinstance(size, list) else size)
        recs.append({'m': m, 'a': enc_arg(list(args)), 'size': size, 'r': enc_result(r)})
    r = g.random(3) if api == 'generator' else g.random_sample(3)
    recs.append({'m': 'random', 'a': [], 'size': 3, 'r': enc_result(r)})
    return {'api': api, 'bitgen': bitgen, 'seed': seed, 'calls': recs}


# --- regimes -----------------------------------------------------------------------------------------
SIZES = [None, 0, 1, 7, [2, 3]]

BINOMIAL = [
    (10, 0.3),        # inversion
    (100, 0.3),       # n*p == 30 exactly: inversion
    (101, 0.3),       # n*p = 30.3: BTPE
    (60, 0.5),        # 30: inversion
    (61, 0.5),        # BTPE
    (100, 0.7),       # flipped, q*n = 30.000000000000004: BTPE (float)
    (100, 0.71),      # flipped, inversion
    (1000, 0.9),      # flipped BTPE
    (1000, 0.4),      # BTPE
    (5000, 0.01),     # BTPE, small p
    (10**9, 0.5),     # BTPE, Step52 (k > 20) squeeze
    (2**40, 0.25),    # BTPE, very large n
    (0, 0.5), (10, 0.0), (10, 1.0), (1, 0.5),
    (10**15, 1e-17),  # inversion with tiny p: log1p(-p) (Generator 2.4) vs log(1-p) == 0 (legacy)
    (10**12, 3e-11),
    (9 * 10**15, 1.5e-16),  # 1 - p rounds to 1 - 2**-53: legacy qn = exp(-1.0) vs Generator exp(-1.35)
]
POISSON = [0.0, 1e-300, 0.5, 3.0, 9.99, 10.0, 10.5, 50.0, 1e6, 1e12, 1e15]
GEOMETRIC = [1.0, 0.5, 0.3333333333333333, 0.33333333333333326, 0.1, 1e-3, 1e-12, 1e-300]
HYPER_GEN = [(20, 30, 15), (5, 3, 4), (100, 200, 9), (100, 200, 10), (100, 200, 290), (100, 200, 291),
             (1000, 2000, 1500), (0, 10, 5), (10, 0, 5), (7, 5, 0), (7, 5, 12), (10**8, 10**8 - 1, 10**7),
             (200, 30, 100), (125, 130, 128)]
HYPER_LEG = [(20, 30, 15), (5, 3, 4), (100, 200, 10), (100, 200, 11), (100, 200, 290), (1000, 2000, 1500),
             (0, 10, 5), (10, 0, 5), (7, 5, 12), (10**8, 10**8 - 1, 10**7), (200, 30, 100), (3, 2, 1)]
ZIPF = [1.0001, 1.01, 1.1, 1.5, 2.0, 3.0, 5.0, 50.0, 1024.5, 1025.0, 2000.0]
LOGSERIES = [0.0, 1e-10, 0.01, 0.3, 0.5, 0.9, 0.999, 0.9999999, 0.9999999999999999]
NEGBIN = [(3, 0.4), (0.5, 0.1), (100, 0.9), (1, 1.0), (7.5, 0.05), (1000, 0.5)]
MULTINOMIAL = [
    (20, [0.2, 0.3, 0.5]),
    (1000, [0.1] * 10),                   # sums to 0.9999999999999999
    (100, [0.3, 0.3, 0.3]),               # sums to 0.9 (last gets the remainder)
    (50, [0.3, 0.3, 0.3999999999]),       # slightly under 1
    (0, [0.5, 0.5]),
    (10**6, [0.25, 0.25, 0.5]),           # BTPE inside
    (30, [1.0, 0.0, 0.0]),
    (30, [0.0, 0.0, 1.0]),
    (5, [0.4]),
]
MVHG = [([5, 10, 15], 12), ([5, 10, 15], 20), ([0, 0, 5], 3), ([5, 10, 15], 0), ([3, 40, 200, 1000], 600),
        ([1], 1), ([10, 10], 10)]


def per_value_calls(method, params, sizes=SIZES):
    calls = []
    for i, p in enumerate(params):
        p = p if isinstance(p, tuple) else (p,)
        calls.append((method, list(p), sizes[i % len(sizes)]))
        calls.append((method, list(p), 5))
    return calls


def generator_scenarios():
    out = []
    groups = {
        'binomial': per_value_calls('binomial', BINOMIAL),
        'poisson': per_value_calls('poisson', POISSON),
        'geometric': per_value_calls('geometric', GEOMETRIC),
        'hypergeometric': per_value_calls('hypergeometric', HYPER_GEN),
        'zipf': per_value_calls('zipf', ZIPF),
        'logseries': per_value_calls('logseries', LOGSERIES),
        'negativeBinomial': per_value_calls('negativeBinomial', NEGBIN),
        'multinomial': per_value_calls('multinomial', MULTINOMIAL),
        'mvhg': [('multivariateHypergeometric', [c, n, s, meth], None)
                 for (c, n) in MVHG for meth in ('marginals', 'count') for s in (None, 4, [2, 3])],
    }
    for seed in (0, 42, 20260520):
        for name, calls in groups.items():
            if name == 'mvhg':
                calls = [(m, a[:2] + [None, a[3]], None) if a[2] is None else (m, a, None) for m, a, _ in calls]
            out.append(run('generator', 'PCG64', seed, calls))
    # interleaved: every method, mixed with random(), on several bit generators
    mixed = [('binomial', [50, 0.2], 3), ('random', [], 2), ('poisson', [12.5], None), ('geometric', [0.05], 4),
             ('hypergeometric', [40, 60, 30], 3), ('zipf', [1.3], 3), ('logseries', [0.95], 3),
             ('multinomial', [40, [0.1, 0.2, 0.7]], 2), ('binomial', [2000, 0.55], 3), ('poisson', [4.0], 3),
             ('negativeBinomial', [2.5, 0.3], 3), ('multivariateHypergeometric', [[4, 5, 6], 7], None)]
    for bg in ('PCG64', 'PCG64DXSM', 'Philox', 'SFC64', 'MT19937'):
        for seed in (1, 987654321):
            out.append(run('generator', bg, seed, mixed))
    return out


def legacy_scenarios():
    out = []
    groups = {
        'binomial': per_value_calls('binomial', BINOMIAL),
        'poisson': per_value_calls('poisson', POISSON),
        'geometric': per_value_calls('geometric', GEOMETRIC),
        'hypergeometric': per_value_calls('hypergeometric', HYPER_LEG),
        # legacy zipf never returns for a >= 1025 (T and b overflow to inf): not sampled here
        'zipf': per_value_calls('zipf', [a for a in ZIPF if a < 1025]),
        'logseries': per_value_calls('logseries', LOGSERIES),
        'negativeBinomial': per_value_calls('negativeBinomial', NEGBIN),
        'multinomial': per_value_calls('multinomial', MULTINOMIAL),
        # binomial_t shared between legacy binomial (exp(n log q)) and multinomial (exp(n log1p(-p))):
        'cache': [('binomial', [20, 0.3], 3), ('multinomial', [20, [0.3, 0.7]], 3), ('binomial', [20, 0.3], 3),
                  ('multinomial', [25, [0.2, 0.8]], 2), ('binomial', [25, 0.2], 2), ('binomial', [25, 0.8], 2),
                  ('multinomial', [25, [0.8, 0.2]], 2)],
    }
    for seed in (0, 42, 20260520):
        for name, calls in groups.items():
            out.append(run('legacy', 'MT19937', seed, calls))
    mixed = [('binomial', [50, 0.2], 3), ('randomSample', [], None), ('poisson', [12.5], None),
             ('geometric', [0.05], 4), ('hypergeometric', [40, 60, 30], 3), ('zipf', [1.3], 3),
             ('logseries', [0.95], 3), ('multinomial', [40, [0.1, 0.2, 0.7]], 2), ('binomial', [2000, 0.55], 3),
             ('poisson', [4.0], 3), ('negativeBinomial', [2.5, 0.3], 3), ('randn', [], None),
             ('negativeBinomial', [20.0, 0.6], 2), ('binomial', [0, 0.5], 2), ('binomial', [10, 0.0], 2)]
    for seed in (1, 987654321):
        out.append(run('legacy', 'MT19937', seed, [c for c in mixed if c[0] not in ('randomSample', 'randn')]))
        out.append(run('module', 'MT19937', seed, [c for c in mixed if c[0] not in ('randomSample', 'randn')]))
    return out


ERRORS = [
    # (api, method, args)
    ('generator', 'binomial', [10, -0.1]), ('generator', 'binomial', [10, 1.1]), ('generator', 'binomial', [10, float('nan')]),
    ('generator', 'binomial', [-1, 0.5]),
    ('generator', 'poisson', [-1.0]), ('generator', 'poisson', [float('nan')]), ('generator', 'poisson', [1e19]),
    ('generator', 'geometric', [0.0]), ('generator', 'geometric', [1.5]), ('generator', 'geometric', [float('nan')]),
    ('generator', 'zipf', [1.0]), ('generator', 'zipf', [0.5]), ('generator', 'zipf', [float('nan')]),
    ('generator', 'logseries', [1.0]), ('generator', 'logseries', [-0.1]), ('generator', 'logseries', [float('nan')]),
    ('generator', 'hypergeometric', [5, 3, 9]), ('generator', 'hypergeometric', [-1, 3, 1]),
    ('generator', 'hypergeometric', [1, -3, 0]), ('generator', 'hypergeometric', [5, 3, -1]),
    ('generator', 'hypergeometric', [10**9, 3, 1]),
    ('generator', 'negativeBinomial', [0, 0.5]), ('generator', 'negativeBinomial', [float('nan'), 0.5]),
    ('generator', 'negativeBinomial', [1, 0.0]), ('generator', 'negativeBinomial', [1e20, 1e-5]),
    ('generator', 'multinomial', [10, [0.6, 0.6, 0.1]]), ('generator', 'multinomial', [10, [-0.1, 1.1]]),
    ('generator', 'multinomial', [-1, [0.5, 0.5]]), ('generator', 'multinomial', [10, []]),
    ('generator', 'multinomial', [10, [0.5, float('nan')]]),
    ('generator', 'multivariateHypergeometric', [[5, 10], 16]),
    ('generator', 'multivariateHypergeometric', [[5, -1], 2]),
    ('generator', 'multivariateHypergeometric', [[5, 10], -2]),
    ('generator', 'multivariateHypergeometric', [[5, 10], 2, None, 'foo']),
    ('generator', 'multivariateHypergeometric', [[5, 10], 2.5]),
    ('generator', 'multivariateHypergeometric', [[10**9, 1], 2]),
    ('legacy', 'binomial', [10, -0.1]), ('legacy', 'binomial', [10, 1.1]), ('legacy', 'binomial', [-1, 0.5]),
    ('legacy', 'poisson', [-1.0]), ('legacy', 'poisson', [1e19]),
    ('legacy', 'geometric', [0.0]), ('legacy', 'zipf', [1.0]), ('legacy', 'logseries', [1.0]),
    ('legacy', 'hypergeometric', [5, 3, 9]), ('legacy', 'hypergeometric', [5, 3, 0]),
    ('legacy', 'hypergeometric', [-1, 3, 1]), ('legacy', 'hypergeometric', [1, -3, 1]),
    ('legacy', 'negativeBinomial', [0, 0.5]), ('legacy', 'negativeBinomial', [1, 1.5]),
    ('legacy', 'multinomial', [10, [0.6, 0.6, 0.1]]), ('legacy', 'multinomial', [-1, [0.5, 0.5]]),
]


# Bulk draws per regime, stored as the SHA-256 of the little-endian int64 bytes plus every 499th value.
BULK = [
    ('binomial', [10**9, 0.5]), ('binomial', [10**6, 0.3]), ('binomial', [200, 0.4]), ('binomial', [45, 0.9]),
    ('binomial', [5000, 0.01]), ('binomial', [25, 0.5]), ('binomial', [1000, 0.02]),
    ('binomial', [9 * 10**15, 1.5e-16]),
    ('poisson', [3.5]), ('poisson', [12.0]), ('poisson', [1e5]),
    ('hypergeometric', [500, 700, 600]), ('hypergeometric', [30, 20, 8]), ('hypergeometric', [10**6, 10**6, 5000]),
    ('zipf', [1.2]), ('zipf', [3.5]), ('logseries', [0.99]), ('logseries', [0.3]), ('geometric', [0.01]),
    ('geometric', [0.4]), ('negativeBinomial', [4.5, 0.2]),
]
BULK_N = 20000


def bulk_cases():
    import hashlib
    out = []
    for api in ('generator', 'legacy'):
        for m, args in BULK:
            g = make(api, 'PCG64', 2024)
            r = np.ascontiguousarray(getattr(g, py_name(m))(*args, size=BULK_N), dtype='<i8')
            out.append({'api': api, 'm': m, 'a': enc_arg(args), 'n': BULK_N,
                        'sha256': hashlib.sha256(r.tobytes()).hexdigest(),
                        'every499': [str(int(x)) for x in r[::499]]})
    return out


def error_cases():
    out = []
    for api, m, args in ERRORS:
        g = make(api, 'PCG64', 5)
        try:
            getattr(g, py_name(m))(*args)
            raise SystemExit(f'expected an error from {api}.{m}{tuple(args)}')
        except (ValueError, TypeError, OverflowError) as e:
            out.append({'api': api, 'm': m, 'a': enc_arg(args), 'cls': type(e).__name__, 'msg': str(e)})
    return out


# --- array (broadcast) parameters ------------------------------------------------------------------
def nd(values, dtype):
    return np.array(values, dtype=dtype)


BROADCAST_GEN = [
    ('binomial', [[10, 20, 30], 0.3], None),
    ('binomial', [15, [0.1, 0.5, 0.9]], None),
    ('binomial', [12, 0.4], None),
    ('binomial', [[[5], [50], [500]], [0.2, 0.7]], None),          # (3,1) x (2,) -> (3,2), BTPE at 500
    ('binomial', [[10, 20], [0.5, 0.25]], [3, 2]),                  # size larger than the broadcast shape
    ('binomial', [12, 0.4], 3),
    ('binomial', [[[1], [2]], 0.5], [2, 4]),
    ('binomial', [[0, 7], [0.0, 1.0]], None),
    ('binomial', [[10.7, 3.2], 0.5], None),                          # list floats truncate like int()
    ('binomial', [[10, 20], 0.5], [0, 2]),
    ('binomial', [nd([10, 2000], 'int32'), nd([0.5, 0.3], 'float64')], None),
    ('binomial', [nd([10, 40], 'int64'), nd([0.5, 0.3], 'float32')], [3, 2]),
    ('poisson', [[1.0, 5.0, 15.0, 0.0]], None),
    ('poisson', [3.0], None),
    ('poisson', [[[0.5], [20.0]]], [2, 3]),
    ('poisson', [[[1, 2], [3, 4]]], None),
    ('poisson', [[[1.0], [2.0]]], [2, 2, 3]),
    ('poisson', [[]], None),
    ('geometric', [[0.1, 0.5, 1.0]], None),
    ('geometric', [[[0.2], [0.9]]], [2, 3]),
    ('geometric', [0.25], 2),
    ('zipf', [[1.5, 2.0, 3.0, 50.0]], None),
    ('zipf', [[1.2, 2.0, 5.0, 9.0]], [3, 4]),
    ('logseries', [[0.0, 0.3, 0.9, 0.9999]], None),
    ('logseries', [[[0.5], [0.99]]], [2, 2]),
    ('negativeBinomial', [[1.0, 3.5, 10.0], 0.3], None),
    ('negativeBinomial', [5, [0.2, 0.6]], None),
    ('negativeBinomial', [2.5, 0.3], None),
    ('negativeBinomial', [[[1.0], [20.0]], [0.3, 0.8]], [3, 2, 2]),
    ('hypergeometric', [[10, 20, 100], 15, 8], None),
    ('hypergeometric', [[[5], [50]], [5, 60], [3, 40]], None),
    ('hypergeometric', [20, 30, [1, 10, 25]], [2, 3]),
    ('hypergeometric', [[100, 1000], [200, 2000], [100, 1500]], None),  # HRUA
    ('hypergeometric', [40, 60, 30], 2),
    ('hypergeometric', [nd([7, 9], 'int32'), 5, nd([3, 12], 'int64')], None),
]
BROADCAST_GEN_ONLY = [
    ('zipf', [[2.0, 2000.0]], None),       # Generator returns 1 for a >= 1025 (legacy hangs)
    ('hypergeometric', [[7, 5], [5, 3], [0, 8]], None),  # nsample 0 allowed by Generator only
]

BROADCAST_ERRORS = [
    # (api, method, args, size)
    ('generator', 'binomial', [[10, 3, 4], [0.5, 0.5]], None),
    ('generator', 'binomial', [[10, 3], [0.5, 0.5]], 3),
    ('generator', 'binomial', [[10, 3], [0.5, 0.5]], [3, 1]),
    ('generator', 'binomial', [[[10], [20]], [0.1, 0.2, 0.3]], [2, 2]),
    ('generator', 'binomial', [[10, 3], [0.5, 1.5]], None),
    ('generator', 'binomial', [[10, -3], [0.5, 0.5]], None),
    ('generator', 'binomial', [[10, 3], 1.5], None),
    ('generator', 'binomial', [[10, float('nan')], 0.5], None),
    ('generator', 'binomial', [nd([10.0, 3.0], 'float64'), 0.5], None),
    ('generator', 'binomial', [nd([10, 3], 'uint64'), 0.5], None),
    ('generator', 'binomial', [[10, 3], [0.5, 0.5]], 0),
    ('generator', 'poisson', [[1.0, float('nan')]], None),
    ('generator', 'poisson', [[1.0, -1.0]], None),
    ('generator', 'poisson', [[1.0, 1e19]], None),
    ('generator', 'poisson', [[3.0]], []),
    ('generator', 'poisson', [[1.0, 2.0]], [2, 2, 3]),
    ('generator', 'geometric', [[0.5, 0.0]], None),
    ('generator', 'geometric', [[0.5, float('nan')]], None),
    ('generator', 'zipf', [[2.0, 1.0]], None),
    ('generator', 'logseries', [[0.5, 1.0]], None),
    ('generator', 'negativeBinomial', [[1.0, 2.0, 3.0], [0.5, 0.5]], None),
    ('generator', 'negativeBinomial', [[[1.0, 2, 3], [1, 2, 3]], [0.5, 0.5]], None),
    ('generator', 'negativeBinomial', [[1.0, float('nan')], [0.5, 0.5]], None),
    ('generator', 'negativeBinomial', [[1.0, 0.0], [0.5, 0.5]], None),
    ('generator', 'negativeBinomial', [[1.0, 2.0], [0.5, 0.0]], None),
    ('generator', 'negativeBinomial', [[1.0, 1e20], [0.5, 1e-5]], None),
    ('generator', 'negativeBinomial', [[1.0, 2.0], [0.5, 0.5]], 3),
    ('generator', 'hypergeometric', [[1, 2, 3], [1, 2], 1], None),
    ('generator', 'hypergeometric', [[[1, 2, 3]], [[1], [2]], [1, 2]], None),
    ('generator', 'hypergeometric', [[5, 2], [1, 2], [7, 1]], None),
    ('generator', 'hypergeometric', [[5, 2], [1, 2], [-1, 1]], None),
    ('generator', 'hypergeometric', [[5, -2], [1, 2], [1, 0]], None),
    ('generator', 'hypergeometric', [[10**9, 2], [1, 2], [1, 1]], None),
    ('generator', 'hypergeometric', [[5, 2], [1, 2], [1, 1]], [3]),
    ('legacy', 'binomial', [[10, 3, 4], [0.5, 0.5]], None),
    ('legacy', 'binomial', [[10, 3], [0.5, 1.5]], None),
    ('legacy', 'binomial', [[10, -3], 0.5], None),
    ('legacy', 'binomial', [[10, 3], 0.5], [3, 2, 1]),
    ('legacy', 'poisson', [[1.0, float('nan')]], None),
    ('legacy', 'poisson', [[1.0, -1.0]], None),
    ('legacy', 'geometric', [[1.5, 0.5]], None),
    ('legacy', 'zipf', [[2.0, 0.5]], None),
    ('legacy', 'logseries', [[0.5, -0.5]], None),
    ('legacy', 'negativeBinomial', [[1.0, 2.0, 3.0], [0.5, 0.5]], None),
    ('legacy', 'negativeBinomial', [[1.0, 0.0], 0.5], None),
    ('legacy', 'negativeBinomial', [[1.0, 2.0], [0.5, 1.5]], None),
    ('legacy', 'negativeBinomial', [[1.0, 2.0], [0.5, 0.5]], [2, 3]),
    ('legacy', 'hypergeometric', [[5, 2], [1, 2], [1, 0]], None),
    ('legacy', 'hypergeometric', [[5, 2], [1, -2], [1, 1]], None),
    ('legacy', 'hypergeometric', [[5, 2], [1, 2], [7, 1]], None),
    ('legacy', 'hypergeometric', [[1, 2, 3], [1, 2], 1], None),
]


def broadcast_cases():
    scenarios = []
    for bg, seed in (('PCG64', 11), ('MT19937', 12), ('Philox', 13)):
        scenarios.append(run('generator', bg, seed, BROADCAST_GEN + BROADCAST_GEN_ONLY))
    for seed in (11, 12):
        scenarios.append(run('legacy', 'MT19937', seed, BROADCAST_GEN))
    scenarios.append(run('module', 'MT19937', 13, BROADCAST_GEN[:12]))
    errors = []
    for api, m, args, size in BROADCAST_ERRORS:
        g = make(api, 'PCG64', 7)
        try:
            f = getattr(g, py_name(m))
            f(*args) if size is None else f(*args, size=tuple(size) if isinstance(size, list) else size)
            raise SystemExit(f'expected an error from {api}.{m}{tuple(args)} size={size}')
        except (ValueError, TypeError, OverflowError) as e:
            after = g.random(2) if api == 'generator' else g.random_sample(2)
            errors.append({'api': api, 'm': m, 'a': enc_arg(args), 'size': size, 'cls': type(e).__name__,
                           'msg': str(e), 'after': enc_result(after)})
    return {'numpy': np.__version__, 'scenarios': scenarios, 'errors': errors}


def main():
    check = '--check' in sys.argv
    files = {
        'discrete-generator.json': {'numpy': np.__version__, 'scenarios': generator_scenarios()},
        'discrete-legacy.json': {'numpy': np.__version__, 'scenarios': legacy_scenarios()},
        'discrete-errors.json': {'numpy': np.__version__, 'cases': error_cases()},
        'discrete-bulk.json': {'numpy': np.__version__, 'cases': bulk_cases()},
        'discrete-broadcast.json': broadcast_cases(),
    }
    bad = 0
    for name, data in files.items():
        text = json.dumps(data, separators=(',', ':')) + '\n'
        path = os.path.join(OUT, name)
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
            print(f'wrote {name} ({len(text)} bytes)')
    sys.exit(1 if bad else 0)


if __name__ == '__main__':
    main()
