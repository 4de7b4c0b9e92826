import { SeedkitTypeError, SeedkitValueError } from '@seedkit/core';
import * as ort from 'onnxruntime-node';
import { type DeterministicSessionOptionsInput, deterministicSessionOptions } from './session.js';
import { arrayFor, attr, type FloatDType, type Graph, type TensorValue } from './training/ir.js';
import { checkScheme, type ForwardModel, type InitScheme, type ParamInit } from './training/mlp.js';
import { encodeGraph, graphFromModel } from './training/onnx-codec.js';
import { checkOptimizer, type OptimizerSpec, scalarValues } from './training/optimizers.js';
import {
  dropoutKeepMask,
  epochOrder,
  epochPermutation,
  initParam,
  type SeedLike,
  sameSeed,
  seedFromJSON,
  toSeed,
} from './training/seeding.js';
import {
  buildTrainingGraph,
  checkLoss,
  inferenceGraph,
  type LossSpec,
  type TrainingGraph,
} from './training/step-graph.js';

type FloatArray = Float32Array | Float64Array;

/** A dataset held in memory: `x` row-major `[n, ...xShape]`, `y` `[n, ...yShape]` (class ids or float targets). */
export interface Dataset {
  x: ArrayLike<number>;
  /** Full shape of x, `[n, ...]`. */
  xShape: number[];
  y: ArrayLike<number> | BigInt64Array;
  /** Full shape of y, `[n]` for class ids (default) or `[n, ...]` for float targets. */
  yShape?: number[];
}

export interface TrainerOptions {
  /** A forward model from {@link mlp}, a graph, or ONNX model bytes. */
  model: ForwardModel | Graph | Uint8Array;
  /** The loss (default: the one given to {@link mlp}). */
  loss?: LossSpec;
  optimizer: OptimizerSpec;
  /** A `Seed` from `@seedkit/core` (or anything `rootSeed` accepts). */
  seed: unknown;
  data: Dataset;
  batchSize: number;
  /** Shuffle each epoch (default true; false keeps dataset order). */
  shuffle?: boolean;
  /** Drop the last partial batch of each epoch (default false). */
  dropRemainder?: boolean;
  /**
   * Initialisers by parameter path, overriding the model's. A parameter with no initialiser keeps the model's
   * initializer values.
   */
  init?: Record<string, ParamInit | InitScheme>;
  /** Trainable parameter names (default: all float initializers). */
  params?: string[];
  /**
   * Session settings, through `deterministicSessionOptions` (default: 1 intra-op thread, optimisation level
   * 'basic'). Both can change the bits of the result: keep them with the seed (checkpoints record them).
   */
  sessionOptions?: DeterministicSessionOptionsInput;
  /** Resume from a checkpoint made by {@link Trainer.checkpoint} with the same seed and configuration. */
  checkpoint?: TrainerCheckpoint;
}

export interface StepInfo {
  /** 0-based global step that just ran. */
  step: number;
  epoch: number;
  /** 0-based batch index within the epoch. */
  batch: number;
  loss: number;
}

export interface EpochInfo {
  epoch: number;
  /** Mean of the step losses of the epoch. */
  loss: number;
  steps: number;
}

export interface FitOptions {
  onStep?: (info: StepInfo) => void;
  onEpoch?: (info: EpochInfo) => void;
}

interface EncodedTensor {
  dtype: FloatDType;
  dims: number[];
  /** Little-endian IEEE bytes, base64. */
  data: string;
}

/** Everything needed to continue a run bit for bit (JSON-serialisable). */
export interface TrainerCheckpoint {
  format: 'seedkit-onnx-trainer/1';
  seed: unknown;
  step: number;
  epoch: number;
  batchInEpoch: number;
  epochLossSum: number;
  optimizer: string;
  /** The session settings the run used (they can change the result bits). */
  session: { intraOpNumThreads: number; graphOptimizationLevel: string };
  params: Record<string, EncodedTensor>;
  state: Record<string, EncodedTensor>;
}

function encodeTensor(dtype: FloatDType, dims: readonly number[], data: FloatArray): EncodedTensor {
  return {
    dtype,
    dims: [...dims],
    data: Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('base64'),
  };
}

function decodeTensor(t: EncodedTensor, where: string): FloatArray {
  if (typeof t !== 'object' || t === null || typeof t.data !== 'string')
    throw new SeedkitTypeError(`checkpoint ${where}: bad tensor`);
  const b = Buffer.from(t.data, 'base64');
  const bytes = new Uint8Array(b.length);
  bytes.set(b);
  const arr = t.dtype === 'float64' ? new Float64Array(bytes.buffer) : new Float32Array(bytes.buffer);
  const n = t.dims.reduce((a, c) => a * c, 1);
  if (arr.length !== n)
    throw new SeedkitValueError(`checkpoint ${where}: ${arr.length} values for dims [${t.dims}]`);
  return arr;
}

/** Input names of the batch-gather prelude the session graph adds in front of the step graph. */
export interface BatchFeedNames {
  /** The whole dataset `x`, `[n, ...]`, fed once per session (ORT reads the caller's buffer, no copy). */
  xData: string;
  /** The whole dataset `y`. */
  yData: string;
  /** int64 `[rows]`: the dataset rows of this step's batch, in order. */
  index: string;
}

/**
 * The graph the Trainer's session runs: the step graph with the batch gathered inside ORT. Its data input and
 * target become `Gather(xData, index)` and `Gather(yData, index)`, so each step feeds only the row indices of
 * the batch (a view of the epoch's permutation) instead of copying the rows in JavaScript.
 */
export function withBatchGather(
  tg: TrainingGraph,
  xShape: readonly number[],
  yShape: readonly number[],
): { graph: Graph; names: BatchFeedNames } {
  const g = tg.graph;
  const used = new Set<string>();
  for (const v of [...g.inputs, ...g.outputs, ...g.initializers]) used.add(v.name);
  for (const n of g.nodes) for (const o of [...n.inputs, ...n.outputs, n.name]) used.add(o);
  const fresh = (base: string) => {
    let name = base;
    for (let i = 1; used.has(name); i++) name = `${base}_${i}`;
    used.add(name);
    return name;
  };
  const x = tg.dataInputs[0] as string;
  const names: BatchFeedNames = {
    xData: fresh(`${x}_dataset`),
    yData: fresh(`${tg.targetInput}_dataset`),
    index: fresh('batch_index'),
  };
  const inputs = g.inputs.filter((v) => v.name !== x && v.name !== tg.targetInput);
  inputs.unshift(
    { name: names.xData, dtype: tg.dtype, shape: [...xShape] },
    { name: names.yData, dtype: tg.targetDtype, shape: [...yShape] },
    { name: names.index, dtype: 'int64', shape: ['batch'] },
  );
  const gather = (data: string, out: string) => ({
    name: fresh(`seedkit_batch/${out}`),
    opType: 'Gather',
    inputs: [data, names.index],
    outputs: [out],
    attrs: { axis: attr.int(0) },
  });
  return {
    graph: {
      ...g,
      inputs,
      nodes: [gather(names.xData, x), gather(names.yData, tg.targetInput), ...g.nodes],
    },
    names,
  };
}

function optimizerKey(o: OptimizerSpec): string {
  return JSON.stringify(o, (_, v) => (typeof v === 'function' ? 'fn' : v));
}

function isForwardModel(m: unknown): m is ForwardModel {
  return typeof m === 'object' && m !== null && 'graph' in m && 'init' in m;
}

function checkPositiveInt(v: unknown, name: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1)
    throw new SeedkitValueError(`${name} must be a positive integer, got ${v}`);
  return v;
}

/**
 * Trains an ONNX model with onnxruntime-node, reproducibly from one seed: one `session.run` per step of a
 * graph holding forward, loss, backward and optimiser update; parameters and optimiser state are fed back.
 * Create with {@link Trainer.create}.
 */
export class Trainer {
  readonly seed: SeedLike;
  /** The step graph (forward, loss, backward, optimiser update) with inputs `x`/`target` for one batch. */
  readonly trainingGraph: TrainingGraph;
  /** What {@link session} runs: {@link trainingGraph} with the batch gathered in ORT ({@link withBatchGather}). */
  readonly sessionGraph: Graph;
  /** Input names of the batch-gather prelude of {@link sessionGraph}. */
  readonly batchFeed: BatchFeedNames;
  readonly session: ort.InferenceSession;
  readonly batchSize: number;
  readonly numSamples: number;
  readonly dtype: FloatDType;
  /** The session settings in use. */
  readonly sessionSettings: { intraOpNumThreads: number; graphOptimizationLevel: string };
  private readonly forward: Graph;
  private readonly optimizer: OptimizerSpec;
  private readonly shuffle: boolean;
  private readonly dropRemainder: boolean;
  private params = new Map<string, ort.Tensor>();
  private state = new Map<string, ort.Tensor>();
  /** Feeds reused across steps (ORT has finished reading a step's inputs when run() resolves). */
  private readonly feeds: Record<string, ort.Tensor> = {};
  private readonly scalarFeeds = new Map<string, FloatArray>();
  private readonly maskBuffers = new Map<string, FloatArray>();
  /** The epoch's sample order, as int64 row indices (fed as views, one per batch). */
  private order: { epoch: number; index: BigInt64Array } | undefined;
  private _step = 0;
  private _epoch = 0;
  private _batch = 0;
  private epochLossSum = 0;

  private constructor(o: {
    seed: SeedLike;
    tg: TrainingGraph;
    sessionGraph: Graph;
    batchFeed: BatchFeedNames;
    session: ort.InferenceSession;
    sessionSettings: { intraOpNumThreads: number; graphOptimizationLevel: string };
    forward: Graph;
    options: TrainerOptions;
    optimizer: OptimizerSpec;
    x: FloatArray;
    y: FloatArray | BigInt64Array;
    xShape: number[];
    yShape: number[];
  }) {
    this.seed = o.seed;
    this.sessionSettings = o.sessionSettings;
    this.trainingGraph = o.tg;
    this.sessionGraph = o.sessionGraph;
    this.batchFeed = o.batchFeed;
    this.session = o.session;
    this.forward = o.forward;
    this.optimizer = o.optimizer;
    this.dtype = o.tg.dtype;
    this.batchSize = o.options.batchSize;
    this.shuffle = o.options.shuffle ?? true;
    this.dropRemainder = o.options.dropRemainder ?? false;
    this.numSamples = o.xShape[0] as number;
    this.feeds[o.batchFeed.xData] = new ort.Tensor(this.dtype, o.x, o.xShape);
    this.feeds[o.batchFeed.yData] =
      o.y instanceof BigInt64Array
        ? new ort.Tensor('int64', o.y, o.yShape)
        : new ort.Tensor(this.dtype, o.y, o.yShape);
  }

  /** Builds the step graph, creates the ORT session and initialises parameters from the seed. */
  static async create(options: TrainerOptions): Promise<Trainer> {
    if (typeof options !== 'object' || options === null)
      throw new SeedkitTypeError('options must be an object');
    const seed = toSeed(options.seed, 'options.seed');
    const optimizer = checkOptimizer(options.optimizer);
    const batchSize = checkPositiveInt(options.batchSize, 'options.batchSize');
    let forward: Graph;
    let init: Record<string, ParamInit> = {};
    let loss = options.loss;
    const m = options.model;
    if (m instanceof Uint8Array) forward = graphFromModel(m);
    else if (isForwardModel(m)) {
      forward = m.graph;
      init = { ...m.init };
      loss ??= m.loss;
    } else if (typeof m === 'object' && m !== null && 'nodes' in m) forward = m as Graph;
    else throw new SeedkitTypeError('options.model must be an mlp() model, a Graph or ONNX model bytes');
    if (loss === undefined)
      throw new SeedkitValueError('options.loss is required (the model does not name one)');
    checkLoss(loss, 'options.loss');
    const tg = buildTrainingGraph(forward, {
      loss,
      optimizer,
      ...(options.params ? { params: options.params } : {}),
    });
    for (const [path, spec] of Object.entries(options.init ?? {})) {
      const p = tg.params.find((q) => q.name === path);
      if (!p)
        throw new SeedkitValueError(`options.init: ${JSON.stringify(path)} is not a trainable parameter`);
      if (typeof spec === 'string') {
        const scheme = checkScheme(spec, `options.init[${JSON.stringify(path)}]`);
        const fanIn = p.dims.length >= 2 ? (p.dims[p.dims.length - 2] as number) : (p.dims[0] as number);
        const fanOut = p.dims.length >= 2 ? (p.dims[p.dims.length - 1] as number) : (p.dims[0] as number);
        init[path] = { scheme, fanIn, fanOut };
      } else
        init[path] = {
          ...spec,
          scheme: checkScheme(spec.scheme, `options.init[${JSON.stringify(path)}].scheme`),
        };
    }
    const data = options.data;
    if (typeof data !== 'object' || data === null)
      throw new SeedkitTypeError('options.data must be { x, xShape, y }');
    const xShape = [...data.xShape];
    const n = xShape[0];
    if (!n || xShape.some((d) => !Number.isInteger(d) || d < 1))
      throw new SeedkitValueError(`options.data.xShape must be positive integers, got [${xShape}]`);
    if (data.x.length !== xShape.reduce((a, b) => a * b, 1))
      throw new SeedkitValueError(
        `options.data.x has ${data.x.length} values, xShape [${xShape}] needs ${xShape.reduce((a, b) => a * b, 1)}`,
      );
    const yShape = [...(data.yShape ?? [n])];
    if (yShape[0] !== n)
      throw new SeedkitValueError(
        `options.data.yShape[0] must equal the number of samples ${n}, got ${yShape[0]}`,
      );
    if (data.y.length !== yShape.reduce((a, b) => a * b, 1))
      throw new SeedkitValueError(
        `options.data.y has ${data.y.length} values, yShape [${yShape}] needs ${yShape.reduce((a, b) => a * b, 1)}`,
      );
    const inputInfo = forward.inputs.find((v) => v.name === tg.dataInputs[0]);
    if (tg.dataInputs.length !== 1 || !inputInfo)
      throw new SeedkitValueError('the model must have exactly one input');
    const feat = inputInfo.shape.slice(1);
    feat.forEach((d, i) => {
      if (typeof d === 'number' && d !== xShape[i + 1]) {
        throw new SeedkitValueError(
          `options.data.xShape [${xShape}] does not match the model input ${inputInfo.name} [${inputInfo.shape}]`,
        );
      }
    });
    const x = tg.dtype === 'float64' ? Float64Array.from(data.x) : Float32Array.from(data.x);
    let y: FloatArray | BigInt64Array;
    if (tg.targetDtype === 'int64') {
      y =
        data.y instanceof BigInt64Array
          ? data.y.slice()
          : BigInt64Array.from(Array.from(data.y as ArrayLike<number>, (v) => BigInt(v)));
    } else
      y =
        tg.dtype === 'float64'
          ? Float64Array.from(data.y as ArrayLike<number>)
          : Float32Array.from(data.y as ArrayLike<number>);
    const sessionOptions = deterministicSessionOptions(options.sessionOptions ?? {});
    const prelude = withBatchGather(tg, xShape, yShape);
    const session = await ort.InferenceSession.create(encodeGraph(prelude.graph), sessionOptions);
    const t = new Trainer({
      seed,
      tg,
      sessionGraph: prelude.graph,
      batchFeed: prelude.names,
      session,
      sessionSettings: {
        intraOpNumThreads: sessionOptions.intraOpNumThreads as number,
        graphOptimizationLevel: sessionOptions.graphOptimizationLevel as string,
      },
      forward,
      options: { ...options, batchSize },
      optimizer,
      x,
      y,
      xShape,
      yShape,
    });
    t.initialise(init);
    if (options.checkpoint !== undefined) t.restore(options.checkpoint);
    return t;
  }

  private initialise(init: Record<string, ParamInit>): void {
    const tg = this.trainingGraph;
    for (const p of tg.params) {
      const spec = init[p.name];
      let data: FloatArray;
      if (spec) {
        const f32 = initParam(this.seed, p.name, p.dims, spec.scheme, spec.fanIn, spec.fanOut);
        data = p.dtype === 'float64' ? Float64Array.from(f32) : f32;
      } else data = (tg.initialParams.get(p.name) as TensorValue).data.slice() as FloatArray;
      this.params.set(p.name, new ort.Tensor(p.dtype, data, p.dims));
    }
    for (const s of tg.state) {
      const p = tg.params.find((q) => q.name === s.param);
      if (!p) continue;
      this.state.set(
        s.input,
        new ort.Tensor(
          p.dtype,
          arrayFor(
            p.dtype,
            p.dims.reduce((a, b) => a * b, 1),
          ) as FloatArray,
          p.dims,
        ),
      );
    }
  }

  /** 0-based index of the next step. */
  get step(): number {
    return this._step;
  }
  /** 0-based epoch of the next step. */
  get epoch(): number {
    return this._epoch;
  }
  /** Steps per epoch. */
  get stepsPerEpoch(): number {
    return this.dropRemainder
      ? Math.floor(this.numSamples / this.batchSize)
      : Math.ceil(this.numSamples / this.batchSize);
  }

  /** The sample order of `epoch` (identity when shuffle is off). */
  batchOrder(epoch: number): Uint32Array {
    if (!Number.isInteger(epoch) || epoch < 0)
      throw new SeedkitValueError(`epoch must be an integer >= 0, got ${epoch}`);
    if (!this.shuffle) return Uint32Array.from({ length: this.numSamples }, (_, i) => i);
    return epochOrder(this.seed, epoch, this.numSamples);
  }

  /** The keep mask (1 = kept) of dropout node `node` at 0-based `step` for a batch of `batchRows` rows. */
  dropoutMask(node: string, step: number, batchRows = this.batchSize): Uint8Array {
    const site = this.trainingGraph.dropout.find((d) => d.node === node);
    if (!site) throw new SeedkitValueError(`node ${JSON.stringify(node)} is not a dropout node of the model`);
    if (!Number.isInteger(step) || step < 0)
      throw new SeedkitValueError(`step must be an integer >= 0, got ${step}`);
    const size = site.shape.reduce<number>(
      (a, d, i) => a * (i === 0 ? batchRows : typeof d === 'number' ? d : Number.NaN),
      1,
    );
    if (!Number.isInteger(size))
      throw new SeedkitValueError(`dropout node ${node}: mask shape [${site.shape}] has unknown dims`);
    return dropoutKeepMask(this.seed, node, step, size, site.ratio);
  }

  /** Runs one training step; returns its loss. */
  async trainStep(): Promise<StepInfo> {
    const tg = this.trainingGraph;
    const spe = this.stepsPerEpoch;
    if (spe === 0)
      throw new SeedkitValueError('the dataset is smaller than one batch and dropRemainder is on');
    if (!this.order || this.order.epoch !== this._epoch) {
      // batchOrder(epoch) as the int64 row indices the Gather prelude takes
      const index = this.shuffle
        ? epochPermutation(this.seed, this._epoch, this.numSamples)
        : BigInt64Array.from({ length: this.numSamples }, (_, i) => BigInt(i));
      this.order = { epoch: this._epoch, index };
    }
    const start = this._batch * this.batchSize;
    const rows = Math.min(this.batchSize, this.numSamples - start);
    const feeds = this.feeds;
    feeds[this.batchFeed.index] = new ort.Tensor('int64', this.order.index.subarray(start, start + rows), [
      rows,
    ]);
    for (const [name, t] of this.params) feeds[name] = t;
    for (const [name, t] of this.state) feeds[name] = t;
    for (const site of tg.dropout) {
      const keep = this.dropoutMask(site.node, this._step, rows);
      const key = `${site.input}:${rows}`;
      let scaled = this.maskBuffers.get(key);
      if (!scaled) {
        scaled = this.dtype === 'float64' ? new Float64Array(keep.length) : new Float32Array(keep.length);
        this.maskBuffers.set(key, scaled);
      }
      const v = 1 / (1 - site.ratio);
      for (let i = 0; i < keep.length; i++) scaled[i] = keep[i] ? v : 0;
      feeds[site.input] = new ort.Tensor(this.dtype, scaled, [rows, ...(site.shape.slice(1) as number[])]);
    }
    const sv = scalarValues(this.optimizer, this._step);
    for (const name of tg.scalars) {
      let arr = this.scalarFeeds.get(name);
      if (!arr) {
        arr = this.dtype === 'float64' ? new Float64Array(1) : new Float32Array(1);
        this.scalarFeeds.set(name, arr);
        feeds[name] = new ort.Tensor(this.dtype, arr, []);
      }
      arr[0] = sv[name] as number;
    }
    const out = await this.session.run(feeds);
    for (const p of tg.params) this.params.set(p.name, out[tg.paramOutputs[p.name] as string] as ort.Tensor);
    for (const s of tg.state) this.state.set(s.input, out[s.output] as ort.Tensor);
    const loss = Number((out[tg.lossOutput] as ort.Tensor).data[0]);
    const info: StepInfo = { step: this._step, epoch: this._epoch, batch: this._batch, loss };
    this.epochLossSum += loss;
    this._step++;
    this._batch++;
    if (this._batch >= spe) {
      this._batch = 0;
      this._epoch++;
    }
    return info;
  }

  /**
   * Trains `epochs` more epochs (finishing the current one counts as one when resumed mid-epoch), calling
   * `onStep` after each step and `onEpoch` after each completed epoch.
   */
  async fit(epochs: number, options: FitOptions = {}): Promise<EpochInfo[]> {
    if (!Number.isInteger(epochs) || epochs < 0)
      throw new SeedkitValueError(`epochs must be an integer >= 0, got ${epochs}`);
    if (typeof options !== 'object' || options === null)
      throw new SeedkitTypeError('options must be an object');
    const target = this._epoch + epochs;
    const history: EpochInfo[] = [];
    while (this._epoch < target) {
      const info = await this.trainStep();
      options.onStep?.(info);
      if (this._batch === 0) {
        const e: EpochInfo = {
          epoch: info.epoch,
          loss: this.epochLossSum / this.stepsPerEpoch,
          steps: this.stepsPerEpoch,
        };
        this.epochLossSum = 0;
        history.push(e);
        options.onEpoch?.(e);
      }
    }
    return history;
  }

  /** Current parameter values (copies), by path. */
  getWeights(): Map<string, FloatArray> {
    const out = new Map<string, FloatArray>();
    for (const [k, t] of this.params) out.set(k, (t.data as FloatArray).slice());
    return out;
  }

  /** A JSON-serialisable snapshot of weights, optimiser state and RNG position. */
  checkpoint(): TrainerCheckpoint {
    const params: Record<string, EncodedTensor> = {};
    for (const [k, t] of this.params) params[k] = encodeTensor(this.dtype, t.dims, t.data as FloatArray);
    const state: Record<string, EncodedTensor> = {};
    for (const [k, t] of this.state) state[k] = encodeTensor(this.dtype, t.dims, t.data as FloatArray);
    return {
      format: 'seedkit-onnx-trainer/1',
      seed: this.seed.toJSON(),
      step: this._step,
      epoch: this._epoch,
      batchInEpoch: this._batch,
      epochLossSum: this.epochLossSum,
      optimizer: optimizerKey(this.optimizer),
      session: { ...this.sessionSettings },
      params,
      state,
    };
  }

  /** Restores a {@link checkpoint}; the seed and optimiser must be those of this trainer. */
  restore(ckpt: TrainerCheckpoint): void {
    if (typeof ckpt !== 'object' || ckpt === null || ckpt.format !== 'seedkit-onnx-trainer/1') {
      throw new SeedkitTypeError('checkpoint must come from Trainer.checkpoint()');
    }
    if (!sameSeed(seedFromJSON(ckpt.seed), this.seed))
      throw new SeedkitValueError("checkpoint.seed differs from this trainer's seed");
    if (ckpt.optimizer !== optimizerKey(this.optimizer))
      throw new SeedkitValueError("checkpoint.optimizer differs from this trainer's optimizer");
    if (
      ckpt.session !== undefined &&
      (ckpt.session.intraOpNumThreads !== this.sessionSettings.intraOpNumThreads ||
        ckpt.session.graphOptimizationLevel !== this.sessionSettings.graphOptimizationLevel)
    ) {
      throw new SeedkitValueError(
        `checkpoint.session ${JSON.stringify(ckpt.session)} differs from this trainer's ${JSON.stringify(this.sessionSettings)} (the results would not be bitwise the same)`,
      );
    }
    for (const k of ['step', 'epoch', 'batchInEpoch'] as const) {
      if (!Number.isInteger(ckpt[k]) || ckpt[k] < 0)
        throw new SeedkitValueError(`checkpoint.${k} must be an integer >= 0`);
    }
    const params = new Map<string, ort.Tensor>();
    for (const p of this.trainingGraph.params) {
      const e = ckpt.params[p.name];
      if (!e) throw new SeedkitValueError(`checkpoint.params lacks ${JSON.stringify(p.name)}`);
      if (e.dtype !== p.dtype || e.dims.join() !== p.dims.join())
        throw new SeedkitValueError(
          `checkpoint.params[${JSON.stringify(p.name)}] has dtype/dims ${e.dtype} [${e.dims}], expected ${p.dtype} [${p.dims}]`,
        );
      params.set(p.name, new ort.Tensor(p.dtype, decodeTensor(e, `params[${p.name}]`), p.dims));
    }
    const state = new Map<string, ort.Tensor>();
    for (const s of this.trainingGraph.state) {
      const e = ckpt.state[s.input];
      if (!e) throw new SeedkitValueError(`checkpoint.state lacks ${JSON.stringify(s.input)}`);
      state.set(s.input, new ort.Tensor(e.dtype, decodeTensor(e, `state[${s.input}]`), e.dims));
    }
    this.params = params;
    this.state = state;
    this._step = ckpt.step;
    this._epoch = ckpt.epoch;
    this._batch = ckpt.batchInEpoch;
    this.epochLossSum = ckpt.epochLossSum;
    this.order = undefined;
  }

  /** The trained inference model (forward graph, trained initializers, Dropout as Identity) as ONNX bytes. */
  exportModel(): Uint8Array {
    const values = new Map<string, TensorValue>();
    for (const [name, t] of this.params)
      values.set(name, { name, dtype: this.dtype, dims: [...t.dims], data: t.data as FloatArray });
    return encodeGraph(inferenceGraph(this.forward, values), 'seedkit-onnxruntime');
  }

  /** Releases the ORT session. */
  async dispose(): Promise<void> {
    await this.session.release();
  }
}
