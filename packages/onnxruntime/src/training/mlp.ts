import { SeedkitTypeError, SeedkitValueError } from '@seedkit/core';
import { INIT_SCHEMES, type InitScheme } from '@seedkit/numpy-random';
import {
  arrayFor,
  assertFloatDType,
  attr,
  type FloatDType,
  type Graph,
  GraphWriter,
  scalarTensor,
  TRAINING_OPSET,
} from './ir.js';
import { checkLoss, type LossSpec } from './step-graph.js';

/** Weight-initialisation schemes: those of `initializeWeights` in @seedkit/numpy-random (one definition). */
export type { InitScheme } from '@seedkit/numpy-random';
export { INIT_SCHEMES } from '@seedkit/numpy-random';

export type Activation = 'linear' | 'relu' | 'leakyRelu' | 'sigmoid' | 'tanh' | 'softmax';

export interface DenseLayer {
  units: number;
  activation?: Activation;
  /** Dropout rate applied after the activation (0 = none). */
  dropout?: number;
  kernelInitializer?: InitScheme;
  biasInitializer?: InitScheme;
}

export interface MlpOptions {
  inputSize: number;
  layers: DenseLayer[];
  loss?: LossSpec;
  dtype?: FloatDType;
}

/** How to initialise one parameter from the seed. */
export interface ParamInit {
  scheme: InitScheme;
  fanIn: number;
  fanOut: number;
}

/** A forward model with named parameters and their initialisers (what {@link Trainer} trains). */
export interface ForwardModel {
  graph: Graph;
  /** Parameter path → initialiser (parameters missing here keep the model's initializer values). */
  init: Record<string, ParamInit>;
  loss?: LossSpec;
}

function checkInt(v: unknown, name: string, min: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v))
    throw new SeedkitTypeError(`${name} must be an integer, got ${typeof v === 'number' ? v : typeof v}`);
  if (v < min) throw new SeedkitValueError(`${name} must be >= ${min}, got ${v}`);
  return v;
}

export function checkScheme(s: unknown, name: string): InitScheme {
  if (!INIT_SCHEMES.includes(s as InitScheme)) {
    throw new SeedkitValueError(
      `${name} must be one of ${INIT_SCHEMES.join(', ')}, got ${JSON.stringify(s)}`,
    );
  }
  return s as InitScheme;
}

const ACT_OPS: Record<Activation, string | undefined> = {
  linear: undefined,
  relu: 'Relu',
  leakyRelu: 'LeakyRelu',
  sigmoid: 'Sigmoid',
  tanh: 'Tanh',
  softmax: 'Softmax',
};

/**
 * A multi-layer perceptron as an ONNX forward graph: input `x` `[batch, inputSize]`, output `output`.
 * Layers and parameters follow Keras names (`dense/kernel` `[in, units]`, `dense/bias`, then `dense_1/…`;
 * dropout nodes `dropout`, `dropout_1`, …), so the same parameter paths seed tf.js and ONNX alike.
 * Kernels default to Glorot uniform and biases to zeros (Keras' defaults).
 */
export function mlp(options: MlpOptions): ForwardModel {
  if (typeof options !== 'object' || options === null)
    throw new SeedkitTypeError('options must be an object');
  const inputSize = checkInt(options.inputSize, 'inputSize', 1);
  const dtype = assertFloatDType(options.dtype ?? 'float32', 'dtype');
  if (!Array.isArray(options.layers) || options.layers.length === 0)
    throw new SeedkitValueError('layers must be a non-empty array');
  const loss = options.loss === undefined ? undefined : checkLoss(options.loss);
  const graph: Graph = {
    name: 'mlp',
    opset: TRAINING_OPSET,
    nodes: [],
    inputs: [{ name: 'x', dtype, shape: ['batch', inputSize] }],
    outputs: [],
    initializers: [],
  };
  const w = new GraphWriter(graph);
  const init: Record<string, ParamInit> = {};
  let h = 'x';
  let fanIn = inputSize;
  let dropouts = 0;
  options.layers.forEach((layer, i) => {
    if (typeof layer !== 'object' || layer === null)
      throw new SeedkitTypeError(`layers[${i}] must be an object`);
    const units = checkInt(layer.units, `layers[${i}].units`, 1);
    const act = layer.activation ?? 'linear';
    if (!(act in ACT_OPS))
      throw new SeedkitValueError(
        `layers[${i}].activation must be one of ${Object.keys(ACT_OPS).join(', ')}, got ${JSON.stringify(act)}`,
      );
    const rate = layer.dropout ?? 0;
    if (typeof rate !== 'number' || !(rate >= 0 && rate < 1))
      throw new SeedkitValueError(`layers[${i}].dropout must be in [0, 1), got ${rate}`);
    const name = i === 0 ? 'dense' : `dense_${i}`;
    const kernel = `${name}/kernel`;
    const bias = `${name}/bias`;
    graph.initializers.push({
      name: kernel,
      dtype,
      dims: [fanIn, units],
      data: arrayFor(dtype, fanIn * units),
    });
    graph.initializers.push({ name: bias, dtype, dims: [units], data: arrayFor(dtype, units) });
    init[kernel] = {
      scheme: checkScheme(layer.kernelInitializer ?? 'glorotUniform', `layers[${i}].kernelInitializer`),
      fanIn,
      fanOut: units,
    };
    init[bias] = {
      scheme: checkScheme(layer.biasInitializer ?? 'zeros', `layers[${i}].biasInitializer`),
      fanIn,
      fanOut: units,
    };
    h = w.node('MatMul', [h, kernel], {}, `${name}/MatMul`);
    h = w.node('Add', [h, bias], {}, `${name}/BiasAdd`);
    const op = ACT_OPS[act];
    if (op) h = w.node(op, [h], op === 'Softmax' ? { axis: attr.int(-1) } : {}, `${name}/${op}`);
    if (rate > 0) {
      const dname = dropouts === 0 ? 'dropout' : `dropout_${dropouts}`;
      dropouts++;
      const ratio = w.initializer(scalarTensor(`${dname}/ratio`, dtype, rate));
      h = w.nodeN('Dropout', [h, ratio], 1, {}, dname)[0] as string;
    }
    fanIn = units;
  });
  graph.nodes.push({ name: 'output', opType: 'Identity', inputs: [h], outputs: ['output'], attrs: {} });
  graph.outputs.push({ name: 'output', dtype, shape: ['batch', fanIn] });
  return loss === undefined ? { graph, init } : { graph, init, loss };
}
