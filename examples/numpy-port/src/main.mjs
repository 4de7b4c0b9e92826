#!/usr/bin/env node
// The JavaScript twin of snippet.py: the same calls, in camelCase, print the same numbers.
import { defaultRng, random } from '@seedkit/numpy-random';
import { pyRepr } from './py-repr.mjs';

const seed = Number(process.argv[2] ?? 42);
const isFloat = (a) => a instanceof Float64Array || a instanceof Float32Array;
// Float arrays print as Python floats, integer arrays as Python ints.
const show = (label, values) =>
  console.log(label, Array.from(values, (v) => (isFloat(values) ? pyRepr(v) : String(v))).join(' '));

random.seed(seed);
show('np.random.rand(3)', random.rand(3));
show('np.random.randn(3)', random.randn(3));
show('np.random.randint(0, 10, 5)', random.randint(0, 10, 5));
show('np.random.choice(10, 4, replace=False)', random.choice(10, 4, { replace: false }));
show('np.random.normal(5, 2, 2)', random.normal(5, 2, 2));

const rng = defaultRng(seed);
show('rng.random(3)', rng.random(3));
show('rng.standard_normal(3)', rng.standardNormal(3));
show('rng.integers(0, 100, 5)', rng.integers(0, 100, 5));
show('rng.uniform(-1, 1, 2)', rng.uniform(-1, 1, 2));
show('rng.permutation(8)', rng.permutation(8));
show('rng.choice(5, 3, replace=False)', rng.choice(5, 3, { replace: false }));
show('rng.exponential(2.0, 2)', rng.exponential(2.0, 2));
