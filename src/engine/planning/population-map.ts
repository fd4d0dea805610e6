// The design map's axes with several populations, the counterpart of one marker's prevalence × effect−
// as a share of effect+ (design-map.ts): across, a subgroup's share of those screened (the others keep
// their proportions, parameter.ts); up, another subgroup's effect, from none to the effect in the
// first, at the same fractions of the mean difference, of the difference in response rates or of the
// log hazard ratio as the one-marker map (mapPoint) scales effect−.
import type { Piecewise, Scenario } from '../scenario/types.js';
import type { MapAxis } from './design-map.js';

/** `subgroups.<share>.share` over `shares`, and `effect.<effect>` at each of `ratios` of the effect in `share` */
export function populationMapAxes(
  scenario: Scenario,
  share: string,
  effect: string,
  shares: readonly number[],
  ratios: readonly number[],
): [MapAxis, MapAxis] {
  // a subgroup with no effect gives one value for every ratio: one row
  const effects = [...new Set(ratios.map((ratio) => scaledEffect(scenario, share, effect, ratio)))];
  return [
    { parameter: `subgroups.${share}.share`, values: [...shares] },
    { parameter: `effect.${effect}`, values: effects },
  ];
}

/** the value of `effect.<to>` (parameter.ts) at `ratio` of the effect in subgroup `from` */
export function scaledEffect(scenario: Scenario, from: string, to: string, ratio: number): number {
  const endpoint = scenario.endpoint;
  if (endpoint.type === 'continuous') return ratio * endpoint.effect[from];
  if (endpoint.type === 'binary')
    return endpoint.control[to] + ratio * (endpoint.treatment[from] - endpoint.control[from]);
  const hazardRatio = (endpoint.hazardRatio as Record<string, Piecewise>)[from];
  if (typeof hazardRatio !== 'number')
    throw new Error(`endpoint.hazardRatio.${from}: given as pieces, which one hazard ratio per cell cannot scale`);
  return hazardRatio ** ratio;
}
