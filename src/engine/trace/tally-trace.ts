// A traced trial added to a block's tally as the runner adds it (tally.ts): the hypotheses it
// rejected, how it stopped, what it kept, its patients, months and events. Traces of replicates
// 1..N tallied block by block give a patient-level run's results of N replicates exactly.
import { CONTINUE, countAnalysis, countRejections, TALLY } from '../tally.js';
import type { TraceOutcome } from './outcome.js';

/** the one-marker layout's populations, S then F */
const ONE_MARKER_IDS = ['S', 'F'];

/**
 * `populationIds`: the layout's populations (F last), which index the slots; a one-marker trial's
 * S and F by default
 */
export function addTraceToTally(
  outcome: TraceOutcome,
  tally: Float64Array,
  populationIds: readonly string[] = ONE_MARKER_IDS,
): void {
  const maskOf = (ids: string[]) => ids.reduce((mask, id) => mask | (1 << populationIds.indexOf(id)), 0);
  const bits = (record: Record<string, boolean>) => maskOf(Object.keys(record).filter((id) => record[id]));
  if (outcome.stopped === 'efficacy') tally[TALLY.earlyEfficacy]++;
  if (outcome.stopped === 'futility') tally[TALLY.earlyFutility]++;
  const kept = outcome.kept ? bits(outcome.kept) : 0;
  for (let k = 0; k < populationIds.length; k++) if ((kept >> k) & 1) tally[CONTINUE + k]++;
  tally[TALLY.randomized] += outcome.randomized;
  tally[TALLY.screened] += outcome.screened;
  tally[TALLY.months] += outcome.months;
  tally[TALLY.events] += outcome.events;
  // the tested populations are the keys (one marker: a design that can reject both tests both)
  const reject = outcome.reject ?? { S: outcome.rejectS === true, F: outcome.rejectF === true };
  countRejections(tally, bits(reject), maskOf(Object.keys(reject)));
  outcome.analyses.forEach((analysis, k) => {
    countAnalysis(tally, k, analysis.months, analysis.events);
  });
}
