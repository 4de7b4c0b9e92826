import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  registeredAdapters,
  rootSeed,
  SeedkitTypeError,
  SeedkitValueError,
  seedEverything,
} from '@seedkit/core';
import ort from 'onnxruntime-node';
import { afterAll, describe, expect, it } from 'vitest';
import { ADAPTER_NAME, defaultRoot, setDefaultRoot } from '../src/adapter.js';
import {
  AttributeType,
  decodeModel,
  encodeModel,
  type ModelProto,
  type NodeProto,
} from '../src/onnx-proto/index.js';
import {
  effectiveEngineSeed,
  listRandomNodes,
  SEED_END,
  SEED_MIN,
  seedModel,
  seedModelFile,
  setNodeSeeds,
} from '../src/seed-model.js';
import { deterministicSessionOptions } from '../src/session.js';

const run = promisify(execFile);
const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../fixtures/${name}`, import.meta.url)));
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const python = JSON.parse(readFileSync(new URL('../fixtures/seed-ort-python.json', import.meta.url), 'utf8'));
const unseeded = fixture('seed-random-ops.onnx');
const pyseeded = fixture('seed-random-ops-pyseeded.onnx');
const tmp = mkdtempSync(join(tmpdir(), 'seedkit-ort-seed-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The derived value seedModel documents: SEED_MIN + derive('onnxruntime', ...path).uint64() mod (END - MIN). */
const documentedSeed = (root: number, segments: string[], k?: number) => {
  let s = rootSeed(root).derive('onnxruntime', ...segments);
  if (k !== undefined) s = s.derive(k);
  return SEED_MIN + Number(s.uint64() % BigInt(SEED_END - SEED_MIN));
};

const RANDOM_PATHS = [
  ['graph/ru', 'RandomUniform'],
  ['graph/RandomNormal#1', 'RandomNormal'],
  ['graph/rul', 'RandomUniformLike'],
  ['graph/RandomNormalLike#3', 'RandomNormalLike'],
  ['graph/bern', 'Bernoulli'],
  ['graph/multi', 'Multinomial'],
  ['graph/drop', 'Dropout'],
  ['graph/ru_fixed', 'RandomUniform'],
  ['graph/branch/else_branch/RandomNormal#0', 'RandomNormal'],
  ['graph/branch/then_branch/then_rand', 'RandomUniform'],
  ['graph/loop/body/loop_rand', 'RandomUniform'],
  ['graph/scan/body/scan_noise', 'RandomNormalLike'],
  ['function/seedkit.test/NoisyAdd/fn_noise', 'RandomNormalLike'],
];

async function runInProcess(model: Uint8Array, runs = 1, feeds: Record<string, ort.Tensor> = {}) {
  const session = await ort.InferenceSession.create(model, deterministicSessionOptions());
  const out: Record<string, string>[] = [];
  for (let r = 0; r < runs; r++) {
    const res = await session.run(feeds);
    out.push(
      Object.fromEntries(
        session.outputNames.map((n) => {
          const d = res[n]!.data as Float32Array;
          return [n, Buffer.from(d.buffer, d.byteOffset, d.byteLength).toString('hex')];
        }),
      ),
    );
  }
  await session.release();
  return out;
}

const condFeed = () => ({ cond: new ort.Tensor('bool', Uint8Array.from([1]), []) });

async function runInChild(modelPath: string, runs: number): Promise<Record<string, string>[]> {
  const job = {
    model: modelPath,
    feeds: { cond: { type: 'bool', dims: [], data: [true] } },
    options: deterministicSessionOptions(),
    runs,
  };
  const runner = new URL('./session-runner.mjs', import.meta.url).pathname;
  const { stdout } = await run(process.execPath, [runner, JSON.stringify(job)], { encoding: 'utf8' });
  return JSON.parse(stdout).result[0];
}

describe('listRandomNodes', () => {
  it('finds every random op in the main graph, If/Loop/Scan bodies and local functions, with their paths', () => {
    const nodes = listRandomNodes(unseeded);
    expect(nodes.map((n) => [n.path, n.opType])).toEqual(RANDOM_PATHS);
    expect(nodes.every((n) => n.seedable)).toBe(true);
    expect(nodes.find((n) => n.path === 'graph/drop')!.seedType).toBe('INT');
    expect(nodes.find((n) => n.path === 'graph/ru')!.seedType).toBe('FLOAT');
    expect(nodes.filter((n) => n.seed !== undefined).map((n) => [n.path, n.seed])).toEqual([
      ['graph/ru_fixed', 77],
    ]);
    expect(nodes[1]!.segments).toEqual(['graph', 'RandomNormal#1']);
  });
});

describe('seedModel', () => {
  const seeded = seedModel(unseeded, 42);

  it('seeds every unseeded random node with the documented derived value, keeping explicit seeds', () => {
    const nodes = listRandomNodes(seeded);
    expect(nodes.map((n) => n.path)).toEqual(RANDOM_PATHS.map(([p]) => p));
    for (const n of nodes) {
      if (n.path === 'graph/ru_fixed') expect(n.seed).toBe(77);
      else expect(n.seed).toBe(documentedSeed(42, n.segments));
      expect(Number.isInteger(n.seed)).toBe(true);
      expect(n.seed).toBeGreaterThanOrEqual(SEED_MIN);
      expect(n.seed).toBeLessThan(SEED_END);
    }
    expect(new Set(nodes.map((n) => n.seed)).size).toBe(nodes.length);
  });

  it('is deterministic, and depends on the root', () => {
    expect(hex(seedModel(unseeded, 42))).toBe(hex(seeded));
    expect(hex(seedModel(unseeded, rootSeed(42)))).toBe(hex(seeded));
    const other = listRandomNodes(seedModel(unseeded, 43));
    const mine = listRandomNodes(seeded);
    for (let i = 0; i < mine.length; i++) {
      if (mine[i]!.path !== 'graph/ru_fixed') expect(other[i]!.seed).not.toBe(mine[i]!.seed);
    }
  });

  it('changes only the seed attributes: stripping them gives back the original bytes', () => {
    const model = decodeModel(seeded);
    const strip = (nodes: NodeProto[] | null | undefined) => {
      for (const node of nodes ?? []) {
        if (node.name !== 'ru_fixed')
          node.attribute = (node.attribute ?? []).filter((a) => a.name !== 'seed');
        for (const a of node.attribute ?? []) {
          if (a.g) strip(a.g.node);
          for (const g of a.graphs ?? []) strip(g.node);
        }
      }
    };
    strip(model.graph!.node);
    for (const f of model.functions ?? []) strip(f.node);
    expect(hex(encodeModel(model))).toBe(hex(unseeded));
    expect(seeded.length).toBeGreaterThan(unseeded.length);
  });

  it('writes seed attributes exactly as the onnx Python package does (byte-identical to the Python-seeded file)', () => {
    // scripts/gen-fixtures-seed.py seeded each unseeded random node with 1000 + 7k (walk order), appending the
    // attribute; setNodeSeeds shares seedModel's splicing, so the bytes must match Python's serialization.
    const seeds: Record<string, number> = {};
    let k = 0;
    for (const n of listRandomNodes(unseeded)) if (n.seed === undefined) seeds[n.path] = 1000 + 7 * k++;
    expect(k).toBe(python.pyseeded.seededNodes);
    expect(hex(setNodeSeeds(unseeded, seeds))).toBe(hex(pyseeded));
  });

  it('keeps fields unknown to the pinned schema (which decodeModel/encodeModel would drop)', () => {
    // field 999 (varint 7) appended to the ModelProto: a newer-ONNX field for this schema
    const unknownField = new Uint8Array([0xb8, 0x3e, 0x07]);
    const withUnknown = new Uint8Array([...unseeded, ...unknownField]);
    expect(encodeModel(decodeModel(withUnknown)).length).toBe(unseeded.length);
    const out = seedModel(withUnknown, 42);
    expect(hex(out)).toBe(hex(new Uint8Array([...seeded, ...unknownField])));
  });

  it('leaves models whose random nodes are all seeded byte-identical (and returns a copy)', () => {
    const out = seedModel(pyseeded, 42);
    expect(hex(out)).toBe(hex(pyseeded));
    expect(out).not.toBe(pyseeded);
    const mlp = fixture('seed-mlp.onnx');
    expect(hex(seedModel(mlp, 1))).toBe(hex(mlp));
  });

  it('replaces explicit seeds only with { overwrite: true }', () => {
    const kept = listRandomNodes(seedModel(pyseeded, 5));
    expect(kept.map((n) => n.seed)).toEqual(listRandomNodes(pyseeded).map((n) => n.seed));
    const over = listRandomNodes(seedModel(pyseeded, 5, { overwrite: true }));
    for (const n of over) expect(n.seed).toBe(documentedSeed(5, n.segments));
    // overwriting the Python seeds gives the same bytes as seeding the unseeded model with ru_fixed overwritten
    expect(hex(seedModel(pyseeded, 5, { overwrite: true }))).toBe(
      hex(seedModel(unseeded, 5, { overwrite: true })),
    );
  });

  it('resolves collisions deterministically: a taken value is re-derived with derive(k)', () => {
    const nodes = listRandomNodes(seeded);
    const ru = nodes.find((n) => n.path === 'graph/ru')!;
    // give ru_fixed exactly the value ru would get: ru must move to derive(1)
    const clash = setNodeSeeds(unseeded, { 'graph/ru_fixed': ru.seed as number });
    const after = listRandomNodes(seedModel(clash, 42));
    expect(after.find((n) => n.path === 'graph/ru_fixed')!.seed).toBe(ru.seed);
    expect(after.find((n) => n.path === 'graph/ru')!.seed).toBe(documentedSeed(42, ['graph', 'ru'], 1));
    expect(new Set(after.map((n) => n.seed)).size).toBe(after.length);
    // explicit seeds that ORT folds onto the same engine state count as taken too
    // (Dropout's INT seed v + (2^31 - 1) is engine state v)
    const folded = setNodeSeeds(unseeded, { 'graph/drop': (ru.seed as number) + 2 ** 31 - 1 });
    expect(listRandomNodes(folded).find((n) => n.path === 'graph/drop')!.seed).toBe(
      (ru.seed as number) + 2 ** 31 - 1,
    );
    const afterFolded = listRandomNodes(seedModel(folded, 42));
    expect(afterFolded.find((n) => n.path === 'graph/ru')!.seed).toBe(documentedSeed(42, ['graph', 'ru'], 1));
  });

  it('effectiveEngineSeed predicts which seed values ORT runs identically (Python onnxruntime 1.30 fixture)', () => {
    const cases: [op: string, type: 'FLOAT' | 'INT', parse: (s: string | number) => number | bigint][] = [
      ['RandomUniform', 'FLOAT', (x) => Number(x)],
      ['Dropout', 'INT', (x) => BigInt(x)],
    ];
    for (const [op, type, parse] of cases) {
      const rows = (python.seedFolding[op] as { seed: string | number; hex: string }[]).map((r) => ({
        seed: parse(r.seed),
        hex: r.hex,
        engine: effectiveEngineSeed(parse(r.seed), type),
      }));
      expect(rows.length).toBeGreaterThan(15);
      let sameStreams = 0;
      for (const a of rows) {
        expect(a.engine, `${op} ${a.seed}`).toBeTypeOf('number');
        for (const b of rows) {
          expect(a.engine === b.engine, `${op} seeds ${a.seed} and ${b.seed}`).toBe(a.hex === b.hex);
          if (a !== b && a.hex === b.hex) sameStreams++;
        }
      }
      expect(sameStreams).toBeGreaterThan(10);
    }
    expect(effectiveEngineSeed(Number.NaN)).toBeUndefined();
    expect(effectiveEngineSeed(1.5, 'INT')).toBeUndefined();
    expect(effectiveEngineSeed(2n ** 63n, 'INT')).toBeUndefined();
  });

  it('skips Dropout before opset 12 (no seed attribute there) and ops outside the ONNX domain', () => {
    const model: ModelProto = {
      irVersion: 7,
      opsetImport: [{ domain: '', version: 11 }],
      graph: {
        name: 'g',
        node: [
          { opType: 'Dropout', input: ['x'], output: ['y'], name: 'd' },
          { opType: 'RandomUniform', output: ['r'], name: 'r', domain: 'custom', attribute: [] },
          {
            opType: 'RandomUniform',
            output: ['u'],
            attribute: [{ name: 'shape', type: AttributeType.INTS, ints: [2] }],
          },
        ],
        input: [{ name: 'x', type: { tensorType: { elemType: 1, shape: { dim: [{ dimValue: 2 }] } } } }],
        output: [{ name: 'y', type: { tensorType: { elemType: 1 } } }],
      },
    };
    const bytes = encodeModel(model);
    const nodes = listRandomNodes(bytes);
    expect(nodes.map((n) => [n.path, n.seedable])).toEqual([
      ['graph/d', false],
      ['graph/RandomUniform#2', true],
    ]);
    const seededNodes = listRandomNodes(seedModel(bytes, 3));
    expect(seededNodes[0]!.seed).toBeUndefined();
    expect(seededNodes[1]!.seed).toBe(documentedSeed(3, ['graph', 'RandomUniform#2']));
    expect(() => setNodeSeeds(bytes, { 'graph/d': 5 })).toThrow(/opset < 12/);
  });

  it('walks GRAPHS list attributes (index segment) and accepts ArrayBuffer input', () => {
    const body = (i: number) => ({
      name: `b${i}`,
      node: [
        {
          opType: 'RandomUniform',
          output: ['r'],
          attribute: [{ name: 'shape', type: AttributeType.INTS, ints: [1] }],
        },
      ],
      output: [{ name: 'r', type: { tensorType: { elemType: 1 } } }],
    });
    const model: ModelProto = {
      irVersion: 8,
      opsetImport: [{ domain: '', version: 18 }],
      graph: {
        name: 'g',
        node: [
          {
            opType: 'Holder',
            domain: 'custom',
            name: 'holder',
            output: ['y'],
            attribute: [{ name: 'bodies', type: AttributeType.GRAPHS, graphs: [body(0), body(1)] }],
          },
        ],
        output: [{ name: 'y', type: { tensorType: { elemType: 1 } } }],
      },
    };
    const bytes = encodeModel(model);
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const nodes = listRandomNodes(seedModel(buffer, 9));
    expect(nodes.map((n) => [n.path, n.seed])).toEqual([
      [
        'graph/holder/bodies/0/RandomUniform#0',
        documentedSeed(9, ['graph', 'holder', 'bodies', '0', 'RandomUniform#0']),
      ],
      [
        'graph/holder/bodies/1/RandomUniform#0',
        documentedSeed(9, ['graph', 'holder', 'bodies', '1', 'RandomUniform#0']),
      ],
    ]);
  });

  it('uses the root of seedEverything() when no seed is given (adapter registered on import)', () => {
    const saved = defaultRoot();
    try {
      expect(registeredAdapters().map((a) => a.name)).toContain(ADAPTER_NAME);
      setDefaultRoot(undefined);
      expect(() => seedModel(unseeded)).toThrow(SeedkitTypeError);
      expect(() => seedModel(unseeded)).toThrow(/seedEverything/);
      seedEverything(42, { log: () => undefined });
      expect(hex(seedModel(unseeded))).toBe(hex(seeded));
    } finally {
      setDefaultRoot(saved);
    }
  });

  it('seedModelFile reads, seeds and writes', () => {
    const src = join(tmp, 'in.onnx');
    const dst = join(tmp, 'out.onnx');
    writeFileSync(src, unseeded);
    const out = seedModelFile(src, dst, 42);
    expect(hex(new Uint8Array(readFileSync(dst)))).toBe(hex(seeded));
    expect(hex(out)).toBe(hex(seeded));
    expect(() => seedModelFile(42 as unknown as string, dst, 1)).toThrow(/inputPath/);
  });

  it('rejects bad input with typed errors naming the argument or node', () => {
    expect(() => seedModel(new Uint8Array([1, 2, 3]), 1)).toThrow(SeedkitValueError);
    expect(() => seedModel(new Uint8Array([1, 2, 3]), 1)).toThrow(/^model /);
    expect(() => seedModel('model.onnx' as unknown as Uint8Array, 1)).toThrow(SeedkitTypeError);
    expect(() => seedModel(encodeModel({ irVersion: 8 }), 1)).toThrow(/model: the ModelProto has no graph/);
    expect(() => seedModel(unseeded, true as unknown as number)).toThrow(SeedkitTypeError);
    expect(() => seedModel(unseeded, true as unknown as number)).toThrow(/^seed: /);
    expect(() => seedModel(unseeded, null as unknown as number)).toThrow(SeedkitTypeError);
    expect(() => seedModel(unseeded, {} as unknown as number)).toThrow(/^seed: /);
    expect(() => seedModel(unseeded, -1)).toThrow(SeedkitValueError);
    expect(() => seedModel(unseeded, -1)).toThrow(/^seed: /);
    expect(() => seedModel(unseeded, 1.5)).toThrow(/^seed: /);
    expect(() => seedModel(unseeded, 1, { overwrite: 'yes' as unknown as boolean })).toThrow(
      /options\.overwrite/,
    );
    expect(() => seedModel(unseeded, 1, { force: true } as object)).toThrow(/unknown option "force"/);
    // a Random* seed stored as INT is the wrong type: named error, unless overwrite
    const wrong = decodeModel(unseeded);
    wrong
      .graph!.node!.find((n) => n.name === 'ru')!
      .attribute!.push({ name: 'seed', type: AttributeType.INT, i: 5 });
    const wrongBytes = encodeModel(wrong);
    expect(() => seedModel(wrongBytes, 1)).toThrow(
      /node "graph\/ru" \(RandomUniform\): its seed attribute has type INT/,
    );
    expect(listRandomNodes(seedModel(wrongBytes, 1, { overwrite: true }))[0]!.seed).toBe(
      documentedSeed(1, ['graph', 'ru']),
    );
    const twice = decodeModel(unseeded);
    twice
      .graph!.node!.find((n) => n.name === 'ru')!
      .attribute!.push(
        { name: 'seed', type: AttributeType.FLOAT, f: 5 },
        { name: 'seed', type: AttributeType.FLOAT, f: 6 },
      );
    expect(() => seedModel(encodeModel(twice), 1)).toThrow(
      /"graph\/ru" \(RandomUniform\) has 2 seed attributes/,
    );
    expect(() => setNodeSeeds(unseeded, { 'graph/nope': 3 })).toThrow(/no random node at "graph\/nope"/);
    expect(() => setNodeSeeds(unseeded, { 'graph/ru': 2 ** 24 + 1 })).toThrow(
      /not exactly representable as float32/,
    );
    expect(() => setNodeSeeds(unseeded, { 'graph/drop': 1.5 })).toThrow(SeedkitTypeError);
  });
});

describe('seeded models in onnxruntime-node', () => {
  it('run the Python-seeded model bit-identically to Python onnxruntime 1.30 (runs 1 and 2)', async () => {
    const [run1, run2] = await runInProcess(pyseeded, 2, condFeed());
    for (const [name, ref] of Object.entries(python.pyseeded.run1 as Record<string, { hex: string }>)) {
      expect(run1![name], name).toBe(ref.hex);
    }
    for (const [name, ref] of Object.entries(python.pyseeded.run2 as Record<string, { hex: string }>)) {
      expect(run2![name], name).toBe(ref.hex);
    }
  });

  it('repeat exactly in two processes; differ across roots; distinct nodes draw different streams', async () => {
    const a = join(tmp, 'seeded-42.onnx');
    const b = join(tmp, 'seeded-43.onnx');
    const c = join(tmp, 'unseeded.onnx');
    writeFileSync(a, seedModel(unseeded, 42));
    writeFileSync(b, seedModel(unseeded, 43));
    writeFileSync(c, unseeded);
    const [p1, p2, q, u1, u2] = await Promise.all([
      runInChild(a, 2),
      runInChild(a, 2),
      runInChild(b, 1),
      runInChild(c, 1),
      runInChild(c, 1),
    ]);
    expect(p1).toEqual(p2);
    expect(p1![0]).toEqual((await runInProcess(seedModel(unseeded, 42), 1, condFeed()))[0]);
    const outputs = Object.keys(p1![0]!);
    expect(outputs).toHaveLength(13);
    for (const name of outputs) {
      if (name === 'ru_fixed') expect(q![0]![name]).toBe(p1![0]![name]);
      else expect(q![0]![name], name).not.toBe(p1![0]![name]);
      // run 2 of a session continues each node's stream
      expect(p1![1]![name], name).not.toBe(p1![0]![name]);
    }
    // control: the unseeded model is not reproducible across processes (seed = time + node index)
    expect(outputs.some((n) => n !== 'ru_fixed' && u1![0]![n] !== u2![0]![n])).toBe(true);
  });

  it('gives distinct streams to identical unnamed nodes (and to each Loop iteration)', async () => {
    const shape = { name: 'shape', type: AttributeType.INTS, ints: [8] };
    const model: ModelProto = {
      irVersion: 8,
      opsetImport: [{ domain: '', version: 18 }],
      graph: {
        name: 'same',
        node: [0, 1, 2, 3].map((i) => ({ opType: 'RandomUniform', output: [`r${i}`], attribute: [shape] })),
        output: [0, 1, 2, 3].map((i) => ({
          name: `r${i}`,
          type: { tensorType: { elemType: 1, shape: { dim: [{ dimValue: 8 }] } } },
        })),
      },
    };
    const [out] = await runInProcess(seedModel(encodeModel(model), 7));
    const values = Object.values(out!);
    expect(new Set(values).size).toBe(4);
    // duplicate node names give equal paths: the later node is re-derived with derive(1)
    model.graph!.node!.forEach((n) => {
      n.name = 'dup';
    });
    const dup = listRandomNodes(seedModel(encodeModel(model), 7));
    expect(dup.map((n) => n.path)).toEqual(['graph/dup', 'graph/dup', 'graph/dup', 'graph/dup']);
    expect(dup.map((n) => n.seed)).toEqual([
      documentedSeed(7, ['graph', 'dup']),
      documentedSeed(7, ['graph', 'dup'], 1),
      documentedSeed(7, ['graph', 'dup'], 2),
      documentedSeed(7, ['graph', 'dup'], 3),
    ]);
    const [loop] = await runInProcess(seedModel(unseeded, 42), 1, condFeed());
    const rows = loop!.loop_out!.match(/.{24}/g)!;
    expect(new Set(rows).size).toBe(3);
  });
});
