"""The NumPy draws the unified-seeding demo prints beside its own: one JSON line on stdout.

Usage: python3 src/numpy_draws.py SEED   (also used by scripts/gen-numpy-fixture.py)
Floats are printed as float.hex() so the comparison is IEEE-exact.
"""
import json
import sys

import numpy as np


def draws(seed):
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
    return out


if __name__ == '__main__':
    print(json.dumps(draws(int(sys.argv[1]))))
