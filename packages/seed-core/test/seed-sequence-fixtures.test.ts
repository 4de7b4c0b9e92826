import { describe, expect, it } from 'vitest';
import { SeedkitTypeError, SeedkitValueError, SeedSequence } from '../src/index.js';
import { decode, fixture, hex32, hex64 } from './fixture-codec.js';

interface State {
  pool: string[];
  u32: string[];
  u64: string[];
}
interface Case extends State {
  entropy: unknown;
  poolSize?: number;
  spawnKey?: unknown;
}
interface SpawnCase {
  entropy: unknown;
  poolSize: number;
  spawnKey: unknown;
  first: number;
  n: number;
  nChildrenSpawned: number;
  children: (State & { spawnKey: unknown })[];
  grandchildren: State[];
}
interface ErrorCase {
  what: 'entropy' | 'poolSize' | 'spawnKey' | 'generateState';
  entropy: unknown;
  poolSize?: unknown;
  spawnKey?: unknown;
  nWords?: unknown;
  dtype?: string;
  error: 'TypeError' | 'ValueError';
}
const data = fixture<{ numpy: string; cases: Case[]; spawns: SpawnCase[]; errors: ErrorCase[] }>(
  'seed-sequence.json',
);

function check(ss: SeedSequence, want: State): void {
  expect(hex32(ss.pool)).toEqual(want.pool);
  expect(hex32(ss.generateState(want.u32.length, 'uint32'))).toEqual(want.u32);
  expect(hex64(ss.generateState(want.u64.length, 'uint64'))).toEqual(want.u64);
}

describe(`SeedSequence against numpy ${data.numpy} (fixtures/seed-sequence.json)`, () => {
  it.each(data.cases.map((c) => [JSON.stringify(c.entropy).slice(0, 80), c] as const))('%s', (_, c) => {
    for (const ints of ['bigint', 'number'] as const) {
      const ss = new SeedSequence(decode(c.entropy, ints) as bigint, {
        poolSize: c.poolSize,
        spawnKey: (decode(c.spawnKey ?? [], ints) as bigint[]) ?? [],
      });
      check(ss, c);
      // state round-trips to the same pool
      const st = ss.state;
      const again = new SeedSequence(st.entropy as bigint, { spawnKey: st.spawnKey, poolSize: st.poolSize });
      expect(hex32(again.pool)).toEqual(c.pool);
    }
  });

  it.each(data.spawns.map((c, i) => [i, c] as const))('spawn case %i', (_, c) => {
    const ss = new SeedSequence(decode(c.entropy) as bigint, {
      poolSize: c.poolSize,
      spawnKey: decode(c.spawnKey) as bigint[],
    });
    ss.spawn(c.first);
    const kids = ss.spawn(c.n);
    expect(ss.nChildrenSpawned).toBe(c.nChildrenSpawned);
    expect(kids).toHaveLength(c.children.length);
    kids.forEach((k, i) => {
      expect(k.spawnKey.map(BigInt)).toEqual(decode(c.children[i]!.spawnKey));
      expect(k.nChildrenSpawned).toBe(0);
      check(k, c.children[i]!);
    });
    const grand = kids[kids.length - 1]!.spawn(2);
    grand.forEach((g, i) => {
      check(g, c.grandchildren[i]!);
    });
  });

  it.each(data.errors.map((e) => [`${e.what} ${JSON.stringify(e)}`.slice(0, 100), e] as const))(
    'refuses %s',
    (_, e) => {
      const cls = e.error === 'TypeError' ? SeedkitTypeError : SeedkitValueError;
      const run = () => {
        const ss = new SeedSequence(decode(e.entropy, 'number') as bigint, {
          poolSize: e.what === 'poolSize' ? (decode(e.poolSize, 'number') as number) : undefined,
          spawnKey: e.what === 'spawnKey' ? (decode(e.spawnKey, 'number') as number[]) : undefined,
        });
        if (e.what === 'generateState')
          ss.generateState(decode(e.nWords, 'number') as number, e.dtype as 'uint32');
      };
      expect(run).toThrow(cls);
      try {
        run();
      } catch (err) {
        expect((err as Error).name).toBe(e.error);
        // the message names the argument
        expect((err as Error).message).toMatch(new RegExp(`^(${e.what}|nWords|dtype)`));
      }
    },
  );
});
