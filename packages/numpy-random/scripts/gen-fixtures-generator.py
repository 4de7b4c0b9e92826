"""Golden fixtures for the 64-bit bit generators, `Generator` and `initializeWeights`, from real NumPy.

usage: python3 scripts/gen-fixtures-generator.py          (writes fixtures/generator-*.json)
       python3 scripts/gen-fixtures-generator.py --check  (regenerates in memory, compares with the files)

Every value is stored exactly: floats as IEEE-754 bit patterns (16 / 8 hex digits), integers as decimal
strings; big arrays as the SHA-256 of their little-endian bytes plus the first values in full.
Requires numpy 2.4.x (checked below). The test suite replays each case in TypeScript.
"""
import hashlib
import json
import math
import pathlib
import struct
import sys

import numpy as np

assert np.__version__.startswith('2.4.'), f'numpy 2.4.x expected, got {np.__version__}'

OUT = pathlib.Path(__file__).resolve().parent.parent / 'fixtures'
BIG = 4096  # arrays with more elements are stored as sha256 + head

BG = {
    'PCG64': np.random.PCG64,
    'PCG64DXSM': np.random.PCG64DXSM,
    'Philox': np.random.Philox,
    'SFC64': np.random.SFC64,
    'MT19937': np.random.MT19937,
}


# ----------------------------------------------------------------------------- seeds
def make_seed(spec):
    k = spec['kind']
    if k == 'int':
        return int(spec['value'])
    if k == 'array':
        return [int(v) for v in spec['value']]
    if k == 'ss':
        return np.random.SeedSequence(int(spec['entropy']) if isinstance(spec['entropy'], str) else spec['entropy'],
                                      spawn_key=tuple(spec.get('spawn_key', [])))
    raise ValueError(k)


SEEDS = [
    {'kind': 'int', 'value': '0'},
    {'kind': 'int', 'value': '1'},
    {'kind': 'int', 'value': '42'},
    {'kind': 'int', 'value': str(2**32 - 1)},
    {'kind': 'int', 'value': str(2**64 + 12345)},
    {'kind': 'int', 'value': str(2**130 + 99)},
    {'kind': 'array', 'value': ['1', '2', '3']},
    {'kind': 'array', 'value': ['0']},
    {'kind': 'ss', 'entropy': '42', 'spawn_key': [1, 2]},
    {'kind': 'ss', 'entropy': ['5', str(2**40)], 'spawn_key': [0]},
]


# ----------------------------------------------------------------------------- encoding
def hexf8(a):
    return np.asarray(a, dtype='<f8').view('<u8').astype(object)


def enc(x, big=None):
    big_limit = BIG if big is None else big
    if isinstance(x, bytes):
        return {'t': 'bytes', 'hex': x.hex()}
    if isinstance(x, (bool, np.bool_)):
        return {'t': 'bool', 'shape': None, 'v': '1' if x else '0'}
    if isinstance(x, np.float32):
        return {'t': 'float32', 'shape': None, 'hex': struct.pack('>f', float(x)).hex()}
    if isinstance(x, (float, np.float64)):
        return {'t': 'float64', 'shape': None, 'hex': struct.pack('>d', float(x)).hex()}
    if isinstance(x, (int, np.integer)):
        return {'t': 'int', 'shape': None, 'v': str(int(x))}
    a = np.asarray(x)
    shape = list(a.shape)
    d = {'t': str(a.dtype), 'shape': shape}
    flat = a.reshape(-1)
    src = flat[:16] if a.size > big_limit else flat
    if a.dtype == np.float64:
        vals = [struct.pack('>d', float(v)).hex() for v in src]
    elif a.dtype == np.float32:
        vals = [struct.pack('>f', float(v)).hex() for v in src]
    elif a.dtype == np.bool_:
        vals = ['1' if v else '0' for v in src]
    else:
        vals = [str(int(v)) for v in src]
    if a.size > big_limit:
        le = a.astype(a.dtype.newbyteorder('<')).tobytes()
        d['sha256'] = hashlib.sha256(le).hexdigest()
        d['head'] = vals
    else:
        d['v'] = vals
    return d


def jsonable_state(s):
    if isinstance(s, dict):
        return {k: jsonable_state(v) for k, v in s.items()}
    if isinstance(s, (list, tuple)):
        return [jsonable_state(v) for v in s]
    if isinstance(s, np.ndarray):
        return [str(int(v)) for v in s.reshape(-1)]
    if isinstance(s, (bool, np.bool_)):
        return str(int(s))
    if isinstance(s, (int, np.integer)):
        return str(int(s))
    if isinstance(s, float):
        return struct.pack('>d', s).hex()
    return s


def dec_arg(a):
    """Arguments in the fixture use {'big': '...'} for ints beyond 2^53 and {'arr': [...], 'dtype', 'shape'}."""
    if isinstance(a, dict) and 'big' in a:
        return int(a['big'])
    if isinstance(a, dict) and 'float' in a:
        return float(a['float'])
    if isinstance(a, dict) and 'arr' in a:
        return np.array(a['arr'], dtype=a['dtype']).reshape(a['shape'])
    if isinstance(a, list):
        return tuple(dec_arg(v) for v in a) if all(isinstance(v, int) for v in a) else [dec_arg(v) for v in a]
    return a


def big(v):
    return {'big': str(v)}


def arr(values, dtype, shape=None):
    return {'arr': values, 'dtype': dtype, 'shape': shape if shape is not None else [len(values)]}


# ----------------------------------------------------------------------------- replay
def run_ops(bg, ops):
    """Applies ops to Generator(bg) and records a result for each."""
    rng = np.random.Generator(bg)
    out = []
    for op in ops:
        m = op['m']
        args = [dec_arg(a) for a in op.get('args', [])]
        kw = {k: dec_arg(v) for k, v in op.get('kw', {}).items()}
        rec = dict(op)
        if m == '__state__':
            rec['state'] = jsonable_state(rng.bit_generator.state)
        elif m == '__jumped__':
            bg = rng.bit_generator.jumped(*args)
            rng = np.random.Generator(bg)
            rec['state'] = jsonable_state(bg.state)
        elif m == '__advance__':
            rng.bit_generator.advance(*args)
            rec['state'] = jsonable_state(rng.bit_generator.state)
        elif m == '__spawn__':
            n, i = args
            rng = rng.spawn(n)[i]
        elif m == 'random_raw':
            rec['result'] = enc(rng.bit_generator.random_raw(*args, **kw))
        elif m == 'shuffle':
            x = args[0].copy()
            rng.shuffle(x, *args[1:], **kw)
            rec['result'] = enc(x)
        else:
            if 'error' in op:
                try:
                    getattr(rng, m)(*args, **kw)
                except Exception as e:  # noqa: BLE001
                    rec['error'] = type(e).__name__
                    rec['msg'] = str(e)
                else:
                    raise AssertionError(f'expected an error from {op}')
            else:
                rec['result'] = enc(getattr(rng, m)(*args, **kw))
        out.append(rec)
    return out


def op(m, *args, **kw):
    d = {'m': m, 'args': list(args)}
    if kw:
        d['kw'] = kw
    return d


def err(m, *args, **kw):
    d = op(m, *args, **kw)
    d['error'] = True
    return d


# ----------------------------------------------------------------------------- cases
P5 = [0.1, 0.2, 0.3, 0.15, 0.25]
P10 = [0.05, 0.0, 0.2, 0.1, 0.05, 0.1, 0.15, 0.05, 0.2, 0.1]

BASIC_OPS = [
    op('random'),
    op('random', 5),
    op('random', [2, 3]),
    op('random', 7, dtype='float32'),
    op('random', 0),
    op('integers', 0, 10),
    op('random'),
    op('integers', 0, 10),  # uses the buffered high half
    op('integers', 0, 10, 5),
    op('integers', 10),
    op('integers', -5, 5, 7, dtype='int8'),
    op('integers', -300, 300, 9, dtype='int16'),
    op('integers', -7, 123456, 9, dtype='int32'),
    op('integers', 0, 200, 11, dtype='uint8'),
    op('integers', 0, 255, 11, dtype='uint8', endpoint=True),
    op('integers', 0, 1000, 9, dtype='uint16'),
    op('integers', 0, 65536, 5, dtype='uint16'),
    op('integers', 3, 2**32 - 5, 5, dtype='uint32'),
    op('integers', 0, 2**32, 5, dtype='uint32'),
    op('integers', 0, 2**32, 5, dtype='int64'),
    op('integers', 0, 2, 40, dtype='bool'),
    op('integers', 0, 1, 3, dtype='bool', endpoint=True),
    op('integers', 0, 2, dtype='bool'),
    op('integers', 5, 6, 3),
    op('integers', 5, 5, 3, endpoint=True),
    op('integers', -2**40, 2**40, 5),
    op('integers', 0, big(2**33 + 5), 4, dtype='uint64'),
    op('integers', 0, big(2**64), 4, dtype='uint64'),
    op('integers', big(-2**63), big(2**63 - 1), 3, dtype='int64', endpoint=True),
    op('integers', big(-2**63), big(2**63 - 1), 3, dtype='int64'),
    op('integers', big(2**63), big(2**64 - 1), 3, dtype='uint64'),
    op('integers', 0, 1000, [3, 4]),
    op('integers', 99, 100, 2),
    op('integers', -100, -99, 2, dtype='int8'),
    op('standard_normal'),
    op('standard_normal', 300),
    op('standard_normal', 301, dtype='float32'),
    op('standard_normal', dtype='float32'),
    op('standard_exponential', 200),
    op('standard_exponential', 201, dtype='float32'),
    op('standard_exponential', 5, method='inv'),
    op('standard_exponential', 5, dtype='float32', method='inv'),
    op('standard_exponential'),
    op('normal', 3.0, 2.0, 5),
    op('normal', -1.5, 0.25),
    op('uniform', -1.0, 2.0, 5),
    op('uniform'),
    op('uniform', 5.0, 5.0, 2),
    op('exponential', 2.5, 5),
    op('exponential'),
    op('bytes', 10),
    op('bytes', 0),
    op('bytes', 7),
    op('choice', 10),
    op('choice', 10, 5),
    op('choice', 10, 5, replace=False),
    op('choice', 10, 5, replace=False, shuffle=False),
    op('choice', 5, 8, p=P5),
    op('choice', 10, 4, replace=False, p=P10),
    op('choice', 20000, 500, replace=False),
    op('choice', 20000, 300, replace=False),
    op('choice', 20000, 500, replace=False, shuffle=False),
    op('choice', 1, 3),
    op('choice', arr([1.5, 2.5, 3.5, 4.5], 'float64'), 3),
    op('choice', arr(list(range(12)), 'int32', [3, 4]), 2, axis=1),
    op('choice', arr(list(range(12)), 'int32', [3, 4]), [2, 2]),
    op('choice', arr(list(range(12)), 'float64', [4, 3])),
    op('__state__'),
    op('shuffle', arr(list(range(10)), 'int64')),
    op('shuffle', arr(list(range(12)), 'float64', [4, 3])),
    op('shuffle', arr(list(range(12)), 'float64', [3, 4]), axis=1),
    op('permutation', 10),
    op('permutation', 1),
    op('permutation', 0),
    op('permutation', arr([float(v) for v in range(7)], 'float64')),
    op('permutation', arr(list(range(12)), 'int32', [4, 3])),
    op('permutation', arr(list(range(12)), 'int32', [4, 3]), axis=1),
    op('permuted', arr(list(range(12)), 'int32', [3, 4])),
    op('permuted', arr(list(range(12)), 'int32', [3, 4]), axis=1),
    op('permuted', arr(list(range(12)), 'int32', [3, 4]), axis=0),
    op('random', 3),
]

ERR_OPS = [
    err('integers', 5, 5),
    err('integers', 5, 4, endpoint=True),
    err('integers', -1, 10, dtype='uint8'),
    err('integers', 0, 257, dtype='uint8'),
    err('integers', 0, 10, -1),
    err('integers', 0, 10, dtype='float64'),
    err('random', dtype='int32'),
    err('standard_normal', dtype='int64'),
    err('normal', 0.0, -1.0),
    err('exponential', -1.0),
    err('uniform', 0.0, {'float': 'inf'}),
    err('choice', 0, 3),
    err('choice', 5, 6, replace=False),
    err('choice', 5, 2, p=[0.5, 0.5, 0.5, 0.0, 0.0]),
    err('choice', 5, 2, p=[1.5, -0.5, 0.0, 0.0, 0.0]),
    err('choice', 5, 2, p=[0.5, 0.5]),
    err('choice', 5, 3, replace=False, p=[0.5, 0.5, 0.0, 0.0, 0.0]),
    err('integers', 0, 10, dtype='int128'),
]


def generator_cases():
    cases = []
    for name in ['PCG64', 'PCG64DXSM', 'Philox', 'SFC64']:
        for seed in (SEEDS if name == 'PCG64' else SEEDS[:3] + SEEDS[8:9]):
            bg = BG[name](make_seed(seed))
            cases.append({'bitgen': name, 'seed': seed, 'ops': run_ops(bg, BASIC_OPS)})
    # MT19937 through Generator (next64 = two 32-bit draws, high first)
    for seed in SEEDS[2:3]:
        cases.append({'bitgen': 'MT19937', 'seed': seed, 'ops': run_ops(BG['MT19937'](make_seed(seed)), BASIC_OPS)})
    cases.append({'bitgen': 'PCG64', 'seed': SEEDS[2], 'ops': run_ops(np.random.PCG64(42), ERR_OPS)})
    # big draws (hashed), tails included
    big_ops = [
        op('random', 100000),
        op('standard_normal', 1000000),
        op('standard_normal', 1000000, dtype='float32'),
        op('standard_exponential', 1000000),
        op('standard_exponential', 1000000, dtype='float32'),
        op('integers', 0, 1000, 100000),
        op('integers', 0, 1000, 100000, dtype='int32'),
        # excl = 1.5·2^20: Lemire rejects ~2.4e-4 of draws (≈24 rejections per 10^5), in the bulk paths
        op('integers', 0, 1572864, 100000),
        op('integers', 0, 1572864, 100000, dtype='int32'),
        op('integers', -7, 1572857, 100000, dtype='int64'),
        op('random', 100001, dtype='float32'),
        op('permutation', 100000),
        op('choice', 100000, 5000, replace=False),
    ]
    for name in ['PCG64', 'Philox']:
        cases.append({'bitgen': name, 'seed': SEEDS[2], 'ops': run_ops(BG[name](42), big_ops)})
    return cases


def bitgen_cases():
    cases = []
    for name in ['PCG64', 'PCG64DXSM', 'Philox', 'SFC64']:
        for seed in SEEDS:
            bg = BG[name](make_seed(seed))
            ops = [op('__state__'), op('random_raw', 300), op('random_raw'), op('random_raw', [2, 3]),
                   op('integers', 0, 10), op('__state__'), op('random_raw', 3), op('integers', 0, 10, 3),
                   op('__state__')]
            if name != 'SFC64':
                ops += [op('__jumped__'), op('random_raw', 5), op('__jumped__', 3), op('random_raw', 5),
                        op('integers', 0, 10), op('__advance__', 12345), op('random_raw', 5),
                        op('__advance__', -1), op('random_raw', 2),
                        op('__advance__', big(2**100 + 3)), op('random_raw', 5)]
            cases.append({'bitgen': name, 'seed': seed, 'ops': run_ops(bg, ops)})
            spawn_ops = [op('__spawn__', 3, 2), op('random_raw', 5), op('__spawn__', 2, 1), op('random_raw', 5),
                         op('__state__')]
            cases.append({'bitgen': name, 'seed': seed, 'ops': run_ops(BG[name](make_seed(seed)), spawn_ops)})
    # Philox with explicit key / counter
    for kw in [{'key': 2**100 + 7}, {'key': 5, 'counter': 2**255 + 2**64 - 1}, {'counter': 2**128 - 1, 'key': 9}]:
        bg = np.random.Philox(**kw)
        spec = {k: (str(v) if isinstance(v, int) else [str(x) for x in v]) for k, v in kw.items()}
        cases.append({'bitgen': 'Philox', 'philox': spec,
                      'ops': run_ops(bg, [op('__state__'), op('random_raw', 9), op('__state__')])})
    return cases


# ----------------------------------------------------------------------------- initializeWeights
def compute_fans(shape):
    if len(shape) < 1:
        return 1, 1
    if len(shape) == 1:
        return shape[0], shape[0]
    if len(shape) == 2:
        return shape[0], shape[1]
    r = 1
    for d in shape[:-2]:
        r *= d
    return shape[-2] * r, shape[-1] * r


def initialize_weights(ss, shape, scheme, fan_in=None, fan_out=None):
    """The reference recipe of seedkit's initializeWeights (see README), in plain NumPy."""
    n = int(np.prod(shape)) if len(shape) else 1
    if scheme == 'zeros':
        return np.zeros(n, np.float32)
    if scheme == 'ones':
        return np.ones(n, np.float32)
    fi, fo = compute_fans(shape)
    fi = max(1, fan_in if fan_in is not None else fi)
    fo = max(1, fan_out if fan_out is not None else fo)
    rng = np.random.Generator(np.random.PCG64(ss))
    limit = {
        'glorotUniform': lambda: math.sqrt(6 / (fi + fo)),
        'heUniform': lambda: math.sqrt(6 / fi),
        'lecunUniform': lambda: math.sqrt(3 / fi),
        'torchDefault': lambda: 1 / math.sqrt(fi),
    }
    c = 0.87962566103423978
    stddev = {
        'glorotNormal': lambda: math.sqrt(2 / (fi + fo)) / c,
        'heNormal': lambda: math.sqrt(2 / fi) / c,
        'lecunNormal': lambda: math.sqrt(1 / fi) / c,
    }
    if scheme in limit:
        lim = limit[scheme]()
        return rng.uniform(-lim, lim, n).astype(np.float32)
    sd = stddev[scheme]()
    out = np.empty(n, np.float32)
    for i in range(n):
        z = rng.standard_normal()
        while abs(z) > 2:
            z = rng.standard_normal()
        out[i] = np.float32(z * sd)
    return out


def init_cases():
    cases = []
    seeds = [{'kind': 'ss', 'entropy': '42', 'spawn_key': []},
             {'kind': 'ss', 'entropy': '7', 'spawn_key': [3]},
             {'kind': 'ss', 'entropy': str(2**70 + 1), 'spawn_key': [0, 1]}]
    shapes = [[64, 32], [10], [3, 3, 16, 8], [], [5, 0], [784, 128]]
    schemes = ['glorotUniform', 'glorotNormal', 'heUniform', 'heNormal', 'lecunUniform', 'lecunNormal',
               'torchDefault', 'zeros', 'ones']
    for s in seeds:
        for shape in shapes:
            for scheme in schemes:
                w = initialize_weights(make_seed(s), shape, scheme)
                cases.append({'seed': s, 'shape': shape, 'scheme': scheme, 'result': enc(w, 256)})
    for fan in [{'fanIn': 100}, {'fanIn': 3, 'fanOut': 9}]:
        w = initialize_weights(make_seed(seeds[0]), [4, 4], 'glorotNormal', fan.get('fanIn'), fan.get('fanOut'))
        cases.append({'seed': seeds[0], 'shape': [4, 4], 'scheme': 'glorotNormal', 'options': fan, 'result': enc(w)})
    return cases


def main():
    files = {
        'generator-ops.json': {'numpy': np.__version__, 'cases': generator_cases()},
        'generator-bitgen.json': {'numpy': np.__version__, 'cases': bitgen_cases()},
        'generator-init.json': {'numpy': np.__version__, 'cases': init_cases()},
    }
    check = '--check' in sys.argv
    OUT.mkdir(exist_ok=True)
    ok = True
    for fname, data in files.items():
        text = json.dumps(data, separators=(',', ':')) + '\n'
        p = OUT / fname
        if check:
            same = p.exists() and p.read_text() == text
            print(fname, 'OK' if same else 'DIFFERS')
            ok &= same
        else:
            p.write_text(text)
            print('wrote', p, len(text), 'bytes')
    if not ok:
        sys.exit(1)


if __name__ == '__main__':
    main()
