// Continuous endpoint: normal outcomes with a mean difference per true marker status.
// Sufficient statistics per arm × cell (docs/methods.md): the cell mean is N(μ, σ²/m) and the
// within-cell sum of squares σ²·χ²(m − 1), independent; unions of cells follow exactly.
import { tToZ } from '../math/t-to-z.js';
import { CELLS, type PopulationSummary } from '../population.js';
import { cellMoments, mixtureMoments } from './cell-moments.js';
import type { Sampler } from '../random/sampler.js';
import type { ContinuousEndpoint, Scenario } from '../scenario/types.js';
import type { OutcomeModel, TestedPopulation } from './outcome-model.js';
import { SLOTS, type StageData, type WithinStages } from './stage.js';

export class ContinuousModel implements OutcomeModel {
  information = 0;
  effect = 0;
  private readonly mean: Float64Array;
  private readonly sd: Float64Array;
  /** known outcome variance per arm in S, R (for z) and F pooled: [T_S, C_S, T_R, C_R, T_F, C_F] */
  private readonly knownVariance = new Float64Array(6);
  private readonly useT: boolean;
  private readonly stratified: boolean;

  constructor(scenario: Scenario, population: PopulationSummary, endpoint: ContinuousEndpoint) {
    this.useT = scenario.analysis.statistic === 't';
    this.stratified = scenario.analysis.stratified;
    const moments = cellMoments(endpoint);
    this.mean = moments.mean;
    this.sd = moments.variance.map(Math.sqrt);
    const cells = population.cellProbabilities;
    for (let arm = 0; arm < 2; arm++) {
      this.knownVariance[arm] = mixtureMoments(moments, arm, [cells[0], cells[1], 0, 0]).variance;
      this.knownVariance[2 + arm] = mixtureMoments(moments, arm, [0, 0, cells[2], cells[3]]).variance;
      this.knownVariance[4 + arm] = mixtureMoments(moments, arm, cells).variance;
    }
  }

  drawSufficient(stage: StageData, sampler: Sampler): void {
    const { count, sum, sumSquares } = stage;
    for (let slot = 0; slot < SLOTS; slot++) {
      const m = count[slot];
      if (m === 0) {
        sum[slot] = 0;
        sumSquares[slot] = 0;
        continue;
      }
      const sd = this.sd[slot];
      sum[slot] = m * this.mean[slot] + sd * Math.sqrt(m) * sampler.normal();
      sumSquares[slot] = this.useT && m > 1 ? sd * sd * sampler.chiSquare(m - 1) : 0;
    }
  }

  drawPatient(stage: StageData, slot: number, sampler: Sampler): number {
    const outcome = this.mean[slot] + this.sd[slot] * sampler.normal();
    stage.sum[slot] += outcome;
    stage.sumSquares[slot] += outcome * outcome;
    return outcome;
  }

  finishPatients(stage: StageData): void {
    for (let slot = 0; slot < SLOTS; slot++) {
      const m = stage.count[slot];
      stage.sumSquares[slot] =
        m > 0 ? Math.max(0, stage.sumSquares[slot] - (stage.sum[slot] * stage.sum[slot]) / m) : 0;
    }
  }

  /** add one stage's residual sums of squares within its arm × stratum groups to `residual` */
  addWithinStage(residual: WithinStages, stage: StageData): void {
    const { count, sum, sumSquares } = stage;
    for (let group = 0; group < 3; group++) {
      const [first, last] = group === 2 ? [0, CELLS - 1] : [2 * group, 2 * group + 1];
      for (let arm = 0; arm < 2; arm++) {
        const from = arm * CELLS + first;
        const to = arm * CELLS + last;
        let m = 0;
        let total = 0;
        for (let slot = from; slot <= to; slot++) {
          m += count[slot];
          total += sum[slot];
        }
        if (m === 0) continue;
        residual.ss[group] += groupSS(count, sum, sumSquares, from, to, total / m);
        residual.df[group] += m - 1;
      }
    }
  }

  statistic(stage: StageData, population: TestedPopulation, residual?: WithinStages): number {
    if (population === 'F' && !this.stratified) return this.pooledStatistic(stage, residual);
    const strata = population === 'S' ? 1 : 2;
    const { count, sum, sumSquares } = stage;
    let numerator = 0;
    let knownVar = 0;
    /** Σ w_j over strata with both arms */
    let totalWeight = 0;
    let residualSS = 0;
    let residualDf = 0;
    // Σ_j w_j·s_j² over strata with their own variance estimate, and Σ w_j over the others
    let separateVar = 0;
    let unseparated = 0;
    for (let stratum = 0; stratum < strata; stratum++) {
      const a = 2 * stratum;
      const b = a + 1;
      const nT = count[a] + count[b];
      const nC = count[CELLS + a] + count[CELLS + b];
      if (useful(nT) && useful(nC)) {
        const sumT = sum[a] + sum[b];
        const sumC = sum[CELLS + a] + sum[CELLS + b];
        const w = (nT * nC) / (nT + nC);
        numerator += w * (sumT / nT - sumC / nC);
        totalWeight += w;
        if (this.useT) {
          const stratumSS = residual
            ? residual.ss[stratum]
            : groupSS(count, sum, sumSquares, a, b, sumT / nT) +
              groupSS(count, sum, sumSquares, CELLS + a, CELLS + b, sumC / nC);
          const stratumDf = residual ? residual.df[stratum] : nT + nC - 2;
          residualSS += stratumSS;
          residualDf += stratumDf;
          if (stratumDf > 0) separateVar += (w * stratumSS) / stratumDf;
          else unseparated += w;
        } else {
          knownVar += w * w * (this.knownVariance[a] / nT + this.knownVariance[a + 1] / nC);
        }
      }
    }
    if (totalWeight === 0) {
      this.information = 0;
      this.effect = 0;
      return 0;
    }
    this.effect = numerator / totalWeight;
    if (!this.useT) {
      this.information = knownVar;
      return numerator / Math.sqrt(knownVar);
    }
    const pooledVar = residualDf > 0 ? residualSS / residualDf : 0;
    this.information = separateVar + unseparated * pooledVar;
    return tToZScale(numerator / Math.sqrt(totalWeight * pooledVar), residualDf);
  }

  /** unstratified test of F: the two arms' means over all cells */
  private pooledStatistic(stage: StageData, residual?: WithinStages): number {
    const { count, sum, sumSquares } = stage;
    let nT = 0,
      nC = 0,
      sumT = 0,
      sumC = 0;
    for (let cell = 0; cell < CELLS; cell++) {
      nT += count[cell];
      nC += count[CELLS + cell];
      sumT += sum[cell];
      sumC += sum[CELLS + cell];
    }
    if (!useful(nT) || !useful(nC)) {
      this.information = 0;
      this.effect = 0;
      return 0;
    }
    const w = (nT * nC) / (nT + nC);
    const difference = sumT / nT - sumC / nC;
    this.effect = difference;
    if (!this.useT) {
      const variance = this.knownVariance[4] / nT + this.knownVariance[5] / nC;
      this.information = w * w * variance;
      return difference / Math.sqrt(variance);
    }
    const ss = residual
      ? residual.ss[2]
      : groupSS(count, sum, sumSquares, 0, 3, sumT / nT) + groupSS(count, sum, sumSquares, CELLS, CELLS + 3, sumC / nC);
    const df = residual ? residual.df[2] : nT + nC - 2;
    this.information = df > 0 ? (w * ss) / df : 0;
    return tToZScale((difference * Math.sqrt(w)) / Math.sqrt(ss / df), df);
  }
}

function useful(n: number): boolean {
  return n > 0;
}

/** sum of squares about `groupMean` of the slots first..last (within-cell plus between-cell parts) */
function groupSS(
  count: Float64Array,
  sum: Float64Array,
  sumSquares: Float64Array,
  first: number,
  last: number,
  groupMean: number,
): number {
  let ss = 0;
  for (let slot = first; slot <= last; slot++) {
    const m = count[slot];
    if (m === 0) continue;
    const deviation = sum[slot] / m - groupMean;
    ss += sumSquares[slot] + m * deviation * deviation;
  }
  return ss;
}

/** a t statistic's one-sided p-value expressed on the z scale, Φ⁻¹(1 − p) */
function tToZScale(t: number, df: number): number {
  return df < 1 ? 0 : tToZ(t, df);
}
