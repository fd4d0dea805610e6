// Which simulation method suits the endpoint and the assay (docs/methods.md): the sufficient-
// statistics method draws no event times, so it cannot simulate survival; the asymptotic law of
// the log-rank statistics is rpact's survival shortcut and assumes S is exactly the marker+.
import { child } from './checks.js';
import type { Issues } from './checks.js';
import { defaultMethod } from './defaults.js';
import type { EndpointType, Scenario } from './types.js';

type Method = Scenario['simulation']['method'];

export function resolveMethod(
  given: Method | undefined,
  endpointType: EndpointType | undefined,
  population: Partial<Scenario['population']>,
  path: string,
  issues: Issues,
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
  return method;
}

/** the methods the rules above accept for this endpoint and assay, the fastest first */
export function suitableMethods(endpointType: EndpointType, population: Partial<Scenario['population']>): Method[] {
  const perfect = (population.sensitivity ?? 1) === 1 && (population.specificity ?? 1) === 1;
  if (endpointType !== 'survival') return ['sufficient', 'patient'];
  return perfect ? ['asymptotic', 'patient'] : ['patient'];
}
