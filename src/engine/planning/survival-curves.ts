// The survival curves S(t) = e^{−H(t)} of the control and treatment arms of each true subgroup,
// at given months since randomisation (dropout left out: these are the event-time laws), as the page
// charts them; and the median event month of an arm of any true subgroup, in either population form.
import { survivalHazards, type SlotLayout } from '../endpoints/survival/hazards.js';
import type { SurvivalEndpoint } from '../scenario/types.js';
import { CONTROL, TREATMENT } from '../endpoints/stage.js';

/** `status`: a true subgroup, pos or neg in the one-marker form, a subgroup's id with several populations */
export type SurvivalCurve = { status: string; arm: 'treatment' | 'control'; survival: number[] };
export type SurvivalCurves = { months: number[]; curves: SurvivalCurve[] };

/** each true subgroup's arms (one marker's pos and neg by default), treatment then control */
export function survivalCurves(
  endpoint: SurvivalEndpoint,
  months: readonly number[],
  subgroups: readonly string[] = ['pos', 'neg'],
): SurvivalCurves {
  const curves: SurvivalCurve[] = [];
  for (const status of subgroups) {
    const law = survivalHazards(endpoint, subgroupSlots(status));
    for (const [arm, slot] of [
      ['treatment', TREATMENT],
      ['control', CONTROL],
    ] as const)
      curves.push({ status, arm, survival: months.map((month) => Math.exp(-law.cumulativeHazard(slot, month))) });
  }
  return { months: [...months], curves };
}

/**
 * The layout of one cell whose patients are all of the true subgroup `subgroup` (a marker status,
 * pos or neg, in the one-marker form): its slots are treatment's 0 and control's 1. A subgroup's law
 * depends on nothing else, so this serves either form.
 */
export function subgroupSlots(subgroup: string): SlotLayout {
  return { cells: 1, cellTrue: Uint8Array.of(0), subgroupIds: [subgroup] };
}

/** the median event month of an arm of a true subgroup, H⁻¹(ln 2) */
export function medianOf(endpoint: SurvivalEndpoint, subgroup: string, arm: 'treatment' | 'control'): number {
  const slot = arm === 'treatment' ? TREATMENT : CONTROL;
  return survivalHazards(endpoint, subgroupSlots(subgroup)).eventTime(slot, Math.LN2);
}
