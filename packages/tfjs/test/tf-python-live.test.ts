// Live cross-check against the installed TensorFlow/Keras (run by `test:live` with SEEDKIT_LIVE=1): random
// seeds, shapes and options each run, computed by Python and by @seedkit/tfjs/tf-python, compared bit for bit.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { data, keras, random } from '../src/tf-python/index.js';
import { type Encoded, expectBits } from './tf-python-helpers.js';

const LIVE = process.env.SEEDKIT_LIVE === '1';
const venv = fileURLToPath(new URL('../../../.venv/bin/python', import.meta.url));
const python =
  process.env.SEEDKIT_PYTHON ??
  (existsSync(venv) ? venv : existsSync('/work/.venv/bin/python') ? '/work/.venv/bin/python' : 'python3');
const hasTf =
  LIVE &&
  spawnSync(python, ['-c', 'import tensorflow, keras'], {
    env: { ...process.env, TF_CPP_MIN_LOG_LEVEL: '3' },
  }).status === 0;
const script = fileURLToPath(new URL('../scripts/gen-fixtures-tf-python.py', import.meta.url));

const runSeed = Number(process.env.SEEDKIT_LIVE_SEED ?? Date.now() % 1_000_000);
let state = runSeed;
/** A small LCG so a failing run can be replayed with SEEDKIT_LIVE_SEED. */
const rnd = (n: number) => {
  state = (state * 1103515245 + 12345) % 2147483648;
  return state % n;
};
const int64 = () => (BigInt(rnd(2 ** 30)) << 33n) - (BigInt(rnd(2 ** 30)) << 3n) - BigInt(rnd(1000));
const shape = () => Array.from({ length: rnd(3) }, () => rnd(9));

describe.skipIf(!hasTf)(`live: tf-python against ${python} (SEEDKIT_LIVE_SEED=${runSeed})`, () => {
  it('random stateless calls, Keras initializers and a stateful sequence match', () => {
    const spec: any[] = [];
    const fns = ['uniform', 'normal', 'truncated_normal'];
    for (let i = 0; i < 30; i++) {
      const fn = fns[rnd(3)]!;
      const dtype =
        fn === 'uniform'
          ? ['float32', 'float64', 'int32', 'int64'][rnd(4)]!
          : ['float32', 'float64'][rnd(2)]!;
      const kwargs: Record<string, unknown> = { dtype };
      if (dtype.startsWith('int'))
        Object.assign(kwargs, { minval: String(-rnd(100)), maxval: String(1 + rnd(1000)) });
      else if (fn === 'uniform') Object.assign(kwargs, { minval: -rnd(5) / 4, maxval: 1 + rnd(8) / 3 });
      else Object.assign(kwargs, { mean: rnd(7) - 3, stddev: 0.25 + rnd(8) / 4 });
      spec.push({ kind: 'stateless', fn, shape: shape(), seed: [String(int64()), String(int64())], kwargs });
    }
    const inits = ['GlorotUniform', 'GlorotNormal', 'HeNormal', 'HeUniform', 'LecunNormal', 'LecunUniform'];
    for (let i = 0; i < 10; i++) {
      spec.push({
        kind: 'keras',
        init: inits[rnd(6)],
        seed: String(int64()),
        shape: [1 + rnd(6), 1 + rnd(6)],
      });
    }
    const steps: any[] = [{ op: 'set_seed', seed: String(rnd(2 ** 30)) }];
    for (let i = 0; i < 20; i++) {
      const op = fns[rnd(3)]!;
      const st: any = { op, shape: shape() };
      if (rnd(3) === 0) st.seed = String(rnd(5));
      if (op === 'uniform' && rnd(2) === 0)
        Object.assign(st, { dtype: 'int32', minval: -rnd(9), maxval: 1 + rnd(99) });
      steps.push(st);
    }
    spec.push({ kind: 'stateful', steps });
    const out = JSON.parse(
      execFileSync(python, [script, '--live'], {
        input: JSON.stringify(spec),
        env: { ...process.env, TF_CPP_MIN_LOG_LEVEL: '3' },
        maxBuffer: 1 << 26,
      }).toString(),
    ) as any[];
    expect(out.length).toBe(spec.length);
    spec.forEach((c, i) => {
      const label = JSON.stringify(c).slice(0, 200);
      if (c.kind === 'stateless') {
        const seed = [BigInt(c.seed[0]), BigInt(c.seed[1])];
        const k = c.kwargs;
        const isInt = k.dtype.startsWith('int');
        const got =
          c.fn === 'uniform'
            ? random.statelessUniformValues(c.shape, seed, {
                dtype: k.dtype,
                minval: isInt ? BigInt(k.minval) : k.minval,
                maxval: isInt ? BigInt(k.maxval) : k.maxval,
              })
            : (c.fn === 'normal' ? random.statelessNormalValues : random.statelessTruncatedNormalValues)(
                c.shape,
                seed,
                {
                  dtype: k.dtype,
                  mean: k.mean,
                  stddev: k.stddev,
                },
              );
        expectBits(got, out[i] as Encoded, c.shape, label);
      } else if (c.kind === 'keras') {
        const init = new (keras.initializers as any)[c.init]({ seed: BigInt(c.seed) });
        expectBits(init.applyValues(c.shape), out[i] as Encoded, c.shape, label);
      } else if (c.kind === 'stateful') {
        c.steps.forEach((st: any, j: number) => {
          if (st.op === 'set_seed') {
            random.setSeed(BigInt(st.seed));
            return;
          }
          const seed = st.seed === undefined ? undefined : BigInt(st.seed);
          const fn: (shape: number[], opts: any) => random.Values =
            st.op === 'uniform'
              ? random.uniformValues
              : st.op === 'normal'
                ? random.normalValues
                : random.truncatedNormalValues;
          expectBits(
            fn(st.shape, { ...st, seed, op: undefined, shape: undefined }),
            out[i][j],
            st.shape,
            `${label} step ${j}`,
          );
        });
      }
    });
  });

  it('shuffles match', async () => {
    const cases = Array.from({ length: 5 }, () => ({
      n: rnd(300),
      buffer: 1 + rnd(100),
      seed: int64(),
      reshuffle: rnd(2) === 0,
    }));
    const out = JSON.parse(
      execFileSync(python, [script, '--live'], {
        input: JSON.stringify(cases.map((c) => ({ kind: 'shuffle', ...c, seed: String(c.seed), epochs: 3 }))),
        env: { ...process.env, TF_CPP_MIN_LOG_LEVEL: '3' },
      }).toString(),
    ) as number[][][];
    random.setSeed(null);
    for (const [i, c] of cases.entries()) {
      const ds = data.range(c.n).shuffle(c.buffer, { seed: c.seed, reshuffleEachIteration: c.reshuffle });
      const got = [await ds.toArray(), await ds.toArray(), await ds.toArray()];
      expect(got, JSON.stringify({ ...c, seed: String(c.seed) })).toEqual(out[i]);
    }
  });
});
