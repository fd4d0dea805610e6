// What a trace (trace/trace.ts) is told of an adaptive trial's interim and end. The design makes one
// call at each; a one-marker scenario's H_S (hypothesis 0) and H_F (hypothesis 1) are told in the words
// the page's one-marker player shows (InterimDecision, FinalDecision), with their intersection at mask 3
// (inference/closed/masks.ts: 1 = {S}, 2 = {F}, 3 = {S, F}); a scenario of several populations, by their ids
// (adaptive-populations-trace.ts).
import type { AdaptiveEnrichmentDesign } from '../scenario/types.js';
import type { TraceRecorder } from '../trace/recorder.js';
import {
  type ClosedState,
  type InterimState,
  recordPopulationsFinal,
  recordPopulationsInterim,
} from './adaptive-populations-trace.js';
import type { StageStatistics } from './stage-source.js';

const S = 1;
const F = 2;
const BOTH = 3;

export function recordInterim(
  recorder: TraceRecorder,
  state: InterimState,
  stage1: StageStatistics,
  at: { design: AdaptiveEnrichmentDesign; month: number; correlation: number; ids: readonly string[] },
): void {
  if (!recorder.oneMarker) {
    recordPopulationsInterim(recorder, state, stage1, at);
    return;
  }
  const { z1, test, kept, rejected1, stop } = state;
  const interimCritical = test.interimCritical;
  const byZ = at.design.selection.measure === 'z';
  recorder.decision({
    kind: 'interim',
    size: state.size,
    month: at.month,
    ...(state.finalMonth !== undefined ? { finalMonth: state.finalMonth } : {}),
    zS: stage1.z[0],
    zF: stage1.z[1],
    effectS: stage1.effect[0],
    effectF: stage1.effect[1],
    correlation: at.correlation,
    zI: z1[BOTH],
    interimCritical,
    early: { intersection: z1[BOTH] >= interimCritical, S: z1[S] >= interimCritical, F: z1[F] >= interimCritical },
    rejectedS: (rejected1 & S) !== 0,
    rejectedF: (rejected1 & F) !== 0,
    futile: { intersection: test.futile(z1[BOTH]), S: test.futile(z1[S]), F: test.futile(z1[F]) },
    selection: at.design.selection,
    measureS: byZ ? stage1.z[0] : stage1.effect[0],
    measureF: byZ ? stage1.z[1] : stage1.effect[1],
    keepS: (kept & S) !== 0,
    keepF: (kept & F) !== 0,
    stop,
    stage2: stop === null ? state.size2 : null,
    recalculated: state.recalculated,
  });
}

export function recordFinal(
  recorder: TraceRecorder,
  state: ClosedState,
  design: AdaptiveEnrichmentDesign,
  at: { month: number; ids: readonly string[] },
): void {
  if (!recorder.oneMarker) {
    recordPopulationsFinal(recorder, state, design, at);
    return;
  }
  const { month } = at;
  const { z1, test, kept, rejected1 } = state;
  const rejected = state.rejected ?? rejected1;
  const early = (mask: number) => z1[mask] >= test.interimCritical;
  const base = {
    kind: 'final' as const,
    month,
    combination: design.combination,
    finalCritical: test.finalCritical,
    rejectS: (rejected & S) !== 0,
    rejectF: (rejected & F) !== 0,
  };
  const z2 = state.z2;
  if (kept === 0 || z2 === undefined) {
    recorder.decision({
      ...base,
      stage2: false,
      keepS: false,
      keepF: false,
      zS2: null,
      zF2: null,
      zI2: null,
      combined: { intersection: null, S: null, F: null },
      byCombination: { intersection: null, S: null, F: null },
      local: { intersection: early(BOTH), S: early(S), F: early(F) },
    });
    return;
  }
  const keepS = (kept & S) !== 0;
  const keepF = (kept & F) !== 0;
  const byCombination = (mask: number) => test.rejectsAtEnd(z1[mask], z2[mask]);
  recorder.decision({
    ...base,
    stage2: true,
    keepS,
    keepF,
    zS2: keepS ? z2[S] : null,
    zF2: keepF ? z2[F] : null,
    zI2: z2[BOTH],
    combined: {
      intersection: test.combined(z1[BOTH], z2[BOTH]),
      S: keepS ? test.combined(z1[S], z2[S]) : null,
      F: keepF ? test.combined(z1[F], z2[F]) : null,
    },
    byCombination: {
      intersection: byCombination(BOTH),
      S: keepS ? byCombination(S) : null,
      F: keepF ? byCombination(F) : null,
    },
    // a dropped population keeps only what it rejected at the interim
    local: {
      intersection: early(BOTH) || byCombination(BOTH),
      S: keepS ? early(S) || byCombination(S) : (rejected1 & S) !== 0,
      F: keepF ? early(F) || byCombination(F) : (rejected1 & F) !== 0,
    },
  });
}
