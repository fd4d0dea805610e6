// How the page names a sweep parameter of the several-populations form (parameter.ts) on a chart's
// axis, and how its values read: a subgroup's share as a percentage, its effect on the endpoint's own
// scale (a mean difference, a response rate on treatment, a hazard ratio).
import { format } from 'd3';
import type { EndpointType } from '../engine/scenario/types.js';
import type { AxisWords } from './charts/map-chart.js';

const EFFECT: Record<EndpointType, AxisWords> = {
  continuous: { label: 'mean difference', format: format('.2~f') },
  binary: { label: 'response on treatment', format: format('.0%') },
  survival: { label: 'hazard ratio', format: format('.2f') },
};

/** `subgroups.<id>.share` or `effect.<id>` in words; any other parameter by its name */
export function parameterWords(parameter: string, endpoint: EndpointType): AxisWords {
  const share = /^subgroups\.(.+)\.share$/.exec(parameter);
  if (share) return { label: `share of ${share[1]}`, format: format('.0%') };
  const effect = /^effect\.(.+)$/.exec(parameter);
  if (effect) return { label: `${EFFECT[endpoint].label} in ${effect[1]}`, format: EFFECT[endpoint].format };
  return { label: parameter, format: format('~g') };
}
