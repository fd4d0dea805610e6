// The two stages of an adaptive-enrichment design with a survival endpoint, patient by patient
// or from rpact's normal law of log-rank statistics. Each analysis comes at a number of events in the
// population that times it (stage 1: F, stage 2: the kept population, unless `eventsIn` names one
// for both), or at its calendar month (survival-timing.ts).
import { Accrual } from '../endpoints/survival/accrual.js';
import { AsymptoticLogRank } from '../endpoints/survival/asymptotic.js';
import type { SurvivalHazards } from '../endpoints/survival/hazards.js';
import type { TestedPopulation } from '../endpoints/outcome-model.js';
import { ONE_MARKER, type PopulationSummary } from '../population.js';
import type { Sampler } from '../random/sampler.js';
import type { Scenario, SurvivalEndpoint } from '../scenario/types.js';
import type { PatientRecorder } from '../trace/recorder.js';
import { survivalTestOf, testWeights } from '../endpoints/survival/test-weights.js';
import { WeightedScores } from '../endpoints/survival/weighted-scores.js';
import { PatientRunSource } from './patient-run-source.js';
import { StageStatistics, type TwoStageSource } from './stage-source.js';

const { S, F } = ONE_MARKER;

/** when the stages' analyses come: calendar [m₁, M] or null (at events), and whose events time them */
export type StageTimes = { months: readonly [number, number] | null; countS: boolean | null };

/** whether the analysis of a stage that kept `kept` (null: stage 1) counts S's events rather than F's */
function countedInS(times: StageTimes, kept: TestedPopulation | null): boolean {
  if (kept === null) return times.countS === true;
  return times.countS ?? kept === 'S';
}

/**
 * The two stages of an adaptive design, patient by patient. Stage 1 randomises n₁ all comers and
 * is analysed when e₁ events have occurred (or at month m₁); stage 2 randomises N − n₁ more from
 * what was kept, and the final analysis comes when the population that times it has had e₂ more
 * events (or at month M). Stage 2's statistics
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
  /** the events stage 1 reports */
  private firstEvents = 0;

  constructor(
    scenario: Scenario,
    population: PopulationSummary,
    hazards: SurvivalHazards,
    private readonly n: readonly [number, number],
    private readonly times: StageTimes,
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
    const { months } = this.times;
    const countS = countedInS(this.times, null);
    const result = this.run.analyseAtMonth(months ? months[0] : this.run.monthOf(size, countS), false);
    const { statistics, firstS, firstF } = this;
    firstS.copy(result.S);
    firstF.copy(result.F);
    statistics.z[S] = firstS.z;
    statistics.z[F] = firstF.z;
    statistics.information[S] = firstS.information;
    statistics.information[F] = firstF.information;
    statistics.effect[S] = firstS.effect;
    statistics.effect[F] = firstF.effect;
    this.events = this.firstEvents = countS ? firstS.events : firstF.events;
    return statistics;
  }

  second(kept: number, size: number, sampler: Sampler): StageStatistics {
    const keepF = (kept & (1 << F)) !== 0;
    this.run.recruit(keepF ? 'F' : 'S', this.n[1] - this.n[0], sampler);
    const countS = countedInS(this.times, keepF ? 'F' : 'S');
    // S's statistics only, unless F is kept or its events time the analysis
    const onlyS = !keepF && countS;
    const { firstS, firstF, secondS, secondF, statistics } = this;
    const before = countS ? firstS.events : firstF.events;
    const { months } = this.times;
    const result = this.run.analyseAtMonth(months ? months[1] : this.run.monthOf(before + size, countS), onlyS);
    secondS.difference(result.S, firstS);
    statistics.information[S] = secondS.information;
    statistics.z[S] = secondS.z;
    if (keepF) {
      secondF.difference(result.F, firstF);
      statistics.information[F] = secondF.information;
      statistics.z[F] = secondF.z;
    }
    // stage 1's events, plus those the population that times stage 2 had since
    this.events = this.firstEvents + (countS ? result.eventsS : result.eventsF) - before;
    return statistics;
  }
}

/**
 * the two stages of an adaptive design on rpact's normal law of log-rank statistics, with the timing
 * of their analyses from the expected accrual and events: the law draws stage 1's events in F and
 * stage 2's in the kept population
 */
export class AsymptoticStages implements TwoStageSource {
  randomized = 0;
  screened = 0;
  months = 0;
  events = 0;
  private readonly law: AsymptoticLogRank;
  private readonly statistics = new StageStatistics();
  /** stage 1's: events drawn (in F), events reported, month */
  private firstDrawn = 0;
  private firstEvents = 0;
  private firstMonth = 0;
  private readonly accruals = new Map<string, Accrual>();
  /** timing per (kept population, stage-2 events), deterministic, so worked out once */
  private readonly timing = new Map<string, StageTiming>();

  constructor(
    private readonly scenario: Scenario,
    private readonly population: PopulationSummary,
    private readonly hazards: SurvivalHazards,
    endpoint: SurvivalEndpoint,
    private readonly n: readonly [number, number] | undefined,
    private readonly times: StageTimes,
  ) {
    this.law = new AsymptoticLogRank(scenario, endpoint);
  }

  first(size: number, sampler: Sampler): StageStatistics {
    const timing = this.setTiming(null, size);
    this.law.draw(timing.drawn, true, sampler, this.statistics);
    this.firstDrawn = timing.drawn;
    this.firstEvents = timing.events;
    this.firstMonth = timing.months;
    return this.statistics;
  }

  second(kept: number, size: number, sampler: Sampler): StageStatistics {
    const keepF = (kept & (1 << F)) !== 0;
    const timing = this.setTiming(keepF ? 'F' : 'S', size);
    this.law.draw(timing.drawn, keepF, sampler, this.statistics);
    return this.statistics;
  }

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

  /**
   * What the trial has used by the analysis of the stage that kept `kept` (stage 1: none kept yet),
   * `size` more events after the last in the population that times it, or at its month. `events`: those
   * the stage adds to what the trial reports; `drawn`: those of the stage's drawn population the law
   * reads, fewer than planned when the recruited patients cannot have them all (each at least one, so
   * the stage has a statistic).
   */
  private setTiming(kept: TestedPopulation | null, size: number): StageTiming {
    const key = `${kept} ${size}`;
    let timing = this.timing.get(key);
    if (timing === undefined) {
      timing = this.stageTiming(kept, size);
      this.timing.set(key, timing);
    }
    this.randomized = timing.randomized;
    this.screened = timing.screened;
    this.months = timing.months;
    this.events = (kept === null ? 0 : this.firstEvents) + timing.events;
    return timing;
  }

  private stageTiming(kept: TestedPopulation | null, size: number): StageTiming {
    const accrual = this.accrual(kept);
    const drawnS = kept === 'S';
    const countS = countedInS(this.times, kept);
    // the drawn population's events by stage 1: none before it; S's share of F's after it (rpact's split)
    const drawnBefore = kept === null ? 0 : drawnS ? this.firstDrawn * this.law.shareS : this.firstDrawn;
    // the counted population's: the drawn ones where they are the same, else the expected events by stage 1's month
    const countedBefore = kept === null ? 0 : countS === drawnS ? drawnBefore : accrual.events(this.firstMonth, countS);
    const { months: calendar } = this.times;
    const { months, events } = calendar
      ? { months: calendar[kept === null ? 0 : 1], events: NaN }
      : accrual.analysis(countedBefore + size, countS);
    const counted = calendar ? accrual.events(months, countS) : events;
    const drawn = calendar || countS !== drawnS ? accrual.events(months, drawnS) : events;
    return {
      ...accrual.recruited(months),
      months,
      events: Math.max(1, counted - countedBefore),
      drawn: Math.max(1, drawn - drawnBefore),
    };
  }
}

/** a stage's timing: what the trial has used, the events it reports since the last analysis, and those drawn */
type StageTiming = { randomized: number; screened: number; months: number; events: number; drawn: number };
