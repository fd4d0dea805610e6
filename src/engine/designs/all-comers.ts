// All-comers: randomise every screened patient and test H_F once.
import type { AllComersDesign } from '../scenario/types.js';
import type { TrialContext } from './context.js';
import { prepareGroupSequential } from './group-sequential.js';
import type { DesignRunner } from './runner.js';
import type { Sampler } from '../random/sampler.js';

export function prepareAllComers(context: TrialContext, design: AllComersDesign): DesignRunner {
  if (design.interims) return prepareGroupSequential(context, 'F', design.n, design.interims);
  const { enrolment, model, stage, critical } = context;
  return {
    runTrial(sampler: Sampler, tally: Float64Array) {
      enrolment.enrol(stage, 'F', design.n, sampler);
      const rejectF = model.statistic(stage, 'F') >= critical;
      context.tallyFixedTrial(tally, design.n, false, rejectF);
    },
  };
}
