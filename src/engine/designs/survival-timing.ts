// When a survival design's analyses come, as its looks and stages read it (docs/scenario.md,
// "Analysis timing"): at cumulative event targets in the population that times them, or at
// calendar months; and stage 1's share of the information an adaptive design's inverse-normal
// weights are fixed by, which calendar stages take from the expected events at their months.
import { eventsPlan } from '../planning/expected-events.js';
import type { AdaptiveEnrichmentDesign, Design, Scenario } from '../scenario/types.js';

export type AnalysisTimes = {
  /** cumulative events at each analysis, or null when `months` time them */
  events: readonly number[] | null;
  /** the calendar month of each analysis, or null when `events` time them */
  months: readonly number[] | null;
  /** whose events time the analyses and are reported: S's only, or everyone's; null: the kept population's */
  countS: boolean | null;
};

/** an enriched design's events are S's; otherwise `eventsIn`'s, or absent the tested population's */
export function countsS(design: Design): boolean | null {
  if (design.type === 'enriched') return true;
  if (design.eventsIn !== undefined) return design.eventsIn === 'S';
  return design.type === 'adaptive-enrichment' ? null : false;
}

/** the analyses of a one-stage or group-sequential design; `targets` its look sizes when event-driven */
export function lookTimes(design: Design, targets: readonly number[] | null): AnalysisTimes {
  const months = design.months;
  return {
    events: months === undefined ? targets : null,
    months: months === undefined ? null : Array.isArray(months) ? months : [months],
    countS: countsS(design),
  };
}

/**
 * Stage 1's share of the planned information of a calendar adaptive design: the expected events, in
 * the population that times the analyses (F at the interim when none is named), by month m₁ over
 * those by month M of a trial that keeps F; n absent (asymptotic), recruitment runs until M
 */
export function calendarShare(scenario: Scenario, design: AdaptiveEnrichmentDesign, months: [number, number]): number {
  if (scenario.endpoint.type !== 'survival') throw new Error('calendar stages are for survival endpoints');
  const { accrual } = eventsPlan({ ...scenario, endpoint: scenario.endpoint }, 'F', design.n?.[1] ?? Infinity);
  const onlyS = design.eventsIn === 'S';
  return accrual.events(months[0], onlyS) / accrual.events(months[1], onlyS);
}
