// Stratified: randomise all comers and test H_S and H_F by closed testing (docs/methods.md).
import type { StratifiedDesign } from '../scenario/types.js';
import { statisticCorrelation } from '../inference/intersection/correlation.js';
import { intersectionTests, type IntersectionThresholds } from '../inference/intersection/index.js';
import type { TrialContext } from './context.js';
import type { DesignRunner } from './runner.js';
import type { Sampler } from '../random/sampler.js';
import type { ClosedTestDecision } from '../trace/recorder.js';

export function prepareStratified(context: TrialContext, design: StratifiedDesign): DesignRunner {
  const { enrolment, model, stage, critical, scenario, recorder } = context;
  const rule = intersectionTests[design.intersection].atLevel(scenario.alpha);
  return {
    runTrial(sampler: Sampler, tally: Float64Array) {
      enrolment.enrol(stage, 'F', design.n, sampler);
      const zS = model.statistic(stage, 'S');
      const informationS = model.information;
      const zF = model.statistic(stage, 'F');
      const informationF = model.information;
      const correlation = statisticCorrelation(informationS, informationF);
      const thresholds = rule(correlation);
      const intersection = zS >= thresholds.s || zF >= thresholds.f || (zS >= thresholds.both && zF >= thresholds.both);
      const localS = zS >= critical;
      const localF = zF >= critical;
      const rejectS = intersection && localS;
      const rejectF = intersection && localF;
      recorder?.decision({
        kind: 'closed-test',
        size: design.n,
        month: context.monthAfter(stage.screened),
        ...closedTestNumbers(zS, zF, correlation, thresholds, critical),
        local: { intersection, S: localS, F: localF },
        rejectS,
        rejectF,
      });
      context.tallyFixedTrial(tally, design.n, rejectS, rejectF);
    },
  };
}

/** a trace's copy of a closed test's statistics and thresholds (the rule's object is reused by its next call) */
export function closedTestNumbers(
  zS: number,
  zF: number,
  correlation: number,
  thresholds: IntersectionThresholds,
  critical: number,
): Pick<ClosedTestDecision, 'zS' | 'zF' | 'correlation' | 'thresholds' | 'critical'> {
  return { zS, zF, correlation, thresholds: { s: thresholds.s, f: thresholds.f, both: thresholds.both }, critical };
}
