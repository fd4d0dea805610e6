// The trial's populations in rpact's terms. rpact's enrichment simulations know two subsets, S and
// R, each with one mean difference and standard deviation, two response rates or one hazard ratio;
// its one-population functions know one of each. Stratum's S (assay-positive) and R (assay-negative)
// hold marker-positive and marker-negative patients in proportions set by the assay, so their
// parameters here are those of the mixtures; where a subset mixes statuses whose outcomes differ,
// a single set of parameters is only an approximation (`homogeneous` says when it is exact).
import { derivedQuantities } from '../../engine/derived.js';
import { cellMoments, mixtureMoments } from '../../engine/endpoints/cell-moments.js';
import { CONTROL, TREATMENT } from '../../engine/endpoints/stage.js';
import { medianOf } from '../../engine/planning/survival-curves.js';
import { layoutOf, summarisePopulation, treatmentShare } from '../../engine/population.js';
import type {
  BinaryEndpoint,
  ContinuousEndpoint,
  PerSubgroup,
  Scenario,
  SurvivalEndpoint,
} from '../../engine/scenario/types.js';

export type Subset = 'S' | 'R' | 'F';

/** P(cell | subset) weights (unnormalised), cells in population.ts's order */
export function subsetWeights(scenario: Scenario, subset: Subset): number[] {
  const cells = summarisePopulation(scenario.population).cellProbabilities;
  if (subset === 'S') return [cells[0], cells[1], 0, 0];
  if (subset === 'R') return [0, 0, cells[2], cells[3]];
  return [...cells];
}

/** P(marker+ | subset) */
export function positiveShare(scenario: Scenario, subset: Subset): number {
  const w = subsetWeights(scenario, subset);
  const total = w[0] + w[1] + w[2] + w[3];
  return total > 0 ? (w[0] + w[2]) / total : 0;
}

/** every patient of the subset has the same outcome law (one status only, or both alike) */
export function homogeneous(scenario: Scenario, subset: Subset): boolean {
  const q = positiveShare(scenario, subset);
  if (q === 0 || q === 1) return true;
  const endpoint = scenario.endpoint;
  const same = (pair: PerSubgroup) => pair.pos === pair.neg;
  if (endpoint.type === 'continuous') return same(endpoint.effect) && same(endpoint.sd);
  if (endpoint.type === 'binary') return same(endpoint.control) && same(endpoint.treatment);
  const law = (status: 'pos' | 'neg') =>
    JSON.stringify([
      endpoint.controlMedian?.[status],
      endpoint.controlHazard?.[status],
      endpoint.shape?.[status] ?? 1,
      endpoint.hazardRatio[status],
    ]);
  return law('pos') === law('neg');
}

/** a status's median time to event on control: as given, or that of its hazard pieces */
export function controlMedianOf(endpoint: SurvivalEndpoint, status: 'pos' | 'neg'): number {
  return endpoint.controlMedian?.[status] ?? medianOf(endpoint, status, 'control');
}

/**
 * A subset's mean difference and the standard deviation that gives its difference of means the
 * variance it has: σ² = (1 − s)·v_T + s·v_C for treatment share s, since v_T/(n·s) + v_C/(n·(1 − s))
 * = σ²/(n·s·(1 − s)). For F tested stratified, the strata's σ² weighted by their shares.
 */
export function meansOf(
  scenario: Scenario & { endpoint: ContinuousEndpoint },
  subset: Subset,
): { effect: number; sd: number } {
  const moments = cellMoments(scenario.endpoint, layoutOf(scenario.population));
  const s = treatmentShare(scenario.trial.allocation);
  const variance = (weights: number[]) =>
    (1 - s) * mixtureMoments(moments, TREATMENT, weights).variance +
    s * mixtureMoments(moments, CONTROL, weights).variance;
  const weights = subsetWeights(scenario, subset);
  const effect = mixtureMoments(moments, TREATMENT, weights).mean - mixtureMoments(moments, CONTROL, weights).mean;
  if (subset !== 'F' || !scenario.analysis.stratified) return { effect, sd: Math.sqrt(variance(weights)) };
  const { assayPositive } = summarisePopulation(scenario.population);
  const pooled =
    assayPositive * variance(subsetWeights(scenario, 'S')) +
    (1 - assayPositive) * variance(subsetWeights(scenario, 'R'));
  return { effect, sd: Math.sqrt(pooled) };
}

/** a subset's response rates on treatment and control */
export function ratesOf(
  scenario: Scenario & { endpoint: BinaryEndpoint },
  subset: Subset,
): { treatment: number; control: number } {
  const moments = cellMoments(scenario.endpoint, layoutOf(scenario.population));
  const weights = subsetWeights(scenario, subset);
  return {
    treatment: mixtureMoments(moments, TREATMENT, weights).mean,
    control: mixtureMoments(moments, CONTROL, weights).mean,
  };
}

/**
 * A subset's hazard ratio, mixed over its statuses on the log scale as derived.ts mixes them (each
 * status weighted by its share of the events), and its control hazard, the statuses' hazards
 * weighted by their shares (the mixture's hazard at the start; exact when the statuses agree); a
 * status whose control hazard is not constant enters with the exponential hazard of its median.
 */
export function hazardsOf(
  scenario: Scenario & { endpoint: SurvivalEndpoint },
  subset: Subset,
): { hazardRatio: number; controlHazard: number } {
  const q = positiveShare(scenario, subset);
  // derivedQuantities mixes F over the prevalence: a population of this subset's marker+ share
  const alone = { ...scenario, population: { prevalence: q, sensitivity: 1, specificity: 1 } };
  const median = (status: 'pos' | 'neg') => controlMedianOf(scenario.endpoint, status);
  return {
    hazardRatio: derivedQuantities(alone).effectF,
    controlHazard: (q * Math.LN2) / median('pos') + ((1 - q) * Math.LN2) / median('neg'),
  };
}
