// A traced trial added to a block's tally as the runner adds it (tally.ts): the hypotheses it
// rejected, how it stopped, what it kept, its patients, months and events. Traces of replicates
// 1..N tallied block by block give a patient-level run's results of N replicates exactly.
import { countAnalysis, TALLY } from '../tally.js';
import type { TraceOutcome } from './trace.js';

export function addTraceToTally(outcome: TraceOutcome, tally: Float64Array): void {
  if (outcome.stopped === 'efficacy') tally[TALLY.earlyEfficacy]++;
  if (outcome.stopped === 'futility') tally[TALLY.earlyFutility]++;
  if (outcome.kept?.S) tally[TALLY.continueS]++;
  if (outcome.kept?.F) tally[TALLY.continueF]++;
  tally[TALLY.randomized] += outcome.randomized;
  tally[TALLY.screened] += outcome.screened;
  tally[TALLY.months] += outcome.months;
  tally[TALLY.events] += outcome.events;
  if (outcome.rejectS) tally[TALLY.rejectS]++;
  if (outcome.rejectF) tally[TALLY.rejectF]++;
  if (outcome.rejectS || outcome.rejectF) tally[TALLY.rejectAny]++;
  if (outcome.rejectS && outcome.rejectF) tally[TALLY.rejectBoth]++;
  outcome.analyses.forEach((analysis, k) => {
    countAnalysis(tally, k, analysis.months, analysis.events);
  });
}
