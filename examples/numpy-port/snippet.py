# A typical notebook snippet. `main.mjs` is its JavaScript twin; both print the same lines.
import sys
import numpy as np

seed = int(sys.argv[1]) if len(sys.argv) > 1 else 42


def show(label, values):
    values = np.asarray(values).ravel().tolist()
    print(label, ' '.join(repr(v) for v in values))


np.random.seed(seed)
show('np.random.rand(3)', np.random.rand(3))
show('np.random.randn(3)', np.random.randn(3))
show('np.random.randint(0, 10, 5)', np.random.randint(0, 10, 5))
show('np.random.choice(10, 4, replace=False)', np.random.choice(10, 4, replace=False))
show('np.random.normal(5, 2, 2)', np.random.normal(5, 2, 2))

rng = np.random.default_rng(seed)
show('rng.random(3)', rng.random(3))
show('rng.standard_normal(3)', rng.standard_normal(3))
show('rng.integers(0, 100, 5)', rng.integers(0, 100, 5))
show('rng.uniform(-1, 1, 2)', rng.uniform(-1, 1, 2))
show('rng.permutation(8)', rng.permutation(8))
show('rng.choice(5, 3, replace=False)', rng.choice(5, 3, replace=False))
show('rng.exponential(2.0, 2)', rng.exponential(2.0, 2))
