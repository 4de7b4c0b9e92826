import { describe, SeedkitTypeError } from './errors.js';
import { installSeededMathRandom } from './math-random.js';
import { parseRootSeedString, rootSeed, type Seed, type SeedInput } from './seed.js';

/** What a framework adapter registers with core: its name and how to seed its framework from the root. */
export interface SeedkitAdapter {
  readonly name: string;
  seed(root: Seed): void | Promise<void>;
}

export interface SeedEverythingOptions {
  /** Also replace Math.random with a stream seeded from `root.derive('Math.random')`. Default false. */
  mathRandom?: boolean;
  /** Record every seed derived from the root, for `root.manifest()` (see recordSeeds). Default false. */
  record?: boolean;
  /** Where the "drew a random seed" notice goes (default console.info). */
  log?: (message: string) => void;
}

interface Registry {
  adapters: Map<string, SeedkitAdapter>;
  pending: Promise<void>;
}

// One registry per JS realm, even when both the ESM and the CJS build of core are loaded.
const KEY = Symbol.for('@seedkit/core/registry');

function registry(): Registry {
  const g = globalThis as unknown as Record<symbol, Registry | undefined>;
  let r = g[KEY];
  if (r === undefined) {
    r = { adapters: new Map(), pending: Promise.resolve() };
    g[KEY] = r;
  }
  return r;
}

/**
 * Registers an adapter that {@link seedEverything} will seed (adapters call this when imported; core imports
 * none of them). Registering a name again replaces the earlier adapter. Returns a function that unregisters it.
 */
export function registerAdapter(adapter: SeedkitAdapter): () => void {
  if (typeof adapter !== 'object' || adapter === null) {
    throw new SeedkitTypeError(`adapter: expected { name, seed(root) }, got ${describe(adapter)}`);
  }
  if (typeof adapter.name !== 'string' || adapter.name.length === 0) {
    throw new SeedkitTypeError(`adapter.name: expected a non-empty string, got ${describe(adapter.name)}`);
  }
  if (typeof adapter.seed !== 'function') {
    throw new SeedkitTypeError(`adapter.seed: expected a function, got ${describe(adapter.seed)}`);
  }
  const adapters = registry().adapters;
  adapters.set(adapter.name, adapter);
  return () => {
    if (adapters.get(adapter.name) === adapter) adapters.delete(adapter.name);
  };
}

/** The registered adapters, in registration order. */
export function registeredAdapters(): readonly SeedkitAdapter[] {
  return [...registry().adapters.values()];
}

function envSeed(): string | undefined {
  const p = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process;
  try {
    const v = p?.env?.SEEDKIT_SEED;
    return v === undefined || v === '' ? undefined : v;
  } catch {
    return undefined;
  }
}

function drawRootEntropy(): bigint {
  const c = (globalThis as { crypto?: { getRandomValues?: (a: Uint32Array) => Uint32Array } }).crypto;
  if (typeof c?.getRandomValues !== 'function') {
    throw new SeedkitTypeError(
      'seedEverything: no seed given, SEEDKIT_SEED unset and no globalThis.crypto to draw one; pass a seed',
    );
  }
  const w = c.getRandomValues(new Uint32Array(4));
  return (BigInt(w[3]!) << 96n) | (BigInt(w[2]!) << 64n) | (BigInt(w[1]!) << 32n) | BigInt(w[0]!);
}

/** The root seedEverything will use: the given seed, else SEEDKIT_SEED, else a fresh 128-bit draw (logged). */
function resolveRoot(seed: SeedInput | undefined, log: (m: string) => void): Seed {
  if (seed !== undefined && seed !== null) return rootSeed(seed);
  const env = envSeed();
  if (env !== undefined) {
    return rootSeed(parseRootSeedString(env, 'SEEDKIT_SEED'));
  }
  const drawn = drawRootEntropy();
  log(
    `[seedkit] no seed given: drew root seed ${drawn}. Repeat this run with SEEDKIT_SEED=${drawn} ` +
      `or seedEverything(${drawn}n).`,
  );
  return rootSeed(drawn);
}

function isThenable(v: unknown): v is PromiseLike<void> {
  return typeof (v as { then?: unknown } | null)?.then === 'function';
}

function run(root: Seed, options: SeedEverythingOptions): PromiseLike<void>[] {
  if (options.mathRandom) installSeededMathRandom(root);
  const async: PromiseLike<void>[] = [];
  const errors: { name: string; error: unknown }[] = [];
  for (const a of registry().adapters.values()) {
    try {
      const r = a.seed(root);
      if (isThenable(r)) {
        async.push(
          Promise.resolve(r).catch((error: unknown) => {
            throw new Error(
              `seedEverything: adapter "${a.name}" failed: ${(error as Error)?.message ?? error}`,
              {
                cause: error,
              },
            );
          }),
        );
      }
    } catch (error) {
      errors.push({ name: a.name, error });
    }
  }
  if (errors.length > 0) {
    const first = errors[0]!;
    const names = errors.map((e) => `"${e.name}"`).join(', ');
    throw new Error(
      `seedEverything: adapter ${names} failed: ${(first.error as Error)?.message ?? first.error}`,
      { cause: first.error },
    );
  }
  return async;
}

function checkOptions(options: unknown): SeedEverythingOptions {
  if (options === undefined) return {};
  if (typeof options !== 'object' || options === null) {
    throw new SeedkitTypeError(`options: expected an object, got ${describe(options)}`);
  }
  return options as SeedEverythingOptions;
}

/**
 * Seeds every registered adapter (and optionally Math.random) from one root and returns that root.
 * Seed source: `seed`, else the `SEEDKIT_SEED` environment variable, else a crypto draw that is logged so the
 * run can be repeated. Synchronous adapters are done when this returns; if an adapter is asynchronous, its
 * work continues in the background: await {@link whenSeeded} (or use {@link seedEverythingAsync}) before
 * drawing numbers. A failing synchronous adapter makes this throw after the other adapters ran.
 */
export function seedEverything(seed?: SeedInput, options?: SeedEverythingOptions): Seed {
  const opts = checkOptions(options);
  if (opts.log !== undefined && typeof opts.log !== 'function') {
    throw new SeedkitTypeError(`options.log: expected a function, got ${describe(opts.log)}`);
  }
  const root = resolveRoot(seed, opts.log ?? ((m) => console.info(m)));
  if (opts.record) root.record();
  const async = run(root, opts);
  const r = registry();
  const all = Promise.all(async).then(() => undefined);
  r.pending = all;
  // Keep an unobserved failure from being an unhandled rejection; whenSeeded() still reports it.
  all.catch(() => undefined);
  return root;
}

/** Resolves when the adapters started by the last seedEverything call are done (rejects if one failed). */
export function whenSeeded(): Promise<void> {
  return registry().pending;
}

/** {@link seedEverything}, waiting for asynchronous adapters. */
export async function seedEverythingAsync(seed?: SeedInput, options?: SeedEverythingOptions): Promise<Seed> {
  const root = seedEverything(seed, options);
  await whenSeeded();
  return root;
}
