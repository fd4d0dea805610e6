// The analyses of a one-hypothesis or stratified survival design (one, or one per look of a
// group-sequential design): each comes when its target number of events has occurred in the
// population that times them, or at its calendar month (survival-timing.ts), patient by patient
// (exact tests) or from rpact's normal law (asymptotic).
import { Accrual } from '../endpoints/survival/accrual.js';
import { AsymptoticLogRank } from '../endpoints/survival/asymptotic.js';
import type { SurvivalHazards } from '../endpoints/survival/hazards.js';
import type { CellLayout } from '../population-model.js';
import type { Sampler } from '../random/sampler.js';
import type { Scenario, SurvivalEndpoint } from '../scenario/types.js';
import type { PatientRecorder } from '../trace/recorder.js';
import { PatientRunSource } from './patient-run-source.js';
import { MAX_GROUPS, StageStatistics } from './stage-source.js';
import type { AnalysisTimes } from './survival-timing.js';

export interface SurvivalLooks {
  start(sampler: Sampler): void;
  /** the analysis at look `look` (from 0) */
  analyse(look: number, sampler: Sampler, into: StageStatistics): void;
  randomized: number;
  screened: number;
  months: number;
  events: number;
}

/** who a design's looks enrol (a mask of classified subgroups) and which populations they test (a mask of indices) */
export type LookPopulations = { enrolled: number; tested: number };

/**
 * every patient simulated; exact survival tests at the month of the target event (or the calendar
 * month), of the populations the design tests (a maxcombo statistic costs a normal integral, so none
 * is formed that the design does not read)
 */
export class PatientLooks extends PatientRunSource implements SurvivalLooks {
  constructor(
    scenario: Scenario,
    private readonly layout: CellLayout,
    hazards: SurvivalHazards,
    private readonly populations: LookPopulations,
    private readonly times: AnalysisTimes,
    private readonly n: number,
    recorder: PatientRecorder | null = null,
  ) {
    super(scenario, layout, hazards, recorder);
  }

  start(sampler: Sampler): void {
    this.run.start();
    this.run.recruit(this.populations.enrolled, this.n, sampler);
  }

  analyse(look: number, _sampler: Sampler, into: StageStatistics): void {
    const { events, months } = this.times;
    const { enrolled, tested } = this.populations;
    const counted = this.times.counted ?? enrolled;
    const tau = months ? months[look] : this.run.monthOf((events as readonly number[])[look], counted);
    const result = this.run.analyseAtMonth(tau, tested, counted);
    const masks = this.layout.populationMask;
    for (let k = 0; k < masks.length; k++) {
      if (((tested >> k) & 1) === 0) continue;
      into.z[k] = result.scores[k].z;
      into.information[k] = result.scores[k].information;
      for (let j = 0; j < MAX_GROUPS; j++)
        if ((masks[k] >> j) & 1) into.stratumInformation[k * MAX_GROUPS + j] = result.stratumInformation[j];
    }
    this.events = result.events(counted);
  }
}

/** rpact's normal law, with looks as independent increments and months from the expected timing */
export class AsymptoticLooks implements SurvivalLooks {
  randomized = 0;
  screened = 0;
  months = 0;
  events = 0;
  private readonly law: AsymptoticLogRank;
  private readonly accrual: Accrual;
  private readonly increment = new StageStatistics();
  /** per population, its score √I·z summed over the looks so far */
  private readonly scores: Float64Array;
  private readonly timing: Timing[] = [];

  constructor(
    scenario: Scenario,
    private readonly layout: CellLayout,
    hazards: SurvivalHazards,
    endpoint: SurvivalEndpoint,
    private readonly populations: LookPopulations,
    private readonly times: AnalysisTimes,
    n: number | undefined,
  ) {
    this.law = new AsymptoticLogRank(scenario, endpoint, layout);
    this.accrual = new Accrual(scenario, layout, hazards);
    this.accrual.recruit(populations.enrolled, n ?? Infinity, 0);
    this.scores = new Float64Array(layout.populationMask.length);
  }

  start(): void {
    this.scores.fill(0);
  }

  analyse(look: number, sampler: Sampler, into: StageStatistics): void {
    const timing = this.timingAt(look);
    const total = timing.drawn;
    const previous = look > 0 ? this.timingAt(look - 1).drawn : 0;
    this.months = timing.months;
    this.randomized = timing.randomized;
    this.screened = timing.screened;
    this.events = timing.events;
    // a look beyond every event the patients will have reads no new ones: its statistics are the last look's
    if (!(total > previous)) return;
    const { enrolled, tested } = this.populations;
    const increment = this.increment;
    this.law.draw(total - previous, enrolled, sampler, increment);
    // cumulative statistics: scores √I·z add over independent increments, information grows with events
    const growth = total / (total - previous);
    const masks = this.layout.populationMask;
    for (let k = 0; k < masks.length; k++) {
      if (((tested >> k) & 1) === 0) continue;
      this.scores[k] += Math.sqrt(increment.information[k]) * increment.z[k];
      into.information[k] = increment.information[k] * growth;
      into.z[k] = this.scores[k] / Math.sqrt(into.information[k]);
      for (let j = 0; j < MAX_GROUPS; j++) {
        const at = k * MAX_GROUPS + j;
        if ((masks[k] >> j) & 1) into.stratumInformation[at] = increment.stratumInformation[at] * growth;
      }
    }
  }

  /**
   * the timing of a look: deterministic, so worked out once. At a target it is the expected month of
   * that many events in the population that times the looks, at a calendar month the expected events
   * by then; the law draws the enrolled population's events by that month.
   */
  private timingAt(look: number): Timing {
    let timing = this.timing[look];
    if (timing === undefined) {
      const { events: targets, months: calendar } = this.times;
      const { enrolled } = this.populations;
      const counted = this.times.counted ?? enrolled;
      const accrual = this.accrual;
      const { months, events } = calendar
        ? { months: calendar[look], events: accrual.events(calendar[look], counted) }
        : accrual.analysis((targets as readonly number[])[look], counted);
      const drawn = counted === enrolled ? events : accrual.events(months, enrolled);
      timing = this.timing[look] = { ...accrual.recruited(months), months, events, drawn };
    }
    return timing;
  }
}

/** what a trial has used by an analysis, the events reported, and those of the tested population */
type Timing = { months: number; randomized: number; screened: number; events: number; drawn: number };
