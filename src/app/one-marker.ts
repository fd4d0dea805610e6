// Which form a scenario's population takes, for what of the page reads one marker's numbers
// (prevalence, sensitivity, specificity, `pos`/`neg` values) or several populations' subgroups: the
// results' rows, the derived quantities, the design cards' effect in S.
import { isMarkerPopulation, type Scenario } from '../engine/scenario/types.js';

/** whether `scenario` describes its population by subgroups and populations */
export function hasSeveralPopulations(scenario: Scenario | null | undefined): boolean {
  return scenario !== null && scenario !== undefined && !isMarkerPopulation(scenario.population);
}
