// Two stages of continuous or binary data, drawn by the enrolment and summarised by the outcome
// model; each stage's statistics use that stage's patients only (stage-wise p-values, docs/methods.md).
import { StageData } from '../endpoints/stage.js';
import type { Sampler } from '../random/sampler.js';
import type { TrialContext } from './context.js';
import { MAX_GROUPS, overlapping, StageStatistics, subgroupsOf, type TwoStageSource } from './stage-source.js';

export class SampleStages implements TwoStageSource {
  randomized = 0;
  screened = 0;
  months = 0;
  readonly events = 0;
  /** each stage's data: with fixed strata a stage keeps its counts from one trial to the next (enrolment.ts) */
  private readonly firstData: StageData;
  private readonly secondData: StageData;
  private readonly statistics = new StageStatistics();
  /** whether two populations overlap without nesting, so their correlation needs each stratum's information */
  private readonly overlapping: boolean;

  constructor(private readonly context: TrialContext) {
    const { layout } = context;
    this.firstData = new StageData(layout);
    this.secondData = new StageData(layout);
    this.overlapping = overlapping(layout.populationMask);
  }

  first(tested: number, size: number, sampler: Sampler): StageStatistics {
    this.randomized = 0;
    this.screened = 0;
    return this.stage(this.firstData, tested, size, sampler);
  }

  second(kept: number, size: number, sampler: Sampler): StageStatistics {
    return this.stage(this.secondData, kept, size, sampler);
  }

  /** a stage into `data` from the union of the `populations` (a mask), and their statistics */
  private stage(data: StageData, populations: number, size: number, sampler: Sampler): StageStatistics {
    const { enrolment, model, scenario, layout } = this.context;
    const statistics = this.statistics;
    const masks = layout.populationMask;
    enrolment.enrol(data, subgroupsOf(masks, populations), size, sampler);
    for (let k = 0; k < masks.length; k++) {
      if (!(populations & (1 << k))) continue;
      statistics.z[k] = model.statistic(data, k);
      statistics.information[k] = model.information;
      statistics.effect[k] = model.effect;
      if (this.overlapping) {
        for (let j = 0; j < layout.subgroupIds.length; j++) {
          statistics.stratumInformation[k * MAX_GROUPS + j] = masks[k] & (1 << j) ? model.stratumInformation[j] : 0;
        }
      }
    }
    this.randomized += size;
    this.screened += data.screened;
    this.months = this.screened / scenario.trial.screeningRate + scenario.trial.endpointDelay;
    return statistics;
  }
}
