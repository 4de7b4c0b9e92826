import { opSeedOf, type Seed } from './seed.js';
import {
  type Context,
  currentScope,
  currentStore,
  layerKey,
  modelEntry,
  type Scope,
  type Store,
  shared,
} from './state.js';
import { loadTf, type Module, type TfModules } from './tf.js';

type Fn = (...args: unknown[]) => unknown;

/** The random ops of tfjs-core: export name, index of the `seed` argument, whether seed 0 means "unseeded". */
export const RANDOM_OPS: ReadonlyArray<readonly [name: string, seedIndex: number, zeroIsUnseeded: boolean]> =
  [
    ['randomUniform', 4, false],
    ['randomUniformInt', 3, false],
    ['randomNormal', 4, true],
    ['randomStandardNormal', 2, true],
    ['truncatedNormal', 4, true],
    ['randomGamma', 4, true],
    ['multinomial', 2, true],
    ['dropout', 3, false],
  ];

/** Layers whose own `call` draws randomness (their `call` gets a layer context even when reached directly). */
const RANDOM_LAYER_CLASSES = [
  'Dropout',
  'SpatialDropout1D',
  'GaussianNoise',
  'GaussianDropout',
  'AlphaDropout',
  'RNN',
  'SimpleRNN',
  'GRU',
  'LSTM',
  'ConvLSTM2D',
];

const ORIGINAL = Symbol.for('@seedkit/tfjs/original');

/**
 * > 0 while a patched op runs its original: the seed is already in its arguments, so the engine fallback must
 * not swap Math.random (reassigning a property of Math deoptimises code that uses Math, so it is kept rare).
 */
let inPatchedOp = 0;

function top(): Context | undefined {
  return shared.stack[shared.stack.length - 1];
}

/**
 * The seed for the next unseeded draw, or undefined when no seed is active (tf.js then behaves as usual).
 * - inside `Layer.addWeight`: (init, layer, weight, k)
 * - inside a layer call: (layer, layer, n-th call of this layer that drew, k)
 * - elsewhere: (op, n-th unseeded op call in this scope)
 */
export function nextDrawSeed(): Seed | undefined {
  const scope = currentScope();
  if (!scope) return undefined;
  const ctx = top();
  if (ctx?.kind === 'init')
    return scope.root.derive('init', layerKey(scope, ctx.layer), ctx.weight, ctx.draws++);
  if (ctx?.kind === 'call') {
    if (ctx.call < 0 || ctx.scope !== scope) {
      const n = scope.calls.get(ctx.layer) ?? 0;
      scope.calls.set(ctx.layer, n + 1);
      ctx.call = n;
      ctx.scope = scope;
      ctx.draws = 0;
    }
    const key = layerKey(scope, ctx.layer);
    let base = scope.layerSeeds.get(key);
    if (base === undefined) {
      base = scope.root.derive('layer', key);
      scope.layerSeeds.set(key, base);
    }
    // Equal to root.derive('layer', key, call, draw).
    return base.derive(ctx.call, ctx.draws++);
  }
  return scope.root.derive('op', scope.ops++);
}

/** The seed for a `tf.util.shuffle`: per (model, fit, shuffle) inside fit, else as any unseeded op. */
function nextShuffleSeed(): Seed | undefined {
  const store = currentStore();
  const scope = currentScope();
  if (scope && store?.fit && top() === undefined) {
    const f = store.fit;
    return scope.root.derive('fit', f.key, f.index, 'shuffle', f.shuffles++);
  }
  return nextDrawSeed();
}

/** Fisher–Yates from the end, as tf.util.shuffle does, with uniforms from the seed instead of Math.random. */
export function shuffleWithSeed(
  seed: Seed,
  array: { length: number; [i: number]: unknown },
  other?: typeof array,
) {
  const n = array.length;
  if (n <= 1) return;
  const u = seed.generateState(n, 'uint32') as Uint32Array;
  let counter = n;
  let k = 0;
  while (counter > 0) {
    const index = Math.floor(((u[k++] as number) / 4294967296) * counter);
    counter--;
    const t = array[counter];
    array[counter] = array[index];
    array[index] = t;
    if (other) {
      const t2 = other[counter];
      other[counter] = other[index];
      other[index] = t2;
    }
  }
}

function markPatched(f: Fn, original: Fn): Fn {
  Object.defineProperty(f, ORIGINAL, { value: original });
  Object.defineProperty(f, 'name', { value: original.name, configurable: true });
  return f;
}

/** Replaces obj[key] with a patched function, remembering how to undo it. */
function put(obj: Record<string, unknown>, key: string, f: Fn): void {
  const had = Object.hasOwn(obj, key);
  const before = obj[key];
  obj[key] = f;
  shared.undo.push(() => {
    if (obj[key] !== f) return;
    if (had) obj[key] = before;
    else delete obj[key];
  });
}

function isPatched(f: unknown): boolean {
  return typeof f === 'function' && ORIGINAL in f;
}

function patchOps(core: Module): void {
  for (const [name, seedIndex, zeroIsUnseeded] of RANDOM_OPS) {
    const original = core[name] as Fn | undefined;
    if (typeof original !== 'function' || isPatched(original)) continue;
    const patched = markPatched(function (this: unknown, ...args: unknown[]) {
      const given = args[seedIndex];
      if (given == null || (zeroIsUnseeded && given === 0)) {
        const seed = nextDrawSeed();
        if (seed !== undefined) {
          while (args.length < seedIndex) args.push(undefined);
          args[seedIndex] = opSeedOf(seed);
        }
      }
      inPatchedOp++;
      try {
        return original.apply(this, args);
      } finally {
        inPatchedOp--;
      }
    }, original);
    put(core, name, patched);
  }

  const util = core.util as Record<string, Fn>;
  const shuffle = util.shuffle as Fn;
  if (!isPatched(shuffle)) {
    put(
      util,
      'shuffle',
      markPatched(function (this: unknown, array: unknown) {
        const seed = nextShuffleSeed();
        if (seed === undefined) return shuffle.call(this, array);
        shuffleWithSeed(seed, array as unknown[]);
      }, shuffle),
    );
  }
  const shuffleCombo = util.shuffleCombo as Fn;
  if (typeof shuffleCombo === 'function' && !isPatched(shuffleCombo)) {
    put(
      util,
      'shuffleCombo',
      markPatched(function (this: unknown, a: unknown, b: unknown) {
        const seed = nextShuffleSeed();
        if (seed === undefined) return shuffleCombo.call(this, a, b);
        const x = a as unknown[];
        const y = b as unknown[];
        if (x.length !== y.length) {
          throw new Error(
            `Array sizes must match to be shuffled together First array length was ${x.length}` +
              `Second array length was ${y.length}`,
          );
        }
        shuffleWithSeed(seed, x, y);
      }, shuffleCombo),
    );
  }
}

/**
 * Fallback for code holding the original op functions (an ESM `import * as tf` namespace evaluated before the
 * patch snapshots them): while a random op's engine scope is open and a seed is active, Math.random returns
 * seeded values. The window is synchronous, so no other code can observe or consume them.
 */
function patchEngine(core: Module): void {
  const engine = typeof core.engine === 'function' ? core.engine() : undefined;
  if (!engine || isPatched(engine.startScope)) return;
  const names = new Set(RANDOM_OPS.map(([n]) => `${n}__op`));
  const start = engine.startScope as Fn;
  const end = engine.endScope as Fn;
  let saved: (() => number) | undefined;
  // The engine scope (object) of the random op during which Math.random is swapped, if any.
  let swapScope: unknown;
  const seeded = () => {
    const s = nextDrawSeed();
    // The integer itself, not a fraction: the ops stringify their seed, so this gives exactly the values the
    // patched export would give for the same draw.
    return s === undefined ? (saved ?? Math.random)() : opSeedOf(s);
  };
  // Runs for every op: kept to a Set lookup on the fast path.
  put(
    engine,
    'startScope',
    markPatched(function (this: { state: { activeScope: unknown } }, name: unknown) {
      const r = start.call(this, name);
      if (
        inPatchedOp === 0 &&
        swapScope === undefined &&
        names.has(name as string) &&
        currentScope() !== undefined
      ) {
        swapScope = this.state.activeScope;
        saved = Math.random;
        Math.random = seeded;
      }
      return r;
    }, start),
  );
  put(
    engine,
    'endScope',
    markPatched(function (this: { state: { activeScope: unknown } }, result: unknown) {
      if (swapScope === undefined) return end.call(this, result);
      const closing = this.state.activeScope;
      try {
        return end.call(this, result);
      } finally {
        if (closing === swapScope && saved !== undefined) {
          Math.random = saved;
          saved = undefined;
          swapScope = undefined;
        }
      }
    }, end),
  );
}

function withContext<T>(ctx: Context, fn: () => T): T {
  shared.stack.push(ctx);
  try {
    return fn();
  } finally {
    shared.stack.pop();
  }
}

function wrapCall(original: Fn): Fn {
  return markPatched(function (this: object, ...args: unknown[]) {
    const stack = shared.stack;
    const t = stack[stack.length - 1];
    if (t !== undefined && t.kind === 'call' && t.layer === this) return original.apply(this, args);
    stack.push({ kind: 'call', layer: this, scope: undefined, call: -1, draws: 0 });
    try {
      return original.apply(this, args);
    } finally {
      stack.pop();
    }
  }, original);
}

function patchLayers(layers: Module, core: Module): void {
  const Layer = layers.layers?.Layer ?? layers.Layer;
  if (!Layer?.prototype) return;
  const proto = Layer.prototype;
  const addWeight = proto.addWeight as Fn;
  if (!isPatched(addWeight)) {
    put(
      proto,
      'addWeight',
      markPatched(function (this: object, name: unknown, ...rest: unknown[]) {
        return withContext({ kind: 'init', layer: this, weight: String(name), draws: 0 }, () =>
          addWeight.call(this, name, ...rest),
        );
      }, addWeight),
    );
  }
  if (!isPatched(proto.apply)) put(proto, 'apply', wrapCall(proto.apply));
  const classes = core.serialization?.SerializationMap?.getMap?.().classNameMap ?? {};
  for (const cls of RANDOM_LAYER_CLASSES) {
    const ctor = classes[cls]?.[0];
    const p = ctor?.prototype;
    if (p && Object.hasOwn(p, 'call') && !isPatched(p.call)) put(p, 'call', wrapCall(p.call));
  }

  const LayersModel = layers.LayersModel;
  if (LayersModel?.prototype) {
    for (const method of ['fit', 'fitDataset'] as const) {
      const original = LayersModel.prototype[method] as Fn;
      if (typeof original !== 'function' || isPatched(original)) continue;
      const callbacksAt = method === 'fit' ? 2 : 1;
      put(
        LayersModel.prototype,
        method,
        markPatched(function (this: object, ...args: unknown[]) {
          const parent = currentStore();
          const scope = currentScope();
          const recorder = parent?.recorder;
          if (!scope && !recorder) return original.apply(this, args);
          const store: Store = { ...parent, scope };
          if (scope) {
            const entry = modelEntry(scope, this);
            store.fit = { key: entry.key, index: entry.fits++, shuffles: 0 };
          }
          if (recorder) {
            const fitArgs = { ...((args[callbacksAt] as object | undefined) ?? {}) } as {
              callbacks?: unknown;
            };
            const given = fitArgs.callbacks;
            const list = (given == null ? [] : Array.isArray(given) ? given : [given]).map((c) =>
              typeof (c as { setModel?: unknown }).setModel === 'function' ? c : new layers.CustomCallback(c),
            );
            list.push(
              new layers.CustomCallback({
                onTrainBegin: () => recorder.fitBegin(this),
                onEpochEnd: (epoch: number) => recorder.epochEnd(this, epoch),
              }),
            );
            fitArgs.callbacks = list;
            while (args.length < callbacksAt) args.push(undefined);
            args[callbacksAt] = fitArgs;
          }
          return shared.als.run(store, () => original.apply(this, args));
        }, original),
      );
    }
  }
}

function patchData(data: Module): void {
  const proto = data.Dataset?.prototype;
  if (!proto || isPatched(proto.shuffle)) return;
  const shuffle = proto.shuffle as Fn;
  put(
    proto,
    'shuffle',
    markPatched(function (this: unknown, bufferSize: unknown, seed?: unknown, ...rest: unknown[]) {
      let s = seed;
      if (s == null || s === '') {
        const scope: Scope | undefined = currentScope();
        if (scope) s = String(opSeedOf(scope.root.derive('data', scope.dataShuffles++)));
      }
      return shuffle.call(this, bufferSize, s, ...rest);
    }, shuffle),
  );
}

/** Loads tf.js (if not loaded yet) and installs the patches once per tf.js instance. Inert while no seed is set. */
export function install(): TfModules {
  const tf = loadTf();
  if (!shared.patched.has(tf.core)) {
    patchOps(tf.core);
    patchEngine(tf.core);
    if (tf.layers) patchLayers(tf.layers, tf.core);
    if (tf.data) patchData(tf.data);
    shared.patched.add(tf.core);
  }
  return tf;
}

/**
 * Removes every patch (tf.js is exactly as loaded again) and forgets the global seed. The next seeding call
 * installs the patches again.
 */
export function uninstall(): void {
  shared.global = undefined;
  while (shared.undo.length > 0) shared.undo.pop()?.();
  const tf = loadTf();
  shared.patched.delete(tf.core);
}
