// What every design of a scenario shares: the population's cell layout, the endpoint's model, the
// enrolment and the trial's clock.
import { BinaryModel } from '../endpoints/binary.js';
import { ContinuousModel } from '../endpoints/continuous.js';
import { Enrolment } from '../endpoints/enrolment.js';
import type { OutcomeModel } from '../endpoints/outcome-model.js';
import { StageData } from '../endpoints/stage.js';
import { normalQuantile } from '../math/normal.js';
import type { CellLayout } from '../population-model.js';
import { layoutOf } from '../population.js';
import type { Scenario } from '../scenario/types.js';
import { countRejections, TALLY } from '../tally.js';
import type { TraceRecorder } from '../trace/recorder.js';

export class TrialContext {
  readonly layout: CellLayout;
  readonly model: OutcomeModel;
  readonly enrolment: Enrolment;
  readonly stage: StageData;
  /** critical value of a single one-sided test at level α */
  readonly critical: number;

  /** `recorder`: a trace's, told of every patient and decision; null when simulating blocks */
  constructor(
    readonly scenario: Scenario,
    readonly recorder: TraceRecorder | null = null,
  ) {
    this.layout = layoutOf(scenario.population);
    this.stage = new StageData(this.layout);
    const endpoint = scenario.endpoint;
    if (endpoint.type === 'continuous') this.model = new ContinuousModel(scenario, this.layout, endpoint);
    else if (endpoint.type === 'binary') this.model = new BinaryModel(scenario, this.layout, endpoint);
    else throw new Error('survival endpoints are simulated by designs/survival.ts');
    this.enrolment = new Enrolment(scenario, this.layout, this.model, recorder);
    this.critical = normalQuantile(1 - scenario.alpha);
  }

  /** the trial's month once `screened` patients are screened and the last one's outcome is known */
  monthAfter(screened: number): number {
    const { trial } = this.scenario;
    return screened / trial.screeningRate + trial.endpointDelay;
  }

  /** add a one-analysis trial's size, duration and rejections (masks of populations) to the tally */
  tallyFixedTrial(tally: Float64Array, randomized: number, rejected: number, tested: number): void {
    tally[TALLY.randomized] += randomized;
    tally[TALLY.screened] += this.stage.screened;
    tally[TALLY.months] += this.monthAfter(this.stage.screened);
    countRejections(tally, rejected, tested);
  }
}
