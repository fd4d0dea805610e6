// What one block of simulated trials adds up: counts and sums only, so blocks merge by addition
// (STYLE: mergeable results). Slots of a Float64Array, the same for every design.
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

export const TALLY_SIZE = 13;

export function emptyTally(): Float64Array {
  return new Float64Array(TALLY_SIZE);
}
