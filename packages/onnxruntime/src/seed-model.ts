/**
 * seedModel: gives every random node of an ONNX model a seed derived from a seedkit root and the node's path,
 * splicing only the changed NodeProto messages so that every other byte of the model stays as it was.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import {
  describeValue,
  type PathSegment,
  rootSeed,
  type Seed,
  type SeedInput,
  SeedkitTypeError,
  SeedkitValueError,
} from '@seedkit/core';
import protobuf from 'protobufjs';
import { defaultRoot } from './adapter.js';
import {
  type AttributeProto,
  AttributeType,
  decodeMessage,
  decodeModel,
  encodeMessage,
  type ModelProto,
  modelBytes,
  type NodeProto,
  onnxType,
} from './onnx-proto/index.js';

/** The ONNX random operators (default domain) and the type of their `seed` attribute. */
export const RANDOM_OPS: Readonly<Record<string, 'FLOAT' | 'INT'>> = Object.freeze({
  RandomUniform: 'FLOAT',
  RandomNormal: 'FLOAT',
  RandomUniformLike: 'FLOAT',
  RandomNormalLike: 'FLOAT',
  Bernoulli: 'FLOAT',
  Multinomial: 'FLOAT',
  Dropout: 'INT',
});

/** Derived seeds are integers in [SEED_MIN, SEED_END): exact in float32, and distinct ORT engine states. */
export const SEED_MIN = 2;
export const SEED_END = 2 ** 24;
/** First path segment of every node seed: `seed.derive(ADAPTER_SEGMENT, ...nodePath)`. */
export const ADAPTER_SEGMENT = 'onnxruntime';

/** Dropout has a `seed` attribute from opset 12 on. */
const DROPOUT_SEED_OPSET = 12;

export interface SeedModelOptions {
  /** Replace `seed` attributes that are already set (default false: explicit seeds are kept). */
  overwrite?: boolean;
}

/** One random node of a model, as {@link listRandomNodes} reports it. */
export interface RandomNodeInfo {
  /** The node path joined with '/', e.g. `graph/branch/then_branch/then_rand`. */
  path: string;
  /** The node path segments (what the seed is derived from, after `'onnxruntime'`). */
  segments: string[];
  opType: string;
  /** Type of the op's `seed` attribute: FLOAT for Random* / Bernoulli / Multinomial, INT for Dropout. */
  seedType: 'FLOAT' | 'INT';
  /** The current seed value, if the node has a literal `seed` attribute (a bigint only for INT seeds beyond ±2^53). */
  seed?: number | bigint;
  /** The function attribute the seed refers to (`ref_attr_name`), for nodes inside function bodies. */
  seedRef?: string;
  /** False when the op version has no seed attribute (Dropout before opset 12); seedModel skips it. */
  seedable: boolean;
}

// ---------------------------------------------------------------------------------------------------------
// Wire-level walk

interface FieldIds {
  modelGraph: number;
  modelFunctions: number;
  graphNode: number;
  functionNode: number;
  nodeAttribute: number;
  attrG: number;
  attrGraphs: number;
}

let ids: FieldIds | undefined;
function fieldIds(): FieldIds {
  if (ids === undefined) {
    const id = (type: string, field: string) => onnxType(type).fields[field]!.id;
    ids = {
      modelGraph: id('ModelProto', 'graph'),
      modelFunctions: id('ModelProto', 'functions'),
      graphNode: id('GraphProto', 'node'),
      functionNode: id('FunctionProto', 'node'),
      nodeAttribute: id('NodeProto', 'attribute'),
      attrG: id('AttributeProto', 'g'),
      attrGraphs: id('AttributeProto', 'graphs'),
    };
  }
  return ids;
}

interface Field {
  /** Field number. */
  no: number;
  /** Wire type. */
  wt: number;
  /** Offset of the tag. */
  start: number;
  /** Offset of the payload (length-delimited fields only). */
  data: number;
  /** Offset after the field. */
  end: number;
}

function readFields(buf: Uint8Array, where: string): Field[] {
  const r = protobuf.Reader.create(buf);
  const out: Field[] = [];
  try {
    while (r.pos < r.len) {
      const start = r.pos;
      const tag = r.uint32();
      const no = tag >>> 3;
      const wt = tag & 7;
      if (wt === 2) {
        const len = r.uint32();
        const data = r.pos;
        r.skip(len);
        out.push({ no, wt, start, data, end: r.pos });
      } else {
        r.skipType(wt);
        out.push({ no, wt, start, data: -1, end: r.pos });
      }
    }
  } catch (e) {
    throw new SeedkitValueError(`model: malformed protobuf in ${where} (${(e as Error).message})`);
  }
  return out;
}

function lengthPrefix(no: number, len: number): Uint8Array {
  return protobuf.Writer.create()
    .uint32((no << 3) | 2)
    .uint32(len)
    .finish();
}

function concat(parts: Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** What the walker reports for each random node; the visitor may return an edit. */
interface VisitedNode {
  segments: string[];
  opType: string;
  seedType: 'FLOAT' | 'INT';
  seedable: boolean;
  /** Indices (in `attribute`) of attributes named `seed`. */
  seedAttrs: number[];
  node: NodeProto;
}

interface NodeEdit {
  /** Encoded AttributeProto to write. */
  attribute: Uint8Array;
  /** Replace the attribute with this index, or append when undefined. */
  replace?: number;
}

type Visitor = (node: VisitedNode) => NodeEdit | undefined;

interface Scope {
  /** Opset version of the default ONNX domain in this scope (undefined when not imported). */
  onnxOpset: number | undefined;
}

function opsetOf(imports: ModelProto['opsetImport']): number | undefined {
  for (const o of imports ?? []) {
    if (o.domain === '' || o.domain === 'ai.onnx' || o.domain == null) return Number(o.version ?? 0);
  }
  return undefined;
}

function rewriteNode(
  buf: Uint8Array,
  prefix: string[],
  index: number,
  scope: Scope,
  visit: Visitor,
): Uint8Array | null {
  const id = fieldIds();
  const node = decodeMessage<NodeProto>('NodeProto', buf, 'model');
  const opType = node.opType ?? '';
  const segment = node.name ? node.name : `${opType}#${index}`;
  const segments = [...prefix, segment];
  const attrs = node.attribute ?? [];
  let edit: NodeEdit | undefined;
  const domain = node.domain ?? '';
  const seedType =
    (domain === '' || domain === 'ai.onnx') && Object.hasOwn(RANDOM_OPS, opType)
      ? RANDOM_OPS[opType]
      : undefined;
  if (seedType !== undefined) {
    const seedable = !(
      opType === 'Dropout' &&
      scope.onnxOpset !== undefined &&
      scope.onnxOpset < DROPOUT_SEED_OPSET
    );
    const seedAttrs: number[] = [];
    attrs.forEach((a, i) => {
      if (a.name === 'seed') seedAttrs.push(i);
    });
    edit = visit({ segments, opType, seedType, seedable, seedAttrs, node });
  }
  const fields = readFields(buf, segments.join('/'));
  const parts: Uint8Array[] = [];
  let changed = false;
  let attrIndex = 0;
  /** Where an appended attribute goes: after the last field numbered ≤ attribute (canonical order). */
  let insertAt = 0;
  for (const f of fields) {
    let replacement: Uint8Array | null = null;
    if (f.no === id.nodeAttribute && f.wt === 2) {
      const k = attrIndex++;
      if (edit !== undefined && edit.replace === k) {
        replacement = concat([lengthPrefix(id.nodeAttribute, edit.attribute.length), edit.attribute]);
      } else {
        const a = attrs[k]!;
        const sub = rewriteAttribute(buf.subarray(f.data, f.end), a, segments, scope, visit);
        if (sub !== null) replacement = concat([lengthPrefix(id.nodeAttribute, sub.length), sub]);
      }
    }
    if (replacement !== null) {
      parts.push(replacement);
      changed = true;
    } else {
      parts.push(buf.subarray(f.start, f.end));
    }
    if (f.no <= id.nodeAttribute) insertAt = parts.length;
  }
  if (edit !== undefined && edit.replace === undefined) {
    parts.splice(insertAt, 0, lengthPrefix(id.nodeAttribute, edit.attribute.length), edit.attribute);
    changed = true;
  }
  return changed ? concat(parts) : null;
}

function rewriteAttribute(
  buf: Uint8Array,
  attr: AttributeProto,
  nodeSegments: string[],
  scope: Scope,
  visit: Visitor,
): Uint8Array | null {
  const id = fieldIds();
  if (attr.g == null && (attr.graphs == null || attr.graphs.length === 0)) return null;
  const name = attr.name ?? '';
  const parts: Uint8Array[] = [];
  let changed = false;
  let graphIndex = 0;
  for (const f of readFields(buf, `${nodeSegments.join('/')}/${name}`)) {
    let sub: Uint8Array | null = null;
    if (f.wt === 2 && f.no === id.attrG) {
      sub = rewriteGraph(buf.subarray(f.data, f.end), [...nodeSegments, name], id.graphNode, scope, visit);
    } else if (f.wt === 2 && f.no === id.attrGraphs) {
      const j = graphIndex++;
      sub = rewriteGraph(
        buf.subarray(f.data, f.end),
        [...nodeSegments, name, String(j)],
        id.graphNode,
        scope,
        visit,
      );
    }
    if (sub !== null) {
      parts.push(lengthPrefix(f.no, sub.length), sub);
      changed = true;
    } else {
      parts.push(buf.subarray(f.start, f.end));
    }
  }
  return changed ? concat(parts) : null;
}

/** A GraphProto (node field 1) or a FunctionProto body (node field 7). */
function rewriteGraph(
  buf: Uint8Array,
  prefix: string[],
  nodeField: number,
  scope: Scope,
  visit: Visitor,
): Uint8Array | null {
  const parts: Uint8Array[] = [];
  let changed = false;
  let index = 0;
  for (const f of readFields(buf, prefix.join('/'))) {
    let sub: Uint8Array | null = null;
    if (f.wt === 2 && f.no === nodeField) {
      sub = rewriteNode(buf.subarray(f.data, f.end), prefix, index++, scope, visit);
    }
    if (sub !== null) {
      parts.push(lengthPrefix(f.no, sub.length), sub);
      changed = true;
    } else {
      parts.push(buf.subarray(f.start, f.end));
    }
  }
  return changed ? concat(parts) : null;
}

function rewriteModel(buf: Uint8Array, model: ModelProto, visit: Visitor): Uint8Array | null {
  const id = fieldIds();
  const modelScope: Scope = { onnxOpset: opsetOf(model.opsetImport) };
  const functions = model.functions ?? [];
  const parts: Uint8Array[] = [];
  let changed = false;
  let fnIndex = 0;
  for (const f of readFields(buf, 'model')) {
    let sub: Uint8Array | null = null;
    if (f.wt === 2 && f.no === id.modelGraph) {
      sub = rewriteGraph(buf.subarray(f.data, f.end), ['graph'], id.graphNode, modelScope, visit);
    } else if (f.wt === 2 && f.no === id.modelFunctions) {
      const fn = functions[fnIndex++]!;
      const prefix = ['function', fn.domain ?? '', fn.name ?? ''];
      if (fn.overload) prefix.push(fn.overload);
      const scope: Scope = { onnxOpset: opsetOf(fn.opsetImport) ?? modelScope.onnxOpset };
      sub = rewriteGraph(buf.subarray(f.data, f.end), prefix, id.functionNode, scope, visit);
    }
    if (sub !== null) {
      parts.push(lengthPrefix(f.no, sub.length), sub);
      changed = true;
    } else {
      parts.push(buf.subarray(f.start, f.end));
    }
  }
  return changed ? concat(parts) : null;
}

// ---------------------------------------------------------------------------------------------------------
// Seeds

/** The literal value of a seed attribute, or a description of why it has none. */
function seedAttrValue(
  a: AttributeProto,
  seedType: 'FLOAT' | 'INT',
): { value?: number | bigint; ref?: string; bad?: string } {
  if (a.refAttrName) return { ref: a.refAttrName };
  const type = a.type ?? AttributeType.UNDEFINED;
  const expected = seedType === 'FLOAT' ? AttributeType.FLOAT : AttributeType.INT;
  if (type !== expected) {
    const names = Object.entries(AttributeType).find(([, v]) => v === type)?.[0] ?? String(type);
    return { bad: `has type ${names}, expected ${seedType}` };
  }
  if (seedType === 'FLOAT') return { value: Number(a.f ?? 0) };
  const i = BigInt(String(a.i ?? 0)); // int64: Long or number, exact through its decimal string
  return { value: i >= -(2n ** 53n) && i <= 2n ** 53n ? Number(i) : i };
}

const MINSTD_MODULUS = 2147483647n;

/**
 * The state ORT's `std::default_random_engine` (minstd_rand0 with libstdc++ on Linux x86-64) starts from for a
 * `seed` attribute value, or undefined where the conversion is undefined behaviour:
 * - FLOAT seeds (Random*, Bernoulli, Multinomial): truncated towards zero, wrapped to uint32, mod 2^31 − 1,
 *   0 → 1; so 0, 1, −1, −2, 2^31 − 1, 2^31 and 2^32 share one stream, and 2^32 + 512 acts like 512;
 * - INT seeds (Dropout): wrapped to uint64, mod 2^31 − 1, 0 → 1; so 2^31 + 5 acts like 6 and 2^32 like 2.
 * Measured with onnxruntime 1.30 (fixtures/seed-ort-python.json, `seedFolding`). seedModel uses it to keep
 * derived seeds away from explicit ones.
 */
export function effectiveEngineSeed(
  value: number | bigint,
  seedType: 'FLOAT' | 'INT' = 'FLOAT',
): number | undefined {
  let u: bigint;
  if (seedType === 'INT') {
    if (typeof value === 'number' && !Number.isInteger(value)) return undefined;
    const i = BigInt(value);
    if (i < -(2n ** 63n) || i >= 2n ** 63n) return undefined;
    u = BigInt.asUintN(64, i);
  } else {
    const f = Number(value);
    if (!Number.isFinite(f) || Math.abs(f) >= 2 ** 63) return undefined;
    u = BigInt.asUintN(32, BigInt(Math.trunc(f)));
  }
  const k = Number(u % MINSTD_MODULUS);
  return k === 0 ? 1 : k;
}

/** Maps a derived seed to an integer in [SEED_MIN, SEED_END). */
function safeSeed(seed: Seed): number {
  return SEED_MIN + Number(seed.uint64() % BigInt(SEED_END - SEED_MIN));
}

function isSeedLike(x: unknown): x is Seed {
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof (x as Seed).derive === 'function' &&
    typeof (x as Seed).uint64 === 'function' &&
    Array.isArray((x as Seed).path)
  );
}

/** Resolves the `seed` argument (a Seed, anything rootSeed accepts, or undefined for the registered root). */
function resolveSeed(seed: Seed | SeedInput | undefined, fn: string): Seed {
  if (seed === undefined) {
    const root = defaultRoot();
    if (root === undefined) {
      throw new SeedkitTypeError(
        `${fn}: no seed given and seedEverything() has not been called; pass a seed, e.g. ${fn}(model, 42)`,
      );
    }
    return root;
  }
  if (isSeedLike(seed)) return seed;
  const t = typeof seed;
  if (
    !(
      t === 'number' ||
      t === 'bigint' ||
      t === 'string' ||
      Array.isArray(seed) ||
      (t === 'object' && seed !== null)
    )
  ) {
    throw new SeedkitTypeError(
      `seed: expected a Seed, an integer, an integer string or an array, got ${describeValue(seed)}`,
    );
  }
  try {
    return rootSeed(seed as SeedInput);
  } catch (e) {
    if (e instanceof SeedkitTypeError || e instanceof SeedkitValueError) {
      if (e.message.startsWith('seed')) throw e;
      const Ctor = e instanceof SeedkitTypeError ? SeedkitTypeError : SeedkitValueError;
      throw new Ctor(`seed: ${e.message}`, { cause: e });
    }
    throw new SeedkitTypeError(
      `seed: cannot make a root seed from ${describeValue(seed)} (${(e as Error).message})`,
    );
  }
}

function checkOptions(options: unknown): Required<SeedModelOptions> {
  if (options === undefined) return { overwrite: false };
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new SeedkitTypeError(`options: expected an object, got ${describeValue(options)}`);
  }
  for (const k of Object.keys(options)) {
    if (k !== 'overwrite')
      throw new SeedkitValueError(`options: unknown option ${JSON.stringify(k)} (known: overwrite)`);
  }
  const { overwrite = false } = options as SeedModelOptions;
  if (typeof overwrite !== 'boolean') {
    throw new SeedkitTypeError(`options.overwrite: expected a boolean, got ${describeValue(overwrite)}`);
  }
  return { overwrite };
}

function loadModel(model: unknown): { bytes: Uint8Array; decoded: ModelProto } {
  const bytes = modelBytes(model, 'model');
  let decoded: ModelProto;
  try {
    decoded = decodeModel(bytes);
  } catch (e) {
    if (e instanceof SeedkitValueError) throw new SeedkitValueError(e.message.replace(/^bytes\b/, 'model'));
    throw e;
  }
  if (decoded.graph == null) throw new SeedkitValueError('model: the ModelProto has no graph');
  return { bytes, decoded };
}

function pathString(segments: string[]): string {
  return segments.join('/');
}

/**
 * Lists the random nodes of an ONNX model (main graph, If/Loop/Scan and other attribute subgraphs, model-local
 * functions) in walk order, with their node paths and current seeds.
 */
export function listRandomNodes(model: Uint8Array | ArrayBuffer): RandomNodeInfo[] {
  const { bytes, decoded } = loadModel(model);
  const out: RandomNodeInfo[] = [];
  rewriteModel(bytes, decoded, (n) => {
    const info: RandomNodeInfo = {
      path: pathString(n.segments),
      segments: n.segments,
      opType: n.opType,
      seedType: n.seedType,
      seedable: n.seedable,
    };
    const k = n.seedAttrs[0];
    if (k !== undefined) {
      const v = seedAttrValue(n.node.attribute![k]!, n.seedType);
      if (v.value !== undefined) info.seed = v.value;
      if (v.ref !== undefined) info.seedRef = v.ref;
    }
    out.push(info);
    return undefined;
  });
  return out;
}

/**
 * Returns a copy of `model` (ONNX ModelProto bytes) in which every random node without a seed — RandomUniform,
 * RandomNormal, RandomUniformLike, RandomNormalLike, Bernoulli, Multinomial, Dropout (opset ≥ 12), in the
 * main graph, in attribute subgraphs (If/Loop/Scan bodies) and in model-local functions — gets the seed
 * `SEED_MIN + seed.derive('onnxruntime', ...nodePath).uint64() mod (SEED_END - SEED_MIN)`, an integer in
 * [2, 2^24) (exact as the float32 attribute of the Random* ops, and a distinct ORT engine state). Seeds are
 * distinct within the model: a value already taken (by an earlier node in walk order or by a kept explicit
 * seed) is re-derived from `nodeSeed.derive(k)`, k = 1, 2, ….
 *
 * `seed` is a core `Seed`, anything `rootSeed` accepts, or omitted to use the root of the last
 * `seedEverything()` call. Existing seeds are kept unless `options.overwrite`. Only the seeded NodeProto
 * messages (and the length prefixes of their parents) change; every other byte is copied.
 */
export function seedModel(
  model: Uint8Array | ArrayBuffer,
  seed?: Seed | SeedInput,
  options?: SeedModelOptions,
): Uint8Array {
  const { bytes, decoded } = loadModel(model);
  const root = resolveSeed(seed, 'seedModel');
  const { overwrite } = checkOptions(options);

  // Pass 1: collect the random nodes and the seeds they keep.
  interface Planned {
    segments: string[];
    seedType: 'FLOAT' | 'INT';
    replace?: number;
  }
  const todo: Planned[] = [];
  const taken = new Set<number>();
  rewriteModel(bytes, decoded, (n) => {
    const where = `model node ${JSON.stringify(pathString(n.segments))} (${n.opType})`;
    if (n.seedAttrs.length > 1)
      throw new SeedkitValueError(`${where} has ${n.seedAttrs.length} seed attributes`);
    if (!n.seedable) return undefined;
    const k = n.seedAttrs[0];
    if (k === undefined) {
      todo.push({ segments: n.segments, seedType: n.seedType });
    } else if (overwrite) {
      todo.push({ segments: n.segments, seedType: n.seedType, replace: k });
    } else {
      const v = seedAttrValue(n.node.attribute![k]!, n.seedType);
      if (v.bad !== undefined) {
        throw new SeedkitValueError(
          `${where}: its seed attribute ${v.bad} (pass { overwrite: true } to replace it)`,
        );
      }
      const e = v.value === undefined ? undefined : effectiveEngineSeed(v.value, n.seedType);
      if (e !== undefined) taken.add(e);
    }
    return undefined;
  });
  if (todo.length === 0) return bytes.slice();

  // Pass 2: derive distinct seeds in walk order.
  const edits: NodeEdit[] = [];
  for (const p of todo) {
    const nodeSeed = root.derive(ADAPTER_SEGMENT, ...(p.segments as PathSegment[]));
    let value = safeSeed(nodeSeed);
    for (let k = 1; taken.has(value); k++) value = safeSeed(nodeSeed.derive(k));
    taken.add(value);
    const attribute = seedAttribute(p.seedType, value);
    edits.push(p.replace === undefined ? { attribute } : { attribute, replace: p.replace });
  }

  // Pass 3: splice.
  let i = 0;
  const out = rewriteModel(bytes, decoded, (n) => {
    if (!n.seedable) return undefined;
    if (n.seedAttrs.length > 0 && !overwrite) return undefined;
    return edits[i++];
  });
  if (i !== edits.length || out === null) throw new Error('seedModel: internal error (walks disagree)');
  return out;
}

function seedAttribute(seedType: 'FLOAT' | 'INT', value: number | bigint): Uint8Array {
  return encodeMessage(
    'AttributeProto',
    seedType === 'FLOAT'
      ? { name: 'seed', f: Number(value), type: AttributeType.FLOAT }
      : { name: 'seed', i: value, type: AttributeType.INT },
  );
}

/**
 * Sets the seeds of chosen random nodes, keyed by node path (as {@link listRandomNodes} reports it), replacing
 * existing seeds. FLOAT seeds (Random*, Bernoulli, Multinomial) must be exactly representable in float32;
 * INT seeds (Dropout) must be integers in the int64 range. Like {@link seedModel}, only the changed NodeProto
 * messages are re-encoded. Useful to reproduce a model seeded elsewhere (e.g. by the onnx Python package).
 */
export function setNodeSeeds(
  model: Uint8Array | ArrayBuffer,
  seeds: Readonly<Record<string, number | bigint>>,
): Uint8Array {
  const { bytes, decoded } = loadModel(model);
  if (typeof seeds !== 'object' || seeds === null || Array.isArray(seeds)) {
    throw new SeedkitTypeError(`seeds: expected an object { nodePath: seed }, got ${describeValue(seeds)}`);
  }
  const pending = new Map(Object.entries(seeds));
  const out = rewriteModel(bytes, decoded, (n) => {
    const path = pathString(n.segments);
    if (!pending.has(path)) return undefined;
    const value = pending.get(path)!;
    pending.delete(path);
    const where = `seeds[${JSON.stringify(path)}]`;
    if (!n.seedable)
      throw new SeedkitValueError(`${where}: this ${n.opType} (opset < 12) has no seed attribute`);
    if (n.seedAttrs.length > 1)
      throw new SeedkitValueError(`${where}: the node has ${n.seedAttrs.length} seed attributes`);
    if (n.seedType === 'FLOAT') {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw new SeedkitTypeError(
          `${where}: expected a finite number (FLOAT seed of ${n.opType}), got ${describeValue(value)}`,
        );
      }
      if (Math.fround(value) !== value) {
        throw new SeedkitValueError(
          `${where}: ${value} is not exactly representable as float32 (it would become ${Math.fround(value)})`,
        );
      }
    } else if (typeof value === 'bigint') {
      if (value < -(2n ** 63n) || value >= 2n ** 63n)
        throw new SeedkitValueError(`${where}: ${value}n is outside int64`);
    } else if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
      throw new SeedkitTypeError(
        `${where}: expected a safe integer or bigint (INT seed of Dropout), got ${describeValue(value)}`,
      );
    }
    const attribute = seedAttribute(n.seedType, value);
    const k = n.seedAttrs[0];
    return k === undefined ? { attribute } : { attribute, replace: k };
  });
  if (pending.size > 0) {
    throw new SeedkitValueError(
      `seeds: no random node at ${[...pending.keys()].map((p) => JSON.stringify(p)).join(', ')} (see listRandomNodes)`,
    );
  }
  return out ?? bytes.slice();
}

/** Reads an ONNX file, seeds it with {@link seedModel} and writes the result to `outputPath`. */
export function seedModelFile(
  inputPath: string,
  outputPath: string,
  seed?: Seed | SeedInput,
  options?: SeedModelOptions,
): Uint8Array {
  if (typeof inputPath !== 'string' || inputPath === '') {
    throw new SeedkitTypeError(`inputPath: expected a file path, got ${describeValue(inputPath)}`);
  }
  if (typeof outputPath !== 'string' || outputPath === '') {
    throw new SeedkitTypeError(`outputPath: expected a file path, got ${describeValue(outputPath)}`);
  }
  const seeded = seedModel(new Uint8Array(readFileSync(inputPath)), seed, options);
  writeFileSync(outputPath, seeded);
  return seeded;
}
