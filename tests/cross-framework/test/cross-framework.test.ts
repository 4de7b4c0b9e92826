import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { rootSeed } from '@seedkit/core';
import { dropoutKeepMask, epochOrder as npEpochOrder } from '@seedkit/numpy-random';
import { beforeAll, describe, expect, it } from 'vitest';
// The demo's modules, in-process (workspace packages resolve to their src/ through the vitest aliases).
import { CONFIG, PARAMS, runDemo } from '../../../examples/unified-seeding/src/demo.mjs';

type Run = {
  losses: number[];
  initial: Float32Array[];
  final: Float32Array[];
  orders: Uint32Array[];
  masks: Uint8Array[];
  step0Grads?: Float32Array[];
};
type Demo = {
  tfjs: Run;
  onnxruntime: Run;
  ortStep0: { loss: number; grads: Float32Array[] };
  json: {
    seed: number;
    tfjs: { losses: number[] };
    onnxruntime: { losses: number[] };
    initialWeightsEqual: boolean;
    batchOrderEqual: boolean;
    dropoutMasksEqual: boolean;
    maxRelLossDiff: number;
    step0GradMaxRelDiff: number;
    fingerprint: string;
  };
};

const hex = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('hex');
const rel = (a: number, b: number) => (a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b)));

let d42: Demo;
beforeAll(async () => {
  d42 = (await runDemo({ seed: 42, steps: 50 })) as Demo;
}, 90_000);

describe('same seed → same streams in tf.js and ONNX Runtime (demo MLP, seed 42, 50 steps)', () => {
  it('initial weights are bitwise identical, and equal NumPy’s (numpy-random fixture)', () => {
    expect(d42.tfjs.initial.map(hex)).toEqual(d42.onnxruntime.initial.map(hex));
    expect(d42.json.initialWeightsEqual).toBe(true);
    // packages/numpy-random/fixtures/training-streams.json: drawn by real NumPy from seedkit_protocol.derive.
    const fx = JSON.parse(
      readFileSync(
        new URL('../../../packages/numpy-random/fixtures/training-streams.json', import.meta.url),
        'utf8',
      ),
    ) as { params: { root: number; path: string; bits: string }[] };
    let checked = 0;
    PARAMS.forEach((p: { path: string }, i: number) => {
      const f = fx.params.find((q) => q.root === 42 && q.path === p.path);
      if (f) {
        expect(hex(d42.tfjs.initial[i] as Float32Array)).toBe(f.bits);
        checked++;
      }
    });
    expect(checked).toBe(2);
    // kernels are not all zero, biases are
    expect(d42.tfjs.initial[0]?.some((v) => v !== 0)).toBe(true);
    expect(d42.tfjs.initial[1]?.every((v) => v === 0)).toBe(true);
  });
  it('batch order is identical, and is the shared epochOrder', () => {
    const epochs = Math.ceil((50 * CONFIG.batchSize) / CONFIG.samples);
    expect(d42.tfjs.orders).toHaveLength(epochs);
    expect(d42.tfjs.orders.map(hex)).toEqual(d42.onnxruntime.orders.map(hex));
    d42.tfjs.orders.forEach((o, e) => {
      expect(hex(o)).toBe(hex(npEpochOrder(rootSeed(42), e, CONFIG.samples)));
    });
    expect(hex(d42.tfjs.orders[0] as Uint32Array)).not.toBe(hex(d42.tfjs.orders[1] as Uint32Array));
    expect(d42.json.batchOrderEqual).toBe(true);
  });
  it('dropout masks are identical at every step, and are the shared dropoutKeepMask', () => {
    expect(d42.tfjs.masks).toHaveLength(50);
    expect(d42.tfjs.masks.map(hex)).toEqual(d42.onnxruntime.masks.map(hex));
    const size = CONFIG.batchSize * CONFIG.hidden;
    expect(hex(d42.tfjs.masks[7] as Uint8Array)).toBe(
      hex(dropoutKeepMask(rootSeed(42), 'dropout', 7, size, CONFIG.dropout)),
    );
    const kept = (d42.tfjs.masks[0] as Uint8Array).reduce((a, c) => a + c, 0) / size;
    expect(kept).toBeGreaterThan(0.7);
    expect(kept).toBeLessThan(0.9);
    expect(hex(d42.tfjs.masks[0] as Uint8Array)).not.toBe(hex(d42.tfjs.masks[1] as Uint8Array));
    expect(d42.json.dropoutMasksEqual).toBe(true);
  });
  it('losses agree within 1e-5 relative over 50 float32 steps, and the model learns', () => {
    const a = d42.tfjs.losses;
    const b = d42.onnxruntime.losses;
    expect(a).toHaveLength(50);
    expect(b).toHaveLength(50);
    const worst = Math.max(...a.map((x, i) => rel(x, b[i] as number)));
    expect(worst).toBeLessThanOrEqual(1e-5);
    expect(d42.json.maxRelLossDiff).toBe(worst);
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean(a.slice(-8))).toBeLessThan(0.8 * mean(a.slice(0, 8)));
  });
  it('step-0 gradients agree within 1e-5 (relative to each tensor’s largest gradient) and the step-0 loss too', () => {
    const tg = d42.tfjs.step0Grads as Float32Array[];
    const og = d42.ortStep0.grads;
    expect(tg).toHaveLength(4);
    tg.forEach((g, i) => {
      const o = og[i] as Float32Array;
      expect(o.length).toBe(g.length);
      const scale = Math.max(...Array.from(o, Math.abs));
      expect(scale).toBeGreaterThan(0);
      const diff = Math.max(...Array.from(g, (v, k) => Math.abs(v - (o[k] as number))));
      expect(diff / scale).toBeLessThanOrEqual(1e-5);
    });
    expect(rel(d42.ortStep0.loss, d42.tfjs.losses[0] as number)).toBeLessThanOrEqual(1e-5);
    expect(rel(d42.ortStep0.loss, d42.onnxruntime.losses[0] as number)).toBe(0);
  });
});

describe('the streams equal NumPy’s', () => {
  it('fingerprint of initial weights + batch orders + masks = NumPy + seedkit_protocol (demo fixture, seed 42)', () => {
    // examples/unified-seeding/fixtures/numpy-seed-42.json: scripts/gen-numpy-fixture.py with real NumPy.
    const fx = JSON.parse(
      readFileSync(
        new URL('../../../examples/unified-seeding/fixtures/numpy-seed-42.json', import.meta.url),
        'utf8',
      ),
    ) as { streams: Record<string, string> };
    expect(fx.streams['50']).toMatch(/^[0-9a-f]{64}$/);
    expect(d42.json.fingerprint).toBe(fx.streams['50']);
  });
});

describe('different seeds differ', () => {
  it('seed 43: other weights, batch order, masks and fingerprint', async () => {
    const d43 = (await runDemo({ seed: 43, steps: 3 })) as Demo;
    expect(d43.json.initialWeightsEqual && d43.json.batchOrderEqual && d43.json.dropoutMasksEqual).toBe(true);
    expect(hex(d43.tfjs.initial[0] as Float32Array)).not.toBe(hex(d42.tfjs.initial[0] as Float32Array));
    expect(hex(d43.tfjs.initial[2] as Float32Array)).not.toBe(hex(d42.tfjs.initial[2] as Float32Array));
    expect(hex(d43.tfjs.orders[0] as Uint32Array)).not.toBe(hex(d42.tfjs.orders[0] as Uint32Array));
    expect(hex(d43.tfjs.masks[0] as Uint8Array)).not.toBe(hex(d42.tfjs.masks[0] as Uint8Array));
    expect(d43.json.fingerprint).not.toBe(d42.json.fingerprint);
  });
});

describe('the demo’s --json output (built packages, two processes)', () => {
  const main = new URL('../../../examples/unified-seeding/src/main.mjs', import.meta.url).pathname;
  const run = async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [main, '--json', '--quick'], {
      timeout: 60_000,
      maxBuffer: 1 << 24,
    });
    const lines = stdout.trim().split('\n');
    return lines[lines.length - 1] as string;
  };
  it('is identical across two processes and equals the in-process run', async () => {
    const a = await run();
    const b = await run();
    expect(b).toBe(a);
    const j = JSON.parse(a) as Demo['json'];
    const fx = JSON.parse(
      readFileSync(
        new URL('../../../examples/unified-seeding/fixtures/numpy-seed-42.json', import.meta.url),
        'utf8',
      ),
    ) as { streams: Record<string, string> };
    expect(j.fingerprint).toBe(fx.streams['20']);
    expect(j.seed).toBe(42);
    expect(j.tfjs.losses).toHaveLength(20);
    expect(j.initialWeightsEqual && j.batchOrderEqual && j.dropoutMasksEqual).toBe(true);
    expect(j.maxRelLossDiff).toBeLessThanOrEqual(1e-5);
    const inProc = (await runDemo({ seed: 42, steps: 20 })) as Demo;
    expect(j).toEqual(JSON.parse(JSON.stringify(inProc.json)));
  });
});
