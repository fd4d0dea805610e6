// The smallest expected arm a design's tests look at, against hand calculations, with one marker and with
// several populations.
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

  it('with several populations: the tested population holding the fewest, by its id', () => {
    const scenario = scenarioFrom({
      population: {
        subgroups: [
          { id: 'a', share: 0.1 },
          { id: 'b', share: 0.2 },
          { id: 'c', share: 0.3 },
          { id: 'd', share: 0.4 },
        ],
        populations: [
          { id: 'P1', subgroups: ['a'] },
          { id: 'P2', subgroups: ['a', 'b'] },
          { id: 'P3', subgroups: ['b', 'c'] },
        ],
      },
      endpoint: {
        type: 'continuous',
        effect: { a: 0.5, b: 0.3, c: 0.2, d: 0 },
        sd: { a: 1, b: 1, c: 1, d: 1 },
      },
      designs: [
        { id: 'all', type: 'all-comers', n: 100 },
        { id: 'enr', type: 'enriched', population: 'P2', n: 200, interims: { informationRates: [0.5, 1] } },
        { id: 'strat', type: 'stratified', n: 300, intersection: 'simes' },
        { id: 'ae', type: 'adaptive-enrichment', n: [100, 300], intersection: 'simes' },
        { id: 'ae2', type: 'adaptive-enrichment', n: [100, 300], intersection: 'simes', stage1: 'P2' },
      ],
    });
    // 1:1, half of each count per arm; P(in P1) = 0.1, P(in P2) = 0.3, P(in P3) = 0.5
    expect(smallestArms(scenario)).toEqual([
      { id: 'all', size: expect.closeTo(50, 12), unit: 'patients', population: 'F', analysis: 'final' },
      // half its 200 at the interim, every one of them in P2
      { id: 'enr', size: expect.closeTo(50, 12), unit: 'patients', population: 'P2', analysis: 'interim' },
      // 300 · 0.1 / 2 in P1, the smallest of P1, P2, P3 and F
      { id: 'strat', size: expect.closeTo(15, 12), unit: 'patients', population: 'P1', analysis: 'final' },
      // stage 1's 100 of all comers: 100 · 0.1 / 2 in P1
      { id: 'ae', size: expect.closeTo(5, 12), unit: 'patients', population: 'P1', analysis: 'interim' },
      // stage 1's 100 of P2, a third of them in P1 (0.1 / 0.3); P3 and F are not inside P2, so not tested
      { id: 'ae2', size: expect.closeTo(100 / 6, 12), unit: 'patients', population: 'P1', analysis: 'interim' },
    ]);
  });
});
