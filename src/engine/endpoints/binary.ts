// Binary endpoint: response with a probability per arm and true subgroup.
// Responders per arm × cell are Binomial(m, π) (docs/methods.md). The test is the difference in
// proportions with the pooled (null) variance; stratified analyses combine strata with
// Cochran–Mantel–Haenszel weights n_T·n_C/n, which is rpact's stratified statistic when the
// allocation is the same in every stratum.
import type { CellLayout } from '../population-model.js';
import { cellMoments } from './cell-moments.js';
import type { Sampler } from '../random/sampler.js';
import type { BinaryEndpoint, Scenario } from '../scenario/types.js';
import type { OutcomeModel } from './outcome-model.js';
import type { StageData } from './stage.js';
import { sharePooled, Strata } from './strata.js';

export class BinaryModel implements OutcomeModel {
  information = 0;
  effect = 0;
  readonly stratumInformation = new Float64Array(8);
  readonly strata: Strata;
  private readonly response: Float64Array;

  constructor(scenario: Scenario, layout: CellLayout, endpoint: BinaryEndpoint) {
    this.strata = new Strata(layout, scenario.analysis.stratified);
    this.response = cellMoments(endpoint, layout).mean;
  }

  drawSufficient(stage: StageData, sampler: Sampler): void {
    for (let i = 0; i < stage.occupied.length; i++) {
      const slot = stage.occupied[i];
      const m = stage.count[slot];
      stage.sum[slot] = m === 0 ? 0 : sampler.binomial(m, this.response[slot]);
    }
  }

  drawPatient(stage: StageData, slot: number, sampler: Sampler): number {
    if (!(sampler.uniform() < this.response[slot])) return 0;
    stage.sum[slot] += 1;
    return 1;
  }

  finishPatients(): void {}

  statistic(stage: StageData, population: number): number {
    const { size, sum } = stage;
    const strata = this.strata;
    const { cells } = strata;
    // strata as ranges of cells: each of the population's classified subgroups, or all of them pooled
    const of = strata.of[population];
    const pooled = strata.pooled[population];
    let numerator = 0;
    let variance = 0;
    let weights = 0;
    for (let s = 0; s < (pooled ? 1 : of.length); s++) {
      let nT = 0,
        nC = 0,
        xT = 0,
        xC = 0;
      for (let i = pooled ? 0 : s; i < (pooled ? of.length : s + 1); i++) {
        const occupied = strata.cellsOf[of[i]];
        for (let c = 0; c < occupied.length; c++) {
          const cell = occupied[c];
          nT += size[cell];
          nC += size[cells + cell];
          xT += sum[cell];
          xC += sum[cells + cell];
        }
      }
      if (!pooled) this.stratumInformation[of[s]] = 0;
      if (nT === 0 || nC === 0) continue;
      const n = nT + nC;
      const w = (nT * nC) / n;
      const pooledRate = (xT + xC) / n;
      numerator += w * (xT / nT - xC / nC);
      weights += w;
      // w²·(1/n_T + 1/n_C) = w; a stratum with all or no responders adds no variance (as in rpact)
      if (pooledRate > 0 && pooledRate < 1) {
        const stratumVariance = w * pooledRate * (1 - pooledRate);
        variance += stratumVariance;
        if (!pooled) this.stratumInformation[of[s]] = stratumVariance;
      }
    }
    this.information = variance;
    if (pooled) sharePooled(this.stratumInformation, strata, stage, population, variance);
    this.effect = weights > 0 ? numerator / weights : 0;
    return variance > 0 ? numerator / Math.sqrt(variance) : 0;
  }
}
