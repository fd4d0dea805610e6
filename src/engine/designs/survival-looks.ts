// The analyses of a one-hypothesis or stratified survival design (one, or one per look of a
// group-sequential design): each comes when its target number of events has occurred in the
// population that times them, or at its calendar month (survival-timing.ts), patient by patient
// (exact tests) or from rpact's normal law (asymptotic).
import { Accrual } from '../endpoints/survival/accrual.js';
import { AsymptoticLogRank } from '../endpoints/survival/asymptotic.js';
import type { SurvivalHazards } from '../endpoints/survival/hazards.js';
import type { TestedPopulation } from '../endpoints/outcome-model.js';
import { ONE_MARKER, type PopulationSummary } from '../population.js';
import type { Sampler } from '../random/sampler.js';
import type { Scenario, SurvivalEndpoint } from '../scenario/types.js';
import type { PatientRecorder } from '../trace/recorder.js';
import { PatientRunSource } from './patient-run-source.js';
import { StageStatistics } from './stage-source.js';
import type { AnalysisTimes } from './survival-timing.js';

const { S, F } = ONE_MARKER;

export interface SurvivalLooks {
  start(sampler: Sampler): void;
  /** the analysis at look `look` (from 0) */
  analyse(look: number, sampler: Sampler, into: StageStatistics): void;
  randomized: number;
  screened: number;
  months: number;
  events: number;
}

/**
 * every patient simulated; exact survival tests at the month of the target event (or the calendar
 * month), of the tested population and, for a design that tests both (`both`), of the other (a
 * maxcombo statistic costs a normal integral, so none is formed that the design does not read)
 */
export class PatientLooks extends PatientRunSource implements SurvivalLooks {
  constructor(
    scenario: Scenario,
    population: PopulationSummary,
    hazards: SurvivalHazards,
    private readonly from: TestedPopulation,
    private readonly times: AnalysisTimes,
    private readonly n: number,
    recorder: PatientRecorder | null = null,
    private readonly both = false,
  ) {
    super(scenario, population, hazards, recorder);
  }

  start(sampler: Sampler): void {
    this.run.start();
    this.run.recruit(this.from, this.n, sampler);
  }

  analyse(look: number, _sampler: Sampler, into: StageStatistics): void {
    const { events, months, countS } = this.times;
    const onlyS = this.from === 'S';
    const tau = months ? months[look] : this.run.monthOf((events as readonly number[])[look], countS === true);
    const result = this.run.analyseAtMonth(tau, onlyS);
    if (onlyS || this.both) into.z[S] = result.zS;
    if (!onlyS || this.both) into.z[F] = result.zF;
    into.information[S] = result.informationS;
    into.information[F] = result.informationF;
    this.events = countS ? result.eventsS : result.eventsF;
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
  private scoreS = 0;
  private scoreF = 0;
  private readonly timing: Timing[] = [];

  constructor(
    scenario: Scenario,
    population: PopulationSummary,
    hazards: SurvivalHazards,
    endpoint: SurvivalEndpoint,
    private readonly from: TestedPopulation,
    private readonly times: AnalysisTimes,
    n: number | undefined,
  ) {
    this.law = new AsymptoticLogRank(scenario, endpoint);
    this.accrual = new Accrual(scenario, population, hazards);
    this.accrual.recruit(from, n ?? Infinity, 0);
  }

  start(): void {
    this.scoreS = 0;
    this.scoreF = 0;
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
    const withR = this.from === 'F';
    const increment = this.increment;
    this.law.draw(total - previous, withR, sampler, increment);
    // cumulative statistics: scores √I·z add over independent increments, information grows with events
    const growth = total / (total - previous);
    this.scoreS += Math.sqrt(increment.information[S]) * increment.z[S];
    into.information[S] = increment.information[S] * growth;
    into.z[S] = this.scoreS / Math.sqrt(into.information[S]);
    if (withR) {
      this.scoreF += Math.sqrt(increment.information[F]) * increment.z[F];
      into.information[F] = increment.information[F] * growth;
      into.z[F] = this.scoreF / Math.sqrt(into.information[F]);
    }
  }

  /**
   * the timing of a look: deterministic, so worked out once. At a target it is the expected month of
   * that many events in the population that times the looks, at a calendar month the expected events
   * by then; the law draws the tested population's events by that month.
   */
  private timingAt(look: number): Timing {
    let timing = this.timing[look];
    if (timing === undefined) {
      const { events: targets, months: calendar, countS } = this.times;
      const countedS = countS === true;
      const testedS = this.from === 'S';
      const accrual = this.accrual;
      const { months, events } = calendar
        ? { months: calendar[look], events: accrual.events(calendar[look], countedS) }
        : accrual.analysis((targets as readonly number[])[look], countedS);
      const drawn = countedS === testedS ? events : accrual.events(months, testedS);
      timing = this.timing[look] = { ...accrual.recruited(months), months, events, drawn };
    }
    return timing;
  }
}

/** what a trial has used by an analysis, the events reported, and those of the tested population */
type Timing = { months: number; randomized: number; screened: number; events: number; drawn: number };
