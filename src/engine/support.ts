// What a valid scenario may ask for that this version cannot simulate yet; each line names the field.
import type { Scenario } from './scenario/types.js';

export function unsupportedFeatures(scenario: Scenario): string[] {
  const problems: string[] = [];
  if (scenario.endpoint.type === 'survival' && scenario.simulation.method === 'patient') {
    scenario.designs.forEach((design, index) => {
      if (design.type === 'adaptive-enrichment') {
        problems.push(`designs[${index}].type: adaptive enrichment with a survival endpoint is simulated with simulation.method "asymptotic" only so far (patient-level two-stage log-rank is not available yet)`);
      }
    });
  }
  return problems;
}
