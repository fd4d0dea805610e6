// Which subgroups the charts vary with several populations, where one marker's vary its prevalence and
// effect−: the share curve and the design map's columns vary one subgroup's share (the page's choice, by
// default the first subgroup of the smallest population, the first population on a tie: the subgroup
// that population is made of, as S is of marker+), and the map's rows the effect of the subgroup in no
// population (the counterpart of marker−), else of the last other subgroup.
import { layoutOf } from '../engine/population.js';
import type { SubgroupPopulation } from '../engine/scenario/types.js';

/** the first subgroup of the smallest population, by its share of those screened as the assay classifies them */
export function defaultShareSubgroup(population: SubgroupPopulation): string {
  const { populationShare } = layoutOf(population);
  let smallest = 0;
  for (let k = 1; k < population.populations.length; k++)
    if (populationShare[k] < populationShare[smallest]) smallest = k;
  return population.populations[smallest].subgroups[0];
}

/** `chosen` where the population has it, else the default */
export function shareSubgroupOf(population: SubgroupPopulation, chosen: string | undefined): string {
  return population.subgroups.some((subgroup) => subgroup.id === chosen)
    ? (chosen as string)
    : defaultShareSubgroup(population);
}

/** the subgroup whose effect the map's rows vary beside subgroup `share`'s share */
export function effectSubgroupOf(population: SubgroupPopulation, share: string): string {
  const ids = population.subgroups.map((subgroup) => subgroup.id).filter((id) => id !== share);
  const outside = ids.filter((id) => !population.populations.some((entry) => entry.subgroups.includes(id)));
  const candidates = outside.length > 0 ? outside : ids;
  return candidates[candidates.length - 1];
}
