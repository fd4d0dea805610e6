// Why an rpact call is only the closest one for a design: what rpact cannot express, in words for
// the script's comments. Each returns undefined where rpact's model is the scenario's.
import { derivedQuantities } from '../../engine/derived.js';
import { proportionalHazards } from '../../engine/scenario/survival-rules.js';
import { type Design, isMarkerPopulation, type Scenario } from '../../engine/scenario/types.js';
import { probability } from '../../app/format.js';

export function imperfectAssay(scenario: Scenario): string | undefined {
  const population = scenario.population;
  if (!isMarkerPopulation(population)) {
    const exact = Object.entries(population.assay ?? {}).every(([truth, row]) =>
      Object.entries(row).every(([classified, p]) => p === 0 || classified === truth),
    );
    if (exact) return undefined;
    return (
      "the assay is imperfect (population.assay): rpact's subgroups are exactly the patients of each true " +
      'subgroup, while here the populations are the patients as the assay classifies them; the call gives ' +
      "rpact the mixtures' parameters"
    );
  }
  const { sensitivity, specificity } = population;
  if (sensitivity === 1 && specificity === 1) return undefined;
  const { ppv, npv } = derivedQuantities(scenario);
  return (
    `the assay is imperfect (sensitivity ${sensitivity}, specificity ${specificity}): rpact's subsets are ` +
    'exactly the marker-positive and -negative patients, while here S is the assay-positive patients ' +
    `(PPV ${probability(ppv)}) and R the assay-negative (NPV ${probability(npv)}); the call gives rpact ` +
    "the mixtures' parameters"
  );
}

export function randomStrata(scenario: Scenario): string | undefined {
  if (scenario.analysis.strata === 'fixed') return undefined;
  return (
    "Stratum draws each patient's marker status and assay result (random strata); rpact gives every stage " +
    `exactly its expected share of ${isMarkerPopulation(scenario.population) ? 'S and R' : 'each subgroup'}`
  );
}

export function tStatistic(scenario: Scenario, where: string): string | undefined {
  if (scenario.endpoint.type !== 'continuous' || scenario.analysis.statistic === 'z') return undefined;
  return `Stratum estimates the variances (t statistics); ${where}`;
}

export function changingHazards(scenario: Scenario): string | undefined {
  const endpoint = scenario.endpoint;
  if (endpoint.type !== 'survival') return undefined;
  // the maps are keyed by marker status, or by subgroup with several populations
  const exponential =
    Object.values(endpoint.controlHazard ?? {}).every((pieces) => pieces === undefined || pieces.length === 1) &&
    Object.values(endpoint.shape ?? {}).every((shape) => (shape ?? 1) === 1);
  if (exponential && proportionalHazards(endpoint)) return undefined;
  const each = isMarkerPopulation(scenario.population) ? 'status' : 'subgroup';
  return (
    'the hazards change with time (pieces or a Weibull shape); the call gives rpact exponential times of ' +
    `the same control medians and one hazard ratio per subset, each ${each}'s average over its follow-up`
  );
}

export function weightedTest(scenario: Scenario): string | undefined {
  const test = scenario.analysis.survivalTest;
  if (test === undefined || test === 'logrank') return undefined;
  const name =
    test === 'maxcombo' ? 'the maxcombo test' : `the Fleming–Harrington test FH(${test.fh[0]}, ${test.fh[1]})`;
  return `Stratum tests by ${name} (analysis.survivalTest); rpact simulates the log-rank test`;
}

/**
 * rpact's survival simulations hold every analysis at a number of events in the tested population
 * (adaptive: F's at the interim, the kept population's at the end); a design analysed at calendar
 * months, or at another population's events, has no call
 */
export function otherTiming(scenario: Scenario, design: Design): string | undefined {
  if (scenario.endpoint.type !== 'survival') return undefined;
  const rpacts = 'rpact holds every survival analysis at a number of events in the tested population';
  if (design.months !== undefined) return `${rpacts}, while this design's come at calendar months: no call`;
  const eventsIn = design.type === 'enriched' ? undefined : design.eventsIn;
  if (eventsIn === undefined || (eventsIn === 'F' && design.type !== 'adaptive-enrichment')) return undefined;
  return `${rpacts}, while this design's come at ${eventsIn}'s events: no call`;
}
