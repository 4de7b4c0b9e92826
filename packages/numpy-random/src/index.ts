// --- Generator, 64-bit bit generators, shared helpers, initializeWeights (part A)
export type { BitGenerator } from './bitgen/bit-generator.js';
export { BitGenerator64 } from './bitgen/bitgen64.js';
export type { MT19937LegacyTuple, MT19937State } from './bitgen/mt19937.js';
export { MT19937 } from './bitgen/mt19937.js';
export type { PCG64State } from './bitgen/pcg64.js';
export { PCG64 } from './bitgen/pcg64.js';
export { PCG64DXSM } from './bitgen/pcg64dxsm.js';
export type { PhiloxOptions, PhiloxState } from './bitgen/philox.js';
export { Philox } from './bitgen/philox.js';
export type { ISeedSequence, SeedLike } from './bitgen/seeding.js';
export type { SFC64State } from './bitgen/sfc64.js';
export { SFC64 } from './bitgen/sfc64.js';
// --- continuous distributions (issue 5)
export type { ParamLike } from './broadcast.js';
export type { ContinuousArg, ContinuousOptions } from './distributions/continuous/index.js';
// --- discrete distributions (issue 5) ---
export type {
  DiscreteResult,
  LamOption,
  MultivariateHypergeometricOptions,
  SizeOption as DiscreteSizeOption,
} from './distributions/discrete/methods.js';
export type {
  ArrayInput,
  ChoiceOptions as GeneratorChoiceOptions,
  DefaultRngSeed,
  ExponentialOptions as GeneratorExponentialOptions,
  IntArrayOf,
  IntBound,
  IntegersOptions,
  IntTypedArray,
  NormalOptions as GeneratorNormalOptions,
  PermutedOptions,
  RandomOptions,
  StandardExponentialOptions,
  UniformOptions as GeneratorUniformOptions,
} from './generator.js';
export { defaultRng, Generator } from './generator.js';
export type { InitializeWeightsOptions, InitScheme } from './init.js';
export { computeFans, INIT_SCHEMES, initializeWeights, TRUNCATED_NORMAL_STDDEV_FACTOR } from './init.js';
export type { NumpyRandomModule } from './random.js';
export { random } from './random.js';
export type {
  ChoiceOptions,
  ExponentialOptions,
  IntArray,
  IntLike,
  LegacySeed,
  LegacyStateDict,
  LegacyStateTuple,
  NormalOptions,
  RandintOptions,
  SizeOptions,
  UniformOptions,
} from './random-state.js';
export { RandomState } from './random-state.js';
export type { Dtype, FloatDtype, IntDtype, Shaped, Size } from './shape.js';
// --- training streams shared by the tf.js and ONNX Runtime adapters (issue 8)
export type { StreamSeed } from './training-streams.js';
export {
  dropoutKeepMask,
  epochOrder,
  epochPermutation,
  initParam,
  paramSeed,
  TRAINING_STREAM_PATHS,
} from './training-streams.js';
export { VERSION } from './version.js';
