// The large-sample law of a stage's test statistics z_S and z_F at their expected cell sizes:
// each is N(mean, scale²) and they are jointly normal with correlation `correlation`. Continuous
// endpoints are exact with known variances (scale 1); binary ones use the usual normal
// approximation, pooled variance in the statistic and unpooled under the alternative (docs/methods.md).
import { cellMoments, mixtureMoments, type CellMoments } from '../endpoints/cell-moments.js';
import type { TestedPopulation } from '../endpoints/outcome-model.js';
import { CONTROL, TREATMENT } from '../endpoints/stage.js';
import { layoutOf, treatmentShare, type PopulationSummary } from '../population.js';
import type { Scenario } from '../scenario/types.js';
import type { CellLayout } from '../population-model.js';

export type NormalLaw = { mean: number; scale: number };
export type StatisticLaw = {
  S: NormalLaw;
  F: NormalLaw;
  /** correlation of z_S and z_F */
  correlation: number;
  /** √(I_S / I_F) from the statistics' null variances, the correlation Spiessens–Debois uses */
  informationCorrelation: number;
};

type Group = { weight: number; difference: number; nullVariance: number; variance: number };

/** what the laws of a scenario's statistics read: the cells' moments, the endpoint's kind, the arms' split */
export type LawInputs = { moments: CellMoments; binary: boolean; share: number };

export function lawInputs(scenario: Scenario, layout: CellLayout): LawInputs {
  const endpoint = scenario.endpoint;
  if (endpoint.type === 'survival') throw new Error('survival closed forms are in survival-law.ts');
  return {
    moments: cellMoments(endpoint, layout),
    binary: endpoint.type === 'binary',
    share: treatmentShare(scenario.trial.allocation),
  };
}

/**
 * one stratum (or a pooled population) as the statistic sees it, of the cells with these weights and
 * `fraction` of the `n` patients: weight n_T·n_C/n, the difference of means, its variance under the
 * statistic's assumption and its actual variance
 */
export function stratumGroup(inputs: LawInputs, weights: ArrayLike<number>, n: number, fraction: number): Group {
  const { moments, binary, share } = inputs;
  const nT = n * fraction * share;
  const nC = n * fraction * (1 - share);
  if (nT === 0 || nC === 0) return { weight: 0, difference: 0, nullVariance: 0, variance: 0 };
  const treated = mixtureMoments(moments, TREATMENT, weights);
  const control = mixtureMoments(moments, CONTROL, weights);
  const variance = treated.variance / nT + control.variance / nC;
  const pooled = (nT * treated.mean + nC * control.mean) / (nT + nC);
  const nullVariance = binary ? pooled * (1 - pooled) * (1 / nT + 1 / nC) : variance;
  return { weight: (nT * nC) / (nT + nC), difference: treated.mean - control.mean, nullVariance, variance };
}

/** the law of the statistic that sums its groups' weighted differences over their null standard deviation */
export function groupsLaw(groups: Group[]): NormalLaw {
  let numerator = 0;
  let nullVariance = 0;
  let variance = 0;
  for (const g of groups) {
    numerator += g.weight * g.difference;
    nullVariance += g.weight ** 2 * g.nullVariance;
    variance += g.weight ** 2 * g.variance;
  }
  return { mean: numerator / Math.sqrt(nullVariance), scale: Math.sqrt(variance / nullVariance) };
}

export function statisticLaw(
  scenario: Scenario,
  population: PopulationSummary,
  from: TestedPopulation,
  n: number,
): StatisticLaw {
  const inputs = lawInputs(scenario, layoutOf(scenario.population));
  const { moments, share } = inputs;
  const cells = population.cellProbabilities;
  const weightsS = [cells[0], cells[1], 0, 0];
  const weightsR = [0, 0, cells[2], cells[3]];
  const enrolledR = from === 'F' ? cells[2] + cells[3] : 0;
  const enrolledS = from === 'F' ? population.assayPositive : 1;
  const group = (weights: number[], fraction: number) => stratumGroup(inputs, weights, n, fraction);
  const law = groupsLaw;

  const s = group(weightsS, enrolledS);
  const r = group(weightsR, enrolledR);
  const S = law([s]);
  if (from === 'S') return { S, F: S, correlation: 1, informationCorrelation: 1 };

  if (scenario.analysis.stratified) {
    const F = law([s, r]);
    const correlation =
      (s.weight * s.variance) / Math.sqrt(s.variance * (s.weight ** 2 * s.variance + r.weight ** 2 * r.variance));
    const nullS = s.weight ** 2 * s.nullVariance;
    return { S, F, correlation, informationCorrelation: Math.sqrt(nullS / (nullS + r.weight ** 2 * r.nullVariance)) };
  }
  const f = group([...cells], 1);
  const F = law([f]);
  // the pooled difference puts n_{aS}/n_a of each arm's mean on S: cov(d_S, d_F) = v_TS/n_T + v_CS/n_C
  const covariance =
    mixtureMoments(moments, TREATMENT, weightsS).variance / (n * share) +
    mixtureMoments(moments, CONTROL, weightsS).variance / (n * (1 - share));
  return {
    S,
    F,
    correlation: covariance / Math.sqrt(s.variance * f.variance),
    informationCorrelation: Math.sqrt((s.weight ** 2 * s.nullVariance) / (f.weight ** 2 * f.nullVariance)),
  };
}
