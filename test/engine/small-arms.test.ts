// The smallest expected arm a design's tests look at, against hand calculations.
import { describe, expect, it } from 'vitest';
import { smallestArms } from '../../src/engine/small-arms.js';
import { continuousEndpoint, scenarioFrom } from '../support/scenarios.js';

describe('smallest arms', () => {
  it('for each design type, at its smallest analysis and population', () => {
    const scenario = scenarioFrom({
      population: { prevalence: 0.1, sensitivity: 0.8, specificity: 0.9 },
      endpoint: continuousEndpoint(0.5, 0.1),
      trial: { allocation: 2 },
      designs: [
        { id: 'all', type: 'all-comers', n: 360 },
        { id: 'gs', type: 'enriched', n: 60, interims: { informationRates: [0.25, 1], efficacy: 'obrien-fleming' } },
        { id: 'strat', type: 'stratified', n: 300, intersection: 'simes' },
        { id: 'ae', type: 'adaptive-enrichment', n: [150, 300], intersection: 'simes' },
      ],
    });
    // P(assay+) = 0.1·0.8 + 0.9·0.1 = 0.17; 2:1 allocation: the control arm holds 1/3
    expect(smallestArms(scenario)).toEqual([
      { id: 'all', size: expect.closeTo(120, 12), unit: 'patients', population: 'F', analysis: 'final' },
      { id: 'gs', size: expect.closeTo(5, 12), unit: 'patients', population: 'S', analysis: 'interim' },
      { id: 'strat', size: expect.closeTo(17, 12), unit: 'patients', population: 'S', analysis: 'final' },
      { id: 'ae', size: expect.closeTo(8.5, 12), unit: 'patients', population: 'S', analysis: 'interim' },
    ]);
  });

  it('counts events for event-driven survival designs', () => {
    const scenario = scenarioFrom({
      population: { prevalence: 0.4 },
      endpoint: { type: 'survival', controlMedian: { pos: 12, neg: 12 }, hazardRatio: { pos: 0.6, neg: 0.9 } },
      designs: [{ id: 'ae', type: 'adaptive-enrichment', n: [200, 400], events: [60, 240], intersection: 'simes' }],
    });
    expect(smallestArms(scenario)).toEqual([
      { id: 'ae', size: expect.closeTo(12, 12), unit: 'events', population: 'S', analysis: 'interim' },
    ]);
  });
});
