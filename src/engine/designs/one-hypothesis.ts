// A design that tests one hypothesis in one population (all-comers: H_F in everyone randomised;
// enriched: H_S in assay-positive patients only), once or group-sequentially.
import type { TestedPopulation } from '../endpoints/outcome-model.js';
import type { Sampler } from '../random/sampler.js';
import type { AllComersDesign, EnrichedDesign } from '../scenario/types.js';
import type { TrialContext } from './context.js';
import { prepareGroupSequential } from './group-sequential.js';
import type { DesignRunner } from './runner.js';

export function prepareOneHypothesis(
  context: TrialContext,
  population: TestedPopulation,
  design: AllComersDesign | EnrichedDesign,
): DesignRunner {
  if (design.interims) return prepareGroupSequential(context, population, design.n, design.interims);
  const { enrolment, model, stage, critical, recorder } = context;
  const inS = population === 'S';
  return {
    runTrial(sampler: Sampler, tally: Float64Array) {
      enrolment.enrol(stage, population, design.n, sampler);
      const z = model.statistic(stage, population);
      const rejected = z >= critical;
      recorder?.decision({
        kind: 'look',
        look: 1,
        looks: 1,
        population,
        size: design.n,
        month: context.monthAfter(stage.screened),
        z,
        critical,
        rejected,
      });
      context.tallyFixedTrial(tally, design.n, inS && rejected, !inS && rejected);
    },
  };
}
