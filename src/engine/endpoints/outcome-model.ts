// What an endpoint contributes to a simulated stage: outcome draws given the patients, and
// the stage's test statistic on the z scale for a population (its index in the cell layout).
import type { Sampler } from '../random/sampler.js';
import type { StageData, WithinStages } from './stage.js';
import type { Strata } from './strata.js';

/** The one-marker form's populations by name: S (assay+) or F (everyone randomised); survival's still. */
export type TestedPopulation = 'S' | 'F';

export interface OutcomeModel {
  /** how each population's statistic reads the cells */
  readonly strata: Strata;
  /** fill `sum` (and `sumSquares` when needed) from `count`, through sufficient statistics */
  drawSufficient(stage: StageData, sampler: Sampler): void;
  /** add one patient's outcome in arm × cell `slot`; returns it (binary: 1 responded, 0 did not) */
  drawPatient(stage: StageData, slot: number, sampler: Sampler): number;
  /** finish patient-level accumulation (e.g. turn running sums into within-cell sums of squares) */
  finishPatients(stage: StageData): void;
  /**
   * One-sided test statistic on the z scale (for a t test, Φ⁻¹(1 − p)); 0 when the population
   * has an empty arm. Sets `information` to the null variance of the statistic's numerator
   * Σ_j w_j·d_j (w_j = n_T·n_C/n per stratum, d_j the difference; estimated for t and binary).
   * A nested population's numerator is a term of the larger one's and, with equal variances in both
   * arms, cov(S, F) = var(S), so √(I_S / I_F) is the correlation of z_S and z_F that Spiessens–Debois
   * needs (stage-statistics.ts generalises it to any two populations). It reduces to
   * √(n_S / n_F), rpact's choice, when every cell has the same variance; with unequal variances
   * the subject ratio overstates the correlation and inflates the type I error.
   * `residual`, for a t statistic on cumulative data, replaces the variance estimate of the data
   * pooled over stages with the one pooled within stages (see WithinStages).
   */
  statistic(stage: StageData, population: number, residual?: WithinStages): number;
  information: number;
  /** t statistics only: add a stage's within-group residual to a group-sequential trial's `residual` */
  addWithinStage?(residual: WithinStages, stage: StageData): void;
  /** set by `statistic`: the information from each of the population's strata (a pooled one's shared by patients) */
  readonly stratumInformation: Float64Array;
  /** set by `statistic`: the estimated effect Σ_j w_j·d_j / Σ_j w_j (difference in means or rates) */
  effect: number;
}
