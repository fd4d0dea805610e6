// What one block of simulated trials adds up: counts and sums only, so blocks merge by addition
// (STYLE: mergeable results). Slots of a Float64Array, the same for every design; after the named
// ones, three per analysis.
export const TALLY = {
  replicates: 0,
  rejectAny: 1,
  rejectS: 2,
  rejectF: 3,
  randomized: 4,
  screened: 5,
  months: 6,
  continueS: 7,
  continueF: 8,
  earlyEfficacy: 9,
  earlyFutility: 10,
  events: 11,
  /** trials that rejected H_S and H_F both (designs that test both) */
  rejectBoth: 12,
} as const;

/** the most analyses a design holds (a group-sequential design's looks: design-fields.ts) */
export const MAX_ANALYSES = 10;
/** per analysis k, from slot ANALYSES + 3k: the trials that held it, the sums of its months and of its events */
export const ANALYSES = 13;

export const TALLY_SIZE = ANALYSES + 3 * MAX_ANALYSES;

/** count analysis k (from 0) of a trial, held at `months` with `events` (survival designs) */
export function countAnalysis(tally: Float64Array, k: number, months: number, events: number): void {
  const slot = ANALYSES + 3 * k;
  tally[slot]++;
  tally[slot + 1] += months;
  tally[slot + 2] += events;
}

export function emptyTally(): Float64Array {
  return new Float64Array(TALLY_SIZE);
}
