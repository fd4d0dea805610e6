// What follows from a scenario with several populations (docs/populations.md), for the report's
// assumptions: each population's share of the screened and its effect, the subgroups' effects mixed by
// the population's composition by true subgroup (P(truly i | in the population), which the assay sets),
// as the effect in S mixes by the PPV for one marker. Mean and rate differences mix linearly.
import { layoutOf } from '../engine/population.js';
import type { Scenario } from '../engine/scenario/types.js';

export type PopulationNumbers = Record<string, { share: number; effect: number }>;

/** per population id and F; undefined for a survival endpoint, whose hazard ratios do not mix so */
export function populationNumbers(scenario: Scenario): PopulationNumbers | undefined {
  const endpoint = scenario.endpoint;
  if (endpoint.type === 'survival') return undefined;
  const layout = layoutOf(scenario.population);
  const groups = layout.subgroupIds.length;
  const effectOf = (id: string) =>
    endpoint.type === 'continuous' ? endpoint.effect[id] : endpoint.treatment[id] - endpoint.control[id];
  return Object.fromEntries(
    layout.populationIds.map((id, k) => {
      let effect = 0;
      layout.subgroupIds.forEach((subgroup, i) => {
        effect += layout.composition[k * groups + i] * effectOf(subgroup);
      });
      return [id, { share: layout.populationShare[k], effect }];
    }),
  );
}
