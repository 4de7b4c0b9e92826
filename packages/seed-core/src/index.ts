export { describe as describeValue, SeedkitTypeError, SeedkitValueError } from './errors.js';
export type { Entropy, EntropyArray, SeedSequenceOptions, SeedSequenceState } from './seed-sequence.js';
export { coerceToUint32Words, SeedSequence } from './seed-sequence.js';
export { VERSION } from './version.js';
