// Two stages of continuous or binary data, drawn by the enrolment and summarised by the outcome
// model; each stage's statistics use that stage's patients only (stage-wise p-values, docs/methods.md).
import { StageData } from '../endpoints/stage.js';
import type { Sampler } from '../random/sampler.js';
import type { TrialContext } from './context.js';
import { StageStatistics, type TwoStageSource } from './stage-source.js';

export class SampleStages implements TwoStageSource {
  randomized = 0;
  screened = 0;
  months = 0;
  readonly events = 0;
  private readonly data = new StageData();
  private readonly statistics = new StageStatistics();

  constructor(private readonly context: TrialContext) {}

  first(size: number, sampler: Sampler): StageStatistics {
    this.randomized = 0;
    this.screened = 0;
    return this.stage('F', true, true, size, sampler);
  }

  second(keepS: boolean, keepF: boolean, size: number, sampler: Sampler): StageStatistics {
    return this.stage(keepF ? 'F' : 'S', keepS, keepF, size, sampler);
  }

  private stage(from: 'S' | 'F', testS: boolean, testF: boolean, size: number, sampler: Sampler): StageStatistics {
    const { enrolment, model, scenario } = this.context;
    const statistics = this.statistics;
    enrolment.enrol(this.data, from, size, sampler);
    if (testS) {
      statistics.zS = model.statistic(this.data, 'S');
      statistics.informationS = model.information;
      statistics.effectS = model.effect;
    }
    if (testF) {
      statistics.zF = model.statistic(this.data, 'F');
      statistics.informationF = model.information;
      statistics.effectF = model.effect;
    }
    this.randomized += size;
    this.screened += this.data.screened;
    this.months = this.screened / scenario.trial.screeningRate + scenario.trial.endpointDelay;
    return statistics;
  }
}
