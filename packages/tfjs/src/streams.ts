/**
 * The tf.js side of the shared training streams (`@seedkit/numpy-random`, src/training-streams.ts): the same
 * initial weights, batch order and dropout masks as the ONNX Runtime `Trainer` for the same root seed.
 *
 * - `initialWeights(root, path, shape, scheme, fans?)`: `initParam` → a float32 tensor (equals what
 *   `seededInitializer(root, ['params', path], scheme, fans)` gives a layer);
 * - `dropoutMask(root, node, step, shape, rate)`: the keep mask of `root.derive('dropout', node, step)` scaled
 *   by `1/(1 − rate)` (as `tf.dropout` scales kept values; the scale is rounded once from float64, as the ONNX
 *   trainer feeds it);
 * - `epochOrder(root, epoch, n)`: the sample order of an epoch.
 */
import { describeValue, SeedkitTypeError, SeedkitValueError } from '@seedkit/core';
import {
  dropoutKeepMask,
  epochOrder,
  type InitializeWeightsOptions,
  type InitScheme,
  initParam,
  type StreamSeed,
} from '@seedkit/numpy-random';
import { loadTf, type Module } from './tf.js';

export type { StreamSeed };
export { dropoutKeepMask, epochOrder };

function checkShape(shape: unknown, arg = 'shape'): number[] {
  if (!Array.isArray(shape))
    throw new SeedkitTypeError(`${arg}: expected an array of integers, got ${describeValue(shape)}`);
  shape.forEach((d, i) => {
    if (typeof d !== 'number' || !Number.isSafeInteger(d) || d < 0)
      throw new SeedkitValueError(`${arg}[${i}]: expected a non-negative integer, got ${describeValue(d)}`);
  });
  return [...shape];
}

/**
 * Initial value of parameter `path` as a float32 `tf.Tensor` of `shape`:
 * `initializeWeights(root.derive('params', path), shape, scheme, fans)` — bitwise what the ONNX Runtime
 * `Trainer` starts from for the same path, shape, scheme and fans.
 */
export function initialWeights(
  root: StreamSeed,
  path: string,
  shape: readonly number[],
  scheme: InitScheme = 'glorotUniform',
  fans: InitializeWeightsOptions = {},
): Module {
  const s = checkShape(shape);
  const values = initParam(root, path, s, scheme, fans);
  return loadTf().core.tensor(values, s, 'float32');
}

/**
 * The dropout multiplier of node `node` at 0-based `step` as a float32 `tf.Tensor` of `shape`: 0 where dropped,
 * `Math.fround(1 / (1 − rate))` where kept (`dropoutKeepMask` in C order). `x.mul(mask)` is the dropped-out
 * activation, as the ONNX trainer's `Dropout` (`y = x · mask`).
 */
export function dropoutMask(
  root: StreamSeed,
  node: string,
  step: number,
  shape: readonly number[],
  rate: number,
): Module {
  const s = checkShape(shape);
  const size = s.reduce((a, c) => a * c, 1);
  const keep = dropoutKeepMask(root, node, step, size, rate);
  const scale = 1 / (1 - rate);
  const out = new Float32Array(size);
  for (let i = 0; i < size; i++) out[i] = keep[i] ? scale : 0;
  return loadTf().core.tensor(out, s, 'float32');
}
