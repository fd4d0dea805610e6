// The design map's axes with several populations: a subgroup's share across, another's effect up at
// fractions of the first's, as the one-marker map scales effect− (design-map.ts, mapPoint).
import { describe, expect, it } from 'vitest';
import { populationMapAxes, scaledEffect } from '../../../src/engine/planning/population-map.js';
import { scenarioFrom } from '../../support/scenarios.js';

const population = {
  subgroups: [
    { id: 'high', share: 0.2 },
    { id: 'neg', share: 0.8 },
  ],
  populations: [{ id: 'S1', subgroups: ['high'] }],
};
const designs = [{ id: 'all', type: 'all-comers', n: 100 }];

describe('population map axes', () => {
  it('scale the mean difference, the difference in rates and the log hazard ratio', () => {
    const continuous = scenarioFrom({
      population,
      endpoint: { type: 'continuous', effect: { high: 0.6, neg: 0.1 }, sd: { high: 1, neg: 1 } },
      designs,
    });
    expect(scaledEffect(continuous, 'high', 'neg', 0.5)).toBeCloseTo(0.3, 12);
    const binary = scenarioFrom({
      population,
      endpoint: { type: 'binary', control: { high: 0.2, neg: 0.3 }, treatment: { high: 0.5, neg: 0.3 } },
      designs,
    });
    // control in neg 0.3 plus half of high's difference 0.3
    expect(scaledEffect(binary, 'high', 'neg', 0.5)).toBeCloseTo(0.45, 12);
    const survival = scenarioFrom({
      population,
      endpoint: {
        type: 'survival',
        controlMedian: { high: 12, neg: 12 },
        hazardRatio: { high: 0.64, neg: 1 },
      },
      designs: [{ id: 'all', type: 'all-comers', n: 300, events: 200 }],
    });
    expect(scaledEffect(survival, 'high', 'neg', 0.5)).toBeCloseTo(0.8, 12);
  });

  it('name the sweep parameters, one row where the first subgroup has no effect', () => {
    const scenario = scenarioFrom({
      population,
      endpoint: { type: 'continuous', effect: { high: 0.5, neg: 0.1 }, sd: { high: 1, neg: 1 } },
      designs,
    });
    expect(populationMapAxes(scenario, 'high', 'neg', [0.1, 0.4], [0, 0.5, 1])).toEqual([
      { parameter: 'subgroups.high.share', values: [0.1, 0.4] },
      { parameter: 'effect.neg', values: [0, 0.25, 0.5] },
    ]);
    expect(populationMapAxes(scenario, 'neg', 'high', [0.5], [0, 0.5, 1])[1].values).toEqual([0, 0.05, 0.1]);
    const none = scenarioFrom({ ...scenario, endpoint: { ...scenario.endpoint, effect: { high: 0, neg: 0.1 } } });
    expect(populationMapAxes(none, 'high', 'neg', [0.5], [0, 0.5, 1])[1].values).toEqual([0]);
  });
});
