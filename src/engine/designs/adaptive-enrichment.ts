// Adaptive enrichment (docs/methods.md, following rpact's getSimulationEnrichmentMeans/Rates):
// stage 1 randomises n₁ all comers; at the interim the closed combination test may reject H_S
// and H_F early (efficacy spending; the trial stops when both are rejected, rpact's "all"
// success criterion) or stop for futility (an intersection left without a chance, or nothing
// kept); the selection rule keeps S, F or both, and stage 2 randomises N − n₁ (or the
// recalculated size) only from what was kept: S alone means screening on until enough
// assay-positive patients. H_X is rejected when every intersection containing it is rejected by
// the combination of its stage-wise p-values; a population dropped at the interim cannot be.
import { normalUpper, zOfP } from '../math/normal.js';
import type { Sampler } from '../random/sampler.js';
import type { AdaptiveEnrichmentDesign, Scenario } from '../scenario/types.js';
import { countAnalysis, TALLY } from '../tally.js';
import { combinationTest, P_CAP, type CombinationTest } from '../inference/combination/combination.js';
import { statisticCorrelation } from '../inference/intersection/correlation.js';
import { intersectionTests } from '../inference/intersection/index.js';
import type { TraceRecorder } from '../trace/recorder.js';
import { firstShare } from './boundaries.js';
import type { Stage2Size } from './recalculation.js';
import type { DesignRunner } from './runner.js';
import type { TwoStageSource } from './stage-source.js';

export function prepareAdaptiveEnrichment(
  scenario: Scenario,
  design: AdaptiveEnrichmentDesign,
  source: TwoStageSource,
  planned: readonly [number, number],
  recalculation: ((test: CombinationTest) => Stage2Size) | null,
  /** a trace's recorder of the interim and the end; null when simulating blocks */
  recorder: TraceRecorder | null = null,
): DesignRunner {
  const intersection = intersectionTests[design.intersection];
  const test = combinationTest(firstShare(scenario, design), design, scenario.alpha);
  const recalculate = recalculation ? recalculation(test) : null;
  const [size1, total] = planned;
  const selection = design.selection;
  const byZ = selection.measure === 'z';
  const threshold = selection.threshold ?? -Infinity;
  // survival results report each analysis's month and events (results.ts)
  const countsAnalyses = scenario.endpoint.type === 'survival';
  // stages at calendar months: `planned` is [m₁, M], and the trace says so
  const calendar = countsAnalyses && design.months !== undefined;

  return {
    runTrial(sampler: Sampler, tally: Float64Array) {
      // stage 1: all comers
      const first = source.first(size1, sampler);
      if (countsAnalyses) countAnalysis(tally, 0, source.months, source.events);
      const zS1 = first.zS;
      const zF1 = first.zF;
      const effectS = first.effectS;
      const effectF = first.effectF;
      const correlation1 = statisticCorrelation(first.informationS, first.informationF);
      const zI1 = zOfP(intersection.pValue(zS1, zF1, correlation1));

      const interim = test.interimCritical;
      const rejectedI1 = zI1 >= interim;
      const rejectedSingleS1 = zS1 >= interim;
      const rejectedSingleF1 = zF1 >= interim;
      const rejectedS1 = rejectedI1 && rejectedSingleS1;
      const rejectedF1 = rejectedI1 && rejectedSingleF1;
      const futileI = test.futile(zI1);
      const futilityStop = (futileI || test.futile(zS1)) && (futileI || test.futile(zF1));

      // the interim's selection
      const measureS = byZ ? zS1 : effectS;
      const measureF = byZ ? zF1 : effectF;
      const best = Math.max(measureS, measureF);
      let keepS: boolean;
      let keepF: boolean;
      if (selection.rule === 'all') {
        keepS = keepF = true;
      } else if (selection.rule === 'best' || selection.rule === 'rbest') {
        // the r best: a population is kept when fewer than r rank above it (S first on a tie)
        const r = selection.rule === 'best' ? 1 : (selection.r as number);
        keepS = (measureS >= measureF ? 0 : 1) < r;
        keepF = (measureS >= measureF ? 1 : 0) < r;
      } else {
        keepS = best - measureS <= selection.epsilon;
        keepF = best - measureF <= selection.epsilon;
      }
      keepS &&= measureS > threshold;
      keepF &&= measureF > threshold;

      const stopForEfficacy = rejectedS1 && rejectedF1;
      const stopForFutility = !stopForEfficacy && (futilityStop || (!keepS && !keepF));
      let rejectS = rejectedS1;
      let rejectF = rejectedF1;
      // stays 0 when the trial stops at the interim
      let size2 = 0;

      if (stopForEfficacy) tally[TALLY.earlyEfficacy]++;
      else if (stopForFutility) tally[TALLY.earlyFutility]++;
      else {
        if (keepS) tally[TALLY.continueS]++;
        if (keepF) tally[TALLY.continueF]++;
        size2 = recalculate ? recalculate(zOfP(Math.min(2 * normalUpper(Math.max(zS1, zF1)), P_CAP))) : total - size1;
      }
      recorder?.decision({
        kind: 'interim',
        size: calendar ? source.events : size1,
        month: source.months,
        ...(calendar ? { finalMonth: total } : {}),
        zS: zS1,
        zF: zF1,
        effectS,
        effectF,
        correlation: correlation1,
        zI: zI1,
        interimCritical: interim,
        early: { intersection: rejectedI1, S: rejectedSingleS1, F: rejectedSingleF1 },
        rejectedS: rejectedS1,
        rejectedF: rejectedF1,
        futile: { intersection: futileI, S: test.futile(zS1), F: test.futile(zF1) },
        selection,
        measureS,
        measureF,
        keepS,
        keepF,
        stop: stopForEfficacy ? 'efficacy' : stopForFutility ? 'futility' : null,
        stage2: stopForEfficacy || stopForFutility ? null : size2,
        recalculated: recalculate !== null && !stopForEfficacy && !stopForFutility,
      });
      if (size2 > 0) {
        const second = source.second(keepS, keepF, size2, sampler);
        if (countsAnalyses) countAnalysis(tally, 1, source.months, source.events);
        const zS2 = second.zS;
        const zF2 = second.zF;
        const zI2 =
          keepS && keepF
            ? zOfP(intersection.pValue(zS2, zF2, statisticCorrelation(second.informationS, second.informationF)))
            : keepS
              ? zS2
              : zF2;
        const rejectedI = rejectedI1 || test.rejectsAtEnd(zI1, zI2);
        if (keepS && !rejectS) rejectS = rejectedI && (rejectedSingleS1 || test.rejectsAtEnd(zS1, zS2));
        if (keepF && !rejectF) rejectF = rejectedI && (rejectedSingleF1 || test.rejectsAtEnd(zF1, zF2));
        recorder?.decision({
          kind: 'final',
          month: source.months,
          stage2: true,
          keepS,
          keepF,
          zS2: keepS ? zS2 : null,
          zF2: keepF ? zF2 : null,
          zI2,
          combination: design.combination,
          combined: {
            intersection: test.combined(zI1, zI2),
            S: keepS ? test.combined(zS1, zS2) : null,
            F: keepF ? test.combined(zF1, zF2) : null,
          },
          finalCritical: test.finalCritical,
          byCombination: {
            intersection: test.rejectsAtEnd(zI1, zI2),
            S: keepS ? test.rejectsAtEnd(zS1, zS2) : null,
            F: keepF ? test.rejectsAtEnd(zF1, zF2) : null,
          },
          // as the two lines above decide: a dropped population keeps only what it rejected at the interim
          local: {
            intersection: rejectedI,
            S: keepS ? rejectedSingleS1 || test.rejectsAtEnd(zS1, zS2) : rejectedS1,
            F: keepF ? rejectedSingleF1 || test.rejectsAtEnd(zF1, zF2) : rejectedF1,
          },
          rejectS,
          rejectF,
        });
      } else {
        recorder?.decision({
          kind: 'final',
          month: source.months,
          stage2: false,
          keepS: false,
          keepF: false,
          zS2: null,
          zF2: null,
          zI2: null,
          combination: design.combination,
          combined: { intersection: null, S: null, F: null },
          finalCritical: test.finalCritical,
          byCombination: { intersection: null, S: null, F: null },
          local: { intersection: rejectedI1, S: rejectedSingleS1, F: rejectedSingleF1 },
          rejectS,
          rejectF,
        });
      }

      tally[TALLY.randomized] += source.randomized;
      tally[TALLY.screened] += source.screened;
      tally[TALLY.months] += source.months;
      tally[TALLY.events] += source.events;
      if (rejectS) tally[TALLY.rejectS]++;
      if (rejectF) tally[TALLY.rejectF]++;
      if (rejectS || rejectF) tally[TALLY.rejectAny]++;
      if (rejectS && rejectF) tally[TALLY.rejectBoth]++;
    },
  };
}
