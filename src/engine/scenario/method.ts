// Which simulation method suits the endpoint and the assay (docs/methods.md): the sufficient-
// statistics method draws no event times, so it cannot simulate survival; the asymptotic law of
// the log-rank statistics is rpact's survival shortcut and assumes S is exactly the marker+ and
// proportional hazards (under a hazard ratio that changes with time its drift is no function of
// the events alone, and its variance under the alternative is not 1).
import { child } from './checks.js';
import type { Issues } from './checks.js';
import { defaultMethod } from './defaults.js';
import { proportionalHazards } from './survival-rules.js';
import type { EndpointType, Scenario } from './types.js';

type Method = Scenario['simulation']['method'];

export function resolveMethod(
  given: Method | undefined,
  endpointType: EndpointType | undefined,
  population: Partial<Scenario['population']>,
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
  const { sensitivity, specificity } = population;
  if (
    method === 'asymptotic' &&
    ((sensitivity !== undefined && sensitivity !== 1) || (specificity !== undefined && specificity !== 1))
  ) {
    issues.push(`${at}: "asymptotic" needs a perfect assay (sensitivity and specificity 1)`);
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
export function suitableMethods(
  endpointType: EndpointType,
  population: Partial<Scenario['population']>,
  endpoint?: unknown,
): Method[] {
  const perfect = (population.sensitivity ?? 1) === 1 && (population.specificity ?? 1) === 1;
  if (endpointType !== 'survival') return ['sufficient', 'patient'];
  return perfect && proportionalHazards(endpoint) ? ['asymptotic', 'patient'] : ['patient'];
}
