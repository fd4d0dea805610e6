// One patient-level survival trial: its cohort, the calendar month a population reaches a number of
// events, and analyses at a calendar month with what the trial has used by then. Populations are masks
// of classified subgroups where patients are taken or counted, indices (population-model.ts) where
// they are tested.
import type { CellLayout } from '../../population-model.js';
import type { Sampler } from '../../random/sampler.js';
import type { Scenario } from '../../scenario/types.js';
import type { PatientRecorder } from '../../trace/recorder.js';
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
    layout: CellLayout,
    hazards: SurvivalHazards,
    recorder: PatientRecorder | null = null,
  ) {
    this.cohort = new Cohort(scenario, layout, hazards, recorder);
    this.logRank = new LogRank(scenario.analysis.stratified, survivalTestOf(scenario), layout);
    this.screeningRate = scenario.trial.screeningRate;
  }

  start(): void {
    this.cohort.clear();
  }

  /** randomise `n` more patients classified into `mask` */
  recruit(mask: number, n: number, sampler: Sampler): void {
    this.cohort.recruit(mask, n, sampler);
  }

  /** the calendar month of the `events`-th event among patients classified into `mask`; the last event's when fewer */
  monthOf(events: number, mask: number): number {
    return this.clock.month(this.cohort, events, mask);
  }

  /**
   * the survival tests at calendar month τ of the populations in `populations` (a mask of indices), the
   * events of `alsoRead` (a mask of subgroups) counted too, with what the trial has used by then
   */
  analyseAtMonth(tau: number, populations: number, alsoRead = 0): LogRank {
    const cohort = this.cohort;
    const result = this.logRank.analyse(cohort, tau, populations, alsoRead);
    let randomized = 0;
    while (randomized < cohort.size && cohort.entry[randomized] <= tau) randomized++;
    this.randomized = randomized;
    this.screened = Math.min(cohort.screened, tau * this.screeningRate);
    this.months = tau;
    return result;
  }
}
