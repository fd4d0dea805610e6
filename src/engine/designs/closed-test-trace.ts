// What a trace of several populations is told of a stratified design's closed test (recorder.ts's
// PopulationsClosedTestDecision): every hypothesis's z, and each intersection's p-value by the design's
// intersection rule with the verdict of the very test the design decided by (its `atLevel` decision on
// the z scale). The design skips intersections that cannot change its result (ClosedTest.decide); the
// record asks every one, which the closure of the verdicts shows is the same rejection.
import type { ClosedTest } from '../inference/closed/closed-test.js';
import type { MaskTest } from '../inference/closed/types.js';
import type { StratifiedDesign } from '../scenario/types.js';
import { namedIntersections } from '../trace/intersections.js';
import type { TraceRecorder } from '../trace/recorder.js';
import type { StageStatistics } from './stage-source.js';

/** `ids`: the hypotheses' populations in the closed test's order (F last) */
export function populationsClosedTestRecorder(
  recorder: TraceRecorder,
  closed: ClosedTest,
  rejects: MaskTest,
  ids: readonly string[],
  design: StratifiedDesign,
  alpha: number,
  critical: number,
) {
  const named = namedIntersections(ids);
  const count = ids.length;
  return (statistics: StageStatistics, correlation: Float64Array, rejected: number, size: number, month: number) => {
    // the statistics the decision read, with their p-values for the rule's p_I
    const elementary = closed.statistics;
    elementary.set(statistics.z, correlation);
    recorder.decision({
      kind: 'populations-closed-test',
      size,
      month,
      intersection: design.intersection,
      alpha,
      critical,
      hypotheses: ids.map((id, k) => ({ id, z: statistics.z[k], rejected: ((rejected >> k) & 1) !== 0 })),
      correlation: ids.map((_, k) => Array.from(correlation.subarray(k * count, (k + 1) * count))),
      intersections: named.map(({ mask, name, ids: held }) => ({
        name,
        ids: held,
        p: closed.rule.pValue(elementary, mask),
        rejected: rejects(elementary, mask),
      })),
    });
  };
}
