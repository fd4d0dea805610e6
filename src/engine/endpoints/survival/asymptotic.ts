// rpact's large-sample law of log-rank statistics for enrichment designs (docs/methods.md,
// "asymptotic"; needs a perfect assay, so S is the marker-positive subset and R the rest): a
// stage with d events in the kept subsets splits them d_j ∝ P(j)·(1 + r·HR_j), the log-rank z of
// subset j is N(−ln HR_j·√(c·d_j), 1) with c = r/(1 + r)² (positive = benefit), and F's is
// Σ √d_j·z_j / √Σ d_j. The information is c·d, and the effect estimate rpact selects on is
// 1/HR̂ = exp(z/√(c·d)). It needs proportional hazards, which the contract makes sure of (method.ts).
import type { Sampler } from '../../random/sampler.js';
import { constantOf } from '../../scenario/pieces.js';
import type { Scenario, SurvivalEndpoint } from '../../scenario/types.js';
import type { StageStatistics } from '../../designs/stage-source.js';
import { allocationFactor, markerPopulation, ONE_MARKER } from '../../population.js';

export class AsymptoticLogRank {
  private readonly c: number;
  private readonly driftS: number;
  private readonly driftR: number;
  private readonly weightS: number;
  private readonly weightR: number;

  constructor(scenario: Scenario, endpoint: SurvivalEndpoint) {
    const r = scenario.trial.allocation;
    const prevalence = markerPopulation(scenario.population).prevalence;
    this.c = allocationFactor(r);
    const ratio = (status: 'pos' | 'neg') => {
      const value = constantOf(endpoint.hazardRatio[status]);
      if (value === undefined) throw new Error(`endpoint.hazardRatio.${status}: the asymptotic law needs one ratio`);
      return value;
    };
    this.driftS = -Math.log(ratio('pos'));
    this.driftR = -Math.log(ratio('neg'));
    this.weightS = prevalence * (1 + r * ratio('pos'));
    this.weightR = (1 - prevalence) * (1 + r * ratio('neg'));
  }

  /** S's share of the events of a stage in all comers */
  get shareS(): number {
    return this.weightS / (this.weightS + this.weightR);
  }

  /** a stage with `events` events, in all comers (withR) or S only; fills `into` */
  draw(events: number, withR: boolean, sampler: Sampler, into: StageStatistics): void {
    const eventsS = withR ? events * this.shareS : events;
    const eventsR = events - eventsS;
    const zS = this.driftS * Math.sqrt(this.c * eventsS) + sampler.normal();
    into.z[ONE_MARKER.S] = zS;
    into.information[ONE_MARKER.S] = this.c * eventsS;
    into.effect[ONE_MARKER.S] = Math.exp(zS / Math.sqrt(this.c * eventsS));
    if (withR) {
      const zR = this.driftR * Math.sqrt(this.c * eventsR) + sampler.normal();
      const zF = (Math.sqrt(eventsS) * zS + Math.sqrt(eventsR) * zR) / Math.sqrt(events);
      into.z[ONE_MARKER.F] = zF;
      into.information[ONE_MARKER.F] = this.c * events;
      into.effect[ONE_MARKER.F] = Math.exp(zF / Math.sqrt(this.c * events));
    }
  }
}
