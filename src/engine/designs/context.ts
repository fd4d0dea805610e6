// What every design of a scenario shares: the population, the endpoint's model, the enrolment
// and the trial's clock.
import { BinaryModel } from '../endpoints/binary.js';
import { ContinuousModel } from '../endpoints/continuous.js';
import { Enrolment } from '../endpoints/enrolment.js';
import type { OutcomeModel } from '../endpoints/outcome-model.js';
import { StageData } from '../endpoints/stage.js';
import { normalQuantile } from '../math/normal.js';
import { summarisePopulation, type PopulationSummary } from '../population.js';
import type { Scenario } from '../scenario/types.js';
import { TALLY } from '../tally.js';
import type { TraceRecorder } from '../trace/recorder.js';

export class TrialContext {
  readonly population: PopulationSummary;
  readonly model: OutcomeModel;
  readonly enrolment: Enrolment;
  readonly stage = new StageData();
  /** critical value of a single one-sided test at level α */
  readonly critical: number;

  /** `recorder`: a trace's, told of every patient and decision; null when simulating blocks */
  constructor(
    readonly scenario: Scenario,
    readonly recorder: TraceRecorder | null = null,
  ) {
    this.population = summarisePopulation(scenario.population);
    const endpoint = scenario.endpoint;
    if (endpoint.type === 'continuous') this.model = new ContinuousModel(scenario, this.population, endpoint);
    else if (endpoint.type === 'binary') this.model = new BinaryModel(scenario, endpoint);
    else throw new Error('survival endpoints are simulated by designs/survival.ts');
    this.enrolment = new Enrolment(scenario, this.population, this.model, recorder);
    this.critical = normalQuantile(1 - scenario.alpha);
  }

  /** the trial's month once `screened` patients are screened and the last one's outcome is known */
  monthAfter(screened: number): number {
    const { trial } = this.scenario;
    return screened / trial.screeningRate + trial.endpointDelay;
  }

  /** add a one-analysis trial's size, duration and decisions to the tally */
  tallyFixedTrial(tally: Float64Array, randomized: number, rejectS: boolean, rejectF: boolean): void {
    tally[TALLY.randomized] += randomized;
    tally[TALLY.screened] += this.stage.screened;
    tally[TALLY.months] += this.monthAfter(this.stage.screened);
    if (rejectS) tally[TALLY.rejectS]++;
    if (rejectF) tally[TALLY.rejectF]++;
    if (rejectS || rejectF) tally[TALLY.rejectAny]++;
    if (rejectS && rejectF) tally[TALLY.rejectBoth]++;
  }
}
