// One patient-level survival trial: its cohort, the calendar month a population reaches a number of
// events, and analyses at a calendar month with what the trial has used by then.
import type { PopulationSummary } from '../../population.js';
import type { Sampler } from '../../random/sampler.js';
import type { Scenario } from '../../scenario/types.js';
import type { PatientRecorder } from '../../trace/recorder.js';
import type { TestedPopulation } from '../outcome-model.js';
import { Cohort } from './cohort.js';
import { EventClock } from './event-month.js';
import type { SurvivalHazards } from './hazards.js';
import { LogRank } from './log-rank.js';
import { survivalTestOf } from './test-weights.js';

export class SurvivalRun {
  /** patients randomised and screened by the last analysis, and its month */
  randomized = 0;
  screened = 0;
  months = 0;
  private readonly cohort: Cohort;
  private readonly logRank: LogRank;
  private readonly clock = new EventClock();
  private readonly screeningRate: number;

  constructor(
    scenario: Scenario,
    population: PopulationSummary,
    hazards: SurvivalHazards,
    recorder: PatientRecorder | null = null,
  ) {
    this.cohort = new Cohort(scenario, population, hazards, recorder);
    this.logRank = new LogRank(scenario.analysis.stratified, survivalTestOf(scenario));
    this.screeningRate = scenario.trial.screeningRate;
  }

  start(): void {
    this.cohort.clear();
  }

  recruit(from: TestedPopulation, n: number, sampler: Sampler): void {
    this.cohort.recruit(from, n, sampler);
  }

  /** the calendar month of the `events`-th event (in S only, or in everyone); the last event's when fewer */
  monthOf(events: number, onlyS: boolean): number {
    return this.clock.month(this.cohort, events, onlyS);
  }

  /** the survival tests at calendar month τ (of S only, or of S and F), with what the trial has used by then */
  analyseAtMonth(tau: number, onlyS: boolean): LogRank {
    const cohort = this.cohort;
    const result = this.logRank.analyse(cohort, tau, onlyS);
    let randomized = 0;
    while (randomized < cohort.size && cohort.entry[randomized] <= tau) randomized++;
    this.randomized = randomized;
    this.screened = Math.min(cohort.screened, tau * this.screeningRate);
    this.months = tau;
    return result;
  }
}
