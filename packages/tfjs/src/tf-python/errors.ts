import { describeValue, SeedkitTypeError, SeedkitValueError } from '@seedkit/core';

/**
 * TensorFlow's `tf.errors.InvalidArgumentError` (raised by kernels, e.g. `minval >= maxval`, a seed that is not
 * a pair). It is a {@link SeedkitValueError}, so code that catches Python's ValueError analogue catches it too.
 */
export class InvalidArgumentError extends SeedkitValueError {
  override readonly name: string = 'InvalidArgumentError';
}

export { SeedkitTypeError, SeedkitValueError };

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** A Python int: a safe-integer number or a bigint. Anything else is a TypeError naming `what`. */
export function toBigInt(value: unknown, what: string): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) {
      throw new SeedkitTypeError(`${what} must be an integer, got ${describeValue(value)}`);
    }
    if (!Number.isSafeInteger(value)) {
      throw new SeedkitValueError(
        `${what}: ${value} is above Number.MAX_SAFE_INTEGER and may have lost precision; pass a bigint`,
      );
    }
    return BigInt(value);
  }
  throw new SeedkitTypeError(`${what} must be an integer (number or bigint), got ${describeValue(value)}`);
}

/** An integer that must fit int64, as TF's tensor conversion requires (ValueError otherwise). */
export function toInt64(value: unknown, what: string): bigint {
  const v = toBigInt(value, what);
  if (v < INT64_MIN || v > INT64_MAX) {
    throw new SeedkitValueError(
      `${what}: ${v} is out of the int64 range (Can't convert out-of-range integer)`,
    );
  }
  return v;
}

/** A finite-or-not JS number (Python float). */
export function toFloat(value: unknown, what: string): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  throw new SeedkitTypeError(`${what} must be a number, got ${describeValue(value)}`);
}

/** Validates a shape (array of non-negative integers) and returns its element count. */
export function checkShape(shape: unknown, what = 'shape'): { dims: number[]; size: number } {
  if (!Array.isArray(shape)) {
    throw new SeedkitTypeError(
      `${what} must be an array of non-negative integers, got ${describeValue(shape)}`,
    );
  }
  let size = 1;
  const dims: number[] = [];
  for (const d of shape as unknown[]) {
    if (typeof d !== 'number' || !Number.isInteger(d)) {
      throw new SeedkitTypeError(`${what} must contain integers, got ${describeValue(d)}`);
    }
    if (d < 0) throw new InvalidArgumentError(`${what}: Dimension ${d} must be >= 0`);
    dims.push(d);
    size *= d;
  }
  if (size > 2 ** 31 - 1) {
    throw new InvalidArgumentError(`${what}: ${size} elements is more than a typed array can hold here`);
  }
  return { dims, size };
}
