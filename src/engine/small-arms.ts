// Where a design's tests rest on few patients: the smallest expected arm (patients, or events for
// an event-driven survival design) in a population a test looks at, over its analyses. With fewer
// than about ten per arm the z and t tests' normal approximations can miss α (a mixture of very
// different marker strata, a binary endpoint), so the app says so beside the results. Either form of
// the population: with one marker the populations are S and F, with several each population's id and
// F, each holding its share of those the design randomises (population-model.ts).
import { enrolledPopulation, firstStagePopulation, testedPopulations } from './designs/tested.js';
import { layoutOf, treatmentShare } from './population.js';
import { requiredSize } from './scenario/required.js';
import type { Design, Scenario } from './scenario/types.js';

export const FEW_PER_ARM = 10;

export type SmallestArm = {
  id: string;
  /** expected patients (or events) in the smaller arm */
  size: number;
  unit: 'patients' | 'events';
  /** the population's id: S or F with one marker; a population's id or F with several */
  population: string;
  analysis: 'interim' | 'final';
};

/** each design's smallest expected arm in a tested population, at any of its analyses */
export function smallestArms(scenario: Scenario): SmallestArm[] {
  const share = treatmentShare(scenario.trial.allocation);
  const smaller = Math.min(share, 1 - share);
  const layout = layoutOf(scenario.population);
  return scenario.designs.map((design) => {
    const unit = scenario.endpoint.type === 'survival' && design.events !== undefined ? 'events' : 'patients';
    const [first, total] = stages(
      unit === 'events' ? requiredSize(design, 'events', 'here') : requiredSize(design, 'n', 'without events'),
    );
    const looks = 'interims' in design && design.interims ? design.interims.informationRates[0] : 1;
    /** the tested population holding the fewest of those population `enrolled` holds, and its share of them */
    const fewest = (enrolled: number) => {
      const within = layout.populationShare[enrolled];
      const [smallest] = testedPopulations(layout, design)
        .map((k) => ({ k, share: within > 0 ? layout.populationShare[k] / within : 0 }))
        .sort((a, b) => a.share - b.share || a.k - b.k);
      return { population: layout.populationIds[smallest.k], share: smallest.share };
    };
    const arm = (size: number, population: string, analysis: SmallestArm['analysis']): SmallestArm => ({
      id: design.id,
      size: size * smaller,
      unit,
      population,
      analysis,
    });
    switch (design.type) {
      case 'all-comers':
      case 'enriched': {
        const population = layout.populationIds[enrolledPopulation(layout, design)];
        return arm(looks * total, population, looks < 1 ? 'interim' : 'final');
      }
      case 'stratified': {
        const { population, share } = fewest(layout.full);
        return arm(total * share, population, 'final');
      }
      default: {
        // adaptive enrichment: stage 1's patients in its smallest tested population at the interim
        const { population, share } = fewest(firstStagePopulation(layout, design));
        return arm(first * share, population, 'interim');
      }
    }
  });
}

function stages(size: Design['n']): [number, number] {
  return Array.isArray(size) ? [size[0], size[1]] : [size ?? 0, size ?? 0];
}
