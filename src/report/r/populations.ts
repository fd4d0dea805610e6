// The trial's populations in rpact's terms. rpact's enrichment simulations know two subsets, S and
// R, each with one mean difference and standard deviation, two response rates or one hazard ratio;
// its one-population functions know one of each. Stratum's S (assay-positive) and R (assay-negative)
// hold marker-positive and marker-negative patients in proportions set by the assay, so their
// parameters here are those of the mixtures; where a subset mixes statuses whose outcomes differ,
// a single set of parameters is only an approximation (`homogeneous` says when it is exact). With
// several populations the subsets are the scenario's populations and rpact's subgroups, mixtures of the
// cells the assay puts there in the same way.
import { cellMoments, mixtureMoments } from '../../engine/endpoints/cell-moments.js';
import { CONTROL, TREATMENT } from '../../engine/endpoints/stage.js';
import { subgroupHazardRatio } from '../../engine/planning/average-hazard-ratio.js';
import { medianOf } from '../../engine/planning/survival-curves.js';
import { layoutOf, treatmentShare } from '../../engine/population.js';
import type { BinaryEndpoint, ContinuousEndpoint, Scenario, SurvivalEndpoint } from '../../engine/scenario/types.js';

/**
 * 'S', 'R' (the assay-negative patients) or 'F' in the one-marker form; a population's id, or 'F', in
 * the several-populations form
 */
export type Subset = string;

/** the classified subgroups (indices in the cell layout) a subset holds: R is those S does not */
export function classifiedSubgroups(scenario: Scenario, subset: Subset): number[] {
  const layout = layoutOf(scenario.population);
  const k = layout.populationIds.indexOf(subset === 'R' ? 'S' : subset);
  if (k < 0) throw new Error(`no population ${subset}`);
  const mask = subset === 'R' ? ~layout.populationMask[k] : layout.populationMask[k];
  return layout.subgroupIds.map((_, j) => j).filter((j) => (mask & (1 << j)) !== 0);
}

/** P(cell) for the cells of these classified subgroups, 0 for the others: unnormalised weights, in cell order */
export function classifiedWeights(scenario: Scenario, classified: readonly number[]): number[] {
  const layout = layoutOf(scenario.population);
  return Array.from(layout.cellProbability, (p, cell) => (classified.includes(layout.cellClassified[cell]) ? p : 0));
}

/** P(cell | subset) weights (unnormalised), cells in the layout's order */
export function subsetWeights(scenario: Scenario, subset: Subset): number[] {
  return classifiedWeights(scenario, classifiedSubgroups(scenario, subset));
}

/** every patient of the cells these weights hold has the same outcome law (one true subgroup, or all alike) */
export function homogeneousCells(scenario: Scenario, weights: readonly number[]): boolean {
  const layout = layoutOf(scenario.population);
  const present = [
    ...new Set(weights.flatMap((w, cell) => (w > 0 ? [layout.subgroupIds[layout.cellTrue[cell]]] : []))),
  ];
  if (present.length <= 1) return true;
  const endpoint = scenario.endpoint;
  const law = (id: string) =>
    endpoint.type === 'continuous'
      ? JSON.stringify([endpoint.effect[id], endpoint.sd[id]])
      : endpoint.type === 'binary'
        ? JSON.stringify([endpoint.control[id], endpoint.treatment[id]])
        : survivalLaw(endpoint, id as 'pos' | 'neg');
  return present.every((id) => law(id) === law(present[0]));
}

/** every patient of the subset has the same outcome law */
export function homogeneous(scenario: Scenario, subset: Subset): boolean {
  return homogeneousCells(scenario, subsetWeights(scenario, subset));
}

function survivalLaw(endpoint: SurvivalEndpoint, status: 'pos' | 'neg'): string {
  return JSON.stringify([
    endpoint.controlMedian?.[status],
    endpoint.controlHazard?.[status],
    endpoint.shape?.[status] ?? 1,
    endpoint.hazardRatio[status],
  ]);
}

/** a true subgroup's median time to event on control: as given, or that of its hazard pieces */
export function controlMedianOf(endpoint: SurvivalEndpoint, subgroup: string): number {
  return endpoint.controlMedian?.[subgroup as 'pos' | 'neg'] ?? medianOf(endpoint, subgroup, 'control');
}

/**
 * A subset's mean difference and the standard deviation that gives its difference of means the
 * variance it has: σ² = (1 − s)·v_T + s·v_C for treatment share s, since v_T/(n·s) + v_C/(n·(1 − s))
 * = σ²/(n·s·(1 − s)). A subset of several classified subgroups tested stratified: the strata's σ²
 * weighted by their shares.
 */
export function meansOf(
  scenario: Scenario & { endpoint: ContinuousEndpoint },
  subset: Subset,
): { effect: number; sd: number } {
  const classified = classifiedSubgroups(scenario, subset);
  const whole = meansOfCells(scenario, classifiedWeights(scenario, classified));
  if (classified.length < 2 || !scenario.analysis.stratified) return whole;
  const shares = layoutOf(scenario.population).classifiedShare;
  let total = 0;
  let pooled = 0;
  for (const j of classified) {
    total += shares[j];
    pooled += shares[j] * meansOfCells(scenario, classifiedWeights(scenario, [j])).sd ** 2;
  }
  return { effect: whole.effect, sd: Math.sqrt(pooled / total) };
}

/** the mean difference and standard deviation of the mixture of cells these weights hold */
export function meansOfCells(
  scenario: Scenario & { endpoint: ContinuousEndpoint },
  weights: readonly number[],
): { effect: number; sd: number } {
  const moments = cellMoments(scenario.endpoint, layoutOf(scenario.population));
  const s = treatmentShare(scenario.trial.allocation);
  const treated = mixtureMoments(moments, TREATMENT, weights);
  const control = mixtureMoments(moments, CONTROL, weights);
  return { effect: treated.mean - control.mean, sd: Math.sqrt((1 - s) * treated.variance + s * control.variance) };
}

/** a subset's response rates on treatment and control */
export function ratesOf(
  scenario: Scenario & { endpoint: BinaryEndpoint },
  subset: Subset,
): { treatment: number; control: number } {
  return ratesOfCells(scenario, subsetWeights(scenario, subset));
}

/** the response rates of the mixture of cells these weights hold */
export function ratesOfCells(
  scenario: Scenario & { endpoint: BinaryEndpoint },
  weights: readonly number[],
): { treatment: number; control: number } {
  const moments = cellMoments(scenario.endpoint, layoutOf(scenario.population));
  return {
    treatment: mixtureMoments(moments, TREATMENT, weights).mean,
    control: mixtureMoments(moments, CONTROL, weights).mean,
  };
}

/** a subset's hazard ratio and control hazard (hazardsOfCells) */
export function hazardsOf(
  scenario: Scenario & { endpoint: SurvivalEndpoint },
  subset: Subset,
): { hazardRatio: number; controlHazard: number } {
  return hazardsOfCells(scenario, subsetWeights(scenario, subset));
}

/**
 * The hazard ratio of the mixture of cells these weights hold, mixed on the log scale as derived.ts
 * mixes marker statuses: exp(Σ w_c·ln HR_c / Σ w_c) with w_c = P(cell)·(1 + r·HR_c), each cell's share
 * of the events under Schoenfeld's approximation, HR_c that of the cell's true subgroup (its eventual
 * average where it changes with time). Beside it the control hazard, the cells' ln 2 / median weighted
 * by their shares (the mixture's hazard at the start; exact when the subgroups agree); a subgroup whose
 * control hazard is not constant enters with the exponential hazard of its median. Cells of one true
 * subgroup are summed before the mix, so the one-marker form mixes its two statuses as derived.ts does.
 */
export function hazardsOfCells(
  scenario: Scenario & { endpoint: SurvivalEndpoint },
  weights: readonly number[],
): { hazardRatio: number; controlHazard: number } {
  const { endpoint } = scenario;
  const r = scenario.trial.allocation;
  let events = 0;
  let logSum = 0;
  let controlHazard = 0;
  for (const { subgroup, share } of trueShares(scenario, weights)) {
    const ratio = subgroupHazardRatio(endpoint, subgroup, r);
    const w = share * (1 + r * ratio);
    events += w;
    logSum += w * Math.log(ratio);
    controlHazard += (share * Math.LN2) / controlMedianOf(endpoint, subgroup);
  }
  return { hazardRatio: events > 0 ? Math.exp(logSum / events) : 1, controlHazard };
}

/** the true subgroups of the cells these weights hold and their shares of them, in the layout's order */
export function trueShares(scenario: Scenario, weights: readonly number[]): { subgroup: string; share: number }[] {
  const layout = layoutOf(scenario.population);
  const sums = new Float64Array(layout.subgroupIds.length);
  let total = 0;
  weights.forEach((w, cell) => {
    sums[layout.cellTrue[cell]] += w;
    total += w;
  });
  return layout.subgroupIds.flatMap((subgroup, i) => (sums[i] > 0 ? [{ subgroup, share: sums[i] / total }] : []));
}
