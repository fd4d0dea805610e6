// The global null hypothesis of a scenario: no treatment effect in any patient, so that every
// design's rejections under it are its type I error in the same trial (sizes, rules, seed, and so
// the same random streams). Continuous: every mean difference 0; binary: treatment responds as
// control does; survival: every hazard ratio 1. A re-sizing rule's assumed effect and a selection
// threshold are the design's own planning choices and stay as they are.
import type { Endpoint, Scenario } from '../scenario/types.js';

export function globalNull(scenario: Scenario): Scenario {
  return { ...scenario, endpoint: nullEndpoint(scenario.endpoint) };
}

function nullEndpoint(endpoint: Endpoint): Endpoint {
  switch (endpoint.type) {
    case 'continuous':
      // every subgroup's: pos and neg in the one-marker form
      return { ...endpoint, effect: Object.fromEntries(Object.keys(endpoint.effect).map((id) => [id, 0])) };
    case 'binary':
      return { ...endpoint, treatment: { ...endpoint.control } };
    case 'survival':
      return {
        ...endpoint,
        hazardRatio: Object.fromEntries(
          Object.keys(endpoint.hazardRatio).map((id) => [id, 1]),
        ) as typeof endpoint.hazardRatio,
      };
  }
}
