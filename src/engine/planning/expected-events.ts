// Expected events by calendar month of a survival trial (docs/methods.md, "Planning under
// non-proportional hazards"): patients recruited at the screening rate until `n` are randomised
// (n = ∞: for as long as it takes), events from every slot's law, piece by piece, with dropout. The
// same integrals time the asymptotic method's analyses (endpoints/survival/accrual.ts).
import { Accrual } from '../endpoints/survival/accrual.js';
import { survivalHazards, type SurvivalHazards } from '../endpoints/survival/hazards.js';
import type { TestedPopulation } from '../endpoints/outcome-model.js';
import type { CellLayout } from '../population-model.js';
import { layoutOf, ONE_MARKER } from '../population.js';
import type { Scenario, SurvivalEndpoint } from '../scenario/types.js';

export type EventsPlan = {
  law: SurvivalHazards;
  accrual: Accrual;
  layout: CellLayout;
  /** whose events count, the population recruited: a mask of classified subgroups */
  counted: number;
};

/** the recruitment and laws of a trial that randomises `n` patients from `from` (S or F) from month 0 */
export function eventsPlan(
  scenario: Scenario & { endpoint: SurvivalEndpoint },
  from: TestedPopulation,
  n: number,
): EventsPlan {
  const layout = layoutOf(scenario.population);
  const law = survivalHazards(scenario.endpoint, layout);
  const accrual = new Accrual(scenario, layout, law);
  const counted = layout.populationMask[from === 'S' ? ONE_MARKER.S : layout.full];
  accrual.recruit(counted, n, 0);
  return { law, accrual, layout, counted };
}

/** expected events in the tested population by each of `months` */
export function expectedEvents(
  scenario: Scenario & { endpoint: SurvivalEndpoint },
  from: TestedPopulation,
  n: number,
  months: readonly number[],
): number[] {
  const { accrual, counted } = eventsPlan(scenario, from, n);
  return months.map((month) => accrual.events(month, counted));
}
