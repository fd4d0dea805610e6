// One population's weighted log-rank scores at an analysis, and the test's z from them. Each event
// adds, for every statistic k of the test, w_k·(O − E) to its score and w_k·w_l·v to the
// covariance of scores k and l, v = n_T·n_C/n² the hypergeometric variance of the event's risk set
// (Fleming & Harrington 1991, ch. 7: V_kl = Σ w_k·w_l·n_T·n_C/n²). Statistic k is
// z_k = −U_k/√V_kk, positive when treatment lowers the hazard.
// - One statistic (log-rank, FH(ρ, γ)): z = z_1, its information V_11.
// - maxcombo: z = Φ⁻¹(1 − p) with p = P(max_k Z_k ≥ max_k z_k) for Z ~ N(0, R), R the correlation
//   V_kl/√(V_kk·V_ll) of the statistics that have information (Lee 2007; Karrison 2016), from
//   max-normal.ts; computed only when read, since a design may read one population only.
// - The effect estimate, on which selection by "effect" acts: exp(Σ w·(E − O) / Σ w·v), the
//   weighted test's estimate of 1/HR averaged as it weights the events (for the log-rank w = 1, and
//   this is Peto's exp((E − O)/V), rpact's selection measure); maxcombo's is its log-rank's.
import { MaxOfNormals } from '../../math/max-normal.js';
import { normalQuantile, zOfP } from '../../math/normal.js';
import type { TestWeights } from './test-weights.js';

export class WeightedScores {
  readonly count: number;
  /** during the pass Σ w_k·(O − E); after `finish`, z_k */
  readonly statistics: Float64Array;
  /** V_kl, row by row */
  readonly covariance: Float64Array;
  /** Σ w·v of a single weighted statistic (for the log-rank it is V; maxcombo's effect is its log-rank's) */
  readonly weighted: Float64Array;
  private readonly needsSurvival: boolean;
  private readonly keepsWeighted: boolean;
  events = 0;
  private readonly rho: Float64Array;
  private readonly gamma: Float64Array;
  private readonly weight: Float64Array;
  private readonly correlation: Float64Array;
  private readonly active: Int32Array;
  private readonly maxima: MaxOfNormals | null;
  private combined = NaN;

  constructor(weights: TestWeights) {
    const count = weights.rho.length;
    this.count = count;
    this.rho = weights.rho;
    this.gamma = weights.gamma;
    this.statistics = new Float64Array(count);
    this.covariance = new Float64Array(count * count);
    this.weighted = new Float64Array(count);
    this.needsSurvival = weights.needsSurvival;
    this.keepsWeighted = count === 1 && weights.needsSurvival;
    this.weight = new Float64Array(count).fill(1);
    this.correlation = new Float64Array(count * count);
    this.active = new Int32Array(count);
    this.maxima = count > 1 ? new MaxOfNormals(count) : null;
  }

  reset(): void {
    this.statistics.fill(0);
    this.covariance.fill(0);
    this.weighted.fill(0);
    this.events = 0;
    this.combined = NaN;
  }

  /** an event: O − E and v from its risk set, `survival` the pooled Ŝ(t−) of its stratum */
  add(survival: number, observedMinusExpected: number, variance: number): void {
    const { count, weight, statistics, covariance } = this;
    // the log-rank's weight stays 1 and needs no Ŝ
    if (this.needsSurvival) this.weigh(survival, variance);
    for (let k = 0; k < count; k++) {
      const w = weight[k];
      statistics[k] += w * observedMinusExpected;
      const row = k * count;
      for (let l = 0; l < k; l++) covariance[row + l] += w * weight[l] * variance;
      covariance[row + k] += w * w * variance;
    }
  }

  /** each statistic's weight Ŝ^ρ·(1 − Ŝ)^γ, and Σ w·v for a single weighted statistic */
  private weigh(survival: number, variance: number): void {
    const { count, rho, gamma, weight } = this;
    for (let k = 0; k < count; k++) {
      let w = 1;
      const r = rho[k];
      if (r !== 0) w = r === 1 ? survival : survival ** r;
      const g = gamma[k];
      if (g !== 0) w *= g === 1 ? 1 - survival : (1 - survival) ** g;
      weight[k] = w;
    }
    if (count === 1) this.weighted[0] += weight[0] * variance;
  }

  /** scores to statistics z_k = −U_k/√V_kk (0 without information); the covariance made symmetric */
  finish(): void {
    const { count, statistics, covariance } = this;
    for (let k = 0; k < count; k++) {
      const variance = covariance[k * count + k];
      statistics[k] = variance > 0 ? -statistics[k] / Math.sqrt(variance) : 0;
      for (let l = 0; l < k; l++) covariance[l * count + k] = covariance[k * count + l];
    }
    this.combined = NaN;
  }

  /**
   * The scores of the events between two analyses of the same trial (later − earlier): scores
   * z_k·√V_kk and covariances subtract, and z_k = ΔU_k/√ΔV_kk (0 without new information).
   */
  difference(later: WeightedScores, earlier: WeightedScores): void {
    const { count, statistics, covariance, weighted } = this;
    for (let k = 0; k < count; k++) {
      const kk = k * count + k;
      for (let l = 0; l < count; l++)
        covariance[k * count + l] = later.covariance[k * count + l] - earlier.covariance[k * count + l];
      weighted[k] = later.weighted[k] - earlier.weighted[k];
      const information = covariance[kk];
      const score =
        later.statistics[k] * Math.sqrt(later.covariance[kk]) -
        earlier.statistics[k] * Math.sqrt(earlier.covariance[kk]);
      statistics[k] = information > 0 ? score / Math.sqrt(information) : 0;
    }
    this.events = later.events - earlier.events;
    this.combined = NaN;
  }

  copy(from: WeightedScores): void {
    this.statistics.set(from.statistics);
    this.covariance.set(from.covariance);
    this.weighted.set(from.weighted);
    this.events = from.events;
    this.combined = from.combined;
  }

  /** the test's z */
  get z(): number {
    if (this.maxima === null) return this.statistics[0];
    if (Number.isNaN(this.combined)) this.combined = this.maxcombo(this.maxima);
    return this.combined;
  }

  /** the null variance of the (first) statistic's numerator: √(I_S/I_F) is z_S's correlation with z_F */
  get information(): number {
    return this.covariance[0];
  }

  /** the estimate of 1/HR: exp(Σ w·(E − O) / Σ w·v); for the log-rank exp(z/√V) */
  get effect(): number {
    const information = this.covariance[0];
    if (!(information > 0)) return 1;
    if (!this.keepsWeighted) return Math.exp(this.statistics[0] / Math.sqrt(information));
    return Math.exp((this.statistics[0] / Math.sqrt(information)) * (information / this.weighted[0]));
  }

  private maxcombo(maxima: MaxOfNormals): number {
    const { count, statistics, covariance, correlation, active } = this;
    // the statistics with information, and their correlations
    let size = 0;
    let largest = -Infinity;
    for (let k = 0; k < count; k++) {
      if (!(covariance[k * count + k] > 0)) continue;
      active[size++] = k;
      largest = Math.max(largest, statistics[k]);
    }
    if (size === 0) return 0;
    for (let i = 0; i < size; i++) {
      const k = active[i];
      for (let j = 0; j < size; j++) {
        const l = active[j];
        correlation[i * size + j] =
          covariance[k * count + l] / Math.sqrt(covariance[k * count + k] * covariance[l * count + l]);
      }
    }
    // Φ⁻¹(1 − p) from the smaller tail, so that neither a strong nor a harmful result rounds to ±∞
    return largest >= 0
      ? zOfP(maxima.upper(correlation, size, largest))
      : normalQuantile(maxima.lower(correlation, size, largest));
  }
}
