// The defaults of the scenario's own fields (docs/scenario.md, "Scenario fields"); the defaults of a
// design's fields live with the design, in design-meta.ts.
import type { EndpointType, Scenario } from './types.js';

export const DEFAULTS = {
  version: 1,
  title: '',
  alpha: 0.025,
  population: { sensitivity: 1, specificity: 1 },
  endpoint: { sd: 1, dropoutPerYear: 0 },
  trial: {
    allocation: 1,
    screeningRate: 20,
    endpointDelay: 0,
    costs: { perScreened: 0, perRandomized: 0, perMonth: 0, fixed: 0 },
  },
  analysis: { statistic: 't', strata: 'random', stratified: true },
  simulation: { replicates: 10_000, seed: 'stratum' },
} as const;

/** Survival needs event times, which the sufficient-statistics method does not draw. */
export function defaultMethod(endpointType: EndpointType): Scenario['simulation']['method'] {
  return endpointType === 'survival' ? 'patient' : 'sufficient';
}
