// A design's merged tally → the results document of docs/scenario.md.
import { designAnalytic, populationsAnalytic, type AnalyticResult } from './analytic/design-analytic.js';
import { boundaryNulls, designBoundaries, type Boundaries } from './designs/boundaries.js';
import { hasInterim } from './designs/interim.js';
import { testedPopulations } from './designs/tested.js';
import { isMarkerPopulation } from './scenario/types.js';
import { layoutOf, summarisePopulation } from './population.js';
import type { Design, DesignType, Scenario } from './scenario/types.js';
import { ANALYSES, CONTINUE, REJECT, TALLY } from './tally.js';
import { normalQuantile } from './math/normal.js';
import { nullWhereNotFinite, type Nulls } from './finite.js';
import type { TypeOneError } from './type-one-error.js';

/**
 * P(reject): `any` (at least one hypothesis); by population id (`S` and `F` in the one-marker form) for
 * those the design tests; `both` for designs testing two, every one of them
 */
export type Probabilities = { any: number; both?: number } & { [population: string]: number | undefined };

export type DesignResult = {
  id: string;
  type: DesignType;
  label: string;
  replicates: number;
  reject: Probabilities;
  mcse: Probabilities;
  /** adaptive designs: P(stage 2 kept the population), by population id */
  continue?: { [population: string]: number };
  earlyStop?: { efficacy: number; futility: number };
  expected: { randomized: number; screened: number; months: number; cost: number; events?: number };
  /** survival designs: each analysis's share of trials that held it, its mean month and events where held */
  analyses?: Analysis[];
  analytic?: AnalyticResult;
  /** designs that can stop early: their looks, and for adaptive designs the stage-2 rule (designs/boundaries.ts) */
  boundaries?: Boundaries;
  /** the same design under the global null (type-one-error.ts), where the caller simulated it */
  null?: TypeOneError;
  /** numbers that could not be computed: their path → why; each is null in the result */
  nulls?: Nulls;
};

export type Analysis = { held: number; months: number | null; events: number | null };

/** the ids of the populations whose hypotheses a design tests, F last */
export function testedHypotheses(scenario: Scenario, design: Design): string[] {
  const layout = layoutOf(scenario.population);
  return testedPopulations(layout, design).map((k) => layout.populationIds[k]);
}

/** whether a design's results hold P(reject) for this key: `any` always, `both` where it tests two hypotheses */
export function hasProbability(scenario: Scenario, design: Design, hypothesis: string): boolean {
  if (hypothesis === 'any') return true;
  const tested = testedHypotheses(scenario, design);
  return hypothesis === 'both' ? tested.length === 2 : tested.includes(hypothesis);
}

export function designResult(
  scenario: Scenario,
  design: Design,
  tally: Float64Array,
  analytic: AnalyticResult | undefined,
  boundaries?: Boundaries,
): DesignResult {
  const replicates = tally[TALLY.replicates];
  const mean = (slot: number) => (replicates > 0 ? tally[slot] / replicates : 0);
  const mcse = (p: number) => (replicates > 0 ? Math.sqrt((p * (1 - p)) / replicates) : 0);
  const layout = layoutOf(scenario.population);
  const tested = testedPopulations(layout, design);
  const reject: Probabilities = { any: mean(TALLY.rejectAny) };
  for (const k of tested) reject[layout.populationIds[k]] = mean(REJECT + k);
  if (tested.length === 2) reject.both = mean(TALLY.rejectBoth);
  const errors: Probabilities = { any: mcse(reject.any) };
  for (const [key, p] of Object.entries(reject)) if (p !== undefined) errors[key] = mcse(p);

  const randomized = mean(TALLY.randomized);
  const screened = mean(TALLY.screened);
  const months = mean(TALLY.months);
  const { costs } = scenario.trial;
  const result: DesignResult = {
    id: design.id,
    type: design.type,
    label: design.label,
    replicates,
    reject,
    mcse: errors,
    expected: {
      randomized,
      screened,
      months,
      cost: costs.fixed + costs.perScreened * screened + costs.perRandomized * randomized + costs.perMonth * months,
    },
  };
  if (scenario.endpoint.type === 'survival') {
    result.expected.events = mean(TALLY.events);
    result.analyses = analysesOf(design, tally);
  }
  if (hasInterim(design)) {
    result.earlyStop = { efficacy: mean(TALLY.earlyEfficacy), futility: mean(TALLY.earlyFutility) };
  }
  if (design.type === 'adaptive-enrichment') {
    result.continue = Object.fromEntries(tested.map((k) => [layout.populationIds[k], mean(CONTINUE + k)]));
  }
  if (analytic) result.analytic = analytic;
  if (boundaries) {
    result.boundaries = boundaries;
    const nulls = Object.entries(boundaryNulls(boundaries));
    if (nulls.length > 0) result.nulls = Object.fromEntries(nulls.map(([path, why]) => [`boundaries.${path}`, why]));
  }
  result.analyses?.forEach((analysis, k) => {
    if (analysis.months !== null) return;
    const why = 'no simulated trial held this analysis (every one stopped at an earlier look)';
    result.nulls = { ...result.nulls, [`analyses.${k}.months`]: why, [`analyses.${k}.events`]: why };
  });
  return nullWhereNotFinite(result, "not computable at this scenario's settings");
}

/** how many analyses a design plans: its looks, its two stages, or one */
export function analysisCount(design: Design): number {
  if (design.type === 'adaptive-enrichment') return 2;
  return design.type !== 'stratified' && design.interims ? design.interims.informationRates.length : 1;
}

/** each planned analysis: the share of trials that held it, its mean month and events among those */
function analysesOf(design: Design, tally: Float64Array): Analysis[] {
  const replicates = tally[TALLY.replicates];
  return Array.from({ length: analysisCount(design) }, (_, k) => {
    const slot = ANALYSES + 3 * k;
    const held = tally[slot];
    return {
      held: replicates > 0 ? held / replicates : 0,
      months: held > 0 ? tally[slot + 1] / held : null,
      events: held > 0 ? tally[slot + 2] / held : null,
    };
  });
}

/** every design's boundaries (undefined where it has one analysis and no early stop) */
export function scenarioBoundaries(scenario: Scenario): (Boundaries | undefined)[] {
  return scenario.designs.map((design) => designBoundaries(scenario, design));
}

/** closed forms for every design of the scenario (undefined where none exists) */
export function scenarioAnalytics(scenario: Scenario): (AnalyticResult | undefined)[] {
  const critical = normalQuantile(1 - scenario.alpha);
  if (!isMarkerPopulation(scenario.population))
    return scenario.designs.map((design) => populationsAnalytic(scenario, design, critical));
  const population = summarisePopulation(scenario.population);
  return scenario.designs.map((design) => designAnalytic(scenario, population, design, critical));
}
