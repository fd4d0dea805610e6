// What a trace of several populations is told of an adaptive trial's interim and end (recorder.ts's
// PopulationsInterimDecision and PopulationsFinalDecision): the closed combination test's state as the
// design holds it, per intersection mask (inference/closed/masks.ts) and per hypothesis, in the words
// of the populations' ids. Every number is one the design compared: stage-wise p-values on the z
// scale, the jittered selection measures, and the combination test's own verdicts (a value beyond
// double precision is null in the record, as the trace's JSON holds it).
import type { CombinationTest } from '../inference/combination/combination.js';
import type { AdaptiveEnrichmentDesign } from '../scenario/types.js';
import { namedIntersections } from '../trace/intersections.js';
import type { TraceRecorder } from '../trace/recorder.js';
import type { StageStatistics } from './stage-source.js';

/** the closed test's state after the interim or the end, as the design holds it */
export type ClosedState = {
  /** per intersection mask, stage 1's and stage 2's p-values on the z scale */
  z1: Float64Array;
  z2?: Float64Array;
  test: CombinationTest;
  /** the populations stage 2 kept (0 when the trial stopped) */
  kept: number;
  /** the hypotheses rejected at the interim, and by the end */
  rejected1: number;
  rejected?: number;
};

export type InterimState = ClosedState & {
  stop: 'efficacy' | 'futility' | null;
  size: number;
  size2: number;
  recalculated: boolean;
  finalMonth: number | undefined;
  /** the hypotheses every intersection of which still has a chance, and the measures the selection compared */
  alive: number;
  measures: Float64Array;
};

const has = (bits: number, k: number) => ((bits >> k) & 1) !== 0;

/** `ids`: the hypotheses' populations in the design's order (F last) */
export function recordPopulationsInterim(
  recorder: TraceRecorder,
  state: InterimState,
  stage1: StageStatistics,
  at: { design: AdaptiveEnrichmentDesign; month: number; ids: readonly string[] },
): void {
  const { z1, test, kept, rejected1, stop, alive, measures } = state;
  const { ids, design } = at;
  recorder.decision({
    kind: 'populations-interim',
    size: state.size,
    month: at.month,
    ...(state.finalMonth !== undefined ? { finalMonth: state.finalMonth } : {}),
    interimCritical: test.interimCritical,
    hypotheses: ids.map((id, k) => ({
      id,
      z: stage1.z[k],
      effect: stage1.effect[k],
      measure: measures[k],
      rejected: has(rejected1, k),
      futile: !has(alive, k),
      kept: has(kept, k),
    })),
    intersections: namedIntersections(ids).map(({ mask, name, ids: held }) => ({
      name,
      ids: held,
      z: z1[mask],
      early: z1[mask] >= test.interimCritical,
      futile: test.futile(z1[mask]),
    })),
    selection: design.selection,
    kept: ids.filter((_, k) => has(kept, k)),
    stop,
    stage2: stop === null ? state.size2 : null,
    recalculated: state.recalculated,
  });
}

export function recordPopulationsFinal(
  recorder: TraceRecorder,
  state: ClosedState,
  design: AdaptiveEnrichmentDesign,
  at: { month: number; ids: readonly string[] },
): void {
  const { z1, test, kept, rejected1 } = state;
  const rejected = state.rejected ?? rejected1;
  const z2 = kept === 0 ? undefined : state.z2;
  const early = (mask: number) => z1[mask] >= test.interimCritical;
  recorder.decision({
    kind: 'populations-final',
    month: at.month,
    stage2: z2 !== undefined,
    combination: design.combination,
    finalCritical: test.finalCritical,
    hypotheses: at.ids.map((id, k) => ({
      id,
      z2: z2 !== undefined && has(kept, k) ? z2[1 << k] : null,
      kept: has(kept, k),
      rejected: has(rejected, k),
    })),
    intersections: namedIntersections(at.ids).map(({ mask, name, ids: held }) => {
      // an intersection holding no kept hypothesis has no stage 2: only its interim verdict stands
      const combined = z2 !== undefined && (mask & kept) !== 0;
      const byCombination = combined ? test.rejectsAtEnd(z1[mask], z2[mask]) : null;
      return {
        name,
        ids: held,
        z2: combined ? z2[mask] : null,
        combined: combined ? test.combined(z1[mask], z2[mask]) : null,
        byCombination,
        rejected: early(mask) || byCombination === true,
      };
    }),
  });
}
