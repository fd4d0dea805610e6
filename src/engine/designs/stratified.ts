// Stratified: randomise all comers and test H_S and H_F by closed testing (docs/methods.md).
import type { StratifiedDesign } from '../scenario/types.js';
import { statisticCorrelation } from '../inference/intersection/correlation.js';
import { intersectionTests } from '../inference/intersection/index.js';
import type { TrialContext } from './context.js';
import type { DesignRunner } from './runner.js';
import type { Sampler } from '../random/sampler.js';

export function prepareStratified(context: TrialContext, design: StratifiedDesign): DesignRunner {
  const { enrolment, model, stage, critical, scenario } = context;
  const rule = intersectionTests[design.intersection].atLevel(scenario.alpha);
  return {
    runTrial(sampler: Sampler, tally: Float64Array) {
      enrolment.enrol(stage, 'F', design.n, sampler);
      const zS = model.statistic(stage, 'S');
      const informationS = model.information;
      const zF = model.statistic(stage, 'F');
      const informationF = model.information;
      const thresholds = rule(statisticCorrelation(informationS, informationF));
      const intersection = zS >= thresholds.s || zF >= thresholds.f || (zS >= thresholds.both && zF >= thresholds.both);
      context.tallyFixedTrial(tally, design.n, intersection && zS >= critical, intersection && zF >= critical);
    },
  };
}
