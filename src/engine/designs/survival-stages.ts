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
import { survivalTestOf, testWeights } from '../endpoints/survival/test-weights.js';
import { WeightedScores } from '../endpoints/survival/weighted-scores.js';
import { PatientRunSource } from './patient-run-source.js';
import { StageStatistics, type TwoStageSource } from './stage-source.js';

/**
 * The two stages of an adaptive design, patient by patient. Stage 1 randomises n₁ all comers and
 * is analysed when e₁ events have occurred; stage 2 randomises N − n₁ more from what was kept, and
 * the final analysis comes when the kept population has had e₂ more events. Stage 2's statistics
 * are the increments of the score processes between the two analyses,
 * z₂ = (U(τ₂) − U(τ₁)) / √(V(τ₂) − V(τ₁)) for each statistic of the test (maxcombo: its four, with
 * the covariance of their increments), independent of stage 1 under H0 (independent increments;
 * for the Fleming–Harrington weights too, docs/methods.md), as combination tests for survival
 * require.
 */
export class PatientStages extends PatientRunSource implements TwoStageSource {
  private readonly statistics = new StageStatistics();
  private readonly firstS: WeightedScores;
  private readonly firstF: WeightedScores;
  private readonly secondS: WeightedScores;
  private readonly secondF: WeightedScores;

  constructor(
    scenario: Scenario,
    population: PopulationSummary,
    hazards: SurvivalHazards,
    private readonly n: readonly [number, number],
    recorder: PatientRecorder | null = null,
  ) {
    super(scenario, population, hazards, recorder);
    const weights = testWeights(survivalTestOf(scenario));
    this.firstS = new WeightedScores(weights);
    this.firstF = new WeightedScores(weights);
    this.secondS = new WeightedScores(weights);
    this.secondF = new WeightedScores(weights);
  }

  first(size: number, sampler: Sampler): StageStatistics {
    this.run.start();
    this.run.recruit('F', this.n[0], sampler);
    const result = this.run.analyseAt(size, false);
    const { statistics, firstS, firstF } = this;
    firstS.copy(result.S);
    firstF.copy(result.F);
    statistics.zS = firstS.z;
    statistics.zF = firstF.z;
    statistics.informationS = firstS.information;
    statistics.informationF = firstF.information;
    statistics.effectS = firstS.effect;
    statistics.effectF = firstF.effect;
    this.events = firstF.events;
    return statistics;
  }

  second(_keepS: boolean, keepF: boolean, size: number, sampler: Sampler): StageStatistics {
    this.run.recruit(keepF ? 'F' : 'S', this.n[1] - this.n[0], sampler);
    const onlyS = !keepF;
    const { firstS, firstF, secondS, secondF, statistics } = this;
    const result = this.run.analyseAt((onlyS ? firstS.events : firstF.events) + size, onlyS);
    secondS.difference(result.S, firstS);
    statistics.informationS = secondS.information;
    statistics.zS = secondS.z;
    if (keepF) {
      secondF.difference(result.F, firstF);
      statistics.informationF = secondF.information;
      statistics.zF = secondF.z;
    }
    // events analysed: stage 1's, plus those the kept population had since
    this.events = firstF.events + (onlyS ? secondS.events : secondF.events);
    return statistics;
  }
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
