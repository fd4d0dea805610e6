// Two looks of a group-sequential design that round to the same events (or patients) would test the
// same data twice, and the asymptotic log-rank would divide by an increment of no events (a NaN
// statistic before this check): the contract refuses them, naming the rate.
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/engine/scenario/parse.js';
import { lookSizes } from '../../../src/engine/scenario/looks.js';
import { simulate } from '../../../src/engine/simulate.js';
import { scenarioFrom } from '../../support/scenarios.js';

const survival = (events: number, rates: number[]) => ({
  population: { prevalence: 0.4 },
  endpoint: { type: 'survival', controlMedian: { pos: 12, neg: 12 }, hazardRatio: { pos: 0.7, neg: 0.9 } },
  designs: [
    { id: 'gs', type: 'all-comers', n: 200, events, interims: { informationRates: rates, efficacy: 'pocock' } },
  ],
  simulation: { replicates: 200, method: 'asymptotic' },
});

describe('looks that see nothing new', () => {
  it('rounds like the engine: at least one, round(total·t)', () => {
    expect(lookSizes(5, [0.5, 0.6, 1])).toEqual([3, 3, 5]);
    expect(lookSizes(10, [0.01, 1])).toEqual([1, 10]);
  });

  it('refuses two looks on the same events, naming the later rate', () => {
    const parsed = parseScenario(survival(5, [0.5, 0.6, 1]));
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? [] : parsed.errors).toEqual([
      'designs[0].interims.informationRates[1]: ' +
        'must be a rate that gives look 2 more events than look 1 (both analyse 3 of 5), got 0.6',
    ]);
  });

  it('refuses two looks on the same patients', () => {
    const parsed = parseScenario({
      population: { prevalence: 0.4 },
      endpoint: { type: 'continuous', effect: { pos: 0.5, neg: 0 } },
      designs: [
        { id: 'gs', type: 'enriched', n: 4, interims: { informationRates: [0.3, 0.35, 1], efficacy: 'pocock' } },
      ],
    });
    expect(parsed.ok ? [] : parsed.errors).toEqual([
      'designs[0].interims.informationRates[1]: ' +
        'must be a rate that gives look 2 more patients than look 1 (both analyse 1 of 4), got 0.35',
    ]);
  });

  it('looks one event apart simulate to finite numbers', () => {
    const [result] = simulate(scenarioFrom(survival(5, [0.5, 0.7, 1])));
    expect(Number.isFinite(result.reject.any) && Number.isFinite(result.expected.months)).toBe(true);
  });
});
