/** The continuous distributions of issue 5, shared by `Generator` and `RandomState`. */
export {
  type ContinuousArg,
  type ContinuousName,
  type ContinuousOptions,
  cont,
  dirichlet,
  type SizedContinuousOptions,
  standardGammaGenerator,
} from './api.js';
export { multivariateNormal } from './mvnormal.js';
export { generatorSources, legacySources, type Sources } from './sources.js';
