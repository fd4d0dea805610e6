// A design that tests one hypothesis in one population (all-comers: H_F in everyone randomised;
// enriched: H_k in the patients the assay puts in population k only), once or group-sequentially.
import type { Sampler } from '../random/sampler.js';
import type { AllComersDesign, EnrichedDesign } from '../scenario/types.js';
import type { TrialContext } from './context.js';
import { prepareGroupSequential } from './group-sequential.js';
import type { DesignRunner } from './runner.js';

/** `population`: its index in the context's layout */
export function prepareOneHypothesis(
  context: TrialContext,
  population: number,
  design: AllComersDesign | EnrichedDesign,
): DesignRunner {
  if (design.interims) return prepareGroupSequential(context, population, design.n, design.interims);
  const { enrolment, model, stage, critical, recorder } = context;
  const from = enrolment.maskOf(population);
  const tested = 1 << population;
  // a trace names the tested population by its id (S or F for one marker)
  const name = context.layout.populationIds[population];
  return {
    runTrial(sampler: Sampler, tally: Float64Array) {
      enrolment.enrol(stage, from, design.n, sampler);
      const z = model.statistic(stage, population);
      const rejected = z >= critical;
      recorder?.decision({
        kind: 'look',
        look: 1,
        looks: 1,
        population: name,
        size: design.n,
        month: context.monthAfter(stage.screened),
        z,
        critical,
        rejected,
      });
      context.tallyFixedTrial(tally, design.n, rejected ? tested : 0, tested);
    },
  };
}
