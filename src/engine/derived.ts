// What follows from a scenario's population and endpoint, for the app's derived line: P(assay+),
// PPV, NPV and the treatment effect in S (assay-positive) and F (everyone screened). A mean or
// rate difference mixes linearly over true status; a hazard ratio mixes on the log scale with
// weights P(status)·(1 + r·HR), each status's share of events under Schoenfeld's approximation. A
// status whose hazard ratio changes with time enters with its average hazard ratio over its patients'
// whole follow-up (planning/average-hazard-ratio.ts).
import { subgroupHazardRatio } from './planning/average-hazard-ratio.js';
import { markerPopulation, summarisePopulation } from './population.js';
import type { Scenario } from './scenario/types.js';

export type Derived = {
  assayPositive: number;
  ppv: number;
  npv: number;
  /** the effect's scale: a mean difference, a difference in response rates, or a hazard ratio */
  measure: 'mean difference' | 'rate difference' | 'hazard ratio';
  effectS: number;
  effectF: number;
};

export function derivedQuantities(scenario: Scenario): Derived {
  const summary = summarisePopulation(scenario.population);
  const p = markerPopulation(scenario.population).prevalence;
  const endpoint = scenario.endpoint;
  const base = { assayPositive: summary.assayPositive, ppv: summary.ppv, npv: summary.npv };
  if (endpoint.type === 'survival') {
    const r = scenario.trial.allocation;
    const hr = { pos: subgroupHazardRatio(endpoint, 'pos', r), neg: subgroupHazardRatio(endpoint, 'neg', r) };
    const mix = (positive: number) => {
      const wPos = positive * (1 + r * hr.pos);
      const wNeg = (1 - positive) * (1 + r * hr.neg);
      return Math.exp((wPos * Math.log(hr.pos) + wNeg * Math.log(hr.neg)) / (wPos + wNeg));
    };
    return { ...base, measure: 'hazard ratio', effectS: mix(summary.ppv), effectF: mix(p) };
  }
  const difference =
    endpoint.type === 'continuous'
      ? endpoint.effect
      : { pos: endpoint.treatment.pos - endpoint.control.pos, neg: endpoint.treatment.neg - endpoint.control.neg };
  const mix = (positive: number) => positive * difference.pos + (1 - positive) * difference.neg;
  return {
    ...base,
    measure: endpoint.type === 'continuous' ? 'mean difference' : 'rate difference',
    effectS: mix(summary.ppv),
    effectF: mix(p),
  };
}
