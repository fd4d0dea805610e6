// Which simulation method suits the endpoint and the assay (docs/methods.md): the sufficient-
// statistics method draws no event times, so it cannot simulate survival; the asymptotic law of
// the log-rank statistics is rpact's survival shortcut and assumes S is exactly the marker+ and
// proportional hazards (under a hazard ratio that changes with time its drift is no function of
// the events alone, and its variance under the alternative is not 1). The several-populations form
// takes the same methods, its assay perfect when it classifies everyone as what they truly are.
import { child, isRecord } from './checks.js';
import type { Issues } from './checks.js';
import { defaultMethod } from './defaults.js';
import { proportionalHazards } from './survival-rules.js';
import type { EndpointType, MarkerPopulation, Scenario, SubgroupPopulation } from './types.js';

type Method = Scenario['simulation']['method'];
/** the population as read so far (or drafted), in either form */
type Population = Partial<MarkerPopulation & SubgroupPopulation>;

/** sensitivity and specificity 1 (left out: 1), and no assay entry off the diagonal above 0 */
function perfectAssay({ sensitivity = 1, specificity = 1, assay }: Population): boolean {
  const rows = isRecord(assay) ? Object.entries(assay) : [];
  const offDiagonal = rows.some(
    ([truth, row]) => isRecord(row) && Object.entries(row).some(([classified, p]) => classified !== truth && p !== 0),
  );
  return sensitivity === 1 && specificity === 1 && !offDiagonal;
}

export function resolveMethod(
  given: Method | undefined,
  endpointType: EndpointType | undefined,
  population: Population,
  path: string,
  issues: Issues,
  /** the endpoint as written */
  endpoint?: unknown,
): Method | undefined {
  if (endpointType === undefined) return given; // the endpoint's own problem is reported already
  const method = given ?? defaultMethod(endpointType);
  const at = child(path, 'method');
  if (endpointType === 'survival' && method === 'sufficient') {
    issues.push(
      `${at}: must be "patient" or "asymptotic" for a survival endpoint ` +
        '("sufficient" draws no event times), got "sufficient"',
    );
    return undefined;
  }
  if (endpointType !== 'survival' && method === 'asymptotic') {
    issues.push(
      `${at}: must be "sufficient" or "patient" for a ${endpointType} endpoint ` +
        '("asymptotic" is for survival only), got "asymptotic"',
    );
    return undefined;
  }
  if (method === 'asymptotic' && !perfectAssay(population)) {
    const perfect =
      population.subgroups === undefined ? 'sensitivity and specificity 1' : 'population.assay the identity';
    issues.push(`${at}: "asymptotic" needs a perfect assay (${perfect})`);
    return undefined;
  }
  if (method === 'asymptotic' && !proportionalHazards(endpoint)) {
    issues.push(
      `${at}: must be "patient" for non-proportional hazards ` +
        '(the asymptotic law needs one hazard ratio per marker status), got "asymptotic"',
    );
    return undefined;
  }
  return method;
}

/**
 * the methods the rules above accept for this endpoint, assay and (survival) hazards as drafted, the
 * fastest first
 */
export function suitableMethods(endpointType: EndpointType, population: Population, endpoint?: unknown): Method[] {
  if (endpointType !== 'survival') return ['sufficient', 'patient'];
  return perfectAssay(population) && proportionalHazards(endpoint) ? ['asymptotic', 'patient'] : ['patient'];
}
