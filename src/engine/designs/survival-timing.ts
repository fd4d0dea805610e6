// When a survival design's analyses come, as its looks and stages read it (docs/scenario.md,
// "Analysis timing"): at cumulative event targets in the population that times them, or at
// calendar months; and stage 1's share of the information an adaptive design's inverse-normal
// weights are fixed by, which calendar stages take from the expected events at their months.
import { eventsPlan } from '../planning/expected-events.js';
import type { CellLayout } from '../population-model.js';
import type { AdaptiveEnrichmentDesign, Design, Scenario } from '../scenario/types.js';

export type AnalysisTimes = {
  /** cumulative events at each analysis, or null when `months` time them */
  events: readonly number[] | null;
  /** the calendar month of each analysis, or null when `events` time them */
  months: readonly number[] | null;
  /**
   * whose events time the analyses and are reported, a mask of classified subgroups; null: those of
   * the population the stage enrols (an enriched design's, F for the others, the kept ones at stage 2)
   */
  counted: number | null;
};

/** the subgroups of the population `eventsIn` names, or null without one */
export function countedMask(layout: CellLayout, design: Design): number | null {
  if (design.type === 'enriched' || design.eventsIn === undefined) return null;
  return layout.populationMask[layout.populationIds.indexOf(design.eventsIn)];
}

/** the analyses of a one-stage or group-sequential design; `targets` its look sizes when event-driven */
export function lookTimes(layout: CellLayout, design: Design, targets: readonly number[] | null): AnalysisTimes {
  const months = design.months;
  return {
    events: months === undefined ? targets : null,
    months: months === undefined ? null : Array.isArray(months) ? months : [months],
    counted: countedMask(layout, design),
  };
}

/**
 * Stage 1's share of the planned information of a calendar adaptive design: the expected events, in
 * the population that times the analyses (F at the interim when none is named), by month m₁ over
 * those by month M of a trial that keeps F; n absent (asymptotic), recruitment runs until M
 */
export function calendarShare(scenario: Scenario, design: AdaptiveEnrichmentDesign, months: [number, number]): number {
  if (scenario.endpoint.type !== 'survival') throw new Error('calendar stages are for survival endpoints');
  const plan = eventsPlan({ ...scenario, endpoint: scenario.endpoint }, 'F', design.n?.[1] ?? Infinity);
  const counted = countedMask(plan.layout, design) ?? plan.counted;
  return plan.accrual.events(months[0], counted) / plan.accrual.events(months[1], counted);
}
