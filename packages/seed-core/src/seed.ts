import { describe, SeedkitTypeError, SeedkitValueError } from './errors.js';
import {
  coerceToUint32Words,
  type EntropyArray,
  type IntegerTypedArray,
  SeedSequence,
  sequenceFromWords,
} from './seed-sequence.js';
import { checkSegment, type PathSegment, pushSegmentWords } from './segments.js';
import { VERSION } from './version.js';

/**
 * Version of the derivation protocol (segment encoding, root-string rule, manifest layout). It changes only
 * when some seed + path would give different words; it is carried by every Seed, its JSON and manifests.
 */
export const PROTOCOL_VERSION = 1;

/** Anything {@link rootSeed} accepts. */
export type SeedInput = number | bigint | string | EntropyArray | IntegerTypedArray | Seed | SeedSequence;

export interface RootSeedOptions {
  /** Pool size of the underlying SeedSequence (≥ 4, default 4). A Seed/SeedSequence input keeps its own. */
  poolSize?: number;
  /** Start recording every derived seed for {@link Seed.manifest} (same as calling {@link recordSeeds}). */
  record?: boolean;
}

/** `seed.toJSON()`: enough to rebuild the seed with {@link Seed.fromJSON}. */
export interface SeedJSON {
  protocolVersion: number;
  /** Root entropy: a decimal string for an integer root, a list of decimal strings for an array root. */
  entropy: string | string[];
  poolSize: number;
  /** Spawn-key words of the root itself (only for roots made from a SeedSequence with a spawn key). */
  rootSpawnKey?: number[];
  path: PathSegment[];
}

/** `root.manifest()`: every seed derived from a recording root, path → first generated words. */
export interface SeedManifest {
  protocolVersion: number;
  seedkitVersion: string;
  root: SeedJSON;
  /** Word count in each `seeds` entry (uint32 words of `generateState`). */
  words: number;
  /** Keyed by `JSON.stringify(path)`, sorted; values are `generateState(words, 'uint32')` as 8-digit hex. */
  seeds: Record<string, string[]>;
}

interface RootInfo {
  readonly entropy: bigint | readonly (number | bigint)[];
  /** The entropy's 32-bit words (coerced once). */
  readonly run: readonly number[];
  readonly rootKey: readonly number[];
  readonly poolSize: number;
  recorder: Map<string, Seed> | undefined;
}

const INTERNAL = Symbol('seedkit.seed.internal');
const ROOT_STRING = /^[ \t\r\n]*(0[xX][0-9a-fA-F]+|[0-9]+)[ \t\r\n]*$/;
const MANIFEST_WORDS = 4;
const EMPTY_PATH: readonly PathSegment[] = Object.freeze([]);

/**
 * Parses a root seed string (what `SEEDKIT_SEED` and CLIs pass): a decimal or `0x`/`0X` hex integer,
 * optionally surrounded by ASCII whitespace. Anything else is refused; use `rootSeed(0).derive(name)`
 * (or hash it yourself) to seed from a name.
 */
export function parseRootSeedString(s: string, where = 'seed'): bigint {
  const m = ROOT_STRING.exec(s);
  if (!m) {
    throw new SeedkitValueError(
      `${where}: expected a decimal or 0x-hex non-negative integer string, got ${describe(s)}` +
        ' (to seed from a name use rootSeed(n).derive(name))',
    );
  }
  return BigInt(m[1]!);
}

function hex8(w: number): string {
  return w.toString(16).padStart(8, '0');
}

/**
 * One seed of the protocol: a root entropy plus a derivation path. Immutable (but for the {@link Seed.spawn}
 * counter); equal root + path always gives the same words, whatever order seeds were created in. It is a NumPy
 * "ISeedSequence" (has `generateState`) and equals `SeedSequence(rootEntropy, { spawnKey: seed.spawnKey })`.
 */
export class Seed {
  /** The root this seed was derived from (itself for a root). */
  readonly root: Seed;
  readonly #info: RootInfo;
  readonly #parent: Seed | null;
  /** The segments this seed added to its parent's path. */
  readonly #segments: readonly PathSegment[];
  // Full path and spawn key, computed on first use (derive stays cheap).
  #path: readonly PathSegment[] | undefined;
  #key: readonly number[] | undefined;
  #seq: SeedSequence | undefined;
  #spawned = 0;

  /** @internal Use {@link rootSeed} and {@link Seed.derive}. */
  constructor(token: typeof INTERNAL, info: RootInfo, parent: Seed | null, segments: readonly PathSegment[]) {
    if (token !== INTERNAL) throw new SeedkitTypeError('Seed: use rootSeed(seed) to make a seed');
    this.#info = info;
    this.#parent = parent;
    this.#segments = segments;
    if (parent === null) {
      this.root = this;
      this.#path = EMPTY_PATH;
      this.#key = info.rootKey;
    } else {
      this.root = parent.root;
    }
  }

  /** The derivation path from the root (empty for a root). */
  get path(): readonly PathSegment[] {
    const p = this.#path;
    if (p !== undefined) return p;
    const chain: Seed[] = [];
    for (let s: Seed = this; s.#path === undefined; s = s.#parent!) chain.push(s);
    for (let i = chain.length - 1; i >= 0; i--) {
      const c = chain[i]!;
      c.#path = c.#parent!.#path!.concat(c.#segments);
    }
    return this.#path!;
  }

  /** Full spawn key as 32-bit words: the root's own key, then the words of each path segment. */
  get spawnKey(): readonly number[] {
    const k = this.#key;
    if (k !== undefined) return k;
    const chain: Seed[] = [];
    for (let s: Seed = this; s.#key === undefined; s = s.#parent!) chain.push(s);
    for (let i = chain.length - 1; i >= 0; i--) {
      const c = chain[i]!;
      const words = c.#parent!.#key!.slice();
      const segs = c.#segments;
      for (let j = 0; j < segs.length; j++) pushSegmentWords(segs[j], j, words);
      c.#key = words;
    }
    return this.#key!;
  }

  /** The protocol version this seed follows. */
  get protocolVersion(): number {
    return PROTOCOL_VERSION;
  }

  /** Root entropy, as the underlying SeedSequence keeps it. */
  get entropy(): bigint | readonly (number | bigint)[] {
    return this.#info.entropy;
  }

  get poolSize(): number {
    return this.#info.poolSize;
  }

  /**
   * The child seed at `path` below this one. Segments are strings (names, hashed with SHA-256) or integers in
   * [0, 2^31) (NumPy spawn indices: `root.derive(i)` is child `i` of `SeedSequence(root).spawn`).
   * `s.derive('a').derive('b')` equals `s.derive('a', 'b')`.
   */
  derive(...path: PathSegment[]): Seed {
    const n = path.length;
    if (n === 0) return this;
    for (let i = 0; i < n; i++) path[i] = checkSegment(path[i], i);
    const child = new Seed(INTERNAL, this.#info, this, path);
    const rec = this.#info.recorder;
    if (rec !== undefined) rec.set(JSON.stringify(child.path), child);
    return child;
  }

  #sequence(): SeedSequence {
    let s = this.#seq;
    if (s === undefined) {
      const info = this.#info;
      s = sequenceFromWords(info.entropy, info.run, this.spawnKey, info.poolSize);
      this.#seq = s;
    }
    return s;
  }

  /** A new, independent `SeedSequence` equal to this seed (spawning from it does not affect the seed). */
  get sequence(): SeedSequence {
    const info = this.#info;
    return sequenceFromWords(info.entropy, info.run, this.spawnKey, info.poolSize);
  }

  /** The mixed entropy pool (a copy). */
  get pool(): Uint32Array {
    return this.#sequence().pool.slice();
  }

  /** `SeedSequence.generate_state`: `nWords` words of 32 or 64 bits. */
  generateState(nWords: number, dtype?: 'uint32'): Uint32Array;
  generateState(nWords: number, dtype: 'uint64'): BigUint64Array;
  generateState(nWords: number, dtype: 'uint32' | 'uint64'): Uint32Array | BigUint64Array;
  generateState(nWords: number, dtype: 'uint32' | 'uint64' = 'uint32'): Uint32Array | BigUint64Array {
    return this.#sequence().generateState(nWords, dtype);
  }

  /**
   * NumPy's `spawn(n)`: the next `n` integer children, `derive(k)` for `k = nChildrenSpawned …`, so a Seed can
   * be used wherever a spawnable SeedSequence is (e.g. `BitGenerator.spawn`). Only `spawn` reads this counter;
   * `derive` never depends on it.
   */
  spawn(n: number): Seed[] {
    if (typeof n !== 'number' || !Number.isSafeInteger(n)) {
      throw new SeedkitTypeError(`n: expected a non-negative integer, got ${describe(n)}`);
    }
    if (n < 0) throw new SeedkitValueError(`n: expected a non-negative integer, got ${n}`);
    if (this.#spawned + n > 0x80000000) {
      throw new SeedkitValueError(
        `n: spawning past child 2^31 - 1 is not supported (integer segments are < 2^31)`,
      );
    }
    const out: Seed[] = [];
    for (let k = 0; k < n; k++) out.push(this.derive(this.#spawned + k));
    this.#spawned += n;
    return out;
  }

  /** How many children {@link spawn} has handed out. */
  get nChildrenSpawned(): number {
    return this.#spawned;
  }

  /** The first 32-bit word of `generateState`, as a number in [0, 2^32). */
  uint32(): number {
    return this.#sequence().generateState(1, 'uint32')[0]!;
  }

  /** The first 64-bit word of `generateState`, as a bigint in [0, 2^64). */
  uint64(): bigint {
    return this.#sequence().generateState(1, 'uint64')[0]!;
  }

  /** The top 53 bits of {@link uint64}: an integer in [0, 2^53), safe as a JS number. */
  safeInteger(): number {
    return Number(this.uint64() >> 11n);
  }

  /** Same stream: equal pool size and pool (so equal `generateState` for every n). */
  equals(other: Seed | SeedSequence): boolean {
    if (!(other instanceof Seed) && !(other instanceof SeedSequence)) return false;
    const a = this.#sequence().pool;
    const b = other instanceof Seed ? other.#sequence().pool : other.pool;
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  }

  toJSON(): SeedJSON {
    const info = this.#info;
    const e = info.entropy;
    const json: SeedJSON = {
      protocolVersion: PROTOCOL_VERSION,
      entropy: typeof e === 'bigint' ? e.toString() : e.map((x) => x.toString()),
      poolSize: info.poolSize,
      path: [...this.path],
    };
    if (info.rootKey.length > 0) json.rootSpawnKey = [...info.rootKey];
    return json;
  }

  toString(): string {
    const e = this.#info.entropy;
    const root = typeof e === 'bigint' ? e.toString() : `[${e.join(',')}]`;
    const extra = this.#info.rootKey.length > 0 ? ` rootSpawnKey=[${this.#info.rootKey.join(',')}]` : '';
    const pool = this.#info.poolSize !== 4 ? ` poolSize=${this.#info.poolSize}` : '';
    return `Seed(v${PROTOCOL_VERSION} root=${root}${extra}${pool} path=${JSON.stringify(this.path)})`;
  }

  /** Rebuilds a seed from {@link Seed.toJSON} output (the protocol version must match). */
  static fromJSON(json: SeedJSON): Seed {
    if (typeof json !== 'object' || json === null) {
      throw new SeedkitTypeError(`json: expected a SeedJSON object, got ${describe(json)}`);
    }
    if (json.protocolVersion !== PROTOCOL_VERSION) {
      throw new SeedkitValueError(
        `json.protocolVersion: this is protocol ${PROTOCOL_VERSION}, got ${describe(json.protocolVersion)}`,
      );
    }
    if (!Array.isArray(json.path)) throw new SeedkitTypeError('json.path: expected an array');
    const entropy = Array.isArray(json.entropy)
      ? json.entropy.map((x, i) => parseRootSeedString(String(x), `json.entropy[${i}]`))
      : parseRootSeedString(String(json.entropy), 'json.entropy');
    const ss = new SeedSequence(entropy, { spawnKey: json.rootSpawnKey ?? [], poolSize: json.poolSize });
    return rootSeed(ss).derive(...json.path);
  }

  /** Starts recording seeds derived from this seed's root (see {@link recordSeeds}). */
  record(): this {
    this.#info.recorder ??= new Map();
    return this;
  }

  /** Whether the root records derived seeds. */
  get recording(): boolean {
    return this.#info.recorder !== undefined;
  }

  /**
   * Every seed derived from this seed's root since recording started (see {@link recordSeeds}), with the
   * first {@link SeedManifest.words} words each, as JSON-ready data. Diff two runs' manifests with
   * {@link diffManifests}.
   */
  manifest(): SeedManifest {
    const rec = this.#info.recorder;
    if (rec === undefined) {
      throw new SeedkitValueError(
        'manifest: this root does not record seeds; call recordSeeds(root) (or rootSeed(seed, { record: true })) first',
      );
    }
    const seeds: Record<string, string[]> = {};
    const entries: [string, Seed][] = [['[]', this.root], ...rec];
    entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    for (const [key, s] of entries) seeds[key] = Array.from(s.generateState(MANIFEST_WORDS), hex8);
    return {
      protocolVersion: PROTOCOL_VERSION,
      seedkitVersion: VERSION,
      root: this.root.toJSON(),
      words: MANIFEST_WORDS,
      seeds,
    };
  }
}

function makeRoot(info: RootInfo): Seed {
  return new Seed(INTERNAL, info, null, EMPTY_PATH);
}

/**
 * The root of a seed tree. `seed` may be a non-negative integer (number ≤ 2^53-1 or bigint of any size), a
 * decimal or 0x-hex integer string (that integer), an array of those (NumPy SeedSequence entropy rules), a
 * `SeedSequence` (its entropy, spawn key and pool size; its spawn counter is ignored) or a `Seed` (returned
 * as is). `rootSeed(42)` is `SeedSequence(42)`.
 */
export function rootSeed(seed: SeedInput, options: RootSeedOptions = {}): Seed {
  if (typeof options !== 'object' || options === null) {
    throw new SeedkitTypeError(`options: expected an object, got ${describe(options)}`);
  }
  let root: Seed;
  if ((seed instanceof Seed || seed instanceof SeedSequence) && options.poolSize !== undefined) {
    if (options.poolSize !== seed.poolSize) {
      throw new SeedkitValueError(
        `options.poolSize: ${describe(options.poolSize)} differs from the given seed's pool size ${seed.poolSize}`,
      );
    }
  }
  if (seed instanceof Seed) {
    root = seed;
  } else if (seed instanceof SeedSequence) {
    root = makeRoot({
      entropy: seed.entropy,
      run: coerceToUint32Words(seed.entropy, 'seed.entropy'),
      rootKey: Object.freeze(coerceToUint32Words(seed.spawnKey, 'seed.spawnKey')),
      poolSize: seed.poolSize,
      recorder: undefined,
    });
  } else {
    if (seed === undefined || seed === null) {
      throw new SeedkitTypeError(
        `seed: expected an integer, integer string, array or SeedSequence, got ${describe(seed)}` +
          ' (seedEverything() draws a random root and logs it)',
      );
    }
    const entropy = typeof seed === 'string' ? parseRootSeedString(seed, 'seed') : seed;
    const run = coerceToUint32Words(entropy, 'seed'); // validates, with errors naming the argument
    const ss = new SeedSequence(entropy, { poolSize: options.poolSize ?? 4 });
    root = makeRoot({
      entropy: ss.entropy,
      run,
      rootKey: Object.freeze([]),
      poolSize: ss.poolSize,
      recorder: undefined,
    });
  }
  if (options.record) root.record();
  return root;
}

/** Turns on recording of every seed derived from `root`'s root; returns the root. */
export function recordSeeds(root: Seed): Seed {
  if (!(root instanceof Seed)) throw new SeedkitTypeError(`root: expected a Seed, got ${describe(root)}`);
  return root.record().root;
}

export interface ManifestDiff {
  /** Paths only in `b`. */
  added: string[];
  /** Paths only in `a`. */
  removed: string[];
  /** Paths in both with different words. */
  changed: string[];
  /** Same protocol version, root and seeds. */
  same: boolean;
}

/** Compares two manifests path by path. */
export function diffManifests(a: SeedManifest, b: SeedManifest): ManifestDiff {
  for (const [name, m] of [
    ['a', a],
    ['b', b],
  ] as const) {
    if (typeof m !== 'object' || m === null || typeof m.seeds !== 'object' || m.seeds === null) {
      throw new SeedkitTypeError(`${name}: expected a SeedManifest, got ${describe(m)}`);
    }
  }
  const added = Object.keys(b.seeds).filter((k) => !(k in a.seeds));
  const removed = Object.keys(a.seeds).filter((k) => !(k in b.seeds));
  const changed = Object.keys(a.seeds).filter(
    (k) => k in b.seeds && a.seeds[k]!.join(',') !== b.seeds[k]!.join(','),
  );
  const same =
    a.protocolVersion === b.protocolVersion &&
    JSON.stringify(a.root) === JSON.stringify(b.root) &&
    added.length + removed.length + changed.length === 0;
  return { added, removed, changed, same };
}
