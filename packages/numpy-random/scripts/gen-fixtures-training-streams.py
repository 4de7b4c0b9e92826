#!/usr/bin/env python3
"""Fixtures for src/training-streams.ts, drawn by real NumPy from the seedkit protocol's reference seeds.

Usage (from packages/numpy-random):  python3 scripts/gen-fixtures-training-streams.py [--check]
Writes fixtures/training-streams.json (with --check: recomputes and compares with the committed file).

- initParam(root, p, shape, scheme): the initializeWeights recipe (README) on
  default PCG64(derive(root, 'params', p)), float32 bits as hex;
- epochOrder(root, e, n): np.random.default_rng(derive(root, 'batches', e)).permutation(n);
- dropoutKeepMask(root, d, t, size, rate): default_rng(derive(root, 'dropout', d, t)).random(size) >= rate.
"""
import json
import math
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', '..', 'seed-core', 'python'))
import seedkit_protocol as proto  # noqa: E402

TRUNC = 0.87962566103423978


def fans(shape):
    if len(shape) < 1:
        return 1, 1
    if len(shape) == 1:
        return shape[0], shape[0]
    if len(shape) == 2:
        return shape[0], shape[1]
    r = int(np.prod(shape[:-2]))
    return shape[-2] * r, shape[-1] * r


def init_weights(seed, shape, scheme):
    n = int(np.prod(shape)) if shape else 1
    if scheme == 'zeros':
        return np.zeros(n, np.float32)
    fi, fo = fans(shape)
    fi, fo = max(1, fi), max(1, fo)
    rng = np.random.Generator(np.random.PCG64(seed))
    limits = {
        'glorotUniform': math.sqrt(6 / (fi + fo)),
        'heUniform': math.sqrt(6 / fi),
        'lecunUniform': math.sqrt(3 / fi),
        'torchDefault': 1 / math.sqrt(fi),
    }
    if scheme in limits:
        lim = limits[scheme]
        return rng.uniform(-lim, lim, n).astype(np.float32)
    std = {
        'glorotNormal': math.sqrt(2 / (fi + fo)),
        'heNormal': math.sqrt(2 / fi),
        'lecunNormal': math.sqrt(1 / fi),
    }[scheme] / TRUNC
    out = np.empty(n, np.float32)
    for i in range(n):
        z = rng.standard_normal()
        while abs(z) > 2:
            z = rng.standard_normal()
        out[i] = z * std
    return out


def build():
    out = {'numpy': np.__version__, 'params': [], 'orders': [], 'masks': []}
    for root, path, shape, scheme in [
        (42, 'dense/kernel', [20, 32], 'glorotUniform'),
        (42, 'dense_1/kernel', [32, 3], 'glorotUniform'),
        (7, 'dense/kernel', [5, 4], 'heNormal'),
        (2**40 + 3, 'conv/kernel', [3, 3, 2, 4], 'lecunUniform'),
    ]:
        w = init_weights(proto.derive(root, 'params', path), shape, scheme)
        out['params'].append({'root': root, 'path': path, 'shape': shape, 'scheme': scheme,
                              'bits': w.astype('<f4').tobytes().hex()})
    for root, epoch, n in [(42, 0, 512), (42, 1, 512), (7, 5, 37), (0, 0, 1)]:
        perm = np.random.default_rng(proto.derive(root, 'batches', epoch)).permutation(n)
        out['orders'].append({'root': root, 'epoch': epoch, 'n': n, 'order': [int(v) for v in perm]})
    for root, node, step, size, rate in [
        (42, 'dropout', 0, 512, 0.2), (42, 'dropout', 49, 512, 0.2), (7, 'dropout_1', 3, 100, 0.5),
        (1, 'dropout', 0, 64, 0.0),
    ]:
        u = np.random.default_rng(proto.derive(root, 'dropout', node, step)).random(size)
        out['masks'].append({'root': root, 'node': node, 'step': step, 'size': size, 'rate': rate,
                             'keep': ''.join('1' if v >= rate else '0' for v in u)})
    return out


def main():
    path = os.path.join(HERE, '..', 'fixtures', 'training-streams.json')
    data = build()
    if '--check' in sys.argv:
        with open(path) as f:
            old = json.load(f)
        old.pop('numpy', None)
        data.pop('numpy', None)
        if old != data:
            sys.exit('fixtures/training-streams.json differs from what NumPy gives now')
        print('fixtures/training-streams.json: matches NumPy')
        return
    with open(path, 'w') as f:
        json.dump(data, f, indent=1)
    print(f'wrote {path}')


if __name__ == '__main__':
    main()
