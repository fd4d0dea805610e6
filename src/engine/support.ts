// What a valid scenario may ask for that this version cannot simulate yet; each line names the field.
import type { Scenario } from './scenario/types.js';

export function unsupportedFeatures(scenario: Scenario): string[] {
  const problems: string[] = [];
  if (scenario.endpoint.type === 'survival') {
    problems.push('endpoint.type: "survival" is not simulated yet (coming with the time-to-event issue); use "continuous" or "binary"');
  }
  scenario.designs.forEach((design, index) => {
    if (design.type === 'adaptive-enrichment') {
      problems.push(`designs[${index}].type: "adaptive-enrichment" is not simulated yet (coming with the adaptive-enrichment issue)`);
    }
    if ((design.type === 'all-comers' || design.type === 'enriched') && design.interims) {
      problems.push(`designs[${index}].interims: group-sequential designs are not simulated yet (coming with the adaptive-enrichment issue)`);
    }
  });
  return problems;
}
