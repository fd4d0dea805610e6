// rpact's large-sample law of log-rank statistics for enrichment designs (docs/methods.md,
// "asymptotic"; needs a perfect assay, so every subgroup is its own stratum): a stage with d events
// in the subgroups it enrols splits them d_j ∝ P(j)·(1 + r·HR_j), the log-rank z of subgroup j is
// N(−ln HR_j·√(c·d_j), 1) with c = r/(1 + r)² (positive = benefit), and a population's is
// Σ √d_j·z_j / √Σ d_j over its subgroups. The information is c·d, and the effect estimate rpact
// selects on is 1/HR̂ = exp(z/√(c·d)). It needs proportional hazards, which the contract makes sure
// of (method.ts). In the one-marker form the subgroups are pos (S) and neg (R).
import type { Sampler } from '../../random/sampler.js';
import { constantOf } from '../../scenario/pieces.js';
import type { Scenario, SurvivalEndpoint } from '../../scenario/types.js';
import { MAX_GROUPS, type StageStatistics } from '../../designs/stage-source.js';
import type { CellLayout } from '../../population-model.js';
import { allocationFactor } from '../../population.js';

export class AsymptoticLogRank {
  private readonly c: number;
  /** per subgroup: −ln HR, and its weight P(j)·(1 + r·HR_j) in the split of events */
  private readonly drift: Float64Array;
  private readonly weight: Float64Array;
  /** per subgroup, the stage's z and events */
  private readonly z = new Float64Array(MAX_GROUPS);
  private readonly events = new Float64Array(MAX_GROUPS);
  private readonly masks: Uint8Array;

  constructor(scenario: Scenario, endpoint: SurvivalEndpoint, layout: CellLayout) {
    const r = scenario.trial.allocation;
    this.c = allocationFactor(r);
    this.masks = layout.populationMask;
    const ids = layout.subgroupIds;
    this.drift = new Float64Array(ids.length);
    this.weight = new Float64Array(ids.length);
    ids.forEach((id, j) => {
      const value = constantOf(endpoint.hazardRatio[id as 'pos' | 'neg']);
      if (value === undefined) throw new Error(`endpoint.hazardRatio.${id}: the asymptotic law needs one ratio`);
      this.drift[j] = -Math.log(value);
      // a perfect assay: the share classified into j is j's share
      this.weight[j] = layout.classifiedShare[j] * (1 + r * value);
    });
  }

  /** the share of a stage's events that falls in the subgroups of `part` when it enrols those of `mask` */
  shareOf(part: number, mask: number): number {
    let inPart = 0;
    let total = 0;
    for (let j = 0; j < this.weight.length; j++) {
      if (((mask >> j) & 1) === 0) continue;
      total += this.weight[j];
      if ((part >> j) & 1) inPart += this.weight[j];
    }
    return inPart / total;
  }

  /**
   * a stage with `events` events among the subgroups of `mask`; fills `into` for every population
   * whose subgroups are all enrolled
   */
  draw(events: number, mask: number, sampler: Sampler, into: StageStatistics): void {
    const { c, drift, weight, z } = this;
    const stageEvents = this.events;
    let total = 0;
    for (let j = 0; j < weight.length; j++) if ((mask >> j) & 1) total += weight[j];
    for (let j = 0; j < weight.length; j++) {
      if (((mask >> j) & 1) === 0) continue;
      const d = events * (weight[j] / total);
      stageEvents[j] = d;
      z[j] = drift[j] * Math.sqrt(c * d) + sampler.normal();
    }
    const masks = this.masks;
    for (let k = 0; k < masks.length; k++) {
      const population = masks[k];
      if ((population & ~mask) !== 0) continue;
      let score = 0;
      let inPopulation = 0;
      for (let j = 0; j < weight.length; j++) {
        if (((population >> j) & 1) === 0) continue;
        score += Math.sqrt(stageEvents[j]) * z[j];
        inPopulation += stageEvents[j];
        into.stratumInformation[k * MAX_GROUPS + j] = c * stageEvents[j];
      }
      // a population of one subgroup has that subgroup's z as drawn
      const zk =
        (population & (population - 1)) === 0 ? z[31 - Math.clz32(population)] : score / Math.sqrt(inPopulation);
      into.z[k] = zk;
      into.information[k] = c * inPopulation;
      into.effect[k] = Math.exp(zk / Math.sqrt(c * inPopulation));
    }
  }
}
