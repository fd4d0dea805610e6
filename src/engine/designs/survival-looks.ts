// The analyses of an event-driven one-hypothesis or stratified survival design (one, or one per
// look of a group-sequential design): each comes when its target number of events has occurred,
// patient by patient (exact log-rank) or from rpact's normal law (asymptotic).
import { Accrual } from '../endpoints/survival/accrual.js';
import { AsymptoticLogRank } from '../endpoints/survival/asymptotic.js';
import type { SurvivalHazards } from '../endpoints/survival/hazards.js';
import type { TestedPopulation } from '../endpoints/outcome-model.js';
import type { PopulationSummary } from '../population.js';
import type { Sampler } from '../random/sampler.js';
import type { Scenario, SurvivalEndpoint } from '../scenario/types.js';
import type { PatientRecorder } from '../trace/recorder.js';
import { PatientRunSource } from './patient-run-source.js';
import { StageStatistics } from './stage-source.js';

export interface SurvivalLooks {
  start(sampler: Sampler): void;
  /** the analysis at look `look`, when `targets[look]` events have occurred */
  analyse(targets: readonly number[], look: number, sampler: Sampler, into: StageStatistics): void;
  randomized: number;
  screened: number;
  months: number;
  events: number;
}

/**
 * every patient simulated; exact survival tests at the month of the target event, of the tested
 * population and, for a design that tests both (`both`), of the other (a maxcombo statistic costs a
 * normal integral, so none is formed that the design does not read)
 */
export class PatientLooks extends PatientRunSource implements SurvivalLooks {
  constructor(
    scenario: Scenario,
    population: PopulationSummary,
    hazards: SurvivalHazards,
    private readonly from: TestedPopulation,
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

  analyse(targets: readonly number[], look: number, _sampler: Sampler, into: StageStatistics): void {
    const onlyS = this.from === 'S';
    const result = this.run.analyseAt(targets[look], onlyS);
    if (onlyS || this.both) into.zS = result.zS;
    if (!onlyS || this.both) into.zF = result.zF;
    into.informationS = result.informationS;
    into.informationF = result.informationF;
    this.events = onlyS ? result.eventsS : result.eventsF;
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
  private readonly timing: { months: number; randomized: number; screened: number; events: number }[] = [];

  constructor(
    scenario: Scenario,
    population: PopulationSummary,
    hazards: SurvivalHazards,
    endpoint: SurvivalEndpoint,
    private readonly from: TestedPopulation,
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

  analyse(targets: readonly number[], look: number, sampler: Sampler, into: StageStatistics): void {
    const total = this.timingAt(targets, look).events;
    const previous = look > 0 ? this.timingAt(targets, look - 1).events : 0;
    const timing = this.timing[look];
    this.months = timing.months;
    this.randomized = timing.randomized;
    this.screened = timing.screened;
    this.events = total;
    // a look beyond every event the patients will have reads no new ones: its statistics are the last look's
    if (!(total > previous)) return;
    const withR = this.from === 'F';
    const increment = this.increment;
    this.law.draw(total - previous, withR, sampler, increment);
    // cumulative statistics: scores √I·z add over independent increments, information grows with events
    const growth = total / (total - previous);
    this.scoreS += Math.sqrt(increment.informationS) * increment.zS;
    into.informationS = increment.informationS * growth;
    into.zS = this.scoreS / Math.sqrt(into.informationS);
    if (withR) {
      this.scoreF += Math.sqrt(increment.informationF) * increment.zF;
      into.informationF = increment.informationF * growth;
      into.zF = this.scoreF / Math.sqrt(into.informationF);
    }
  }

  /** the timing and events of a look: deterministic, so worked out once */
  private timingAt(
    targets: readonly number[],
    look: number,
  ): { months: number; randomized: number; screened: number; events: number } {
    let timing = this.timing[look];
    if (timing === undefined) {
      const { months, events } = this.accrual.analysis(targets[look], this.from === 'S');
      timing = this.timing[look] = { ...this.accrual.recruited(months), months, events };
    }
    return timing;
  }
}
