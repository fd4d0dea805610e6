// A traced trial added to a block's tally as the runner adds it (tally.ts): the hypotheses it
// rejected, how it stopped, what it kept, its patients, months and events. Traces of replicates
// 1..N tallied block by block give a patient-level run's results of N replicates exactly.
import { ONE_MARKER } from '../population.js';
import { CONTINUE, countAnalysis, countRejections, TALLY } from '../tally.js';
import type { TraceOutcome } from './outcome.js';

export function addTraceToTally(outcome: TraceOutcome, tally: Float64Array): void {
  if (outcome.stopped === 'efficacy') tally[TALLY.earlyEfficacy]++;
  if (outcome.stopped === 'futility') tally[TALLY.earlyFutility]++;
  if (outcome.kept?.S) tally[CONTINUE + ONE_MARKER.S]++;
  if (outcome.kept?.F) tally[CONTINUE + ONE_MARKER.F]++;
  tally[TALLY.randomized] += outcome.randomized;
  tally[TALLY.screened] += outcome.screened;
  tally[TALLY.months] += outcome.months;
  tally[TALLY.events] += outcome.events;
  // a trace is of a one-marker trial: a design that can reject both tests both
  const rejected = (outcome.rejectS ? 1 << ONE_MARKER.S : 0) | (outcome.rejectF ? 1 << ONE_MARKER.F : 0);
  countRejections(tally, rejected, (1 << ONE_MARKER.S) | (1 << ONE_MARKER.F));
  outcome.analyses.forEach((analysis, k) => {
    countAnalysis(tally, k, analysis.months, analysis.events);
  });
}
