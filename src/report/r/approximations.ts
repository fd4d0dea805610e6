// Why an rpact call is only the closest one for a design: what rpact cannot express, in words for
// the script's comments. Each returns undefined where rpact's model is the scenario's.
import { derivedQuantities } from '../../engine/derived.js';
import type { Scenario } from '../../engine/scenario/types.js';
import { probability } from '../../app/format.js';

export function imperfectAssay(scenario: Scenario): string | undefined {
  const { sensitivity, specificity } = scenario.population;
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
    'exactly its expected share of S and R'
  );
}

export function tStatistic(scenario: Scenario, where: string): string | undefined {
  if (scenario.endpoint.type !== 'continuous' || scenario.analysis.statistic === 'z') return undefined;
  return `Stratum estimates the variances (t statistics); ${where}`;
}
