// The two stages of an adaptive-enrichment design with a survival endpoint, patient by patient
// or from rpact's normal law of log-rank statistics. Each analysis comes at a number of events in the
// population that times it (stage 1: F, stage 2: the kept population, unless `eventsIn` names one
// for both), or at its calendar month (survival-timing.ts).
import { Accrual } from '../endpoints/survival/accrual.js';
import { AsymptoticLogRank } from '../endpoints/survival/asymptotic.js';
import type { SurvivalHazards } from '../endpoints/survival/hazards.js';
import type { CellLayout } from '../population-model.js';
import type { Sampler } from '../random/sampler.js';
import type { Scenario, SurvivalEndpoint } from '../scenario/types.js';
import type { PatientRecorder } from '../trace/recorder.js';
import { survivalTestOf, testWeights } from '../endpoints/survival/test-weights.js';
import { WeightedScores } from '../endpoints/survival/weighted-scores.js';
import { PatientRunSource } from './patient-run-source.js';
import { MAX_GROUPS, StageStatistics, subgroupsOf, type TwoStageSource } from './stage-source.js';

/**
 * when the stages' analyses come: calendar [m₁, M] or null (at events), and whose events time them (a
 * mask of classified subgroups; null: those the stage enrols, stage 1's population (F unless `stage1`
 * names one) and then the kept ones)
 */
export type StageTimes = { months: readonly [number, number] | null; counted: number | null };

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
  /** per population: its scores at the interim, and stage 2's increments */
  private readonly firstScores: WeightedScores[];
  private readonly secondScores: WeightedScores[];
  /** per stratum at the interim: events and information */
  private readonly firstStratumEvents = new Float64Array(MAX_GROUPS);
  private readonly firstStratumInformation = new Float64Array(MAX_GROUPS);
  private readonly masks: Uint8Array;
  /** the events stage 1 reports */
  private firstEvents = 0;

  constructor(
    scenario: Scenario,
    layout: CellLayout,
    hazards: SurvivalHazards,
    private readonly n: readonly [number, number],
    private readonly times: StageTimes,
    recorder: PatientRecorder | null = null,
  ) {
    super(scenario, layout, hazards, recorder);
    const weights = testWeights(survivalTestOf(scenario));
    this.masks = layout.populationMask;
    this.firstScores = Array.from(this.masks, () => new WeightedScores(weights));
    this.secondScores = Array.from(this.masks, () => new WeightedScores(weights));
  }

  first(tested: number, size: number, sampler: Sampler): StageStatistics {
    const { masks, statistics, firstScores } = this;
    const enrolled = subgroupsOf(masks, tested);
    this.run.start();
    this.run.recruit(enrolled, this.n[0], sampler);
    const { months } = this.times;
    const counted = this.times.counted ?? enrolled;
    const result = this.run.analyseAtMonth(months ? months[0] : this.run.monthOf(size, counted), tested, counted);
    for (let k = 0; k < masks.length; k++) {
      if (((tested >> k) & 1) === 0) continue;
      const scores = firstScores[k];
      scores.copy(result.scores[k]);
      statistics.z[k] = scores.z;
      statistics.information[k] = scores.information;
      statistics.effect[k] = scores.effect;
      for (let j = 0; j < MAX_GROUPS; j++)
        if ((masks[k] >> j) & 1) statistics.stratumInformation[k * MAX_GROUPS + j] = result.stratumInformation[j];
    }
    this.firstStratumEvents.set(result.stratumEvents);
    this.firstStratumInformation.set(result.stratumInformation);
    this.events = this.firstEvents = result.events(counted);
    return statistics;
  }

  second(kept: number, size: number, sampler: Sampler): StageStatistics {
    const { masks, statistics, firstScores, secondScores, firstStratumEvents, firstStratumInformation } = this;
    const enrolled = subgroupsOf(masks, kept);
    this.run.recruit(enrolled, this.n[1] - this.n[0], sampler);
    const counted = this.times.counted ?? enrolled;
    let before = 0;
    for (let j = 0; j < MAX_GROUPS; j++) if ((counted >> j) & 1) before += firstStratumEvents[j];
    const { months } = this.times;
    const result = this.run.analyseAtMonth(
      months ? months[1] : this.run.monthOf(before + size, counted),
      kept,
      counted,
    );
    for (let k = 0; k < masks.length; k++) {
      if (((kept >> k) & 1) === 0) continue;
      const scores = secondScores[k];
      scores.difference(result.scores[k], firstScores[k]);
      statistics.information[k] = scores.information;
      statistics.z[k] = scores.z;
      for (let j = 0; j < MAX_GROUPS; j++) {
        if ((masks[k] >> j) & 1)
          statistics.stratumInformation[k * MAX_GROUPS + j] = result.stratumInformation[j] - firstStratumInformation[j];
      }
    }
    // stage 1's events, plus those the population that times stage 2 had since
    this.events = this.firstEvents + result.events(counted) - before;
    return statistics;
  }
}

/**
 * the two stages of an adaptive design on rpact's normal law of log-rank statistics, with the timing
 * of their analyses from the expected accrual and events: the law draws stage 1's events in F and
 * stage 2's in the kept populations
 */
export class AsymptoticStages implements TwoStageSource {
  randomized = 0;
  screened = 0;
  months = 0;
  events = 0;
  private readonly law: AsymptoticLogRank;
  private readonly statistics = new StageStatistics();
  private readonly masks: Uint8Array;
  /** the subgroups stage 1 enrols, set by its first call */
  private firstEnrolled = 0;
  /** stage 1's: events drawn, events reported, month */
  private firstDrawn = 0;
  private firstEvents = 0;
  private firstMonth = 0;
  /** the recruitment per subgroups stage 2 enrols (0: stage 1 alone) */
  private readonly accruals = new Map<number, Accrual>();
  /** timing per (subgroups enrolled, stage-2 events), deterministic, so worked out once */
  private readonly timing = new Map<string, StageTiming>();

  constructor(
    private readonly scenario: Scenario,
    private readonly layout: CellLayout,
    private readonly hazards: SurvivalHazards,
    endpoint: SurvivalEndpoint,
    private readonly n: readonly [number, number] | undefined,
    private readonly times: StageTimes,
  ) {
    this.law = new AsymptoticLogRank(scenario, endpoint, layout);
    this.masks = layout.populationMask;
  }

  first(tested: number, size: number, sampler: Sampler): StageStatistics {
    this.firstEnrolled = subgroupsOf(this.masks, tested);
    const timing = this.setTiming(0, size);
    this.law.draw(timing.drawn, this.firstEnrolled, sampler, this.statistics);
    this.firstDrawn = timing.drawn;
    this.firstEvents = timing.events;
    this.firstMonth = timing.months;
    return this.statistics;
  }

  second(kept: number, size: number, sampler: Sampler): StageStatistics {
    const enrolled = subgroupsOf(this.masks, kept);
    const timing = this.setTiming(enrolled, size);
    this.law.draw(timing.drawn, enrolled, sampler, this.statistics);
    return this.statistics;
  }

  /** the recruitment of a trial whose stage 2 enrols `enrolled` (0: stage 1 alone), made once per mask */
  private accrual(enrolled: number): Accrual {
    let accrual = this.accruals.get(enrolled);
    if (accrual === undefined) {
      accrual = new Accrual(this.scenario, this.layout, this.hazards);
      const end = accrual.recruit(this.firstEnrolled, this.n ? this.n[0] : Infinity, 0);
      if (enrolled !== 0) accrual.recruit(enrolled, this.n ? this.n[1] - this.n[0] : Infinity, end);
      this.accruals.set(enrolled, accrual);
    }
    return accrual;
  }

  /**
   * What the trial has used by the analysis of the stage that enrols `enrolled` (0: stage 1), `size`
   * more events after the last in the population that times it, or at its month. `events`: those the
   * stage adds to what the trial reports; `drawn`: those of the stage's enrolled subgroups the law
   * reads, fewer than planned when the recruited patients cannot have them all (each at least one, so
   * the stage has a statistic).
   */
  private setTiming(enrolled: number, size: number): StageTiming {
    const key = `${enrolled} ${size}`;
    let timing = this.timing.get(key);
    if (timing === undefined) {
      timing = this.stageTiming(enrolled, size);
      this.timing.set(key, timing);
    }
    this.randomized = timing.randomized;
    this.screened = timing.screened;
    this.months = timing.months;
    this.events = (enrolled === 0 ? 0 : this.firstEvents) + timing.events;
    return timing;
  }

  private stageTiming(enrolled: number, size: number): StageTiming {
    const accrual = this.accrual(enrolled);
    const stage1 = enrolled === 0;
    const drawnMask = stage1 ? this.firstEnrolled : enrolled;
    const counted = this.times.counted ?? drawnMask;
    // the drawn subgroups' events by stage 1: none before it; their share of stage 1's after it (rpact's split)
    const drawnBefore = stage1 ? 0 : this.firstDrawn * this.law.shareOf(drawnMask, this.firstEnrolled);
    // the counted subgroups': the drawn ones' where they are the same, else the expected events by stage 1's month
    const countedBefore = stage1 ? 0 : counted === drawnMask ? drawnBefore : accrual.events(this.firstMonth, counted);
    const { months: calendar } = this.times;
    const { months, events } = calendar
      ? { months: calendar[stage1 ? 0 : 1], events: NaN }
      : accrual.analysis(countedBefore + size, counted);
    const countedEvents = calendar ? accrual.events(months, counted) : events;
    const drawn = calendar || counted !== drawnMask ? accrual.events(months, drawnMask) : events;
    return {
      ...accrual.recruited(months),
      months,
      events: Math.max(1, countedEvents - countedBefore),
      drawn: Math.max(1, drawn - drawnBefore),
    };
  }
}

/** a stage's timing: what the trial has used, the events it reports since the last analysis, and those drawn */
type StageTiming = { randomized: number; screened: number; months: number; events: number; drawn: number };
