export { VERSION } from './version.js';
export type { MT19937LegacyTuple, MT19937State } from './bitgen/mt19937.js';
export { MT19937 } from './bitgen/mt19937.js';
export type { NumpyRandomModule } from './random.js';
export { random } from './random.js';
export type {
  ChoiceOptions,
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
