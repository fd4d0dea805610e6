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
import { stirlingCorrection, logFactorial } from './log-factorial.js';
import { ZIGGURAT_F, ZIGGURAT_INNER, ZIGGURAT_LAYERS, ZIGGURAT_R, ZIGGURAT_X } from './normal-ziggurat.js';

/** BTRD's h, the m-dependent part of log f(k)/f(m) (Hörmann 1993, step 3.3) */
function btrdH(n: number, m: number, r: number): number {
  return (m + 0.5) * Math.log((m + 1) / (r * (n - m + 1))) + stirlingCorrection(m) + stirlingCorrection(n - m);
}

/** sequential-search inversion is abandoned past this many steps (reached only through rounding) */
const INVERSION_LIMIT = 1000;

export class Sampler {
  /** counts, and every draw that is not a normal or a gamma */
  private readonly counts: UniformSource;
  private readonly outcome: UniformSource;
  private readonly spread: UniformSource;
  private readonly trials: TrialStreams | undefined;

  // Marsaglia–Tsang gamma set-up for the last shape a ≥ 1: d = a − 1/3, c = 1/√(9d)
  private gammaShape = NaN;
  private gammaD = NaN;
  private gammaC = NaN;

  // binomial inversion set-up for the last (n, p): q^n, p/q, (n + 1)p/q
  private inversionN = NaN;
  private inversionP = NaN;
  private inversionQn = NaN;
  private inversionS = NaN;
  private inversionA = NaN;

  // BTRD set-up for the last (n, p), names as in Hörmann (1993)
  private btrdN = NaN;
  private btrdP = NaN;
  private btrdM = NaN;
  private btrdR = NaN;
  private btrdNr = NaN;
  private btrdNpq = NaN;
  private btrdA = NaN;
  private btrdB = NaN;
  private btrdC = NaN;
  private btrdAlpha = NaN;
  private btrdVr = NaN;
  private btrdUrVr = NaN;
  private btrdH = NaN;

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

  /** Binomial(n, p), exact; p > ½ by symmetry, n·p < 10 by inversion, otherwise BTRD */
  binomial(n: number, p: number): number {
    if (p <= 0.5) return this.binomialUpToHalf(n, p);
    return n - this.binomialUpToHalf(n, 1 - p);
  }

  private binomialUpToHalf(n: number, p: number): number {
    if (n === 0 || p <= 0) return 0;
    if (n * p < 10) return this.binomialInversion(n, p);
    return this.binomialBtrd(n, p);
  }

  /**
   * Sequential search from 0, BINV of V. Kachitvichyanukul & B. W. Schmeiser, "Binomial random
   * variate generation", Commun. ACM 31(2) (1988) 216–222: f(x)/f(x − 1) = (n + 1)s/x − s, s = p/q.
   */
  private binomialInversion(n: number, p: number): number {
    if (n !== this.inversionN || p !== this.inversionP) {
      this.inversionN = n;
      this.inversionP = p;
      this.inversionQn = Math.exp(n * Math.log1p(-p));
      this.inversionS = p / (1 - p);
      this.inversionA = (n + 1) * this.inversionS;
    }
    const f0 = this.inversionQn;
    const s = this.inversionS;
    const a = this.inversionA;
    for (;;) {
      let u = this.counts.next();
      let f = f0;
      let x = 0;
      while (u >= f) {
        u -= f;
        x++;
        if (x > n) break;
        f *= a / x - s;
      }
      if (x <= n) return x;
    }
  }

  /**
   * BTRD, transformed rejection with decomposition: W. Hörmann, "The generation of binomial random
   * variates", J. Stat. Comput. Simul. 46 (1993) 101–110, for p ≤ ½ and n·p ≥ 10. Steps numbered as
   * in the paper.
   */
  private binomialBtrd(n: number, p: number): number {
    if (n !== this.btrdN || p !== this.btrdP) {
      if (!(n * p < Infinity)) return NaN;
      this.btrdSetUp(n, p);
    }
    const m = this.btrdM;
    const r = this.btrdR;
    const nr = this.btrdNr;
    const npq = this.btrdNpq;
    const a = this.btrdA;
    const b = this.btrdB;
    const c = this.btrdC;
    const alpha = this.btrdAlpha;
    const vr = this.btrdVr;
    for (;;) {
      // 1: the box of immediate acceptance
      let v = this.counts.next();
      if (v <= this.btrdUrVr) {
        const u = v / vr - 0.43;
        return Math.floor(((2 * a) / (0.5 - Math.abs(u)) + b) * u + c);
      }
      // 2
      let u: number;
      if (v >= vr) {
        u = this.counts.next() - 0.5;
      } else {
        u = v / vr - 0.93;
        u = (u < 0 ? -0.5 : 0.5) - u;
        v = this.counts.next() * vr;
      }
      // 3.0
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * a) / us + b) * u + c);
      if (k < 0 || k > n) continue;
      v = (v * alpha) / (a / (us * us) + b);
      const km = Math.abs(k - m);
      if (km <= 15) {
        // 3.1: f(k)/f(m) by the recursion f(i)/f(i − 1) = nr/i − r
        if (m < k) {
          let f = 1;
          for (let i = m + 1; i <= k; i++) f *= nr / i - r;
          if (v <= f) return k;
        } else {
          for (let i = k + 1; i <= m; i++) v *= nr / i - r;
          if (v <= 1) return k;
        }
        continue;
      }
      // 3.2: squeeze on log f(k)/f(m)
      const logV = Math.log(v);
      const rho = (km / npq) * (((km / 3 + 0.625) * km + 1 / 6) / npq + 0.5);
      const t = (-km * km) / (2 * npq);
      if (logV < t - rho) return k;
      if (logV > t + rho) continue;
      // 3.3–3.4: log f(k)/f(m) through Stirling's formula
      if (Number.isNaN(this.btrdH)) this.btrdH = btrdH(n, m, r);
      const nk = n - k + 1;
      const bound =
        this.btrdH +
        (n + 1) * Math.log((n - m + 1) / nk) +
        (k + 0.5) * Math.log((nk * r) / (k + 1)) -
        stirlingCorrection(k) -
        stirlingCorrection(n - k);
      if (logV <= bound) return k;
    }
  }

  private btrdSetUp(n: number, p: number): void {
    const q = 1 - p;
    const spq = Math.sqrt(n * p * q);
    const m = Math.floor((n + 1) * p);
    const r = p / q;
    const b = 1.15 + 2.53 * spq;
    this.btrdN = n;
    this.btrdP = p;
    this.btrdM = m;
    this.btrdR = r;
    this.btrdNr = (n + 1) * r;
    this.btrdNpq = n * p * q;
    this.btrdB = b;
    this.btrdA = -0.0873 + 0.0248 * b + 0.01 * p;
    this.btrdC = n * p + 0.5;
    this.btrdAlpha = (2.83 + 5.1 / b) * spq;
    this.btrdVr = 0.92 - 4.2 / b;
    this.btrdUrVr = 0.86 * this.btrdVr;
    this.btrdH = NaN; // needed in few draws: computed on first use
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
