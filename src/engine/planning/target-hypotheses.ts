// The hypotheses a target may count, known once the scenario is read: with several populations
// they are the populations' ids and F, with one marker S and F; `both` where there are two
// hypotheses, and `any`. The command line checks --hypothesis against them, the page offers them.
import { layoutOf } from '../population.js';
import type { Scenario } from '../scenario/types.js';

/** the keys of the results' `reject` a target may count, in the layout's order (F after the populations) */
export function targetHypotheses(scenario: Scenario): string[] {
  const ids = layoutOf(scenario.population).populationIds;
  return [...ids, ...(ids.length === 2 ? ['both'] : []), 'any'];
}
