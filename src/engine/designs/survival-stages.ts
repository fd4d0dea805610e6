// The two stages of an adaptive-enrichment design with a survival endpoint, patient by patient
// or from rpact's normal law of log-rank statistics.
import { Accrual } from '../endpoints/survival/accrual.js';
import { AsymptoticLogRank } from '../endpoints/survival/asymptotic.js';
import type { SurvivalHazards } from '../endpoints/survival/hazards.js';
import type { TestedPopulation } from '../endpoints/outcome-model.js';
import type { PopulationSummary } from '../population.js';
import type { Sampler } from '../random/sampler.js';
import type { Scenario, SurvivalEndpoint } from '../scenario/types.js';
import type { PatientRecorder } from '../trace/recorder.js';
import { PatientRunSource } from './patient-run-source.js';
import { StageStatistics, type TwoStageSource } from './stage-source.js';

/**
 * The two stages of an adaptive design, patient by patient. Stage 1 randomises n₁ all comers and
 * is analysed when e₁ events have occurred; stage 2 randomises N − n₁ more from what was kept, and
 * the final analysis comes when the kept population has had e₂ more events. Stage 2's statistics
 * are the increments of the log-rank score process between the two analyses,
 * z₂ = (U(τ₂) − U(τ₁)) / √(V(τ₂) − V(τ₁)), independent of stage 1 under H0 (independent
 * increments), as combination tests for survival require.
 */
export class PatientStages extends PatientRunSource implements TwoStageSource {
  private readonly statistics = new StageStatistics();
  private scoreS1 = 0;
  private scoreF1 = 0;
  private informationS1 = 0;
  private informationF1 = 0;
  private eventsS1 = 0;
  private eventsF1 = 0;

  constructor(
    scenario: Scenario,
    population: PopulationSummary,
    hazards: SurvivalHazards,
    private readonly n: readonly [number, number],
    recorder: PatientRecorder | null = null,
  ) {
    super(scenario, population, hazards, recorder);
  }

  first(size: number, sampler: Sampler): StageStatistics {
    this.run.start();
    this.run.recruit('F', this.n[0], sampler);
    const result = this.run.analyseAt(size, false);
    const statistics = this.statistics;
    statistics.zS = result.zS;
    statistics.zF = result.zF;
    statistics.informationS = this.informationS1 = result.informationS;
    statistics.informationF = this.informationF1 = result.informationF;
    statistics.effectS = effect(result.zS, result.informationS);
    statistics.effectF = effect(result.zF, result.informationF);
    this.scoreS1 = result.zS * Math.sqrt(result.informationS);
    this.scoreF1 = result.zF * Math.sqrt(result.informationF);
    this.eventsS1 = result.eventsS;
    this.eventsF1 = this.events = result.eventsF;
    return statistics;
  }

  second(_keepS: boolean, keepF: boolean, size: number, sampler: Sampler): StageStatistics {
    this.run.recruit(keepF ? 'F' : 'S', this.n[1] - this.n[0], sampler);
    const onlyS = !keepF;
    const result = this.run.analyseAt((onlyS ? this.eventsS1 : this.eventsF1) + size, onlyS);
    const statistics = this.statistics;
    const informationS = result.informationS - this.informationS1;
    statistics.informationS = informationS;
    statistics.zS =
      informationS > 0 ? (result.zS * Math.sqrt(result.informationS) - this.scoreS1) / Math.sqrt(informationS) : 0;
    if (keepF) {
      const informationF = result.informationF - this.informationF1;
      statistics.informationF = informationF;
      statistics.zF =
        informationF > 0 ? (result.zF * Math.sqrt(result.informationF) - this.scoreF1) / Math.sqrt(informationF) : 0;
    }
    // events analysed: stage 1's, plus those the kept population had since
    this.events = this.eventsF1 + (onlyS ? result.eventsS - this.eventsS1 : result.eventsF - this.eventsF1);
    return statistics;
  }
}

/** the log-rank estimate of 1/HR, exp((E − O)/V), on which rpact selects */
function effect(z: number, information: number): number {
  return information > 0 ? Math.exp(z / Math.sqrt(information)) : 1;
}

/** the two stages of an adaptive design on rpact's normal law of log-rank statistics */
export class AsymptoticStages implements TwoStageSource {
  randomized = 0;
  screened = 0;
  months = 0;
  events = 0;
  private readonly law: AsymptoticLogRank;
  private readonly statistics = new StageStatistics();
  private firstEvents = 0;
  private readonly accruals = new Map<string, Accrual>();
  /** timing per (kept population, stage-2 events), deterministic, so worked out once */
  private readonly timing = new Map<string, { randomized: number; screened: number; months: number; events: number }>();

  constructor(
    private readonly scenario: Scenario,
    private readonly population: PopulationSummary,
    private readonly hazards: SurvivalHazards,
    endpoint: SurvivalEndpoint,
    private readonly n: readonly [number, number] | undefined,
  ) {
    this.law = new AsymptoticLogRank(scenario, endpoint);
  }

  first(size: number, sampler: Sampler): StageStatistics {
    const events = this.setTiming(null, size);
    this.law.draw(events, true, sampler, this.statistics);
    this.firstEvents = events;
    return this.statistics;
  }

  second(_keepS: boolean, keepF: boolean, size: number, sampler: Sampler): StageStatistics {
    const events = this.setTiming(keepF ? 'F' : 'S', size);
    this.law.draw(events, keepF, sampler, this.statistics);
    return this.statistics;
  }

  /**
   * What the trial has used by the analysis after `size` more events in the kept population (stage 1:
   * none kept yet); returns the events that analysis reads, fewer than `size` when the recruited
   * patients cannot have them all (at least one, so the stage has a statistic).
   */
  /** the recruitment of a trial that kept `kept` (null: stage 1 alone), made once per kept population */
  private accrual(kept: TestedPopulation | null): Accrual {
    const key = kept ?? 'none';
    let accrual = this.accruals.get(key);
    if (accrual === undefined) {
      accrual = new Accrual(this.scenario, this.population, this.hazards);
      const end = accrual.recruit('F', this.n ? this.n[0] : Infinity, 0);
      if (kept) accrual.recruit(kept, this.n ? this.n[1] - this.n[0] : Infinity, end);
      this.accruals.set(key, accrual);
    }
    return accrual;
  }

  private setTiming(kept: TestedPopulation | null, size: number): number {
    const key = `${kept} ${size}`;
    let timing = this.timing.get(key);
    if (timing === undefined) {
      const accrual = this.accrual(kept);
      // the final analysis counts the kept population's events: S's share of stage 1's, plus stage 2's
      const onlyS = kept === 'S';
      const before = kept === null ? 0 : onlyS ? this.firstEvents * this.law.shareS : this.firstEvents;
      const { months, events } = accrual.analysis(before + size, onlyS);
      timing = { ...accrual.recruited(months), months, events: Math.max(1, events - before) };
      this.timing.set(key, timing);
    }
    this.randomized = timing.randomized;
    this.screened = timing.screened;
    this.months = timing.months;
    this.events = (kept === null ? 0 : this.firstEvents) + timing.events;
    return timing.events;
  }
}
