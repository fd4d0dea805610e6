// The large-sample law of one population's z statistic at its expected cell sizes, in any population
// model (population-model.ts): its strata are the subgroups the assay classifies into it (the stratified
// analysis), or its cells pooled. The one-marker form's S and F laws (statistic-law.ts) are its cases of
// one and two strata. And the joint law of every population's statistic when all comers are randomised
// (a stratified design): the stratum differences are independent, so two stratified statistics share the
// variance of their common strata; two pooled means share that of their common patients,
// cov(ȳ_k, ȳ_l) = n_kl·σ²_kl/(n_k·n_l) in each arm (σ²_kl the outcome's variance over the common cells).
import { mixtureMoments } from '../endpoints/cell-moments.js';
import { CONTROL, TREATMENT } from '../endpoints/stage.js';
import { MAX_GROUPS } from '../designs/stage-source.js';
import type { CellLayout } from '../population-model.js';
import type { Scenario } from '../scenario/types.js';
import { groupsLaw, lawInputs, stratumGroup, type LawInputs, type NormalLaw } from './statistic-law.js';

/** every population's statistic, F last: each one's law, their correlation and the null information */
export type PopulationsLaw = {
  laws: NormalLaw[];
  /** the statistics' correlation, row by row */
  correlation: Float64Array;
  /** per population, the null variance of its statistic's numerator (the information a design reads) */
  information: Float64Array;
  /** per population k and stratum j at k·8 + j, the information from stratum j (stratified analysis) */
  stratumInformation: Float64Array;
};

/** the cells' probabilities where `keep(classified subgroup)` holds, 0 elsewhere */
function cellWeights(layout: CellLayout, keep: (classified: number) => boolean): Float64Array {
  return Float64Array.from(layout.cellProbability, (p, cell) => (keep(layout.cellClassified[cell]) ? p : 0));
}

/** the law of population `population`'s statistic when `n` patients are randomised from it */
export function populationLaw(scenario: Scenario, layout: CellLayout, population: number, n: number): NormalLaw {
  const inputs = lawInputs(scenario, layout);
  const mask = layout.populationMask[population];
  const { classifiedShare } = layout;
  const weights = (keep: (classified: number) => boolean) => cellWeights(layout, keep);
  const inPopulation = (classified: number) => ((mask >> classified) & 1) !== 0;
  if (!scenario.analysis.stratified) return groupsLaw([stratumGroup(inputs, weights(inPopulation), n, 1)]);
  const share = layout.populationShare[population];
  const groups = [];
  for (let j = 0; j < classifiedShare.length; j++) {
    if (inPopulation(j) && classifiedShare[j] > 0)
      groups.push(
        stratumGroup(
          inputs,
          weights((classified) => classified === j),
          n,
          classifiedShare[j] / share,
        ),
      );
  }
  return groupsLaw(groups);
}

/** the joint law of every population's statistic when `n` all comers are randomised */
export function populationsLaw(scenario: Scenario, layout: CellLayout, n: number): PopulationsLaw {
  const inputs = lawInputs(scenario, layout);
  const masks = layout.populationMask;
  const count = masks.length;
  const groups = layout.subgroupIds.length;
  // population k holds its share of the n all comers
  const laws = Array.from(masks, (_, k) => populationLaw(scenario, layout, k, n * layout.populationShare[k]));
  const correlation = new Float64Array(count * count);
  const information = new Float64Array(count);
  const stratumInformation = new Float64Array(count * MAX_GROUPS);
  const strata = Array.from({ length: groups }, (_, j) =>
    stratumGroup(
      inputs,
      cellWeights(layout, (classified) => classified === j),
      n,
      layout.classifiedShare[j],
    ),
  );
  const stratified = scenario.analysis.stratified;
  // per population, its numerator's variance: actual and null (Σ over strata, or the pooled difference's)
  const pooled = Array.from(masks, (mask, k) =>
    stratumGroup(
      inputs,
      cellWeights(layout, (j) => ((mask >> j) & 1) !== 0),
      n,
      layout.populationShare[k],
    ),
  );
  const variance = (k: number) => {
    if (!stratified) return pooled[k].variance;
    let sum = 0;
    for (let j = 0; j < groups; j++) if ((masks[k] >> j) & 1) sum += strata[j].weight ** 2 * strata[j].variance;
    return sum;
  };
  for (let k = 0; k < count; k++) {
    for (let j = 0; j < groups; j++) {
      if (((masks[k] >> j) & 1) === 0) continue;
      stratumInformation[k * MAX_GROUPS + j] = strata[j].weight ** 2 * strata[j].nullVariance;
      information[k] += stratumInformation[k * MAX_GROUPS + j];
    }
    if (!stratified) information[k] = pooled[k].weight ** 2 * pooled[k].nullVariance;
  }
  for (let k = 0; k < count; k++) {
    correlation[k * count + k] = 1;
    for (let l = k + 1; l < count; l++) {
      const common = masks[k] & masks[l];
      const covariance = stratified
        ? sharedStrata(strata, common)
        : pooledCovariance(inputs, layout, common, n, layout.populationShare[k], layout.populationShare[l]);
      const rho = covariance / Math.sqrt(variance(k) * variance(l));
      correlation[k * count + l] = rho;
      correlation[l * count + k] = rho;
    }
  }
  return { laws, correlation, information, stratumInformation };
}

/** the variance two stratified numerators share: their common strata's */
function sharedStrata(strata: { weight: number; variance: number }[], common: number): number {
  let sum = 0;
  for (let j = 0; j < strata.length; j++) if ((common >> j) & 1) sum += strata[j].weight ** 2 * strata[j].variance;
  return sum;
}

/** cov(d_k, d_l) of two pooled differences of means, shares s_k and s_l of the n patients */
function pooledCovariance(
  inputs: LawInputs,
  layout: CellLayout,
  common: number,
  n: number,
  shareK: number,
  shareL: number,
): number {
  if (common === 0) return 0;
  const weights = cellWeights(layout, (j) => ((common >> j) & 1) !== 0);
  let shared = 0;
  for (const p of weights) shared += p;
  let covariance = 0;
  for (const [arm, fraction] of [
    [TREATMENT, inputs.share],
    [CONTROL, 1 - inputs.share],
  ]) {
    const { variance } = mixtureMoments(inputs.moments, arm, weights);
    covariance += (shared * variance) / (n * fraction * shareK * shareL);
  }
  return covariance;
}
