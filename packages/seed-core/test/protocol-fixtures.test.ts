import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  PROTOCOL_VERSION,
  rootSeed,
  type SeedInput,
  SeedkitTypeError,
  SeedkitValueError,
  SeedSequence,
  stringSegmentWords,
} from '../src/index.js';
import { decode, fixture, hex32, hex64 } from './fixture-codec.js';

interface Vector {
  root: unknown;
  path: (string | number)[];
  spawnKey: number[];
  pool: string[];
  u32: string[];
  u64: string[];
}
const data = fixture<{
  protocolVersion: number;
  numpy: string;
  segments: { segment: string; words: string[] }[];
  vectors: Vector[];
  segmentErrors: { segment: unknown; error: string }[];
  rootErrors: { root: string; error: string }[];
}>('protocol.json');

describe(`protocol v${data.protocolVersion} against python/seedkit_protocol.py + numpy ${data.numpy}`, () => {
  it('has the same protocol version', () => {
    expect(PROTOCOL_VERSION).toBe(data.protocolVersion);
  });

  it.each(data.segments.map((s) => [JSON.stringify(s.segment).slice(0, 30), s] as const))(
    'string segment %s',
    (_, s) => {
      expect(hex32(Uint32Array.from(stringSegmentWords(s.segment)))).toEqual(s.words);
    },
  );

  it(`derives all ${data.vectors.length} vectors`, () => {
    for (const v of data.vectors) {
      for (const ints of ['bigint', 'number'] as const) {
        const seed = rootSeed(decode(v.root, ints) as SeedInput).derive(...v.path);
        const what = `${JSON.stringify(v.root)} ${JSON.stringify(v.path)}`;
        expect([...seed.spawnKey], what).toEqual(v.spawnKey);
        expect(hex32(seed.pool), what).toEqual(v.pool);
        expect(hex32(seed.generateState(8)), what).toEqual(v.u32);
        expect(hex64(seed.generateState(4, 'uint64')), what).toEqual(v.u64);
        // chaining one segment at a time gives the same seed
        let chained = rootSeed(decode(v.root, ints) as SeedInput);
        for (const seg of v.path) chained = chained.derive(seg);
        expect(hex32(chained.generateState(8)), what).toEqual(v.u32);
        // and a Seed is SeedSequence(root entropy, spawnKey = its words)
        const ss = new SeedSequence(seed.entropy as bigint, {
          spawnKey: seed.spawnKey,
          poolSize: seed.poolSize,
        });
        expect(hex32(ss.generateState(8)), what).toEqual(v.u32);
      }
    }
  });

  it.each(data.segmentErrors.map((e) => [JSON.stringify(e.segment), e] as const))(
    'refuses segment %s',
    (_, e) => {
      const cls = e.error === 'TypeError' ? SeedkitTypeError : SeedkitValueError;
      expect(() => rootSeed(0).derive(decode(e.segment, 'number') as string)).toThrow(cls);
      expect(() => rootSeed(0).derive(decode(e.segment, 'number') as string)).toThrow(/^derive: path\[0\]/);
    },
  );

  it.each(data.rootErrors.map((e) => [JSON.stringify(e.root), e] as const))(
    'refuses root string %s',
    (_, e) => {
      expect(e.error).toBe('ValueError');
      expect(() => rootSeed(e.root)).toThrow(SeedkitValueError);
      expect(() => rootSeed(e.root)).toThrow(/^seed: /);
    },
  );
});

describe('PROTOCOL.md', () => {
  const doc = readFileSync(new URL('../PROTOCOL.md', import.meta.url), 'utf8');
  const table = doc.split('<!-- vectors:start -->')[1]!.split('<!-- vectors:end -->')[0]!;
  const rows = table
    .split('\n')
    .filter((l) => l.startsWith('| `'))
    .map((l) => l.split('|').map((c) => c.trim()));
  it('states the protocol version', () => {
    expect(doc).toContain(`**Protocol version: ${PROTOCOL_VERSION}**`);
  });
  it('has a vector table that this implementation reproduces', () => {
    expect(rows.length).toBeGreaterThanOrEqual(8);
    for (const [, rootCell, pathCell, keyCell, wordsCell] of rows) {
      const rootText = rootCell!.slice(1, -1);
      const parsed = JSON.parse(/^\d+$/.test(rootText) ? `"${rootText}"` : rootText) as string | number[];
      const seed = rootSeed(parsed as SeedInput).derive(
        ...(JSON.parse(pathCell!.slice(1, -1)) as (string | number)[]),
      );
      const key = seed.spawnKey.map((w) => w.toString(16).padStart(8, '0')).join(' ');
      expect(key || '(none)').toBe(keyCell);
      expect(hex32(seed.generateState(8)).join(' ')).toBe(wordsCell);
    }
  });
});
