// The large-sample law of one population's z statistic at its expected cell sizes, in any population
// model (population-model.ts): its strata are the subgroups the assay classifies into it (the stratified
// analysis), or its cells pooled. The one-marker form's S and F laws (statistic-law.ts) are its cases of
// one and two strata.
import type { CellLayout } from '../population-model.js';
import type { Scenario } from '../scenario/types.js';
import { groupsLaw, lawInputs, stratumGroup, type NormalLaw } from './statistic-law.js';

/** the law of population `population`'s statistic when `n` patients are randomised from it */
export function populationLaw(scenario: Scenario, layout: CellLayout, population: number, n: number): NormalLaw {
  const inputs = lawInputs(scenario, layout);
  const mask = layout.populationMask[population];
  const { cellProbability, cellClassified, classifiedShare } = layout;
  const weights = (keep: (classified: number) => boolean) =>
    Float64Array.from(cellProbability, (p, cell) => (keep(cellClassified[cell]) ? p : 0));
  const inPopulation = (classified: number) => ((mask >> classified) & 1) !== 0;
  if (!scenario.analysis.stratified) return groupsLaw([stratumGroup(inputs, weights(inPopulation), n, 1)]);
  const share = layout.populationShare[population];
  const groups = [];
  for (let j = 0; j < classifiedShare.length; j++) {
    if (inPopulation(j) && classifiedShare[j] > 0)
      groups.push(
        stratumGroup(
          inputs,
          weights((classified) => classified === j),
          n,
          classifiedShare[j] / share,
        ),
      );
  }
  return groupsLaw(groups);
}
