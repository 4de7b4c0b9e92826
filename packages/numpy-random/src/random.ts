/**
 * The `np.random` module object: module-level functions bound to one global legacy {@link RandomState}
 * (`random.seed(42); random.rand(3)`), as NumPy's `numpy.random.mtrand._rand`. The singleton is created on
 * first use (from fresh entropy, like NumPy's import-time `RandomState()`), so importing has no side effects.
 */
import type { BitGenerator } from './bitgen/bit-generator.js';
import { MT19937 } from './bitgen/mt19937.js';
import { type LegacySeed, RandomState } from './random-state.js';

let singleton: RandomState | undefined;

function rs(): RandomState {
  if (singleton === undefined) singleton = new RandomState();
  return singleton;
}

/** The functions of NumPy's `numpy.random` module that act on the global RandomState. */
export interface NumpyRandomModule {
  /** `np.random.seed(seed=None)`: legacy re-seeding of the global MT19937 (and a Gaussian-cache reset). */
  seed(seed?: LegacySeed): void;
  getState: RandomState['getState'];
  setState: RandomState['setState'];
  /** `np.random.get_bit_generator()`: the global RandomState's bit generator. */
  getBitGenerator(): BitGenerator;
  /** `np.random.set_bit_generator(bitgen)`: swaps the global RandomState's bit generator. */
  setBitGenerator(bitgen: BitGenerator): void;
  randomSample: RandomState['randomSample'];
  random: RandomState['random'];
  ranf: RandomState['ranf'];
  sample: RandomState['sample'];
  rand: RandomState['rand'];
  randn: RandomState['randn'];
  randint: RandomState['randint'];
  randomIntegers: RandomState['randomIntegers'];
  tomaxint: RandomState['tomaxint'];
  bytes: RandomState['bytes'];
  uniform: RandomState['uniform'];
  standardNormal: RandomState['standardNormal'];
  normal: RandomState['normal'];
  standardExponential: RandomState['standardExponential'];
  exponential: RandomState['exponential'];
  choice: RandomState['choice'];
  shuffle: RandomState['shuffle'];
  permutation: RandomState['permutation'];
  // --- continuous distributions (issue 5) ---
  standardGamma: RandomState['standardGamma'];
  gamma: RandomState['gamma'];
  beta: RandomState['beta'];
  chisquare: RandomState['chisquare'];
  f: RandomState['f'];
  noncentralChisquare: RandomState['noncentralChisquare'];
  noncentralF: RandomState['noncentralF'];
  standardT: RandomState['standardT'];
  vonmises: RandomState['vonmises'];
  wald: RandomState['wald'];
  weibull: RandomState['weibull'];
  pareto: RandomState['pareto'];
  power: RandomState['power'];
  rayleigh: RandomState['rayleigh'];
  laplace: RandomState['laplace'];
  gumbel: RandomState['gumbel'];
  logistic: RandomState['logistic'];
  lognormal: RandomState['lognormal'];
  standardCauchy: RandomState['standardCauchy'];
  triangular: RandomState['triangular'];
  dirichlet: RandomState['dirichlet'];
  multivariateNormal: RandomState['multivariateNormal'];
  // --- end continuous distributions (issue 5) ---
  // --- discrete distributions (issue 5) ---
  binomial: RandomState['binomial'];
  negativeBinomial: RandomState['negativeBinomial'];
  poisson: RandomState['poisson'];
  geometric: RandomState['geometric'];
  hypergeometric: RandomState['hypergeometric'];
  logseries: RandomState['logseries'];
  zipf: RandomState['zipf'];
  multinomial: RandomState['multinomial'];
  // --- end discrete distributions (issue 5) ---
  /** The RandomState class (`np.random.RandomState`). */
  RandomState: typeof RandomState;
}

type AnyFn = (...args: unknown[]) => unknown;
const bound =
  <K extends keyof RandomState>(name: K) =>
  (...args: unknown[]) =>
    (rs()[name] as unknown as AnyFn).apply(rs(), args);

/**
 * `numpy.random` as a module object: `random.seed(42); random.rand(3)` gives NumPy's
 * `np.random.seed(42); np.random.rand(3)`, bit for bit.
 */
export const random: NumpyRandomModule = {
  seed(seed?: LegacySeed): void {
    const r = rs();
    const bg = r.bitGenerator;
    if (bg instanceof MT19937) {
      r.seed(seed);
      return;
    }
    // NumPy 2.4: a swapped-in bit generator is re-created from the seed; the Gaussian cache is kept.
    const Ctor = bg.constructor as new (seed?: unknown) => BitGenerator;
    bg.state = new Ctor(seed).state;
  },
  getState: bound('getState') as RandomState['getState'],
  setState: bound('setState') as RandomState['setState'],
  getBitGenerator: () => rs().bitGenerator,
  setBitGenerator(bitgen: BitGenerator): void {
    rs().initializeBitGenerator(bitgen);
  },
  randomSample: bound('randomSample') as RandomState['randomSample'],
  random: bound('random') as RandomState['random'],
  ranf: bound('ranf') as RandomState['ranf'],
  sample: bound('sample') as RandomState['sample'],
  rand: bound('rand') as RandomState['rand'],
  randn: bound('randn') as RandomState['randn'],
  randint: bound('randint') as RandomState['randint'],
  randomIntegers: bound('randomIntegers') as RandomState['randomIntegers'],
  tomaxint: bound('tomaxint') as RandomState['tomaxint'],
  bytes: bound('bytes') as RandomState['bytes'],
  uniform: bound('uniform') as RandomState['uniform'],
  standardNormal: bound('standardNormal') as RandomState['standardNormal'],
  normal: bound('normal') as RandomState['normal'],
  standardExponential: bound('standardExponential') as RandomState['standardExponential'],
  exponential: bound('exponential') as RandomState['exponential'],
  choice: bound('choice') as RandomState['choice'],
  shuffle: bound('shuffle') as RandomState['shuffle'],
  permutation: bound('permutation') as RandomState['permutation'],
  // --- continuous distributions (issue 5) ---
  standardGamma: bound('standardGamma') as RandomState['standardGamma'],
  gamma: bound('gamma') as RandomState['gamma'],
  beta: bound('beta') as RandomState['beta'],
  chisquare: bound('chisquare') as RandomState['chisquare'],
  f: bound('f') as RandomState['f'],
  noncentralChisquare: bound('noncentralChisquare') as RandomState['noncentralChisquare'],
  noncentralF: bound('noncentralF') as RandomState['noncentralF'],
  standardT: bound('standardT') as RandomState['standardT'],
  vonmises: bound('vonmises') as RandomState['vonmises'],
  wald: bound('wald') as RandomState['wald'],
  weibull: bound('weibull') as RandomState['weibull'],
  pareto: bound('pareto') as RandomState['pareto'],
  power: bound('power') as RandomState['power'],
  rayleigh: bound('rayleigh') as RandomState['rayleigh'],
  laplace: bound('laplace') as RandomState['laplace'],
  gumbel: bound('gumbel') as RandomState['gumbel'],
  logistic: bound('logistic') as RandomState['logistic'],
  lognormal: bound('lognormal') as RandomState['lognormal'],
  standardCauchy: bound('standardCauchy') as RandomState['standardCauchy'],
  triangular: bound('triangular') as RandomState['triangular'],
  dirichlet: bound('dirichlet') as RandomState['dirichlet'],
  multivariateNormal: bound('multivariateNormal') as RandomState['multivariateNormal'],
  // --- end continuous distributions (issue 5) ---
  // --- discrete distributions (issue 5) ---
  binomial: bound('binomial') as RandomState['binomial'],
  negativeBinomial: bound('negativeBinomial') as RandomState['negativeBinomial'],
  poisson: bound('poisson') as RandomState['poisson'],
  geometric: bound('geometric') as RandomState['geometric'],
  hypergeometric: bound('hypergeometric') as RandomState['hypergeometric'],
  logseries: bound('logseries') as RandomState['logseries'],
  zipf: bound('zipf') as RandomState['zipf'],
  multinomial: bound('multinomial') as RandomState['multinomial'],
  // --- end discrete distributions (issue 5) ---
  RandomState,
};
