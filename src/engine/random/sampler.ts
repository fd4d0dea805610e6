// Exact samplers for the simulation engine, driven by seeded uniform streams: one for all draws, or,
// in the engine's blocks, a block stream whose every trial has its own three (trial-streams.ts):
// counts (uniforms, binomial, multinomial, Poisson, negative binomial, exponential), outcome means
// (normal) and spread (gamma, chi-square), so that sizes change a trial's counts but not its normals.
//
// "Exact" means exact in distribution given ideal uniforms: every method below is an inversion
// or a rejection method whose hat provably dominates the target, never an approximation such as
// a normal approximation to the binomial. Methods keep no per-draw allocation; what a method
// sets up from its parameters is cached in fields and reused while the parameters repeat.
import { FunctionSource, type Uniform, type UniformSource } from './stream.js';
import { TrialStreams } from './trial-streams.js';
import { standardExponential } from './exponential-ziggurat.js';
import { BinomialDraws } from './binomial.js';
import { logFactorial } from './log-factorial.js';
import { ZIGGURAT_F, ZIGGURAT_INNER, ZIGGURAT_LAYERS, ZIGGURAT_R, ZIGGURAT_X } from './normal-ziggurat.js';

/** sequential-search inversion is abandoned past this many steps (reached only through rounding) */
const INVERSION_LIMIT = 1000;

export class Sampler {
  /** counts, and every draw that is not a normal or a gamma */
  private readonly counts: UniformSource;
  private readonly outcome: UniformSource;
  private readonly spread: UniformSource;
  private readonly trials: TrialStreams | undefined;
  private readonly binomials: BinomialDraws;

  // Marsaglia–Tsang gamma set-up for the last shape a ≥ 1: d = a − 1/3, c = 1/√(9d)
  private gammaShape = NaN;
  private gammaD = NaN;
  private gammaC = NaN;

  // Poisson set-ups for the last mean
  private inversionMean = NaN;
  private inversionExp = NaN;
  private ptrsMean = NaN;
  private ptrsLogMean = NaN;
  private ptrsA = NaN;
  private ptrsB = NaN;
  private ptrsLogInvAlpha = NaN;
  private ptrsVr = NaN;

  /** `perTrial`: `uniform` is a block's stream, and each trial draws from its own (startTrial) */
  constructor(uniform: Uniform, perTrial = false) {
    this.trials = perTrial ? new TrialStreams(uniform) : undefined;
    const whole = new FunctionSource(uniform);
    this.counts = this.trials?.counts ?? whole;
    this.outcome = this.trials?.outcomes ?? whole;
    this.spread = this.trials?.spread ?? whole;
    this.binomials = new BinomialDraws(this.counts);
  }

  /** start replicate `trial` of the block (0-based): its streams depend on nothing drawn before */
  startTrial(trial: number): void {
    this.trials?.start(trial);
  }

  /** uniform on [0, 1) */
  uniform(): number {
    return this.counts.next();
  }

  /** exponential with the given rate (ziggurat, exponential-ziggurat.ts) */
  exponential(rate: number): number {
    return this.standardExponential() / rate;
  }

  /** exponential with rate 1, from the count stream as `exponential` draws */
  standardExponential(): number {
    return standardExponential(this.counts);
  }

  /** standard normal (the ziggurat of normal-ziggurat.ts), from the outcome stream */
  normal(): number {
    return this.normalFrom(this.outcome);
  }

  private normalFrom(source: UniformSource): number {
    const t = (source.next() * 2 * ZIGGURAT_LAYERS) | 0;
    const layer = t >> 1;
    const u = source.next();
    // the sign as a factor, not a branch: a random sign would be a mispredicted branch half the time
    if (u < ZIGGURAT_INNER[layer]) return (1 - 2 * (t & 1)) * u * ZIGGURAT_X[layer];
    return this.normalOuter(source, layer, u, t & 1);
  }

  /** the ziggurat's wedges and tail, about 1% of normal draws */
  private normalOuter(source: UniformSource, layer: number, u: number, negative: number): number {
    for (;;) {
      if (layer === 0) {
        // Marsaglia (1964): x = −ln(U₁)/r, accept when −2 ln(U₂) > x²
        let x: number;
        let y: number;
        do {
          x = -Math.log(source.next()) / ZIGGURAT_R;
          y = -Math.log(source.next());
        } while (y + y < x * x);
        return negative === 0 ? ZIGGURAT_R + x : -ZIGGURAT_R - x;
      }
      const x = u * ZIGGURAT_X[layer];
      const low = ZIGGURAT_F[layer];
      if (low + source.next() * (ZIGGURAT_F[layer + 1] - low) < Math.exp(-0.5 * x * x)) return negative === 0 ? x : -x;
      const t = (source.next() * 2 * ZIGGURAT_LAYERS) | 0;
      layer = t >> 1;
      negative = t & 1;
      u = source.next();
      if (u < ZIGGURAT_INNER[layer]) return negative === 0 ? u * ZIGGURAT_X[layer] : -u * ZIGGURAT_X[layer];
    }
  }

  /**
   * Gamma(shape, scale 1), from the spread stream: G. Marsaglia & W. W. Tsang, "A simple method for
   * generating gamma variables", ACM TOMS 26(3) (2000) 363–372; for shape < 1 their boost
   * Gamma(shape + 1)·U^(1/shape).
   */
  gamma(shape: number): number {
    if (shape >= 1) return this.gammaAtLeastOne(shape);
    return this.gammaAtLeastOne(shape + 1) * this.spread.next() ** (1 / shape);
  }

  private gammaAtLeastOne(shape: number): number {
    if (shape !== this.gammaShape) {
      if (!(shape >= 1 && shape < Infinity)) return NaN;
      this.gammaShape = shape;
      this.gammaD = shape - 1 / 3;
      this.gammaC = 1 / Math.sqrt(9 * this.gammaD);
    }
    const d = this.gammaD;
    const c = this.gammaC;
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = this.normalFrom(this.spread);
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = this.spread.next();
      const xx = x * x;
      if (u < 1 - 0.0331 * xx * xx) return d * v;
      if (Math.log(u) < 0.5 * xx + d * (1 - v + Math.log(v))) return d * v;
    }
  }

  /** χ²(df) = 2·Gamma(df/2) */
  chiSquare(df: number): number {
    return 2 * this.gamma(0.5 * df);
  }

  /** Binomial(n, p), exact (binomial.ts) */
  binomial(n: number, p: number): number {
    return this.binomials.draw(n, p);
  }

  /** Poisson(mean), exact: inversion below 10, PTRS otherwise */
  poisson(mean: number): number {
    if (mean < 10) return this.poissonInversion(mean);
    return this.poissonPtrs(mean);
  }

  /** sequential search from 0 (L. Devroye, Non-Uniform Random Variate Generation, 1986, §X.3.3) */
  private poissonInversion(mean: number): number {
    if (mean !== this.inversionMean) {
      this.inversionMean = mean;
      this.inversionExp = Math.exp(-mean);
    }
    const f0 = this.inversionExp;
    for (;;) {
      let u = this.counts.next();
      let f = f0;
      let x = 0;
      while (u >= f) {
        u -= f;
        x++;
        if (x > INVERSION_LIMIT) break;
        f *= mean / x;
      }
      if (x <= INVERSION_LIMIT) return x;
    }
  }

  /**
   * PTRS, transformed rejection with squeeze: W. Hörmann, "The transformed rejection method for
   * generating Poisson random variables", Insurance Math. Econom. 12 (1993) 39–45, for mean ≥ 10.
   */
  private poissonPtrs(mean: number): number {
    if (mean !== this.ptrsMean) {
      if (!(mean < Infinity)) return mean;
      const b = 0.931 + 2.53 * Math.sqrt(mean);
      this.ptrsMean = mean;
      this.ptrsB = b;
      this.ptrsA = -0.059 + 0.02483 * b;
      this.ptrsVr = 0.9277 - 3.6224 / (b - 2);
      // the two logarithms of the final test, which few draws reach (a negative binomial's mean changes
      // every draw): computed on first use
      this.ptrsLogMean = NaN;
    }
    const a = this.ptrsA;
    const b = this.ptrsB;
    const vr = this.ptrsVr;
    for (;;) {
      const u = this.counts.next() - 0.5;
      const v = this.counts.next();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
      if (us >= 0.07 && v <= vr) return k;
      if (k < 0 || (us < 0.013 && v > us)) continue;
      if (Number.isNaN(this.ptrsLogMean)) {
        this.ptrsLogMean = Math.log(mean);
        this.ptrsLogInvAlpha = Math.log(1.1239 + 1.1328 / (b - 3.4));
      }
      if (
        Math.log(v) + this.ptrsLogInvAlpha - Math.log(a / (us * us) + b) <=
        -mean + k * this.ptrsLogMean - logFactorial(k)
      ) {
        return k;
      }
    }
  }

  /**
   * Failures before the `successes`-th success, success probability p: the gamma–Poisson mixture
   * Poisson(Gamma(successes)·(1 − p)/p) (L. Devroye, Non-Uniform Random Variate Generation, 1986,
   * §X.4.7). Infinity when p is not positive.
   */
  negativeBinomial(successes: number, p: number): number {
    if (p >= 1 || successes <= 0) return 0;
    if (!(p > 0)) return Infinity;
    return this.poisson((this.gamma(successes) * (1 - p)) / p);
  }

  /**
   * Multinomial(n, probabilities) into out[0..k − 1], by conditional binomials: N_i given the
   * earlier counts is Binomial(n − N_0 − … − N_{i−1}, p_i/(1 − p_0 − … − p_{i−1})) (Devroye 1986,
   * §XI.1.1). The last category takes what is left, which absorbs rounding in the probabilities.
   */
  multinomial(n: number, probabilities: ArrayLike<number>, out: Int32Array | Float64Array): void {
    const last = probabilities.length - 1;
    let left = n;
    let mass = 1;
    for (let i = 0; i < last; i++) {
      const p = probabilities[i];
      let x = 0;
      if (left > 0 && p > 0) {
        x = p >= mass ? left : this.binomial(left, p / mass);
        left -= x;
      }
      out[i] = x;
      mass -= p;
    }
    if (last >= 0) out[last] = left;
  }
}
