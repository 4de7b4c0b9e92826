import { SeedkitTypeError, SeedkitValueError } from '@seedkit/core';
import type { FloatDType, GraphWriter } from './ir.js';

/** A learning rate: a constant, or a function of the 0-based step index. */
export type LearningRate = number | ((step: number) => number);

export interface SgdOptions {
  lr: LearningRate;
  momentum?: number;
  nesterov?: boolean;
  weightDecay?: number;
}
export interface AdamOptions {
  lr?: LearningRate;
  beta1?: number;
  beta2?: number;
  epsilon?: number;
  weightDecay?: number;
}

export type OptimizerSpec =
  | { type: 'sgd'; lr: LearningRate; momentum: number; nesterov: boolean; weightDecay: number }
  | {
      type: 'adam' | 'adamw';
      lr: LearningRate;
      beta1: number;
      beta2: number;
      epsilon: number;
      weightDecay: number;
    };

function checkNumber(
  v: unknown,
  name: string,
  min: number,
  max = Number.POSITIVE_INFINITY,
  minOpen = false,
): number {
  if (typeof v !== 'number') throw new SeedkitTypeError(`${name} must be a number, got ${typeof v}`);
  if (!Number.isFinite(v) || v < min || v > max || (minOpen && v === min)) {
    throw new SeedkitValueError(`${name} must be in ${minOpen ? '(' : '['}${min}, ${max}], got ${v}`);
  }
  return v;
}

function checkLr(lr: unknown, name: string): LearningRate {
  if (typeof lr === 'function') return lr as (step: number) => number;
  return checkNumber(lr, name, 0);
}

/** SGD with optional momentum (PyTorch semantics: dampening 0, `buf = momentum·buf + g`), Nesterov and L2 decay. */
export function sgd(options: SgdOptions): OptimizerSpec {
  if (typeof options !== 'object' || options === null)
    throw new SeedkitTypeError('options must be an object');
  return {
    type: 'sgd',
    lr: checkLr(options.lr, 'lr'),
    momentum: checkNumber(options.momentum ?? 0, 'momentum', 0),
    nesterov: !!options.nesterov,
    weightDecay: checkNumber(options.weightDecay ?? 0, 'weightDecay', 0),
  };
}

function adamLike(type: 'adam' | 'adamw', options: AdamOptions, wdDefault: number): OptimizerSpec {
  if (typeof options !== 'object' || options === null)
    throw new SeedkitTypeError('options must be an object');
  return {
    type,
    lr: checkLr(options.lr ?? 0.001, 'lr'),
    beta1: checkNumber(options.beta1 ?? 0.9, 'beta1', 0, 1),
    beta2: checkNumber(options.beta2 ?? 0.999, 'beta2', 0, 1),
    epsilon: checkNumber(options.epsilon ?? 1e-8, 'epsilon', 0),
    weightDecay: checkNumber(options.weightDecay ?? wdDefault, 'weightDecay', 0),
  };
}

/** Adam (PyTorch `torch.optim.Adam` semantics; `weightDecay` is L2 added to the gradient). */
export function adam(options: AdamOptions = {}): OptimizerSpec {
  return adamLike('adam', options, 0);
}

/** AdamW (PyTorch `torch.optim.AdamW`: decoupled decay `p ← p·(1 − lr·wd)` before the Adam step; default wd 0.01). */
export function adamW(options: AdamOptions = {}): OptimizerSpec {
  return adamLike('adamw', options, 0.01);
}

export function checkOptimizer(spec: unknown): OptimizerSpec {
  if (typeof spec !== 'object' || spec === null || !('type' in spec)) {
    throw new SeedkitTypeError('optimizer must be made by sgd(), adam() or adamW()');
  }
  const t = (spec as { type: unknown }).type;
  if (t !== 'sgd' && t !== 'adam' && t !== 'adamw') {
    throw new SeedkitValueError(`optimizer.type must be 'sgd', 'adam' or 'adamw', got ${JSON.stringify(t)}`);
  }
  return spec as OptimizerSpec;
}

/** Per-parameter optimiser state slots. */
export function stateSlots(spec: OptimizerSpec): string[] {
  if (spec.type === 'sgd') return spec.momentum > 0 ? ['momentum'] : [];
  return ['m', 'v'];
}

/** Scalar graph inputs the update needs each step. */
export function scalarInputs(spec: OptimizerSpec): string[] {
  if (spec.type === 'sgd') return ['lr'];
  return spec.type === 'adamw'
    ? ['step_size', 'sqrt_bias_correction2', 'decay_factor']
    : ['step_size', 'sqrt_bias_correction2'];
}

/** Learning rate at 0-based `step`. */
export function learningRate(spec: OptimizerSpec, step: number): number {
  const lr = typeof spec.lr === 'function' ? spec.lr(step) : spec.lr;
  if (typeof lr !== 'number' || !Number.isFinite(lr) || lr < 0) {
    throw new SeedkitValueError(`the learning rate at step ${step} must be a finite number >= 0, got ${lr}`);
  }
  return lr;
}

/** Values of {@link scalarInputs} at 0-based `step` (computed in float64, like PyTorch's Python floats). */
export function scalarValues(spec: OptimizerSpec, step: number): Record<string, number> {
  const lr = learningRate(spec, step);
  if (spec.type === 'sgd') return { lr };
  const t = step + 1;
  const bc1 = 1 - spec.beta1 ** t;
  const bc2 = 1 - spec.beta2 ** t;
  const out: Record<string, number> = { step_size: lr / bc1, sqrt_bias_correction2: bc2 ** 0.5 };
  if (spec.type === 'adamw') out.decay_factor = 1 - lr * spec.weightDecay;
  return out;
}

/**
 * Emits the update of one parameter. `state` maps slot → input value name; returns the new param and new
 * state value names.
 */
export function emitUpdate(
  w: GraphWriter,
  spec: OptimizerSpec,
  dtype: FloatDType,
  param: string,
  grad: string,
  state: Record<string, string>,
  scalars: Record<string, string>,
): { param: string; state: Record<string, string> } {
  const c = (v: number) => w.scalar(dtype, v);
  const n = (op: string, ins: string[]) => w.node(op, ins, {}, `update/${param}/${op}`);
  if (spec.type === 'sgd') {
    let g = grad;
    if (spec.weightDecay > 0) g = n('Add', [g, n('Mul', [param, c(spec.weightDecay)])]);
    const newState: Record<string, string> = {};
    let d = g;
    if (spec.momentum > 0) {
      const buf = n('Add', [n('Mul', [state.momentum as string, c(spec.momentum)]), g]);
      newState.momentum = buf;
      d = spec.nesterov ? n('Add', [g, n('Mul', [buf, c(spec.momentum)])]) : buf;
    }
    return { param: n('Sub', [param, n('Mul', [d, scalars.lr as string])]), state: newState };
  }
  let p = param;
  let g = grad;
  if (spec.type === 'adamw') {
    if (spec.weightDecay > 0) p = n('Mul', [p, scalars.decay_factor as string]);
  } else if (spec.weightDecay > 0) {
    g = n('Add', [g, n('Mul', [param, c(spec.weightDecay)])]);
  }
  const m0 = state.m as string;
  const v0 = state.v as string;
  // m ← m + (1 − β1)(g − m)  (PyTorch's lerp), v ← β2·v + (1 − β2)·g²
  const m = n('Add', [m0, n('Mul', [n('Sub', [g, m0]), c(1 - spec.beta1)])]);
  const v = n('Add', [n('Mul', [v0, c(spec.beta2)]), n('Mul', [n('Mul', [g, g]), c(1 - spec.beta2)])]);
  const denom = n('Add', [
    n('Div', [n('Sqrt', [v]), scalars.sqrt_bias_correction2 as string]),
    c(spec.epsilon),
  ]);
  const upd = n('Mul', [n('Div', [m, denom]), scalars.step_size as string]);
  return { param: n('Sub', [p, upd]), state: { m, v } };
}
