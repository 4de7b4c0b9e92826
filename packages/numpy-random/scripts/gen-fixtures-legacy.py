#!/usr/bin/env python3
"""Golden fixtures for MT19937, the legacy RandomState and the np.random module, from the real NumPy.

Run from anywhere: python3 packages/numpy-random/scripts/gen-fixtures-legacy.py   (numpy 2.4.x)
Writes fixtures/legacy-mt19937.json and fixtures/legacy-randomstate.json.

Encoding (JSON-safe, exact):
- integers beyond 2**53 as {"$big": "<decimal>"}; NaN/inf floats as {"$float": "nan"|"inf"|"-inf"};
- float64 results as 16-digit hex IEEE bit patterns; integer results as decimal strings;
- large results as the SHA-256 of their little-endian bytes plus every 97th element;
- RandomState state digests: pos, has_gauss, gauss (hex) and the SHA-256 of the key (uint32 LE bytes).

A scenario is a seed plus a list of operations replayed in order on one RandomState. An operation is
{"m": <camelCase method>, "a": [positional args], "k": {camelCase keyword args}} and its record holds the
result (or the error NumPy raised).
"""

import hashlib
import json
import math
import os
import warnings

import numpy as np

warnings.simplefilter('ignore', DeprecationWarning)

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(os.path.dirname(HERE), 'fixtures')

PY_NAMES = {
    'randomSample': 'random_sample', 'standardNormal': 'standard_normal', 'randomIntegers': 'random_integers',
    'getState': 'get_state', 'setState': 'set_state', 'standardExponential': 'standard_exponential', 'ranf': 'random_sample', 'sample': 'random_sample',
}
PY_KW = {'replace': 'replace', 'p': 'p', 'dtype': 'dtype', 'size': 'size', 'loc': 'loc', 'scale': 'scale',
         'low': 'low', 'high': 'high'}


def enc(v):
    """JSON-safe encoding of argument values."""
    if isinstance(v, bool) or v is None or isinstance(v, str):
        return v
    if isinstance(v, (int, np.integer)):
        v = int(v)
        return {'$big': str(v)} if abs(v) > 2**53 else v
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
    raise TypeError(type(v))


def f64hex(a):
    return ['%016x' % int(x) for x in np.ascontiguousarray(np.asarray(a, dtype='<f8')).view('<u8').ravel()]


def sha(a):
    return hashlib.sha256(np.ascontiguousarray(a).tobytes()).hexdigest()


def rec_result(r):
    """Records a result: scalar or array, float or integer, with dtype and shape."""
    if isinstance(r, bytes):
        return {'kind': 'bytes', 'hex': r.hex()}
    if isinstance(r, list):
        return {'kind': 'list', 'values': [rec_result(x) for x in r]}
    if isinstance(r, (float, np.floating)) and not isinstance(r, np.ndarray):
        return {'kind': 'float', 'scalar': True, 'hex': f64hex([r])[0]}
    if isinstance(r, (bool, np.bool_)):
        return {'kind': 'int', 'scalar': True, 'dtype': 'bool', 'value': str(int(r))}
    if isinstance(r, (int, np.integer)):
        dt = 'int64' if isinstance(r, int) else str(np.asarray(r).dtype)
        return {'kind': 'int', 'scalar': True, 'dtype': dt, 'value': str(int(r))}
    a = np.asarray(r)
    out = {'shape': list(a.shape), 'dtype': str(a.dtype)}
    big = a.size > 2000
    if a.dtype.kind == 'f':
        out['kind'] = 'float'
        if big:
            out['sha256'] = sha(a.astype('<f8'))
            out['every97'] = f64hex(a.ravel()[::97])
        else:
            out['hex'] = f64hex(a)
    else:
        out['kind'] = 'int'
        if big:
            out['sha256'] = sha(a.astype(a.dtype.newbyteorder('<')))
            out['every97'] = [str(int(x)) for x in a.ravel()[::97]]
        else:
            out['values'] = [str(int(x)) for x in a.ravel()]
    return out


def digest(rs):
    st = rs.get_state(legacy=False)
    key = np.asarray(st['state']['key'], dtype='<u4')
    return {'pos': int(st['state']['pos']), 'keySha256': sha(key), 'key0': int(key[0]), 'key623': int(key[623]),
            'hasGauss': int(st['has_gauss']), 'gauss': f64hex([st['gauss']])[0]}


def make_rs(seed):
    if isinstance(seed, dict) and 'mt19937' in seed:
        return np.random.RandomState(np.random.MT19937(seed['mt19937']))
    return np.random.RandomState(seed)


def run_scenario(name, seed, ops, module=False):
    """Replays ops on RandomState(seed) (or on the np.random module after np.random.seed(seed))."""
    if module:
        np.random.seed(seed)
        target = np.random
    else:
        target = make_rs(seed)
    saved = {}
    records = []
    for op in ops:
        m, a, k = op['m'], op.get('a', []), op.get('k', {})
        r = {'m': m, 'a': enc(a), 'k': enc(k)}
        if m == 'saveState':
            saved[op['slot']] = target.get_state(**{'legacy': k.get('legacy', True)})
            r['slot'] = op['slot']
        elif m == 'restoreState':
            target.set_state(saved[op['slot']])
            r['slot'] = op['slot']
        elif m == 'digest':
            r['digest'] = digest(target if not module else np.random.mtrand._rand)
        elif m == 'shuffle':
            x = np.array(a[0]) if op.get('ndarray') else list(a[0])
            target.shuffle(x)
            r['ndarray'] = bool(op.get('ndarray'))
            r['result'] = rec_result(x if op.get('ndarray') else np.array(x))
        else:
            fn = getattr(target, PY_NAMES.get(m, m))
            pk = {PY_KW.get(kk, kk): (np.array(vv) if kk == 'p' and vv is not None else vv) for kk, vv in k.items()}
            pa = [tuple(x) if (i == 2 and m == 'randint' and isinstance(x, list)) else x for i, x in enumerate(a)]
            if op.get('ndarrayArg'):
                pa[0] = np.array(pa[0])
            res = fn(*pa, **pk)
            r['result'] = rec_result(res)
        if op.get('ndarrayArg'):
            r['ndarrayArg'] = True
        records.append(r)
    return {'name': name, 'seed': enc(seed), 'module': module, 'ops': records,
            'final': digest(target if not module else np.random.mtrand._rand)}


def op(m, *a, **k):
    return {'m': m, 'a': list(a), 'k': k}


I64, U64 = 2**63, 2**64
DTYPES = ['bool', 'int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64']
RANGES = {
    'bool': [(0, 2), (0, 1), (1, 2)],
    'int8': [(-128, 128), (-5, 6), (0, 17), (127, 128), (-128, -127), (-100, 100)],
    'int16': [(-2**15, 2**15), (0, 1000), (-3, 3), (0, 2**15)],
    'int32': [(-2**31, 2**31), (0, 10), (-2**31, 0), (5, 6), (0, 2**31 - 1), (-1000, 1000)],
    'int64': [(0, 10), (-I64, I64), (0, 2**32), (0, 2**32 + 1), (0, 2**32 - 1), (-2**40, 2**40 + 7),
              (-(2**62), 2**62), (7, 8), (-I64, -I64 + 1), (I64 - 5, I64), (0, 2**33 + 12345)],
    'uint8': [(0, 256), (0, 10), (255, 256), (3, 200)],
    'uint16': [(0, 2**16), (0, 300), (65535, 65536), (1, 40000)],
    'uint32': [(0, 2**32), (0, 10), (2**32 - 1, 2**32), (0, 2**31 + 1)],
    'uint64': [(0, U64), (0, 10), (0, 2**32), (U64 - 1, U64), (2**63, U64), (0, 2**63 + 3), (0, 2**53 + 1)],
}


def scenarios():
    out = []
    for seed in [0, 1, 42, 2**32 - 1, [0], [1, 2, 3], list(range(1000)), [2**32 - 1] * 700, [5]]:
        out.append(run_scenario(f'seed {json.dumps(seed)[:40]}', seed, [
            op('digest'), op('randomSample', 7), op('randn', 3), op('randint', 0, 100, 7), op('rand'),
            op('randn'), op('digest')]))
    # The numbers quoted in the reference (§8), fresh seed 42 for each call.
    for o in [op('rand', 5), op('randn', 5), op('randint', 0, 10, 5), op('permutation', 10)]:
        out.append(run_scenario(f'reference §8 {o["m"]}', 42, [o]))
    out.append(run_scenario('sizes and aliases', 42, [
        op('rand'), op('rand', 0), op('rand', 1), op('rand', 3, 4), op('rand', 2, 3, 4),
        op('randomSample', [5]), op('randomSample', size=None), op('random', 2), op('ranf', 3), op('sample', [3, 1]),
        op('randn', 0), op('randn', 2, 3), op('randn', 1), op('standardNormal', [2, 2]), op('standardNormal'),
        op('randomSample', 0), op('digest')]))
    for dt in DTYPES:
        ops = []
        for lo, hi in RANGES[dt]:
            ops.append(op('randint', lo, hi, 37, dtype=dt))
            ops.append(op('randint', lo, hi, dtype=dt))
            ops.append(op('randint', lo, hi, [2, 3], dtype=dt))
        ops.append(op('randint', RANGES[dt][0][1], dtype=dt))  # high=None form
        ops.append(op('randint', RANGES[dt][0][0], RANGES[dt][0][1], 0, dtype=dt))
        ops.append(op('digest'))
        out.append(run_scenario(f'randint {dt}', 7, ops))
    out.append(run_scenario('randint default dtype', 2024, [
        op('randint', 10), op('randint', -5, 5), op('randint', 0, 10, 15), op('randint', 0, 2**40, 9),
        op('randint', -I64, I64, 5), op('randint', 0, 10, [3, 2]), op('randint', 5, size=4),
        op('randint', 0, 10, None, 'int32'), op('digest')]))
    out.append(run_scenario('gauss cache interleavings', 42, [
        op('randn', 1), op('rand'), op('randn'), op('randn', 2), op('digest'), op('standardNormal', 3),
        op('normal', 1.5, 2.0, 5), op('normal', 0, 1), op('normal'), op('normal', -3.0, 0.0, 2),
        op('uniform', -2, 3, 5), op('uniform'), op('uniform', 5, 1, 3), op('uniform', 0.5, 0.5, 2),
        op('randn', 3), op('digest'), op('rand', 1), op('randn', 5), op('digest')]))
    out.append(run_scenario('state round trip mid-stream', 123, [
        op('randn', 3), {'m': 'saveState', 'slot': 'a', 'k': {'legacy': True}}, op('digest'), op('rand', 2),
        op('randn', 4), {'m': 'restoreState', 'slot': 'a'}, op('digest'), op('randn', 5), op('rand', 2),
        op('randn', 1), {'m': 'saveState', 'slot': 'b', 'k': {'legacy': False}}, op('randn', 7),
        {'m': 'restoreState', 'slot': 'b'}, op('randn', 7), op('digest')]))
    out.append(run_scenario('choice', 5, [
        op('choice', 10, 5), op('choice', 10), op('choice', 10, 5, False), op('choice', 10, [2, 3], True,
                                                                               [0.1, 0.2, 0.3, 0.4, 0, 0, 0, 0, 0, 0]),
        op('choice', 5, 3, False, [0.1, 0, 0.3, 0.6, 0]), op('choice', [1.5, 2.5, 3.5], 4),
        op('choice', 20000, 10, False), op('choice', 6, 6, False, [0.05, 0.15, 0.2, 0.3, 0.25, 0.05]),
        op('choice', 4, None, True, [0.25, 0.25, 0.25, 0.25]), op('choice', 7, 0), op('choice', 0, 0),
        op('choice', 100, 50, False, list(np.linspace(1, 2, 100) / np.linspace(1, 2, 100).sum())),
        op('choice', 10, size=3, replace=False), op('digest')]))
    out.append(run_scenario('shuffle and permutation', 9, [
        op('permutation', 10), op('permutation', 1), op('permutation', 0), op('permutation', -3),
        op('permutation', [0.5, 1.5, 2.5, 3.5, 4.5]),
        {'m': 'permutation', 'a': [[[0, 1, 2], [3, 4, 5], [6, 7, 8], [9, 10, 11]]], 'k': {}, 'ndarrayArg': True},
        {'m': 'shuffle', 'a': [list(range(20))]}, {'m': 'shuffle', 'a': [[1.0, 2.0, 3.0]], 'ndarray': True},
        {'m': 'shuffle', 'a': [[[1, 2], [3, 4], [5, 6]]], 'ndarray': True}, op('permutation', 300), op('digest')]))
    out.append(run_scenario('bytes tomaxint randomIntegers', 3, [
        op('bytes', 10), op('bytes', 0), op('bytes', 1), op('bytes', 4), op('bytes', 13), op('tomaxint', 5),
        op('tomaxint'), op('randomIntegers', 5, size=3), op('randomIntegers', -3, 3, 7), op('randomIntegers', 4),
        op('digest')]))
    out.append(run_scenario('exponential', 77, [
        op('standardExponential', 5), op('standardExponential'), op('exponential', 2.0, 7), op('exponential'),
        op('exponential', 0.0, 2), op('randn', 1), op('exponential', 3.5, [2, 2]), op('standardExponential', 3001),
        op('exponential', size=4), op('digest')]))
    out.append(run_scenario('large sizes', 2024, [
        op('rand', 100000), op('digest'), op('randn', 100001), op('digest'), op('randint', 0, 1000, 100000),
        op('digest')]))
    out.append(run_scenario('RandomState(MT19937(SeedSequence 42))', {'mt19937': 42}, [
        op('digest'), op('rand', 3), op('randn', 3), op('randint', 0, 10, 4), op('digest')]))
    out.append(run_scenario('np.random module', 42, [
        op('rand', 3), op('randn', 2), op('randint', 0, 10, 4), op('choice', 5, 3), op('permutation', 6),
        op('uniform', 1, 2, 2), op('normal', 10, 2), op('bytes', 5), op('digest')], module=True))
    return out


def err(call):
    try:
        call()
    except Exception as e:  # noqa: BLE001
        return {'type': type(e).__name__, 'message': str(e)}
    raise AssertionError(f'expected an error: {call}')


def errors():
    rs = lambda: np.random.RandomState(1)  # noqa: E731
    key = np.random.RandomState(1).get_state()[1]
    cases = [
        ('RandomState', [2**32], lambda: np.random.RandomState(2**32)),
        ('RandomState', [-1], lambda: np.random.RandomState(-1)),
        ('RandomState', [[]], lambda: np.random.RandomState([])),
        ('RandomState', [[[1, 2], [3, 4]]], lambda: np.random.RandomState([[1, 2], [3, 4]])),
        ('RandomState', [[1, 2**32]], lambda: np.random.RandomState([1, 2**32])),
        ('RandomState', [[1, -2]], lambda: np.random.RandomState([1, -2])),
        ('RandomState', [1.5], lambda: np.random.RandomState(1.5)),
        ('randint', [10, 5], lambda: rs().randint(10, 5)),
        ('randint', [0], lambda: rs().randint(0)),
        ('randint', [0, 0], lambda: rs().randint(0, 0)),
        ('randint', [-4], lambda: rs().randint(-4)),
        ('randint', [3, 3], lambda: rs().randint(3, 3)),
        ('randint', [-1, 5, None, 'uint8'], lambda: rs().randint(-1, 5, dtype='uint8')),
        ('randint', [0, 257, None, 'uint8'], lambda: rs().randint(0, 257, dtype='uint8')),
        ('randint', [0, 129, None, 'int8'], lambda: rs().randint(0, 129, dtype='int8')),
        ('randint', [0, 3, None, 'bool'], lambda: rs().randint(0, 3, dtype='bool')),
        ('randint', [0, 10, -1], lambda: rs().randint(0, 10, -1)),
        ('randint', [0, 10, None, 'float64'], lambda: rs().randint(0, 10, dtype='float64')),
        ('randint', [0, 2**64 + 1, None, 'uint64'], lambda: rs().randint(0, 2**64 + 1, dtype='uint64')),
        ('randint', [-2**63 - 1, 0], lambda: rs().randint(-2**63 - 1, 0)),
        ('randint', [0, 2**63 + 1], lambda: rs().randint(0, 2**63 + 1)),
        ('choice', [5, 6, False], lambda: rs().choice(5, 6, False)),
        ('choice', [5, 3, True, [0.1] * 5], lambda: rs().choice(5, 3, True, [0.1] * 5)),
        ('choice', [0, 3], lambda: rs().choice(0, 3)),
        ('choice', [-2, 3], lambda: rs().choice(-2, 3)),
        ('choice', [[], 3], lambda: rs().choice([], 3)),
        ('choice', [5, 3, True, [0.5, 0.5]], lambda: rs().choice(5, 3, True, [0.5, 0.5])),
        ('choice', [3, 2, True, [float('nan'), 0.5, 0.5]], lambda: rs().choice(3, 2, True, [float('nan'), 0.5, 0.5])),
        ('choice', [3, 2, True, [-0.5, 1, 0.5]], lambda: rs().choice(3, 2, True, [-0.5, 1, 0.5])),
        ('choice', [3, 3, False, [0.5, 0.5, 0]], lambda: rs().choice(3, 3, False, [0.5, 0.5, 0])),
        ('choice', [[[1, 2], [3, 4]], 1], lambda: rs().choice([[1, 2], [3, 4]], 1)),
        ('normal', [0, -1], lambda: rs().normal(0, -1)),
        ('normal', [0, -0.0], lambda: rs().normal(0, -0.0)),
        ('uniform', [0, float('inf')], lambda: rs().uniform(0, float('inf'))),
        ('exponential', [-1.0], lambda: rs().exponential(-1.0)),
        ('uniform', [-1e308, 1e308], lambda: rs().uniform(-1e308, 1e308)),
        ('rand', [-1], lambda: rs().rand(-1)),
        ('randn', [2, -1], lambda: rs().randn(2, -1)),
        ('setState', [['MT19937', [int(x) for x in key[:600]], 0]], lambda: rs().set_state(('MT19937', key[:600], 0))),
        ('setState', [['PCG64', [int(x) for x in key], 0]], lambda: rs().set_state(('PCG64', key, 0))),
        ('setState', [{'state': {}}], lambda: rs().set_state({'state': {}})),
    ]
    return [{'m': m, 'a': enc(a), 'error': err(c)} for m, a, c in cases]


def mt19937_fixtures():
    gens = []
    for seed in [0, 1, 42, 2**32 - 1, [1, 2, 3], 2**100, {'entropy': 42, 'spawnKey': [1]}]:
        ss = (np.random.SeedSequence(seed['entropy'], spawn_key=seed['spawnKey']) if isinstance(seed, dict)
              else np.random.SeedSequence(seed))
        bg = np.random.MT19937(ss)
        st = bg.state['state']
        raw = bg.random_raw(1500)
        gens.append({'seed': enc(seed), 'pos': int(st['pos']), 'key': [int(x) for x in st['key']],
                     'raw': ['%08x' % int(x) for x in raw]})
    jumps = []
    for seed, pre, n in [(42, 0, 1), (42, 0, 2), (7, 700, 1), (0, 623, 1), (1, 1, 3)]:
        bg = np.random.MT19937(seed)
        bg.random_raw(pre) if pre else None
        j = bg.jumped(n)
        st = j.state['state']
        jumps.append({'seed': seed, 'preDraws': pre, 'jumps': n, 'pos': int(st['pos']),
                      'keySha256': sha(np.asarray(st['key'], dtype='<u4')),
                      'raw': ['%08x' % int(x) for x in j.random_raw(700)]})
    # A legacy-seeded generator (pos 624) jumped.
    bg = np.random.MT19937(0)
    bg._legacy_seeding(12345)
    j = bg.jumped()
    jumps.append({'legacySeed': 12345, 'preDraws': 0, 'jumps': 1, 'pos': int(j.state['state']['pos']),
                  'keySha256': sha(np.asarray(j.state['state']['key'], dtype='<u4')),
                  'raw': ['%08x' % int(x) for x in j.random_raw(700)]})
    legacy = []
    for seed in [0, 1, 42, 2**32 - 1, [0], [1, 2, 3], list(range(1000)), [2**32 - 1] * 700, [5]]:
        bg = np.random.MT19937(0)
        bg._legacy_seeding(seed)
        st = bg.state['state']
        legacy.append({'seed': enc(seed), 'pos': int(st['pos']), 'key': [int(x) for x in st['key']],
                       'raw': ['%08x' % int(x) for x in bg.random_raw(700)]})
    spawn = np.random.MT19937(np.random.SeedSequence(42)).spawn(2)
    spawned = [['%08x' % int(x) for x in c.random_raw(10)] for c in spawn]
    return {'numpy': np.__version__, 'seedSequence': gens, 'jumped': jumps, 'legacySeeding': legacy,
            'spawn42': spawned}


def other_bit_generators():
    """RandomState over PCG64/Philox/SFC64, and np.random with a swapped-in bit generator."""
    out = []
    for name in ['PCG64', 'PCG64DXSM', 'Philox', 'SFC64']:
        rs = np.random.RandomState(getattr(np.random, name)(42))
        vals = {'rand': rec_result(rs.rand(5)), 'randn': rec_result(rs.randn(3)),
                'randint': rec_result(rs.randint(0, 1000, 7)), 'randint64': rec_result(rs.randint(0, 2**40, 3)),
                'permutation': rec_result(rs.permutation(8))}
        st = rs.get_state(legacy=False)
        out.append({'bitGenerator': name, 'seed': 42, 'results': vals, 'hasGauss': int(st['has_gauss']),
                    'gauss': f64hex([st['gauss']])[0]})
    # np.random.set_bit_generator(PCG64(1)); np.random.seed(7) re-creates PCG64(7)'s state (no gauss reset).
    old = np.random.get_bit_generator()
    try:
        np.random.set_bit_generator(np.random.PCG64(1))
        np.random.randn()  # leaves a cached gaussian
        np.random.seed(7)
        module = {'bitGenerator': 'PCG64', 'setSeed': 1, 'reseed': 7, 'randnAfterReseed': rec_result(np.random.randn(3)),
                  'randAfter': rec_result(np.random.rand(3))}
    finally:
        np.random.set_bit_generator(old)
    return {'randomState': out, 'module': module}


def main():
    os.makedirs(OUT, exist_ok=True)
    mt = mt19937_fixtures()
    with open(os.path.join(OUT, 'legacy-mt19937.json'), 'w') as f:
        json.dump(mt, f, separators=(',', ':'))
    data = {'numpy': np.__version__, 'scenarios': scenarios(), 'errors': errors(), 'otherBitGenerators': other_bit_generators()}
    with open(os.path.join(OUT, 'legacy-randomstate.json'), 'w') as f:
        json.dump(data, f, separators=(',', ':'))
    for n in ['legacy-mt19937.json', 'legacy-randomstate.json']:
        print(n, os.path.getsize(os.path.join(OUT, n)), 'bytes')


if __name__ == '__main__':
    main()
