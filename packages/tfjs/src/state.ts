import { AsyncLocalStorage } from 'node:async_hooks';
import type { Seed } from './seed.js';

/**
 * Everything a seed decides, for one seed: the root and the counters that make successive draws differ.
 * `setGlobalSeed` makes a new global scope (so calling it again restarts every sequence, as TensorFlow's
 * `tf.random.set_seed` does); `withSeed` / `fit` run code in a scope of their own.
 */
export interface Scope {
  readonly root: Seed;
  /** Unseeded op calls outside any layer context. */
  ops: number;
  /** `Dataset.shuffle` calls without a seed. */
  dataShuffles: number;
  /** Canonical key of every layer met (see `layerKey`). */
  readonly keys: WeakMap<object, string>;
  readonly autoCounts: Map<string, number>;
  readonly nameCounts: Map<string, number>;
  /** Training calls that drew randomness, per layer. */
  readonly calls: WeakMap<object, number>;
  /** Key and number of fits, per model. */
  readonly models: WeakMap<object, { key: string; fits: number }>;
  modelCount: number;
  /** `root.derive('layer', key)` per layer key, cached (deriving string segments hashes them). */
  readonly layerSeeds: Map<string, Seed>;
}

export function newScope(root: Seed): Scope {
  return {
    root,
    ops: 0,
    dataShuffles: 0,
    keys: new WeakMap(),
    autoCounts: new Map(),
    nameCounts: new Map(),
    calls: new WeakMap(),
    models: new WeakMap(),
    modelCount: 0,
    layerSeeds: new Map(),
  };
}

/** A synchronous context: a weight being initialised, or a layer being called. */
export type Context =
  | { kind: 'init'; layer: object; weight: string; draws: number }
  | { kind: 'call'; layer: object; scope: Scope | undefined; call: number; draws: number };

/** State of one `fit`/`fitDataset` call, carried across its awaits. */
export interface FitState {
  key: string;
  index: number;
  shuffles: number;
  onEpochEnd?: (model: object, epoch: number) => void;
}

export interface Store {
  scope?: Scope;
  fit?: FitState;
  /** Set by checkReproducible: called with every model at the start of fit and after each epoch. */
  recorder?: Recorder;
}

export interface Recorder {
  fitBegin(model: object): void;
  epochEnd(model: object, epoch: number): void;
}

export interface Shared {
  global: Scope | undefined;
  readonly als: AsyncLocalStorage<Store>;
  readonly stack: Context[];
  readonly patched: WeakSet<object>;
  /** Undo functions of every patch installed, newest last. */
  readonly undo: (() => void)[];
}

const KEY = Symbol.for('@seedkit/tfjs/state@1');

/**
 * One state per process, shared by the ESM and CJS builds of this package (and by duplicate installs of the
 * same major version), so a dual-package load cannot patch tf.js twice or keep two global seeds.
 */
export const shared: Shared = (() => {
  const g = globalThis as unknown as Record<symbol, Shared | undefined>;
  let s = g[KEY];
  if (!s) {
    s = {
      global: undefined,
      als: new AsyncLocalStorage<Store>(),
      stack: [],
      patched: new WeakSet(),
      undo: [],
    };
    Object.defineProperty(g, KEY, { value: s, enumerable: false, configurable: false, writable: false });
  }
  return s;
})();

export function currentStore(): Store | undefined {
  return shared.als.getStore();
}

export function currentScope(): Scope | undefined {
  return shared.als.getStore()?.scope ?? shared.global;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A layer's identity for seeding, stable across processes and across re-runs after `setGlobalSeed`:
 * - a name given by the user is used as is (a second, distinct layer object with the same name gets `#1`, …);
 * - an auto-generated tf.js name (`dense_Dense7`) carries a process-wide counter, so it is replaced by the
 *   class and the layer's rank among the auto-named layers of that class met in this scope (`Dense#0`).
 */
export function layerKey(scope: Scope, layer: object): string {
  const known = scope.keys.get(layer);
  if (known !== undefined) return known;
  const l = layer as { name?: unknown; getClassName?: () => string };
  const name = String(l.name ?? '');
  const cls = typeof l.getClassName === 'function' ? l.getClassName() : 'Layer';
  let key: string;
  if (name === '' || new RegExp(`_${escapeRegExp(cls)}\\d+$`).test(name)) {
    const n = scope.autoCounts.get(cls) ?? 0;
    scope.autoCounts.set(cls, n + 1);
    key = `${cls}#${n}`;
  } else {
    const n = scope.nameCounts.get(name) ?? 0;
    scope.nameCounts.set(name, n + 1);
    key = n === 0 ? name : `${name}#${n}`;
  }
  scope.keys.set(layer, key);
  return key;
}

export function modelEntry(scope: Scope, model: object): { key: string; fits: number } {
  let e = scope.models.get(model);
  if (!e) {
    e = { key: `model#${scope.modelCount++}`, fits: 0 };
    scope.models.set(model, e);
  }
  return e;
}
