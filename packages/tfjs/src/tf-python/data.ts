/**
 * `tf.data` ordering: `range(n).shuffle(bufferSize, { seed, reshuffleEachIteration })` gives the element order
 * of TensorFlow 2.21's `Dataset.shuffle`, epoch after epoch, for any tf.js dataset.
 */

import { describeValue } from '@seedkit/core';
import * as tf from '@tensorflow/tfjs';
import { InvalidArgumentError, SeedkitTypeError, toBigInt } from './errors.js';
import { Philox, WordStream } from './philox.js';
import { entropyWords } from './py-random.js';
import type { IntLike } from './random.js';
import { getSeed } from './random.js';

export interface ShuffleOptions {
  /** Op seed (`seed=` in TF); absent/null follows the global seed as TF does. */
  seed?: IntLike | null;
  /** Default true: a new order every epoch (iteration). */
  reshuffleEachIteration?: boolean;
}

function randomPair(): [bigint, bigint] {
  const w = entropyWords(2);
  return [BigInt(w[0]!), BigInt(w[1]!)];
}

/**
 * A tf.js dataset whose `shuffle` is TensorFlow's. Other tf.js methods (`map`, `batch`, …) return plain tf.js
 * datasets; wrap again with {@link wrap} to shuffle later in a pipeline.
 */
export class Dataset<T extends tf.TensorContainer> extends tf.data.Dataset<T> {
  override readonly size: number;

  constructor(
    private readonly inner: tf.data.Dataset<T>,
    size: number = inner.size,
  ) {
    super();
    this.size = size;
  }

  override iterator(): ReturnType<tf.data.Dataset<T>['iterator']> {
    return this.inner.iterator();
  }

  /**
   * `Dataset.shuffle(buffer_size, seed=None, reshuffle_each_iteration=True)`. The seed pair is fixed when
   * `shuffle` is called (drawing an op seed from the global seed if needed); each iteration then takes its
   * own Philox seeds, exactly as tf.data does. A string seed (tf.js's own `shuffle`) is refused.
   */
  override shuffle(
    bufferSize: number,
    seedOrOptions?: string | IntLike | ShuffleOptions | null,
    reshuffleEachIteration?: boolean,
  ): Dataset<T> {
    let options: ShuffleOptions;
    if (typeof seedOrOptions === 'string') {
      throw new SeedkitTypeError(
        `seed: TensorFlow seeds are integers, got the string ${describeValue(seedOrOptions)} (tf.js's own shuffle)`,
      );
    } else if (typeof seedOrOptions === 'number' || typeof seedOrOptions === 'bigint') {
      options = { seed: seedOrOptions, reshuffleEachIteration };
    } else {
      options = { ...(seedOrOptions ?? {}) };
      if (reshuffleEachIteration !== undefined) options.reshuffleEachIteration = reshuffleEachIteration;
    }
    return shuffle(this.inner, bufferSize, options);
  }
}

/** Wraps any tf.js dataset so that `.shuffle(...)` follows tf.data. */
export function wrap<T extends tf.TensorContainer>(dataset: tf.data.Dataset<T>): Dataset<T> {
  if (!(dataset instanceof tf.data.Dataset)) {
    throw new SeedkitTypeError(`dataset must be a tf.data.Dataset, got ${describeValue(dataset)}`);
  }
  return dataset instanceof Dataset ? dataset : new Dataset(dataset);
}

/** `tf.data.Dataset.range(stop)` / `range(start, stop, step)`: the integers, as JS numbers. */
export function range(start: number, stop?: number, step = 1): Dataset<number> {
  for (const [v, what] of [
    [start, 'start'],
    [stop ?? 0, 'stop'],
    [step, 'step'],
  ] as const) {
    if (!Number.isSafeInteger(v))
      throw new SeedkitTypeError(`${what} must be an integer, got ${describeValue(v)}`);
  }
  if (step === 0) throw new InvalidArgumentError('step: step must be a non-zero integer');
  const [lo, hi] = stop === undefined ? [0, start] : [start, stop];
  const count = Math.max(0, Math.ceil((hi - lo) / step));
  return new Dataset(
    tf.data.generator(function* () {
      for (let i = 0; i < count; i++) yield lo + i * step;
    }),
    count,
  );
}

/**
 * `dataset.shuffle(bufferSize, seed, reshuffle_each_iteration)` for any tf.js dataset, in tf.data's order:
 * a ring buffer of `bufferSize` elements; each step emits the element at `(start + r mod filled)` and moves the
 * oldest into its slot, r being the next word of a Philox stream seeded per iteration.
 */
export function shuffle<T extends tf.TensorContainer>(
  dataset: tf.data.Dataset<T>,
  bufferSize: number,
  options: ShuffleOptions = {},
): Dataset<T> {
  if (!(dataset instanceof tf.data.Dataset)) {
    throw new SeedkitTypeError(`dataset must be a tf.data.Dataset, got ${describeValue(dataset)}`);
  }
  if (typeof bufferSize !== 'number' || !Number.isSafeInteger(bufferSize)) {
    throw new SeedkitTypeError(`bufferSize must be an integer, got ${describeValue(bufferSize)}`);
  }
  if (bufferSize <= 0) {
    throw new InvalidArgumentError(`bufferSize: buffer_size must be greater than zero, got ${bufferSize}`);
  }
  const reshuffle = options.reshuffleEachIteration ?? true;
  if (typeof reshuffle !== 'boolean') {
    throw new SeedkitTypeError(`reshuffleEachIteration must be a boolean, got ${describeValue(reshuffle)}`);
  }
  const opSeed = options.seed === undefined || options.seed === null ? null : toBigInt(options.seed, 'seed');
  const pair = getSeed(opSeed);
  const fixed: [bigint, bigint] | null = pair[0] === null ? null : [pair[0], pair[1]!];
  // The per-dataset seed generator: successive iterations take the next two words of Philox(seed, seed2).
  const seedWords = reshuffle && fixed ? new WordStream(Philox.fromSeeds(fixed[0], fixed[1])) : null;
  const nextSeeds = (): [bigint, bigint] => {
    if (fixed === null) return randomPair();
    if (seedWords === null) return fixed;
    const s1 = BigInt(seedWords.next());
    return [s1, BigInt(seedWords.next())];
  };
  const upstream = dataset;
  return new Dataset<T>(
    tf.data.generator(async function* () {
      const [s1, s2] = nextSeeds();
      const rng = new WordStream(Philox.fromSeeds(s1, s2));
      const it = await upstream.iterator();
      const buf: T[] = new Array(Math.min(bufferSize, 1 << 20));
      let start = 0;
      let end = 0;
      let exhausted = false;
      for (;;) {
        while (!exhausted && end - start < bufferSize) {
          const r = await it.next();
          if (r.done) {
            exhausted = true;
            break;
          }
          buf[end % bufferSize] = r.value;
          end++;
        }
        if (end === start) return;
        const offset = rng.next() % (end - start);
        const idx = (start + offset) % bufferSize;
        const head = start % bufferSize;
        const value = buf[idx]!;
        buf[idx] = buf[head]!;
        buf[head] = undefined as unknown as T;
        start++;
        yield value;
      }
    }),
    dataset.size,
  );
}
