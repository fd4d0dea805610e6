// Where a design's tests rest on few patients: the smallest expected arm (patients, or events for
// an event-driven survival design) in a population a test looks at, over its analyses. With fewer
// than about ten per arm the z and t tests' normal approximations can miss α (a mixture of very
// different marker strata, a binary endpoint), so the app says so beside the results.
import { summarisePopulation, treatmentShare } from './population.js';
import { requiredSize } from './scenario/required.js';
import type { Design, Scenario } from './scenario/types.js';

export const FEW_PER_ARM = 10;

export type SmallestArm = {
  id: string;
  /** expected patients (or events) in the smaller arm */
  size: number;
  unit: 'patients' | 'events';
  population: 'S' | 'F';
  analysis: 'interim' | 'final';
};

/** each design's smallest expected arm in a tested population, at any of its analyses */
export function smallestArms(scenario: Scenario): SmallestArm[] {
  const share = treatmentShare(scenario.trial.allocation);
  const smaller = Math.min(share, 1 - share);
  const assayPositive = summarisePopulation(scenario.population).assayPositive;
  return scenario.designs.map((design) => {
    const unit = scenario.endpoint.type === 'survival' && design.events !== undefined ? 'events' : 'patients';
    const [first, total] = stages(
      unit === 'events' ? requiredSize(design, 'events', 'here') : requiredSize(design, 'n', 'without events'),
    );
    const looks = 'interims' in design && design.interims ? design.interims.informationRates[0] : 1;
    const arm = (size: number, population: 'S' | 'F', analysis: SmallestArm['analysis']): SmallestArm => ({
      id: design.id,
      size: size * smaller,
      unit,
      population,
      analysis,
    });
    switch (design.type) {
      case 'all-comers':
        return arm(looks * total, 'F', looks < 1 ? 'interim' : 'final');
      case 'enriched':
        return arm(looks * total, 'S', looks < 1 ? 'interim' : 'final');
      case 'stratified':
        return arm(total * assayPositive, 'S', 'final');
      default:
        // adaptive enrichment: stage 1's patients in S at the interim
        return arm(first * assayPositive, 'S', 'interim');
    }
  });
}

function stages(size: Design['n']): [number, number] {
  return Array.isArray(size) ? [size[0], size[1]] : [size ?? 0, size ?? 0];
}
