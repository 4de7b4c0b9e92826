#!/usr/bin/env python3
"""Writes fixtures/numpy-seed-42.json: what real NumPy draws for seed 42 (src/numpy_draws.py), and the
fingerprint of the training streams for 50 and 20 steps drawn by NumPy + the seedkit protocol reference.
The demo prints these when python3 + numpy are not available. Usage: python3 scripts/gen-numpy-fixture.py"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', 'src'))
from numpy_draws import draws  # noqa: E402

path = os.path.join(HERE, '..', 'fixtures', 'numpy-seed-42.json')
with open(path, 'w') as f:
    json.dump(draws(42, [50, 20]), f, indent=1)  # the default and --quick step counts
    f.write('\n')
print(f'wrote {path}')
