"""The NumPy draws the unified-seeding demo prints beside its own: one JSON line on stdout.

Usage: python3 src/numpy_draws.py SEED [STEPS...]   (also used by scripts/gen-numpy-fixture.py)
Floats are printed as float.hex() so the comparison is IEEE-exact. For each STEPS, also the sha256 of the
demo's training streams (initial weights + batch orders + dropout masks) drawn by NumPy from the seedkit
protocol's reference seeds (packages/seed-core/python/seedkit_protocol.py), as the demo's "fingerprint".
"""
import hashlib
import json
import math
import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', 'packages', 'seed-core', 'python'))

# The demo's model (src/demo.mjs CONFIG/PARAMS): 20 -> 32 (dropout 0.2) -> 3, 256 samples, batch 32.
PARAMS = [('dense/kernel', (20, 32)), ('dense/bias', (32,)), ('dense_1/kernel', (32, 3)), ('dense_1/bias', (3,))]
SAMPLES, BATCH, HIDDEN, RATE = 256, 32, 32, 0.2


def streams_fingerprint(seed, steps):
    import seedkit_protocol as proto

    h = hashlib.sha256()
    for path, shape in PARAMS:
        if len(shape) == 1:  # biases: zeros
            h.update(np.zeros(shape, '<f4').tobytes())
            continue
        limit = math.sqrt(6 / (shape[0] + shape[1]))  # glorotUniform (numpy-random initializeWeights)
        rng = np.random.Generator(np.random.PCG64(proto.derive(seed, 'params', path)))
        h.update(rng.uniform(-limit, limit, shape[0] * shape[1]).astype('<f4').tobytes())
    spe = math.ceil(SAMPLES / BATCH)
    for epoch in range((steps - 1) // spe + 1):
        perm = np.random.default_rng(proto.derive(seed, 'batches', epoch)).permutation(SAMPLES)
        h.update(perm.astype('<u4').tobytes())
    for step in range(steps):
        u = np.random.default_rng(proto.derive(seed, 'dropout', 'dropout', step)).random(BATCH * HIDDEN)
        h.update((u >= RATE).astype('u1').tobytes())
    return h.hexdigest()


def draws(seed, steps=()):
    g = np.random.default_rng(seed)
    out = {
        'numpy': np.__version__,
        'seed': seed,
        'default_rng.random(4)': [float(v).hex() for v in g.random(4)],
        'default_rng.integers(0, 100, 6)': [int(v) for v in g.integers(0, 100, 6)],
        'default_rng.standard_normal(3)': [float(v).hex() for v in g.standard_normal(3)],
    }
    np.random.seed(seed)
    out['np.random.rand(3)'] = [float(v).hex() for v in np.random.rand(3)]
    out['np.random.randint(0, 10, 5)'] = [int(v) for v in np.random.randint(0, 10, 5)]
    if steps:
        out['streams'] = {str(n): streams_fingerprint(seed, n) for n in steps}
    return out


if __name__ == '__main__':
    print(json.dumps(draws(int(sys.argv[1]), [int(a) for a in sys.argv[2:]])))
