// Schoenfeld's large-sample law of event-driven log-rank statistics (docs/methods.md): with d
// events, z is N(−ln HR·√(c·d), 1), c = r/(1 + r)². In F the events split between S and R in
// proportion to P(j)·(1 + r·HR_j), z_F = Σ √d_j·z_j / √d, and corr(z_S, z_F) = √(d_S/d).
// Needs a perfect assay (S is then the marker-positive subset) and proportional hazards: under a
// hazard ratio that changes with time the log-rank's law is no function of the events alone.
import type { TestedPopulation } from '../endpoints/outcome-model.js';
import { constantOf } from '../scenario/pieces.js';
import type { Scenario, SurvivalEndpoint } from '../scenario/types.js';
import type { StatisticLaw } from './statistic-law.js';
import { allocationFactor, markerPopulation } from '../population.js';

export function survivalLaw(
  scenario: Scenario,
  endpoint: SurvivalEndpoint,
  from: TestedPopulation,
  events: number,
): StatisticLaw | undefined {
  const { prevalence, sensitivity, specificity } = markerPopulation(scenario.population);
  const ratioS = constantOf(endpoint.hazardRatio.pos);
  const ratioR = constantOf(endpoint.hazardRatio.neg);
  if (sensitivity !== 1 || specificity !== 1 || ratioS === undefined || ratioR === undefined) return undefined;
  const r = scenario.trial.allocation;
  const c = allocationFactor(r);
  const weightS = prevalence * (1 + r * ratioS);
  const weightR = (1 - prevalence) * (1 + r * ratioR);
  const eventsS = from === 'S' ? events : (events * weightS) / (weightS + weightR);
  const eventsR = events - eventsS;
  const driftS = -Math.log(ratioS) * Math.sqrt(c * eventsS);
  const S = { mean: driftS, scale: 1 };
  if (from === 'S') return { S, F: S, correlation: 1, informationCorrelation: 1 };
  const driftR = -Math.log(ratioR) * Math.sqrt(c * eventsR);
  const F = { mean: (Math.sqrt(eventsS) * driftS + Math.sqrt(eventsR) * driftR) / Math.sqrt(events), scale: 1 };
  const correlation = Math.sqrt(eventsS / events);
  return { S, F, correlation, informationCorrelation: correlation };
}
