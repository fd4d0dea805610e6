// Whether a tally is one that a block of a design could have produced: the checks a tally read
// from outside (a shard file, which anyone can edit) passes before it is merged, since an edited
// count would otherwise become a probability of 1.18, or 9,000 replicates of a 10,000-replicate
// run, without a word. What each slot means is in simulate-block.ts and the designs' runTrial.
import { replicatesInBlock } from './blocks.js';
import { hasProbability, testedHypotheses } from './results.js';
import { describe } from './scenario/checks.js';
import type { Scenario } from './scenario/types.js';
import { ANALYSES, MAX_ANALYSES, TALLY, TALLY_SIZE } from './tally.js';
import { analysisCount } from './results.js';

type Slot = keyof typeof TALLY;

/**
 * A count of the block's trials with some outcome (a whole number from 0 to its replicates), or a
 * sum of sizes or durations (finite and ≥ 0). Typed over every slot, so a new slot must be named.
 */
const SLOT_KIND: { readonly [slot in Exclude<Slot, 'replicates'>]: 'count' | 'sum' } = {
  rejectAny: 'count',
  rejectS: 'count',
  rejectF: 'count',
  randomized: 'sum',
  screened: 'sum',
  months: 'sum',
  continueS: 'count',
  continueF: 'count',
  earlyEfficacy: 'count',
  earlyFutility: 'count',
  events: 'sum',
  rejectBoth: 'count',
};

/** every problem with block `block` of design `design`'s tally, e.g. `rejectS is 1180, must be …` */
export function tallyProblems(scenario: Scenario, design: number, block: number, tally: unknown): string[] {
  if (!Array.isArray(tally) || tally.length !== TALLY_SIZE) {
    // shards written before P(reject both) or each analysis was counted are shorter and cannot be merged with today's
    const older =
      Array.isArray(tally) && tally.length < TALLY_SIZE && tally.length >= ANALYSES - 1
        ? ' (shards written before Stratum counted each analysis have fewer: run such a shard again)'
        : '';
    return [`tally: must be an array of ${TALLY_SIZE} numbers${older}, got ${describe(tally)}`];
  }
  const replicates = replicatesInBlock(scenario.simulation.replicates, block);
  const problems: string[] = [];
  if (tally[TALLY.replicates] !== replicates) {
    const given = describe(tally[TALLY.replicates]);
    problems.push(`replicates is ${given}, must be ${replicates} (the scenario's block ${block})`);
  }
  for (const [slot, kind] of Object.entries(SLOT_KIND) as [Slot, 'count' | 'sum'][]) {
    const value: unknown = tally[TALLY[slot]];
    const finite = typeof value === 'number' && Number.isFinite(value) && value >= 0;
    if (kind === 'sum' && !finite) problems.push(`${slot} is ${describe(value)}, must be a finite number ≥ 0`);
    if (kind === 'count' && !(finite && Number.isInteger(value) && value <= replicates)) {
      problems.push(`${slot} is ${describe(value)}, must be a whole number from 0 to ${replicates}`);
    }
  }
  problems.push(...analysisProblems(scenario, design, tally, replicates));
  if (problems.length > 0) return problems;

  // each slot in range; now the counts must tell one story about the block's trials
  const count = (slot: Slot): number => tally[TALLY[slot]];
  const atMost = (slot: Slot, bound: number, what: string) => {
    if (count(slot) > bound) problems.push(`${slot} is ${count(slot)}, must be at most ${what} (${bound})`);
  };
  const { type } = scenario.designs[design];
  for (const hypothesis of ['S', 'F'] as const) {
    const slot = hypothesis === 'S' ? 'rejectS' : 'rejectF';
    if (testedHypotheses(type).includes(hypothesis)) atMost(slot, count('rejectAny'), 'rejectAny');
    else if (count(slot) !== 0) {
      problems.push(`${slot} is ${count(slot)}, must be 0 (${type} designs do not test ${hypothesis})`);
    }
  }
  if (!hasProbability(type, 'both') && count('rejectBoth') !== 0) {
    problems.push(`rejectBoth is ${count('rejectBoth')}, must be 0 (${type} designs test one hypothesis)`);
  }
  atMost('rejectBoth', Math.min(count('rejectS'), count('rejectF')), 'the smaller of rejectS and rejectF');
  // a trial rejects some hypothesis exactly when it rejects S or F: any = S + F − both
  const either = count('rejectS') + count('rejectF') - count('rejectBoth');
  if (count('rejectAny') !== either) {
    problems.push(`rejectAny is ${count('rejectAny')}, must be rejectS + rejectF − rejectBoth (${either})`);
  }
  // stopping for efficacy is rejecting; a trial stops once at most; only one that did not stop goes on
  atMost('earlyEfficacy', count('rejectAny'), 'rejectAny');
  atMost('earlyFutility', replicates - count('earlyEfficacy'), 'replicates − earlyEfficacy');
  const going = replicates - count('earlyEfficacy') - count('earlyFutility');
  atMost('continueS', going, 'the trials that did not stop early');
  atMost('continueF', going, 'the trials that did not stop early');
  return problems;
}

/**
 * each analysis's three slots: how many trials held it (survival designs: every trial the first, no
 * more the next than the last, none beyond the planned; other endpoints none), sums finite and ≥ 0
 */
function analysisProblems(scenario: Scenario, design: number, tally: unknown[], replicates: number): string[] {
  const problems: string[] = [];
  const planned = scenario.endpoint.type === 'survival' ? analysisCount(scenario.designs[design]) : 0;
  let before = replicates;
  for (let k = 0; k < MAX_ANALYSES; k++) {
    const slot = ANALYSES + 3 * k;
    const [held, months, events] = [tally[slot], tally[slot + 1], tally[slot + 2]];
    const most = k < planned ? before : 0;
    const least = k === 0 && planned > 0 ? replicates : 0;
    const name = `analysis ${k + 1}`;
    if (typeof held !== 'number' || !Number.isInteger(held) || held < least || held > most) {
      const words = k >= planned ? `0 (the design plans ${planned})` : `a whole number from ${least} to ${most}`;
      problems.push(`${name}: held by ${describe(held)} trials, must be ${words}`);
    } else before = held;
    for (const [what, sum] of [
      ['months', months],
      ['events', events],
    ] as const) {
      if (typeof sum !== 'number' || !Number.isFinite(sum) || sum < 0 || (held === 0 && sum !== 0))
        problems.push(`${name}: ${what} is ${describe(sum)}, must be a finite number ≥ 0 (0 when no trial held it)`);
    }
  }
  return problems;
}
