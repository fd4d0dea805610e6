// Whether a tally is one that a block of a design could have produced: the checks a tally read
// from outside (a shard file, which anyone can edit) passes before it is merged, since an edited
// count would otherwise become a probability of 1.18, or 9,000 replicates of a 10,000-replicate
// run, without a word. What each slot means is in simulate-block.ts and the designs' runTrial.
import { replicatesInBlock } from './blocks.js';
import { testedPopulations } from './designs/tested.js';
import { layoutOf } from './population.js';
import { describe } from './scenario/checks.js';
import type { Scenario } from './scenario/types.js';
import { ANALYSES, CONTINUE, MAX_ANALYSES, MAX_POPULATIONS, REJECT, TALLY, TALLY_SIZE } from './tally.js';
import { analysisCount } from './results.js';

type Slot = keyof typeof TALLY;

/**
 * A count of the block's trials with some outcome (a whole number from 0 to its replicates), or a
 * sum of sizes or durations (finite and ≥ 0). Typed over every slot, so a new slot must be named.
 */
const SLOT_KIND: { readonly [slot in Exclude<Slot, 'replicates'>]: 'count' | 'sum' } = {
  rejectAny: 'count',
  randomized: 'sum',
  screened: 'sum',
  months: 'sum',
  earlyEfficacy: 'count',
  earlyFutility: 'count',
  events: 'sum',
  rejectBoth: 'count',
};

/**
 * every problem with block `block` of design `design`'s tally, e.g. `rejectS is 1180, must be …`; a
 * population's slots are named by its id (`rejectS`, `continueF`)
 */
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
  const layout = layoutOf(scenario.population);
  const perPopulation = (base: string, first: number) =>
    Array.from({ length: MAX_POPULATIONS }, (_, k): [string, number] => [
      `${base}${layout.populationIds[k] ?? `#${k + 1}`}`,
      first + k,
    ]);
  const named: [string, number][] = [
    ...(Object.keys(SLOT_KIND) as Slot[]).map((slot): [string, number] => [slot, TALLY[slot]]),
    ...perPopulation('reject', REJECT),
    ...perPopulation('continue', CONTINUE),
  ];
  for (const [slot, index] of named) {
    const kind = SLOT_KIND[slot as Exclude<Slot, 'replicates'>] ?? 'count';
    const value: unknown = tally[index];
    const finite = typeof value === 'number' && Number.isFinite(value) && value >= 0;
    if (kind === 'sum' && !finite) problems.push(`${slot} is ${describe(value)}, must be a finite number ≥ 0`);
    if (kind === 'count' && !(finite && Number.isInteger(value) && value <= replicates)) {
      problems.push(`${slot} is ${describe(value)}, must be a whole number from 0 to ${replicates}`);
    }
  }
  problems.push(...analysisProblems(scenario, design, tally, replicates));
  if (problems.length > 0) return problems;

  // each slot in range; now the counts must tell one story about the block's trials
  const value = new Map(named.map(([slot, index]) => [slot, tally[index] as number]));
  const count = (slot: string): number => value.get(slot) as number;
  const atMost = (slot: string, bound: number, what: string) => {
    if (count(slot) > bound) problems.push(`${slot} is ${count(slot)}, must be at most ${what} (${bound})`);
  };
  const chosen = scenario.designs[design];
  const { type } = chosen;
  const tested = testedPopulations(layout, chosen);
  const ids = layout.populationIds;
  for (let k = 0; k < MAX_POPULATIONS; k++) {
    const slot = `reject${ids[k] ?? `#${k + 1}`}`;
    if (tested.includes(k)) atMost(slot, count('rejectAny'), 'rejectAny');
    else if (count(slot) !== 0) {
      const why =
        k < ids.length ? `${type} designs do not test ${ids[k]}` : `the scenario has ${ids.length} populations`;
      problems.push(`${slot} is ${count(slot)}, must be 0 (${why})`);
    }
  }
  if (tested.length !== 2 && count('rejectBoth') !== 0) {
    const words = tested.length === 1 ? `${type} designs test one hypothesis` : 'counted for two hypotheses only';
    problems.push(`rejectBoth is ${count('rejectBoth')}, must be 0 (${words})`);
  }
  if (ids.length === 2) {
    // S and F, or two populations: a trial rejects one exactly when it rejects S or F (any = S + F − both)
    const [first, second] = ids.map((id) => `reject${id}`);
    atMost('rejectBoth', Math.min(count(first), count(second)), `the smaller of ${first} and ${second}`);
    const either = count(first) + count(second) - count('rejectBoth');
    if (count('rejectAny') !== either) {
      problems.push(`rejectAny is ${count('rejectAny')}, must be ${first} + ${second} − rejectBoth (${either})`);
    }
  } else if (tested.length === 1) {
    const only = `reject${ids[tested[0]]}`;
    if (count('rejectAny') !== count(only))
      problems.push(`rejectAny is ${count('rejectAny')}, must be ${only} (${count(only)})`);
  } else {
    // at least one of several: no fewer than the most rejected one, no more than all of them
    const each = tested.map((k) => count(`reject${ids[k]}`));
    atMost(
      'rejectAny',
      Math.min(
        replicates,
        each.reduce((a, b) => a + b, 0),
      ),
      'the sum of the rejections',
    );
    if (count('rejectAny') < Math.max(...each)) {
      problems.push(
        `rejectAny is ${count('rejectAny')}, must be at least the most rejections of one (${Math.max(...each)})`,
      );
    }
  }
  // stopping for efficacy is rejecting; a trial stops once at most; only one that did not stop goes on
  atMost('earlyEfficacy', count('rejectAny'), 'rejectAny');
  atMost('earlyFutility', replicates - count('earlyEfficacy'), 'replicates − earlyEfficacy');
  const going = replicates - count('earlyEfficacy') - count('earlyFutility');
  for (let k = 0; k < MAX_POPULATIONS; k++) {
    const slot = `continue${ids[k] ?? `#${k + 1}`}`;
    if (type === 'adaptive-enrichment' && k < ids.length) atMost(slot, going, 'the trials that did not stop early');
    else if (count(slot) !== 0) problems.push(`${slot} is ${count(slot)}, must be 0 (no stage 2 keeps it)`);
  }
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
