// What one block of simulated trials adds up: counts and sums only, so blocks merge by addition
// (STYLE: mergeable results). Slots of a Float64Array, the same for every design: the named ones, then
// one per population (P(reject) and P(continue), by the population's index in the cell layout,
// population-model.ts, F last), then three per analysis.
import { MOST_HYPOTHESES } from './inference/closed/masks.js';

export const TALLY = {
  replicates: 0,
  rejectAny: 1,
  randomized: 2,
  screened: 3,
  months: 4,
  earlyEfficacy: 5,
  earlyFutility: 6,
  events: 7,
  /** trials that rejected every hypothesis the design tests (designs that test more than one) */
  rejectBoth: 8,
} as const;

/** populations counting F, the most a design tests */
export const MAX_POPULATIONS = MOST_HYPOTHESES;
/** per population k, slot REJECT + k: the trials that rejected its hypothesis */
export const REJECT = 9;
/** per population k, slot CONTINUE + k: the adaptive trials whose stage 2 kept it */
export const CONTINUE = REJECT + MAX_POPULATIONS;

/** the most analyses a design holds (a group-sequential design's looks: design-fields.ts) */
export const MAX_ANALYSES = 10;
/** per analysis k, from slot ANALYSES + 3k: the trials that held it, the sums of its months and of its events */
export const ANALYSES = CONTINUE + MAX_POPULATIONS;

export const TALLY_SIZE = ANALYSES + 3 * MAX_ANALYSES;

/** count analysis k (from 0) of a trial, held at `months` with `events` (survival designs) */
export function countAnalysis(tally: Float64Array, k: number, months: number, events: number): void {
  const slot = ANALYSES + 3 * k;
  tally[slot]++;
  tally[slot + 1] += months;
  tally[slot + 2] += events;
}

/**
 * a trial's rejections: `rejected` has bit k set for each population whose hypothesis it rejected, of
 * the `tested` (also a mask); P(reject any) and P(reject every one tested) follow
 */
export function countRejections(tally: Float64Array, rejected: number, tested: number): void {
  if (rejected === 0) return;
  tally[TALLY.rejectAny]++;
  for (let rest = rejected, k = 0; rest !== 0; rest >>= 1, k++) if (rest & 1) tally[REJECT + k]++;
  if (rejected === tested && (tested & (tested - 1)) !== 0) tally[TALLY.rejectBoth]++;
}

export function emptyTally(): Float64Array {
  return new Float64Array(TALLY_SIZE);
}
