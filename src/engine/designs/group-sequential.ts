// A group-sequential all-comers or enriched design (`interims`): looks after cumulative fractions
// of n, each testing the hypothesis on all data so far against the Lan–DeMets efficacy boundary
// (for t statistics, its exact t analogue); the trial stops at the first crossing.
import { addStage, clearStage, StageData, WithinStages } from '../endpoints/stage.js';
import type { Strata } from '../endpoints/strata.js';
import type { CellLayout } from '../population-model.js';
import type { Sampler } from '../random/sampler.js';
import type { Interims, Scenario } from '../scenario/types.js';
import { countRejections, TALLY } from '../tally.js';
import { interimBoundaries } from '../inference/sequential/boundaries.js';
import { tEfficacyBoundaries } from '../inference/sequential/t-boundaries.js';
import type { TrialContext } from './context.js';
import type { DesignRunner } from './runner.js';
import { lookSizes } from '../scenario/looks.js';

/** `population`: its index in the context's layout */
export function prepareGroupSequential(
  context: TrialContext,
  population: number,
  n: number,
  interims: Interims,
): DesignRunner {
  const { enrolment, model, stage, scenario, recorder, layout } = context;
  const rates = interims.informationRates;
  const looks = rates.length;
  // whole patients at each look; the contract makes every look add at least one
  const cumulative = Float64Array.from(lookSizes(n, rates));
  const critical = lookCriticalValues(scenario, lookGroups(layout, model.strata, population), interims, n);
  const residual = usesT(scenario)
    ? new WithinStages(layout.subgroupIds.length + layout.populationIds.length)
    : undefined;
  const cumulativeData = new StageData(layout);
  const from = enrolment.maskOf(population);
  const tested = 1 << population;
  // a trace names the tested population by its id (S or F for one marker)
  const name = layout.populationIds[population];
  return {
    runTrial(sampler: Sampler, tally: Float64Array) {
      clearStage(cumulativeData);
      residual?.clear();
      let rejected = false;
      let look = 0;
      for (; look < looks; look++) {
        enrolment.enrol(stage, from, cumulative[look] - (look > 0 ? cumulative[look - 1] : 0), sampler);
        addStage(cumulativeData, stage);
        if (residual) model.addWithinStage?.(residual, stage);
        const z = model.statistic(cumulativeData, population, residual);
        const crossed = z >= critical[look];
        recorder?.decision({
          kind: 'look',
          look: look + 1,
          looks,
          population: name,
          size: cumulative[look],
          month: context.monthAfter(cumulativeData.screened),
          z,
          critical: critical[look],
          rejected: crossed,
        });
        if (crossed) {
          rejected = true;
          break;
        }
      }
      const last = Math.min(look, looks - 1);
      tally[TALLY.randomized] += cumulative[last];
      tally[TALLY.screened] += cumulativeData.screened;
      tally[TALLY.months] += context.monthAfter(cumulativeData.screened);
      countRejections(tally, rejected ? tested : 0, tested);
      if (rejected && last < looks - 1) tally[TALLY.earlyEfficacy]++;
    },
  };
}

const usesT = (scenario: Scenario): boolean =>
  scenario.endpoint.type === 'continuous' && scenario.analysis.statistic === 't';

/**
 * the arm × stratum groups whose means a t statistic of `population` estimates: two arms in each of
 * its strata that anyone is classified into, or two when it is pooled
 */
export function lookGroups(layout: CellLayout, strata: Strata, population: number): number {
  if (strata.pooled[population]) return 2;
  let occupied = 0;
  for (const stratum of strata.of[population]) if (layout.classifiedShare[stratum] > 0) occupied++;
  return 2 * occupied;
}

/** each look's critical value on the z scale, as the trial compares it (for the report too) */
export function lookCriticalValues(scenario: Scenario, groups: number, interims: Interims, n: number): Float64Array {
  if (!usesT(scenario)) return interimBoundaries(interims, scenario.alpha);
  return tLookBoundaries(scenario, groups, interims, Float64Array.from(lookSizes(n, interims.informationRates)));
}

/**
 * The looks' critical values on the z scale for t statistics, compared on the p-value scale with
 * nominal levels from the joint law of the looks' t statistics (t-boundaries.ts; Lan–DeMets' z
 * boundaries with t p-values exceed α at small looks). The variance is pooled within stages
 * (WithinStages), so look k has the planned degrees of freedom Σ over its stages of the stage's
 * patients less one mean per arm and stratum group (the assay's two strata when F is tested
 * stratified); without efficacy stops only the last look tests, at the t test's own level.
 */
function tLookBoundaries(
  scenario: Scenario,
  groups: number,
  interims: Interims,
  cumulative: Float64Array,
): Float64Array {
  if (interims.efficacy === 'none') return interimBoundaries(interims, scenario.alpha);
  const degrees: number[] = [];
  let df = 0;
  for (let look = 0; look < cumulative.length; look++) {
    df += cumulative[look] - (look > 0 ? cumulative[look - 1] : 0) - groups;
    // a look too small to estimate a variance cannot reject (its statistic is 0), but the law
    // still needs degrees of freedom that grow from look to look
    degrees.push(Math.max(look === 0 ? 1 : degrees[look - 1] + 1, df));
  }
  return tEfficacyBoundaries(interims.efficacy, interims.informationRates, degrees, scenario.alpha);
}
