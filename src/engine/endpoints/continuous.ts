// Continuous endpoint: normal outcomes with a mean difference per true subgroup.
// Sufficient statistics per arm × cell (docs/methods.md): the cell mean is N(μ, σ²/m) and the
// within-cell sum of squares σ²·χ²(m − 1), independent; unions of cells follow exactly. The t statistics
// read sums of squares only added over a stratum's cells of both arms (strata.ts), so the cells of one
// stratum with the same σ get one draw, σ²·χ²(Σ(m − 1)), the law of their sum, held by the first of them
// with patients: a perfect assay's stratum takes one χ² instead of one per arm.
import { tToZ } from '../math/t-to-z.js';
import type { CellLayout } from '../population-model.js';
import { cellMoments, mixtureMoments } from './cell-moments.js';
import type { Sampler } from '../random/sampler.js';
import type { ContinuousEndpoint, Scenario } from '../scenario/types.js';
import type { OutcomeModel } from './outcome-model.js';
import type { StageData, WithinStages } from './stage.js';
import { maskSS, sharePooled, Strata } from './strata.js';

export class ContinuousModel implements OutcomeModel {
  information = 0;
  effect = 0;
  readonly stratumInformation = new Float64Array(8);
  readonly strata: Strata;
  private readonly mean: Float64Array;
  private readonly sd: Float64Array;
  /** known outcome variance per stratum and arm, [T, C] of stratum j at 2j (for z) */
  private readonly stratumVariance: Float64Array;
  /** known outcome variance per population pooled and arm, [T, C] of population k at 2k */
  private readonly pooledVariance: Float64Array;
  private readonly useT: boolean;
  /** t statistics: the slots that share one draw of their within-cell sums of squares, and their σ */
  private readonly spreadGroups: readonly Uint8Array[];
  private readonly spreadSd: Float64Array;

  constructor(scenario: Scenario, layout: CellLayout, endpoint: ContinuousEndpoint) {
    this.useT = scenario.analysis.statistic === 't';
    this.strata = new Strata(layout, scenario.analysis.stratified);
    const moments = cellMoments(endpoint, layout);
    this.mean = moments.mean;
    this.sd = moments.variance.map(Math.sqrt);
    const groups = this.strata.groups;
    const spread = spreadGroups(this.strata, this.sd);
    this.spreadGroups = spread.map((group) => group.slots);
    this.spreadSd = Float64Array.from(spread, (group) => group.sd);
    const weightsIn = (mask: number) =>
      layout.cellProbability.map((p, cell) => (mask & (1 << layout.cellClassified[cell]) ? p : 0));
    this.stratumVariance = new Float64Array(2 * groups);
    this.pooledVariance = new Float64Array(2 * layout.populationIds.length);
    for (let arm = 0; arm < 2; arm++) {
      for (let j = 0; j < groups; j++) {
        this.stratumVariance[2 * j + arm] = mixtureMoments(moments, arm, weightsIn(1 << j)).variance;
      }
      layout.populationMask.forEach((mask, k) => {
        this.pooledVariance[2 * k + arm] = mixtureMoments(moments, arm, weightsIn(mask)).variance;
      });
    }
  }

  drawSufficient(stage: StageData, sampler: Sampler): void {
    const { count, sum, sumSquares, occupied } = stage;
    for (let i = 0; i < occupied.length; i++) {
      const slot = occupied[i];
      const m = count[slot];
      sumSquares[slot] = 0;
      sum[slot] = m === 0 ? 0 : m * this.mean[slot] + this.sd[slot] * Math.sqrt(m) * sampler.normal();
    }
    if (!this.useT) return;
    for (let g = 0; g < this.spreadGroups.length; g++) {
      const slots = this.spreadGroups[g];
      let df = 0;
      let holder = -1;
      for (let i = 0; i < slots.length; i++) {
        const m = count[slots[i]];
        if (!(m > 1)) continue;
        df += m - 1;
        if (holder < 0) holder = slots[i];
      }
      if (holder >= 0) sumSquares[holder] = this.spreadSd[g] * this.spreadSd[g] * sampler.chiSquare(df);
    }
  }

  drawPatient(stage: StageData, slot: number, sampler: Sampler): number {
    const outcome = this.mean[slot] + this.sd[slot] * sampler.normal();
    stage.sum[slot] += outcome;
    stage.sumSquares[slot] += outcome * outcome;
    return outcome;
  }

  finishPatients(stage: StageData): void {
    for (let i = 0; i < stage.occupied.length; i++) {
      const slot = stage.occupied[i];
      const m = stage.count[slot];
      stage.sumSquares[slot] =
        m > 0 ? Math.max(0, stage.sumSquares[slot] - (stage.sum[slot] * stage.sum[slot]) / m) : 0;
    }
  }

  /** add one stage's residual sums of squares within its arm × stratum groups, and pooled ones, to `residual` */
  addWithinStage(residual: WithinStages, stage: StageData): void {
    const strata = this.strata;
    const groups = strata.groups;
    for (let j = 0; j < groups; j++) addGroup(residual, j, strata, stage, 1 << j);
    for (let k = 0; k < strata.mask.length; k++) {
      if (strata.pooled[k]) addGroup(residual, groups + k, strata, stage, strata.mask[k]);
    }
  }

  statistic(stage: StageData, population: number, residual?: WithinStages): number {
    const strata = this.strata;
    if (strata.pooled[population]) return this.pooledStatistic(stage, population, residual);
    const { count, sum } = stage;
    const cells = strata.cells;
    let numerator = 0;
    let knownVar = 0;
    /** Σ w_j over strata with both arms */
    let totalWeight = 0;
    let residualSS = 0;
    let residualDf = 0;
    // Σ_j w_j·s_j² over strata with their own variance estimate, and Σ w_j over the others
    let separateVar = 0;
    let unseparated = 0;
    const byStratum = this.stratumInformation;
    const of = strata.of[population];
    for (let s = 0; s < of.length; s++) {
      const stratum = of[s];
      let nT = 0,
        nC = 0,
        sumT = 0,
        sumC = 0;
      const occupied = strata.cellsOf[stratum];
      for (let i = 0; i < occupied.length; i++) {
        const slot = occupied[i];
        nT += count[slot];
        nC += count[cells + slot];
        sumT += sum[slot];
        sumC += sum[cells + slot];
      }
      byStratum[stratum] = 0;
      if (!(nT > 0 && nC > 0)) continue;
      const w = (nT * nC) / (nT + nC);
      numerator += w * (sumT / nT - sumC / nC);
      totalWeight += w;
      if (this.useT) {
        const mask = 1 << stratum;
        const stratumSS = residual
          ? residual.ss[stratum]
          : maskSS(strata, stage, 0, mask, sumT / nT) + maskSS(strata, stage, cells, mask, sumC / nC);
        const stratumDf = residual ? residual.df[stratum] : nT + nC - 2;
        residualSS += stratumSS;
        residualDf += stratumDf;
        // a stratum without its own variance estimate takes the pooled one, known after the loop (sign marks it)
        if (stratumDf > 0) byStratum[stratum] = (w * stratumSS) / stratumDf;
        else byStratum[stratum] = -w;
        if (stratumDf > 0) separateVar += byStratum[stratum];
        else unseparated += w;
      } else {
        byStratum[stratum] =
          w * w * (this.stratumVariance[2 * stratum] / nT + this.stratumVariance[2 * stratum + 1] / nC);
        knownVar += byStratum[stratum];
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
    if (unseparated > 0) for (let s = 0; s < of.length; s++) byStratum[of[s]] *= byStratum[of[s]] < 0 ? -pooledVar : 1;
    return tToZScale(numerator / Math.sqrt(totalWeight * pooledVar), residualDf);
  }

  /** unstratified test of a population of several subgroups: the two arms' means over its cells */
  private pooledStatistic(stage: StageData, population: number, residual?: WithinStages): number {
    const { count, sum } = stage;
    const strata = this.strata;
    const mask = strata.mask[population];
    const { groups, cells } = strata;
    let nT = 0,
      nC = 0,
      sumT = 0,
      sumC = 0;
    const of = strata.of[population];
    for (let s = 0; s < of.length; s++) {
      const stratum = of[s];
      const occupied = strata.cellsOf[stratum];
      for (let i = 0; i < occupied.length; i++) {
        const slot = occupied[i];
        nT += count[slot];
        nC += count[cells + slot];
        sumT += sum[slot];
        sumC += sum[cells + slot];
      }
    }
    if (!(nT > 0 && nC > 0)) {
      this.information = 0;
      this.effect = 0;
      return 0;
    }
    const w = (nT * nC) / (nT + nC);
    const difference = sumT / nT - sumC / nC;
    this.effect = difference;
    if (!this.useT) {
      const variance = this.pooledVariance[2 * population] / nT + this.pooledVariance[2 * population + 1] / nC;
      this.information = w * w * variance;
      sharePooled(this.stratumInformation, strata, stage, population, this.information);
      return difference / Math.sqrt(variance);
    }
    const group = groups + population;
    const ss = residual
      ? residual.ss[group]
      : maskSS(strata, stage, 0, mask, sumT / nT) + maskSS(strata, stage, cells, mask, sumC / nC);
    const df = residual ? residual.df[group] : nT + nC - 2;
    this.information = df > 0 ? (w * ss) / df : 0;
    sharePooled(this.stratumInformation, strata, stage, population, this.information);
    return tToZScale((difference * Math.sqrt(w)) / Math.sqrt(ss / df), df);
  }
}

/** each stratum's occupied slots of both arms, grouped by σ (slots increasing; groups by stratum, then σ) */
function spreadGroups(strata: Strata, sd: Float64Array): { slots: Uint8Array; sd: number }[] {
  return strata.cellsOf.flatMap((cells) => {
    const slots = [...cells, ...Array.from(cells, (cell) => strata.cells + cell)];
    const sds = [...new Set(slots.map((slot) => sd[slot]))];
    return sds.map((value) => ({ slots: Uint8Array.from(slots.filter((slot) => sd[slot] === value)), sd: value }));
  });
}

/** one stage's residual of the classified subgroups in `mask`, about each arm's mean, into group `group` */
function addGroup(residual: WithinStages, group: number, strata: Strata, stage: StageData, mask: number): void {
  const { count, sum } = stage;
  const groups = strata.groups;
  for (let arm = 0; arm < 2; arm++) {
    const offset = arm * strata.cells;
    let m = 0;
    let total = 0;
    for (let j = 0; j < groups; j++) {
      if (!(mask & (1 << j))) continue;
      const occupied = strata.cellsOf[j];
      for (let i = 0; i < occupied.length; i++) {
        const slot = offset + occupied[i];
        m += count[slot];
        total += sum[slot];
      }
    }
    if (m === 0) continue;
    residual.ss[group] += maskSS(strata, stage, offset, mask, total / m);
    residual.df[group] += m - 1;
  }
}

/** a t statistic's one-sided p-value expressed on the z scale, Φ⁻¹(1 − p) */
function tToZScale(t: number, df: number): number {
  return df < 1 ? 0 : tToZ(t, df);
}
