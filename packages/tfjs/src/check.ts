import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { Seed as CoreSeed, SeedkitTypeError, SeedkitValueError } from '@seedkit/core';
import { install } from './patch.js';
import { type Seed, type SeedInput, toSeed } from './seed.js';
import { newScope, type Recorder, shared } from './state.js';
import { selfUrl } from './tf.js';

/** A training function: builds, trains and (optionally) returns a model. Called after the seed is set. */
export type TrainFunction = (info: { run: number }) => unknown;

/** A training function exported by a module, so that it can also run in a child process. */
export interface TrainModule {
  /** File path or URL of an ES module (or CommonJS file) Node can import. */
  module: string | URL;
  /** Export name (default `'default'`). */
  export?: string;
}

export interface CheckReproducibleOptions {
  /** Number of runs (≥ 2, default 2). Run 0 is in this process; with a `TrainModule`, the others in children. */
  runs?: number;
  /** Seed set with `setGlobalSeed` before each run (default 0). */
  seed?: SeedInput;
  /** Run runs 1.. in child processes (default: true for a `TrainModule`; a plain function cannot be). */
  childProcess?: boolean;
}

/** Fingerprints of every weight of one model at one step. */
export interface Fingerprint {
  /** Which fit of the run (0 = the first `fit`/`fitDataset` call), or -1 for the model `train` returned. */
  fit: number;
  /** 'initial' (start of fit), 'epoch N' (after epoch N) or 'final' (the returned model). */
  step: string;
  weights: { name: string; hash: string }[];
}

export interface RunTrace {
  run: number;
  where: 'in-process' | 'child-process';
  fingerprints: Fingerprint[];
}

export interface Divergence {
  /** The run that differs from run 0. */
  run: number;
  fit: number;
  step: string;
  /** Weight index and name (as named in run 0) of the first tensor that differs. */
  index: number;
  tensor: string;
  expected: string;
  actual: string;
}

export interface ReproducibilityReport {
  reproducible: boolean;
  /** The first difference from run 0, in training order. */
  divergence: Divergence | undefined;
  runs: RunTrace[];
}

interface WeightsLike {
  getWeights(): {
    dataSync(): ArrayLike<number> & { buffer: ArrayBufferLike; byteOffset: number; byteLength: number };
    dtype: string;
    shape: number[];
  }[];
  weights?: { name: string }[];
}

function isModel(m: unknown): m is WeightsLike {
  return typeof m === 'object' && m !== null && typeof (m as WeightsLike).getWeights === 'function';
}

function fingerprint(model: WeightsLike, fit: number, step: string): Fingerprint {
  const values = model.getWeights();
  const names = model.weights?.map((w) => w.name) ?? [];
  return {
    fit,
    step,
    weights: values.map((t, i) => {
      const d = t.dataSync();
      const h = createHash('sha256');
      h.update(`${t.dtype}[${t.shape.join(',')}]`);
      h.update(new Uint8Array(d.buffer, d.byteOffset, d.byteLength));
      return { name: names[i] ?? `weight${i}`, hash: h.digest('hex') };
    }),
  };
}

function isTrainModule(t: unknown): t is TrainModule {
  return typeof t === 'object' && t !== null && 'module' in t;
}

async function loadTrain(ref: TrainModule): Promise<TrainFunction> {
  const spec = ref.module instanceof URL ? ref.module.href : String(ref.module);
  const url =
    /^[a-z][a-z0-9+.-]*:/i.test(spec) && !/^[a-z]:[\\/]/i.test(spec) ? spec : pathToFileURL(spec).href;
  const mod = (await import(url)) as Record<string, unknown>;
  const name = ref.export ?? 'default';
  let fn = mod[name];
  if (typeof fn !== 'function' && name === 'default')
    fn = (mod.default as Record<string, unknown> | undefined)?.default;
  if (typeof fn !== 'function')
    throw new SeedkitTypeError(`checkReproducible: ${spec} has no function export '${name}'`);
  return fn as TrainFunction;
}

/** Runs `train` once with `seed` set, recording fingerprints at the start of each fit and after each epoch. */
async function recordRun(train: TrainFunction, seed: Seed, run: number): Promise<Fingerprint[]> {
  install();
  const fingerprints: Fingerprint[] = [];
  const fitOf = new Map<object, number>();
  let fits = 0;
  const recorder: Recorder = {
    fitBegin(model) {
      const index = fits++;
      fitOf.set(model, index);
      fingerprints.push(fingerprint(model as WeightsLike, index, 'initial'));
    },
    epochEnd(model, epoch) {
      fingerprints.push(fingerprint(model as WeightsLike, fitOf.get(model) ?? -1, `epoch ${epoch}`));
    },
  };
  const saved = shared.global;
  shared.global = newScope(seed);
  try {
    const result = await shared.als.run({ ...shared.als.getStore(), recorder }, () => train({ run }));
    if (isModel(result)) fingerprints.push(fingerprint(result, -1, 'final'));
  } finally {
    shared.global = saved;
  }
  return fingerprints;
}

interface ChildConfig {
  self: string;
  module: string;
  export: string | undefined;
  seed: unknown;
  run: number;
}

const CHILD_SCRIPT = `
const cfg = JSON.parse(process.env.SEEDKIT_TFJS_CHECK);
const send = (m) => new Promise((r) => process.send(m, r));
try {
  const ns = await import(cfg.self);
  const run = ns.runReproducibilityChild ?? ns.default?.runReproducibilityChild;
  await send({ ok: true, fingerprints: await run(cfg) });
} catch (e) {
  await send({ ok: false, error: String(e && e.stack || e) });
}
process.exit(0);
`;

/** @internal Entry point of the child process started by `checkReproducible`. */
export async function runReproducibilityChild(cfg: ChildConfig): Promise<Fingerprint[]> {
  const seed = CoreSeed.fromJSON(cfg.seed as Parameters<typeof CoreSeed.fromJSON>[0]);
  const train = await loadTrain({ module: cfg.module, export: cfg.export });
  return recordRun(train, seed, cfg.run);
}

function runChild(cfg: ChildConfig): Promise<Fingerprint[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', CHILD_SCRIPT], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      env: { ...process.env, SEEDKIT_TFJS_CHECK: JSON.stringify(cfg) },
    });
    let settled = false;
    child.on('message', (m: { ok: boolean; fingerprints?: Fingerprint[]; error?: string }) => {
      settled = true;
      if (m.ok) resolve(m.fingerprints ?? []);
      else reject(new Error(`checkReproducible: run ${cfg.run} failed in the child process:\n${m.error}`));
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (!settled)
        reject(new Error(`checkReproducible: child process for run ${cfg.run} exited with ${code}`));
    });
  });
}

function compare(base: RunTrace, other: RunTrace): Divergence | undefined {
  const n = Math.max(base.fingerprints.length, other.fingerprints.length);
  for (let i = 0; i < n; i++) {
    const a = base.fingerprints[i];
    const b = other.fingerprints[i];
    if (!a || !b || a.fit !== b.fit || a.step !== b.step || a.weights.length !== b.weights.length) {
      const f = a ?? b;
      return {
        run: other.run,
        fit: f?.fit ?? -1,
        step: f?.step ?? '?',
        index: -1,
        tensor: '(different training structure: number of fits, epochs or weights)',
        expected: a ? `${a.step}, ${a.weights.length} weights` : 'nothing',
        actual: b ? `${b.step}, ${b.weights.length} weights` : 'nothing',
      };
    }
    for (let w = 0; w < a.weights.length; w++) {
      const wa = a.weights[w];
      const wb = b.weights[w];
      if (wa && wb && wa.hash !== wb.hash) {
        return {
          run: other.run,
          fit: a.fit,
          step: a.step,
          index: w,
          tensor: wa.name,
          expected: wa.hash,
          actual: wb.hash,
        };
      }
    }
  }
  return undefined;
}

/**
 * Runs a training function several times with the same global seed and compares SHA-256 fingerprints of every
 * weight at the start of each fit, after each epoch and (if `train` returns a model) at the end. Run 0 runs in
 * this process; pass `{ module, export }` instead of a function to run the other runs in child processes.
 * Resolves to a report with the first tensor and step where a run diverges from run 0.
 */
export async function checkReproducible(
  train: TrainFunction | TrainModule,
  options: CheckReproducibleOptions = {},
): Promise<ReproducibilityReport> {
  if (typeof train !== 'function' && !isTrainModule(train)) {
    throw new SeedkitTypeError('train must be a function or { module, export } naming an exported function');
  }
  if (typeof options !== 'object' || options === null)
    throw new SeedkitTypeError('options must be an object');
  const runs = options.runs ?? 2;
  if (!Number.isInteger(runs) || runs < 2)
    throw new SeedkitValueError(`options.runs must be an integer ≥ 2, got ${runs}`);
  const seed = toSeed(options.seed ?? 0, 'options.seed');
  const child = options.childProcess ?? isTrainModule(train);
  if (child && !isTrainModule(train)) {
    throw new SeedkitValueError(
      'options.childProcess needs train as { module, export }: a function cannot be sent',
    );
  }
  const fn = isTrainModule(train) ? await loadTrain(train) : train;
  const traces: RunTrace[] = [];
  for (let run = 0; run < runs; run++) {
    if (run > 0 && child && isTrainModule(train)) {
      const module = train.module instanceof URL ? train.module.href : String(train.module);
      const fingerprints = await runChild({
        self: selfUrl(),
        module,
        export: train.export,
        seed: (seed instanceof CoreSeed
          ? seed
          : CoreSeed.fromJSON(JSON.parse(JSON.stringify(seed)))
        ).toJSON(),
        run,
      });
      traces.push({ run, where: 'child-process', fingerprints });
    } else {
      traces.push({ run, where: 'in-process', fingerprints: await recordRun(fn, seed, run) });
    }
  }
  const base = traces[0] as RunTrace;
  let divergence: Divergence | undefined;
  for (const t of traces.slice(1)) {
    divergence = compare(base, t);
    if (divergence) break;
  }
  return { reproducible: divergence === undefined, divergence, runs: traces };
}
