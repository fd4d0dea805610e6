// The closed-form size of a log-rank design planned on the average hazard ratio, as gsDesign2's
// fixed_design_ahr() makes it (with its default information scale, "h0_h1_info"): the accrual keeps
// its months and its rate is scaled by x so that the analysis at calendar month τ has power 1 − β at
// one-sided α. Events and information grow in proportion to x, the AHR does not, so with θ = −ln AHR
// and the information I₀, I₁ of the unscaled trial (average-hazard-ratio.ts)
//   x = ((z_{1−α}/√I₀ + z_{1−β}/√I₁)/θ)².
// Schoenfeld's formula is the case I₁ = I₀. gsDesign2's README example (12 months of enrolment, control
// median 12, HR 1 for 4 months then 0.6, dropout 0.001 a month, 1:1, α 0.025, power 0.9, τ = 36) gives
// N = 420.63 and 311.00 events.
import type { TestedPopulation } from '../endpoints/outcome-model.js';
import { normalQuantile } from '../math/normal.js';
import type { Scenario, SurvivalEndpoint } from '../scenario/types.js';
import { averageHazardRatio } from './average-hazard-ratio.js';

export type AhrSize = {
  /** patients randomised, events expected by τ, and the screening rate that recruits them in time */
  randomized: number;
  events: number;
  screeningRate: number;
  averageHazardRatio: number;
};

/**
 * `n` patients from `from` recruited at the scenario's screening rate set the accrual's months; the
 * answer recruits over the same months, analysed at month `month`. Undefined when the AHR shows no
 * benefit (≥ 1), which no size can power.
 */
export function ahrSize(
  scenario: Scenario & { endpoint: SurvivalEndpoint },
  from: TestedPopulation,
  n: number,
  month: number,
  power: number,
): AhrSize | undefined {
  const planned = averageHazardRatio(scenario, from, n, month);
  const theta = -Math.log(planned.ratio);
  if (!(theta > 0)) return undefined;
  const zAlpha = normalQuantile(1 - scenario.alpha);
  const zBeta = normalQuantile(power);
  const scale = ((zAlpha / Math.sqrt(planned.information0) + zBeta / Math.sqrt(planned.information1)) / theta) ** 2;
  return {
    randomized: n * scale,
    events: planned.events * scale,
    screeningRate: scenario.trial.screeningRate * scale,
    averageHazardRatio: planned.ratio,
  };
}
