export type { SeedEverythingOptions, SeedkitAdapter } from './adapters.js';
export {
  registerAdapter,
  registeredAdapters,
  seedEverything,
  seedEverythingAsync,
  whenSeeded,
} from './adapters.js';
export { describe as describeValue, SeedkitTypeError, SeedkitValueError } from './errors.js';
export {
  installSeededMathRandom,
  isMathRandomSeeded,
  MATH_RANDOM_PATH,
  restoreMathRandom,
  seededRandom,
} from './math-random.js';
export type { ManifestDiff, RootSeedOptions, SeedInput, SeedJSON, SeedManifest } from './seed.js';
export { diffManifests, PROTOCOL_VERSION, parseRootSeedString, recordSeeds, rootSeed, Seed } from './seed.js';
export type {
  Entropy,
  EntropyArray,
  IntegerTypedArray,
  SeedSequenceOptions,
  SeedSequenceState,
} from './seed-sequence.js';
export { coerceToUint32Words, parseSeedString, SeedSequence } from './seed-sequence.js';
export type { PathSegment } from './segments.js';
export { INTEGER_SEGMENT_LIMIT, stringSegmentWords } from './segments.js';
export { VERSION } from './version.js';
