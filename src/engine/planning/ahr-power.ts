// The closed-form power of a log-rank design planned on the average hazard ratio, as gsDesign2's
// fixed_design_ahr() plans it (with its default information scale, "h0_h1_info"): with θ = −ln AHR
// and the information I₀, I₁ under H0 and the alternative at the analysis month (average-hazard-ratio.ts),
//   power = Φ(√I₁·θ − z_{1−α}·√(I₁/I₀)),
// the inverse of gsDesign2's size, which scales the accrual rate by
//   x = ((z_{1−α}/√I₀ + z_{1−β}/√I₁)/θ)²
// so that power is 1 − β. Schoenfeld's law is the case I₁ = I₀. gsDesign2's README example (12 months of
// enrolment, control median 12, HR 1 for 4 months then 0.6, dropout 0.001 a month, 1:1, α 0.025,
// analysis at month 36) has power 0.9 at N = 420.63 with 311.00 events.
import type { TestedPopulation } from '../endpoints/outcome-model.js';
import { normalCdf, normalQuantile } from '../math/normal.js';
import type { Scenario, SurvivalEndpoint } from '../scenario/types.js';
import { type AverageHazardRatio, averageHazardRatio, averageHazardRatioOf } from './average-hazard-ratio.js';
import { eventsPlan } from './expected-events.js';

export type AhrPower = {
  power: number;
  /** events expected by the analysis in the tested population, and their average hazard ratio */
  events: number;
  averageHazardRatio: number;
};

/** `n` patients from `from` recruited at the scenario's screening rate, analysed at calendar month `month` */
export function ahrPower(
  scenario: Scenario & { endpoint: SurvivalEndpoint },
  from: TestedPopulation,
  n: number,
  month: number,
): AhrPower {
  return powerOf(scenario.alpha, averageHazardRatio(scenario, from, n, month));
}

/** the AHR power of an event-driven analysis: at the month `events` are expected in the tested population */
export function eventDrivenAhrPower(
  scenario: Scenario & { endpoint: SurvivalEndpoint },
  from: TestedPopulation,
  n: number,
  events: number,
): number {
  const plan = eventsPlan(scenario, from, n);
  const month = plan.accrual.eventMonth(events, plan.counted);
  if (!Number.isFinite(month)) return 0;
  return powerOf(scenario.alpha, averageHazardRatioOf(plan, scenario.trial.allocation, month)).power;
}

function powerOf(alpha: number, planned: AverageHazardRatio): AhrPower {
  const theta = -Math.log(planned.ratio);
  const { information0, information1 } = planned;
  const zAlpha = normalQuantile(1 - alpha);
  const power =
    information0 > 0 && information1 > 0
      ? normalCdf(Math.sqrt(information1) * theta - zAlpha * Math.sqrt(information1 / information0))
      : 0;
  return { power, events: planned.events, averageHazardRatio: planned.ratio };
}
