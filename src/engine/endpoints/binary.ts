// Binary endpoint: response with a probability per arm and true marker status.
// Responders per arm × cell are Binomial(m, π) (docs/methods.md). The test is the difference in
// proportions with the pooled (null) variance; stratified analyses combine strata with
// Cochran–Mantel–Haenszel weights n_T·n_C/n, which is rpact's stratified statistic when the
// allocation is the same in every stratum.
import { CELLS } from '../population.js';
import { cellMoments } from './cell-moments.js';
import type { Sampler } from '../random/sampler.js';
import type { BinaryEndpoint, Scenario } from '../scenario/types.js';
import type { OutcomeModel, TestedPopulation } from './outcome-model.js';
import { SLOTS, type StageData } from './stage.js';

export class BinaryModel implements OutcomeModel {
  information = 0;
  effect = 0;
  private readonly response: Float64Array;
  private readonly stratified: boolean;

  constructor(scenario: Scenario, endpoint: BinaryEndpoint) {
    this.stratified = scenario.analysis.stratified;
    this.response = cellMoments(endpoint).mean;
  }

  drawSufficient(stage: StageData, sampler: Sampler): void {
    for (let slot = 0; slot < SLOTS; slot++) {
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

  statistic(stage: StageData, population: TestedPopulation): number {
    const { size, sum } = stage;
    // strata as ranges of cells: S = cells 0–1, R = cells 2–3, F pooled = cells 0–3
    const pooled = population === 'F' && !this.stratified;
    const strata = population === 'S' || pooled ? 1 : 2;
    const width = pooled ? 4 : 2;
    let numerator = 0;
    let variance = 0;
    let weights = 0;
    for (let stratum = 0; stratum < strata; stratum++) {
      let nT = 0,
        nC = 0,
        xT = 0,
        xC = 0;
      for (let cell = stratum * width; cell < (stratum + 1) * width; cell++) {
        nT += size[cell];
        nC += size[CELLS + cell];
        xT += sum[cell];
        xC += sum[CELLS + cell];
      }
      if (nT === 0 || nC === 0) continue;
      const n = nT + nC;
      const w = (nT * nC) / n;
      const pooledRate = (xT + xC) / n;
      numerator += w * (xT / nT - xC / nC);
      weights += w;
      // w²·(1/n_T + 1/n_C) = w; a stratum with all or no responders adds no variance (as in rpact)
      if (pooledRate > 0 && pooledRate < 1) variance += w * pooledRate * (1 - pooledRate);
    }
    this.information = variance;
    this.effect = weights > 0 ? numerator / weights : 0;
    return variance > 0 ? numerator / Math.sqrt(variance) : 0;
  }
}
