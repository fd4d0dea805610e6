// What a valid scenario may ask for that this version cannot simulate yet; each line names the field.
import type { Scenario } from './scenario/types.js';

export function unsupportedFeatures(scenario: Scenario): string[] {
  const problems: string[] = [];
  if (scenario.endpoint.type === 'survival') {
    problems.push('endpoint.type: "survival" is not simulated yet (coming with the time-to-event issue); use "continuous" or "binary"');
  }
  return problems;
}
