// The global null: no effect anywhere, everything else as it was; the closed forms at it give α for
// each one-analysis design (their exact level under the global null), the simulation keeps α.
import { describe, expect, it } from 'vitest';
import { globalNull } from '../../../src/engine/planning/global-null.js';
import { scenarioAnalytics } from '../../../src/engine/results.js';
import { parseScenario } from '../../../src/engine/scenario/parse.js';
import { simulate } from '../../../src/engine/simulate.js';
import { proportionSe } from '../../support/monte-carlo.js';
import { binaryEndpoint, continuousEndpoint, scenarioFrom } from '../../support/scenarios.js';

const designs = [
  { id: 'all', type: 'all-comers', n: 300 },
  { id: 'enriched', type: 'enriched', n: 150 },
  { id: 'simes', type: 'stratified', n: 300, intersection: 'simes' },
  {
    id: 'adaptive',
    type: 'adaptive-enrichment',
    n: [150, 300],
    recalculation: { conditionalPower: 0.8, minStage2: 50, maxStage2: 400, assumedEffect: 0.4 },
  },
];
const survival = {
  type: 'survival',
  controlMedian: { pos: 9, neg: 14 },
  hazardRatio: { pos: 0.6, neg: 0.85 },
  dropoutPerYear: 0.05,
};

describe('globalNull', () => {
  it.each([
    [
      'continuous',
      continuousEndpoint(0.5, 0.1, 1, 1.3),
      { type: 'continuous', sd: { pos: 1, neg: 1.3 }, effect: { pos: 0, neg: 0 } },
    ],
    [
      'binary',
      binaryEndpoint([0.2, 0.3], [0.45, 0.35]),
      { type: 'binary', control: { pos: 0.2, neg: 0.3 }, treatment: { pos: 0.2, neg: 0.3 } },
    ],
    ['survival', survival, { ...survival, hazardRatio: { pos: 1, neg: 1 } }],
  ])('%s: no effect anywhere, every other field and the input unchanged', (_, endpoint, expected) => {
    const sizes = endpoint.type === 'survival' ? { events: 100 } : {};
    const scenario = scenarioFrom({
      population: { prevalence: 0.3, sensitivity: 0.9 },
      endpoint,
      designs: designs.slice(0, 3).map((design) => ({ ...design, ...sizes })),
      simulation: { seed: 'kept' },
    });
    const before = JSON.stringify(scenario);
    const nulled = globalNull(scenario);
    expect(nulled.endpoint).toEqual(expected);
    expect({ ...nulled, endpoint: scenario.endpoint }).toEqual(scenario);
    expect(JSON.stringify(scenario)).toBe(before);
    expect(parseScenario(nulled)).toEqual({ ok: true, scenario: nulled });
    expect(globalNull(nulled)).toEqual(nulled);
  });

  it('the one-analysis closed forms at the global null are α (z test, fixed strata); the simulation keeps α', () => {
    const scenario = scenarioFrom({
      alpha: 0.025,
      population: { prevalence: 0.35 },
      endpoint: continuousEndpoint(0.5, 0.1, 1, 1.2),
      analysis: { statistic: 'z', strata: 'fixed' },
      designs,
      simulation: { replicates: 20_000, seed: 'global-null' },
    });
    const [all, enriched, simes] = scenarioAnalytics(globalNull(scenario));
    expect(all!.reject.F).toBeCloseTo(0.025, 12);
    expect(enriched!.reject.S).toBeCloseTo(0.025, 12);
    expect(simes!.reject.any).toBeLessThanOrEqual(0.025 + 1e-12);
    for (const result of simulate(globalNull(scenario))) {
      expect(result.reject.any, result.id).toBeLessThanOrEqual(0.025 + 4 * proportionSe(0.025, 20_000));
    }
  });
});
