import { install, uninstall } from './patch.js';
import { type Seed, type SeedInput, toSeed } from './seed.js';
import { newScope, shared } from './state.js';

/**
 * Sets the global seed for tf.js, with TensorFlow's semantics: from now on everything random in tf.js that is not
 * given an explicit seed follows from `seed`, so re-running the program gives identical results while successive
 * calls still differ. Loads tf.js if it is not loaded yet and patches it once (the patches are inert until a seed
 * is set). Calling it again starts every sequence afresh from the new seed, as `tf.random.set_seed` does.
 * Returns the root Seed in use.
 */
export function setGlobalSeed(seed: SeedInput): Seed {
  const root = toSeed(seed, 'seed');
  install();
  shared.global = newScope(root);
  return root;
}

/** The root Seed set by `setGlobalSeed`, or undefined. */
export function getGlobalSeed(): Seed | undefined {
  return shared.global?.root;
}

/** Forgets the global seed: tf.js is back to its own behaviour (Math.random and time seeds). */
export function clearGlobalSeed(): void {
  shared.global = undefined;
}

/**
 * Runs `fn` with its own seed scope, without global state: every unseeded draw made by `fn`, including after its
 * awaits (AsyncLocalStorage), follows from `seed`; code running concurrently outside `fn` is not affected.
 */
export function withSeed<T>(seed: SeedInput, fn: () => T): T {
  const root = toSeed(seed, 'seed');
  if (typeof fn !== 'function') throw new TypeError('withSeed: fn must be a function');
  install();
  const parent = shared.als.getStore();
  return shared.als.run({ ...parent, scope: newScope(root), fit: undefined }, fn);
}

/**
 * Removes the patches from tf.js (every function is the original again) and forgets the global seed.
 * `setGlobalSeed`, `withSeed` and the other seeded helpers install them again.
 */
export function restoreTfjs(): void {
  uninstall();
}
