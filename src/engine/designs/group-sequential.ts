// A group-sequential all-comers or enriched design (`interims`): looks after cumulative fractions
// of n, each testing the hypothesis on all data so far against the Lan–DeMets efficacy boundary;
// the trial stops at the first crossing.
import { addStage, clearStage, StageData } from '../endpoints/stage.js';
import type { TestedPopulation } from '../endpoints/outcome-model.js';
import type { Sampler } from '../random/sampler.js';
import type { Interims } from '../scenario/types.js';
import { TALLY } from '../tally.js';
import { interimBoundaries } from '../inference/sequential/boundaries.js';
import type { TrialContext } from './context.js';
import type { DesignRunner } from './runner.js';
import { lookSizes } from '../scenario/looks.js';

export function prepareGroupSequential(context: TrialContext, population: TestedPopulation, n: number, interims: Interims): DesignRunner {
  const { enrolment, model, stage, scenario } = context;
  const rates = interims.informationRates;
  const looks = rates.length;
  const critical = interimBoundaries(interims, scenario.alpha);
  // whole patients at each look; the contract makes every look add at least one
  const cumulative = Float64Array.from(lookSizes(n, rates));
  const cumulativeData = new StageData();
  const { screeningRate, endpointDelay } = scenario.trial;
  return {
    runTrial(sampler: Sampler, tally: Float64Array) {
      clearStage(cumulativeData);
      let rejected = false;
      let look = 0;
      for (; look < looks; look++) {
        const increment = cumulative[look] - (look > 0 ? cumulative[look - 1] : 0);
        if (increment > 0) {
          enrolment.enrol(stage, population, increment, sampler);
          addStage(cumulativeData, stage);
        }
        if (model.statistic(cumulativeData, population) >= critical[look]) {
          rejected = true;
          break;
        }
      }
      const last = Math.min(look, looks - 1);
      tally[TALLY.randomized] += cumulative[last];
      tally[TALLY.screened] += cumulativeData.screened;
      tally[TALLY.months] += cumulativeData.screened / screeningRate + endpointDelay;
      if (rejected) {
        tally[TALLY.rejectAny]++;
        tally[population === 'S' ? TALLY.rejectS : TALLY.rejectF]++;
        if (last < looks - 1) tally[TALLY.earlyEfficacy]++;
      }
    },
  };
}
