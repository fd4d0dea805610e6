// Adaptive enrichment (METHODS.md §4, following rpact's getSimulationEnrichmentMeans/Rates):
// stage 1 randomises n₁ all comers; at the interim the closed combination test may reject H_S
// and H_F early (efficacy spending; the trial stops when both are rejected, rpact's "all"
// success criterion) or stop for futility (an intersection left without a chance, or nothing
// kept); the selection rule keeps S, F or both, and stage 2 randomises N − n₁ (or the
// recalculated size) only from what was kept: S alone means screening on until enough
// assay-positive patients. H_X is rejected when every intersection containing it is rejected by
// the combination of its stage-wise p-values; a population dropped at the interim cannot be.
import { StageData } from '../endpoints/stage.js';
import { normalUpper } from '../math/normal.js';
import type { Sampler } from '../random/sampler.js';
import type { AdaptiveEnrichmentDesign } from '../scenario/types.js';
import { TALLY } from '../tally.js';
import { combinationTest, zOfP } from '../tests/combination/combination.js';
import { statisticCorrelation } from '../tests/intersection/correlation.js';
import { intersectionTests } from '../tests/intersection/index.js';
import type { TrialContext } from './context.js';
import { stage2Size } from './recalculation.js';
import type { DesignRunner } from './runner.js';

export function prepareAdaptiveEnrichment(context: TrialContext, design: AdaptiveEnrichmentDesign): DesignRunner {
  const { enrolment, model, scenario, population } = context;
  const intersection = intersectionTests[design.intersection];
  const test = combinationTest(design, scenario.alpha);
  const [n1, total] = design.n;
  const recalculate = design.recalculation ? stage2Size(scenario, population, design.recalculation, test) : null;
  const selection = design.selection;
  const byZ = selection.measure === 'z';
  const threshold = selection.threshold ?? -Infinity;
  const { screeningRate, endpointDelay } = scenario.trial;
  const first = context.stage;
  const second = new StageData();

  return {
    runTrial(sampler: Sampler, tally: Float64Array) {
      // stage 1: all comers
      enrolment.enrol(first, 'F', n1, sampler);
      const zS1 = model.statistic(first, 'S');
      const informationS = model.information;
      const effectS = model.effect;
      const zF1 = model.statistic(first, 'F');
      const informationF = model.information;
      const effectF = model.effect;
      const zI1 = zOfP(intersection.pValue(zS1, zF1, statisticCorrelation(informationS, informationF)));

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
      } else if (selection.rule === 'best') {
        keepS = measureS >= measureF;
        keepF = !keepS;
      } else {
        keepS = best - measureS <= selection.epsilon;
        keepF = best - measureF <= selection.epsilon;
      }
      keepS &&= measureS > threshold;
      keepF &&= measureF > threshold;

      let randomized = n1;
      let screened = first.screened;
      const stopForEfficacy = rejectedS1 && rejectedF1;
      const stopForFutility = !stopForEfficacy && (futilityStop || (!keepS && !keepF));
      let rejectS = rejectedS1;
      let rejectF = rejectedF1;

      if (stopForEfficacy) tally[TALLY.earlyEfficacy]++;
      else if (stopForFutility) tally[TALLY.earlyFutility]++;
      else {
        if (keepS) tally[TALLY.continueS]++;
        if (keepF) tally[TALLY.continueF]++;
        const n2 = recalculate ? recalculate(zOfP(Math.min(2 * normalUpper(Math.max(zS1, zF1)), 1 - 1e-7))) : total - n1;
        randomized += n2;
        if (n2 > 0) {
          enrolment.enrol(second, keepF ? 'F' : 'S', n2, sampler);
          screened += second.screened;
          const zS2 = keepS ? model.statistic(second, 'S') : 0;
          const informationS2 = model.information;
          const zF2 = keepF ? model.statistic(second, 'F') : 0;
          const informationF2 = model.information;
          const zI2 = keepS && keepF ? zOfP(intersection.pValue(zS2, zF2, statisticCorrelation(informationS2, informationF2))) : keepS ? zS2 : zF2;
          const rejectedI = rejectedI1 || test.rejectsAtEnd(zI1, zI2);
          if (keepS && !rejectS) rejectS = rejectedI && (rejectedSingleS1 || test.rejectsAtEnd(zS1, zS2));
          if (keepF && !rejectF) rejectF = rejectedI && (rejectedSingleF1 || test.rejectsAtEnd(zF1, zF2));
        }
      }

      tally[TALLY.randomized] += randomized;
      tally[TALLY.screened] += screened;
      tally[TALLY.months] += screened / screeningRate + endpointDelay;
      if (rejectS) tally[TALLY.rejectS]++;
      if (rejectF) tally[TALLY.rejectF]++;
      if (rejectS || rejectF) tally[TALLY.rejectAny]++;
    },
  };
}
