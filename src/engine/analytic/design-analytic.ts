// Closed-form rejection probabilities of the one-analysis designs (docs/methods.md), shown beside
// the simulated ones: the two-arm z test for all-comers (H_F) and enriched (H_S), the bivariate
// normal closed test for stratified designs; Schoenfeld's law for survival. With `statistic: "t"`
// these are the z-test values. With several populations, for continuous and binary endpoints: the z
// test of the one population an all-comers or enriched design tests (population-law.ts), and what the
// multivariate normal law gives of a stratified design's closed test (populations-closed-test.ts).
import { normalUpper } from '../math/normal.js';
import { layoutOf, type PopulationSummary } from '../population.js';
import { enrolledPopulation } from '../designs/tested.js';
import { populationLaw } from './population-law.js';
import { populationsClosedTest } from './populations-closed-test.js';
import type { Design, Scenario } from '../scenario/types.js';
import { twoHypothesisTest } from '../inference/intersection/index.js';
import { hasInterim } from '../designs/interim.js';
import { closedTestPower } from './closed-test-power.js';
import { statisticLaw, type NormalLaw } from './statistic-law.js';
import { expectedEvents } from '../planning/expected-events.js';
import { survivalLaw } from './survival-law.js';
import { survivalTestOf } from '../endpoints/survival/test-weights.js';

/** keyed as the results are: population ids, F, any (and both with one marker) */
export type AnalyticResult = { reject: Partial<Record<string, number>> };

/** the closed forms of a design of a scenario in the several-populations form */
export function populationsAnalytic(scenario: Scenario, design: Design, critical: number): AnalyticResult | undefined {
  if (hasInterim(design) || scenario.endpoint.type === 'survival') return undefined;
  const layout = layoutOf(scenario.population);
  if (design.type === 'stratified') {
    const reject = populationsClosedTest(scenario, layout, design);
    return reject && { reject };
  }
  if (design.type !== 'all-comers' && design.type !== 'enriched') return undefined;
  const population = enrolledPopulation(layout, design);
  const power = singleTestPower(populationLaw(scenario, layout, population, design.n), critical);
  return { reject: { any: power, [layout.populationIds[population]]: power } };
}

export function designAnalytic(
  scenario: Scenario,
  population: PopulationSummary,
  design: Design,
  critical: number,
): AnalyticResult | undefined {
  if (hasInterim(design)) return undefined;
  const endpoint = scenario.endpoint;
  if (endpoint.type === 'survival') {
    // Schoenfeld's law is the log-rank's; a weighted test's power has no closed form here
    if (survivalTestOf(scenario) !== 'logrank') return undefined;
    if (design.type === 'adaptive-enrichment') return undefined;
    // Schoenfeld's law takes the tested population's events; S's events leave F's to chance
    if (design.type !== 'enriched' && design.eventsIn === 'S') return undefined;
    const from = design.type === 'enriched' ? 'S' : 'F';
    // at a calendar month, the events expected by then, as the asymptotic method draws them
    const [events] =
      design.months === undefined
        ? [design.events]
        : expectedEvents({ ...scenario, endpoint }, from, design.n ?? Infinity, [design.months]);
    if (events === undefined) return undefined;
    const law = survivalLaw(scenario, endpoint, from, events);
    if (!law) return undefined;
    if (design.type === 'stratified')
      return {
        reject: closedTestPower(
          law,
          twoHypothesisTest(design).atLevel(scenario.alpha)(law.informationCorrelation),
          critical,
        ),
      };
    const power = singleTestPower(design.type === 'enriched' ? law.S : law.F, critical);
    return { reject: design.type === 'enriched' ? { any: power, S: power } : { any: power, F: power } };
  }
  switch (design.type) {
    case 'all-comers': {
      const power = singleTestPower(statisticLaw(scenario, population, 'F', design.n).F, critical);
      return { reject: { any: power, F: power } };
    }
    case 'enriched': {
      const power = singleTestPower(statisticLaw(scenario, population, 'S', design.n).S, critical);
      return { reject: { any: power, S: power } };
    }
    case 'stratified': {
      const law = statisticLaw(scenario, population, 'F', design.n);
      const thresholds = twoHypothesisTest(design).atLevel(scenario.alpha)(law.informationCorrelation);
      return { reject: closedTestPower(law, thresholds, critical) };
    }
    default:
      return undefined;
  }
}

/** P(z ≥ critical) for z ~ N(mean, scale²): Φ((θ − z_{1−α}·σ₀)/σ₁) in the usual notation */
export function singleTestPower(law: NormalLaw, critical: number): number {
  return normalUpper((critical - law.mean) / law.scale);
}
