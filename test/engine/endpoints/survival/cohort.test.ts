// A patient-level survival cohort randomises r : 1 within every cell with fixed strata. Fixed strata
// deal the cells in a cycle, so arms alternated over everyone would follow the cells: at prevalence 0.5
// (cells pos, neg, pos, neg, …) every marker-positive patient was treated, and a stratified design's
// P(reject) was 0 where its closed form is 0.54. Counted here directly, at several shares, allocations
// and populations, and for random strata the arms keep r : 1 over everyone.
import { describe, expect, it } from 'vitest';
import { Cohort } from '../../../../src/engine/endpoints/survival/cohort.js';
import { survivalHazards } from '../../../../src/engine/endpoints/survival/hazards.js';
import { layoutOf } from '../../../../src/engine/population.js';
import { blockStream } from '../../../../src/engine/random/stream.js';
import { Sampler } from '../../../../src/engine/random/sampler.js';
import type { SurvivalEndpoint } from '../../../../src/engine/scenario/types.js';
import { scenarioFrom } from '../../../support/scenarios.js';

const endpoint = { type: 'survival', controlMedian: { pos: 12, neg: 12 }, hazardRatio: { pos: 0.7, neg: 0.9 } };

/** per cell of a cohort of `n` from `mask`, [treated, randomised] */
function armsByCell(prevalence: number, allocation: number, strata: string, n: number, mask: number, assay = 0.9) {
  const scenario = scenarioFrom({
    population: { prevalence, sensitivity: assay, specificity: assay },
    endpoint,
    trial: { allocation },
    analysis: { strata },
    designs: [{ id: 'a', type: 'all-comers', n, events: Math.floor(n / 2) }],
  });
  const layout = layoutOf(scenario.population);
  const cohort = new Cohort(scenario, layout, survivalHazards(scenario.endpoint as SurvivalEndpoint, layout));
  cohort.clear();
  cohort.recruit(mask, n, new Sampler(blockStream('cohort arms', strata, 0)));
  const counts = Array.from({ length: layout.cells }, () => [0, 0]);
  for (let i = 0; i < cohort.size; i++) {
    const cell = cohort.slot[i] % layout.cells;
    if (cohort.slot[i] < layout.cells) counts[cell][0]++;
    counts[cell][1]++;
  }
  return counts;
}

describe('a cohort’s arms', () => {
  it.each([
    [0.5, 1, 0b11, 1],
    [0.5, 1, 0b11, 0.9],
    [0.4, 1, 0b11, 0.9],
    [0.25, 2, 0b11, 0.9],
    [0.5, 1.5, 0b01, 0.9],
  ])(
    'fixed strata, prevalence %s, allocation %s, mask %s, assay %s: r : 1 in each cell',
    (prevalence, allocation, mask, assay) => {
      const share = allocation / (1 + allocation);
      for (const [treated, randomised] of armsByCell(prevalence, allocation, 'fixed', 400, mask, assay)) {
        // each cell's arms follow r : 1 in turn: at most one patient off its share
        expect(Math.abs(treated - share * randomised)).toBeLessThanOrEqual(1);
      }
    },
  );

  it('random strata: r : 1 over everyone', () => {
    const counts = armsByCell(0.5, 2, 'random', 300, 0b11);
    const treated = counts.reduce((sum, [t]) => sum + t, 0);
    expect(treated).toBe(200);
  });
});
