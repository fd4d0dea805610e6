// Survival designs (issue: time-to-event). Analyses are event-driven: each happens when its
// target number of events has occurred in the tested population (S for enriched designs, F
// otherwise). `patient` simulates every patient's entry, event and dropout and computes exact
// log-rank tests at that calendar month; `asymptotic` draws the log-rank statistics from rpact's
// normal law and takes the months from the expected accrual and event timing.
import { Accrual } from '../endpoints/survival/accrual.js';
import { AsymptoticLogRank } from '../endpoints/survival/asymptotic.js';
import { Cohort } from '../endpoints/survival/cohort.js';
import { EventClock } from '../endpoints/survival/event-month.js';
import { survivalHazards, type SurvivalHazards } from '../endpoints/survival/hazards.js';
import { LogRank } from '../endpoints/survival/log-rank.js';
import type { TestedPopulation } from '../endpoints/outcome-model.js';
import { normalQuantile } from '../math/normal.js';
import { summarisePopulation, type PopulationSummary } from '../population.js';
import type { Sampler } from '../random/sampler.js';
import type { Design, Scenario, SurvivalEndpoint } from '../scenario/types.js';
import { TALLY } from '../tally.js';
import { statisticCorrelation } from '../tests/intersection/correlation.js';
import { intersectionTests, type IntersectionRule } from '../tests/intersection/index.js';
import { interimBoundaries } from '../tests/sequential/boundaries.js';
import { prepareAdaptiveEnrichment } from './adaptive-enrichment.js';
import { stage2Size } from './recalculation.js';
import type { DesignRunner } from './runner.js';
import { StageStatistics, type TwoStageSource } from './stage-source.js';

export function prepareSurvivalDesign(scenario: Scenario, endpoint: SurvivalEndpoint, design: Design): DesignRunner {
  const population = summarisePopulation(scenario.population);
  const hazards = survivalHazards(endpoint);
  const patientLevel = scenario.simulation.method === 'patient';
  if (design.type === 'adaptive-enrichment') {
    const events = design.events!;
    const source = patientLevel
      ? new PatientStages(scenario, population, hazards, design.n!)
      : new AsymptoticStages(scenario, population, hazards, endpoint, design.n);
    return prepareAdaptiveEnrichment(
      scenario,
      design,
      source,
      events,
      design.recalculation ? (test) => stage2Size(scenario, population, design.recalculation!, test) : null,
    );
  }
  const events = design.events!;
  const from: TestedPopulation = design.type === 'enriched' ? 'S' : 'F';
  const testsBoth = design.type === 'stratified';
  const interims = design.type === 'stratified' ? undefined : design.interims;
  const rates = interims ? interims.informationRates : [1];
  const critical = interims ? interimBoundaries(interims, scenario.alpha) : Float64Array.of(normalQuantile(1 - scenario.alpha));
  const targets = rates.map((t) => Math.max(1, Math.round(events * t)));
  const rule: IntersectionRule | null = testsBoth ? intersectionTests[design.intersection].atLevel(scenario.alpha) : null;
  const statistics = new StageStatistics();
  const trial = patientLevel
    ? new PatientTrial(scenario, population, hazards, from, design.n)
    : new AsymptoticTrial(scenario, population, hazards, endpoint, from, design.n);

  return {
    runTrial(sampler: Sampler, tally: Float64Array) {
      trial.start(sampler);
      let rejectS = false;
      let rejectF = false;
      let look = 0;
      for (; look < targets.length; look++) {
        trial.analyse(targets, look, sampler, statistics);
        if (rule) {
          const thresholds = rule(statisticCorrelation(statistics.informationS, statistics.informationF));
          const { zS, zF } = statistics;
          const intersection = zS >= thresholds.s || zF >= thresholds.f || (zS >= thresholds.both && zF >= thresholds.both);
          rejectS = intersection && zS >= critical[look];
          rejectF = intersection && zF >= critical[look];
          break;
        }
        const z = from === 'S' ? statistics.zS : statistics.zF;
        if (z >= critical[look]) {
          if (from === 'S') rejectS = true;
          else rejectF = true;
          break;
        }
      }
      if (look < targets.length - 1) tally[TALLY.earlyEfficacy]++;
      tally[TALLY.randomized] += trial.randomized;
      tally[TALLY.screened] += trial.screened;
      tally[TALLY.months] += trial.months;
      tally[TALLY.events] += trial.events;
      if (rejectS) tally[TALLY.rejectS]++;
      if (rejectF) tally[TALLY.rejectF]++;
      if (rejectS || rejectF) tally[TALLY.rejectAny]++;
    },
  };
}

interface SurvivalTrial {
  start(sampler: Sampler): void;
  /** the analysis at look `look`, when `targets[look]` events have occurred */
  analyse(targets: readonly number[], look: number, sampler: Sampler, into: StageStatistics): void;
  randomized: number;
  screened: number;
  months: number;
  events: number;
}

/** every patient simulated; exact log-rank at the month of the target event */
class PatientTrial implements SurvivalTrial {
  randomized = 0;
  screened = 0;
  months = 0;
  events = 0;
  private readonly cohort: Cohort;
  private readonly logRank: LogRank;
  private readonly clock = new EventClock();
  private readonly screeningRate: number;

  constructor(scenario: Scenario, population: PopulationSummary, hazards: SurvivalHazards, private readonly from: TestedPopulation, private readonly n: number | undefined) {
    this.cohort = new Cohort(scenario, population, hazards);
    this.logRank = new LogRank(scenario.analysis.stratified);
    this.screeningRate = scenario.trial.screeningRate;
    if (n === undefined) throw new Error('survival designs simulated patient by patient need n');
  }

  start(sampler: Sampler): void {
    this.cohort.clear();
    this.cohort.recruit(this.from, this.n!, sampler);
  }

  analyse(targets: readonly number[], look: number, _sampler: Sampler, into: StageStatistics): void {
    const onlyS = this.from === 'S';
    const cohort = this.cohort;
    const tau = this.clock.month(cohort, targets[look], onlyS);
    const result = this.logRank.analyse(cohort, tau, onlyS);
    into.zS = result.zS;
    into.zF = result.zF;
    into.informationS = result.informationS;
    into.informationF = result.informationF;
    let randomized = 0;
    while (randomized < cohort.size && cohort.entry[randomized] <= tau) randomized++;
    this.randomized = randomized;
    this.screened = Math.min(cohort.screened, tau * this.screeningRate);
    this.months = tau;
    this.events = onlyS ? result.eventsS : result.eventsF;
  }
}

/** rpact's normal law, with looks as independent increments and months from the expected timing */
class AsymptoticTrial implements SurvivalTrial {
  randomized = 0;
  screened = 0;
  months = 0;
  events = 0;
  private readonly law: AsymptoticLogRank;
  private readonly accrual: Accrual;
  private readonly increment = new StageStatistics();
  private scoreS = 0;
  private scoreF = 0;
  private readonly timing: { months: number; randomized: number; screened: number }[] = [];

  constructor(scenario: Scenario, population: PopulationSummary, hazards: SurvivalHazards, endpoint: SurvivalEndpoint, private readonly from: TestedPopulation, n: number | undefined) {
    this.law = new AsymptoticLogRank(scenario, endpoint);
    this.accrual = new Accrual(scenario, population, hazards);
    this.accrual.recruit(from, n ?? Infinity, 0);
  }

  start(): void {
    this.scoreS = 0;
    this.scoreF = 0;
  }

  analyse(targets: readonly number[], look: number, sampler: Sampler, into: StageStatistics): void {
    const total = targets[look];
    const previous = look > 0 ? targets[look - 1] : 0;
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
    // the timing is deterministic: worked out once per look
    let timing = this.timing[look];
    if (timing === undefined) {
      const months = this.accrual.eventMonth(total, this.from === 'S');
      timing = this.timing[look] = { ...this.accrual.recruited(months), months };
    }
    this.months = timing.months;
    this.randomized = timing.randomized;
    this.screened = timing.screened;
    this.events = total;
  }
}

/** the two stages of an adaptive design on rpact's normal law of log-rank statistics */
class AsymptoticStages implements TwoStageSource {
  randomized = 0;
  screened = 0;
  months = 0;
  events = 0;
  private readonly law: AsymptoticLogRank;
  private readonly statistics = new StageStatistics();
  private firstEvents = 0;
  /** timing per (kept population, stage-2 events), deterministic, so worked out once */
  private readonly timing = new Map<string, { randomized: number; screened: number; months: number }>();

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
    this.law.draw(size, true, sampler, this.statistics);
    this.firstEvents = size;
    this.setTiming(null, 0);
    return this.statistics;
  }

  second(_keepS: boolean, keepF: boolean, size: number, sampler: Sampler): StageStatistics {
    this.law.draw(size, keepF, sampler, this.statistics);
    this.setTiming(keepF ? 'F' : 'S', size);
    return this.statistics;
  }

  private setTiming(kept: TestedPopulation | null, size: number): void {
    const key = `${kept} ${size}`;
    let timing = this.timing.get(key);
    if (timing === undefined) {
      const accrual = new Accrual(this.scenario, this.population, this.hazards);
      const end = accrual.recruit('F', this.n ? this.n[0] : Infinity, 0);
      if (kept) accrual.recruit(kept, this.n ? this.n[1] - this.n[0] : Infinity, end);
      // the final analysis counts the kept population's events: S's share of stage 1's, plus stage 2's
      const onlyS = kept === 'S';
      const months = accrual.eventMonth((onlyS ? this.firstEvents * this.law.shareS : this.firstEvents) + size, onlyS);
      timing = { ...accrual.recruited(months), months };
      this.timing.set(key, timing);
    }
    this.randomized = timing.randomized;
    this.screened = timing.screened;
    this.months = timing.months;
    this.events = this.firstEvents + size;
  }
}

/**
 * The two stages of an adaptive design, patient by patient. Stage 1 randomises n₁ all comers and
 * is analysed when e₁ events have occurred; stage 2 randomises N − n₁ more from what was kept, and
 * the final analysis comes when the kept population has had e₂ more events. Stage 2's statistics
 * are the increments of the log-rank score process between the two analyses,
 * z₂ = (U(τ₂) − U(τ₁)) / √(V(τ₂) − V(τ₁)), independent of stage 1 under H0 (independent
 * increments), as combination tests for survival require.
 */
class PatientStages implements TwoStageSource {
  randomized = 0;
  screened = 0;
  months = 0;
  events = 0;
  private readonly cohort: Cohort;
  private readonly logRank: LogRank;
  private readonly clock = new EventClock();
  private readonly statistics = new StageStatistics();
  private readonly screeningRate: number;
  private scoreS1 = 0;
  private scoreF1 = 0;
  private informationS1 = 0;
  private informationF1 = 0;
  private eventsS1 = 0;
  private eventsF1 = 0;

  constructor(scenario: Scenario, population: PopulationSummary, hazards: SurvivalHazards, private readonly n: readonly [number, number]) {
    this.cohort = new Cohort(scenario, population, hazards);
    this.logRank = new LogRank(scenario.analysis.stratified);
    this.screeningRate = scenario.trial.screeningRate;
  }

  first(size: number, sampler: Sampler): StageStatistics {
    const cohort = this.cohort;
    cohort.clear();
    cohort.recruit('F', this.n[0], sampler);
    const tau = this.clock.month(cohort, size, false);
    const result = this.logRank.analyse(cohort, tau, false);
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
    this.eventsF1 = result.eventsF;
    this.settle(tau, result.eventsF);
    return statistics;
  }

  second(_keepS: boolean, keepF: boolean, size: number, sampler: Sampler): StageStatistics {
    const cohort = this.cohort;
    cohort.recruit(keepF ? 'F' : 'S', this.n[1] - this.n[0], sampler);
    const onlyS = !keepF;
    const tau = this.clock.month(cohort, (onlyS ? this.eventsS1 : this.eventsF1) + size, onlyS);
    const result = this.logRank.analyse(cohort, tau, onlyS);
    const statistics = this.statistics;
    const informationS = result.informationS - this.informationS1;
    statistics.informationS = informationS;
    statistics.zS = informationS > 0 ? (result.zS * Math.sqrt(result.informationS) - this.scoreS1) / Math.sqrt(informationS) : 0;
    if (keepF) {
      const informationF = result.informationF - this.informationF1;
      statistics.informationF = informationF;
      statistics.zF = informationF > 0 ? (result.zF * Math.sqrt(result.informationF) - this.scoreF1) / Math.sqrt(informationF) : 0;
    }
    // events analysed: stage 1's, plus those the kept population had since
    this.settle(tau, this.eventsF1 + (onlyS ? result.eventsS - this.eventsS1 : result.eventsF - this.eventsF1));
    return statistics;
  }

  private settle(tau: number, events: number): void {
    const cohort = this.cohort;
    let randomized = 0;
    while (randomized < cohort.size && cohort.entry[randomized] <= tau) randomized++;
    this.randomized = randomized;
    this.screened = Math.min(cohort.screened, tau * this.screeningRate);
    this.months = tau;
    this.events = events;
  }
}

/** the log-rank estimate of 1/HR, exp((E − O)/V), on which rpact selects */
function effect(z: number, information: number): number {
  return information > 0 ? Math.exp(z / Math.sqrt(information)) : 1;
}
