// Sweeps on common random numbers, and the design map against Simon & Maitournam's ratio.
import { describe, expect, it } from 'vitest';
import { designMap } from '../../../src/engine/planning/design-map.js';
import { withParameter } from '../../../src/engine/planning/parameter.js';
import { sweep } from '../../../src/engine/planning/sweep.js';
import { simulate } from '../../../src/engine/simulate.js';
import { continuousEndpoint, scenarioFrom } from '../../support/scenarios.js';

const sizes = Array.from({ length: 12 }, (_, i) => 60 + 40 * i);

describe('sweeps', () => {
  it('power never falls as n grows (continuous z, fixed strata: each cell keeps its normal draw over n)', async () => {
    const scenario = scenarioFrom({
      population: { prevalence: 0.3 },
      endpoint: continuousEndpoint(0.4, 0.1),
      analysis: { statistic: 'z', strata: 'fixed' },
      designs: [
        { id: 'all', type: 'all-comers', n: 100 },
        { id: 'enriched', type: 'enriched', n: 100 },
        { id: 'simes', type: 'stratified', n: 100, intersection: 'simes' },
      ],
      simulation: { replicates: 4000, seed: 'sweep' },
    });
    const points = await sweep(scenario, 'n', sizes, simulate);
    for (let d = 0; d < 3; d++) {
      for (let i = 1; i < points.length; i++) {
        for (const hypothesis of ['any', 'S', 'F'] as const) {
          const before = points[i - 1].results[d].reject[hypothesis];
          if (before === undefined) continue;
          expect(
            points[i].results[d].reject[hypothesis]!,
            `${points[i].results[d].id} ${hypothesis} at n = ${points[i].value}`,
          ).toBeGreaterThanOrEqual(before);
        }
      }
    }
  });

  it("simulates each point with the scenario's own streams (common random numbers), not a seed per point", async () => {
    const scenario = scenarioFrom({
      population: { prevalence: 0.3 },
      endpoint: continuousEndpoint(0.4, 0.1),
      designs: [{ id: 'adaptive', type: 'adaptive-enrichment', n: [100, 200], intersection: 'simes' }],
      simulation: { replicates: 3000, seed: 'crn' },
    });
    const points = await sweep(scenario, 'prevalence', [0.2, 0.4], simulate);
    for (const point of points) {
      const alone = withParameter(scenario, 'prevalence', point.value);
      expect(alone.ok && simulate(alone.scenario)).toEqual(point.results);
    }
    expect(points[0].results).not.toEqual(points[1].results);
  });

  it('more events take more patients: n keeps its patients per event (one- and two-stage designs)', () => {
    const scenario = scenarioFrom({
      population: { prevalence: 0.4 },
      endpoint: { type: 'survival', controlMedian: { pos: 12, neg: 12 }, hazardRatio: { pos: 0.6, neg: 0.9 } },
      designs: [
        { id: 'fixed', type: 'all-comers', n: 500, events: 250 },
        { id: 'adaptive', type: 'adaptive-enrichment', n: [200, 400], events: [100, 300], intersection: 'simes' },
      ],
    });
    const more = withParameter(scenario, 'events', 600);
    expect(more.ok).toBe(true);
    const [fixed, adaptive] = more.ok ? more.scenario.designs : [];
    expect([fixed.n, fixed.events]).toEqual([1200, 600]);
    expect([adaptive.n, adaptive.events]).toEqual([
      [400, 800],
      [200, 600],
    ]);
  });

  it('names a value the contract refuses', () => {
    const scenario = scenarioFrom({
      population: { prevalence: 0.3 },
      endpoint: continuousEndpoint(0.4, 0.1),
      designs: [{ id: 'a', type: 'all-comers', n: 100 }],
    });
    const varied = withParameter(scenario, 'prevalence', 1.2);
    expect(varied.ok).toBe(false);
    expect(!varied.ok && varied.errors[0]).toMatch(/^prevalence = 1.2: population.prevalence: /);
    expect(withParameter(scenario, 'colour', 1)).toEqual({
      ok: false,
      errors: [expect.stringMatching(/^--param: must be one of/)],
    });
  });
});

describe('design map', () => {
  it(
    'all-comers needs (θ_S/θ_F)² times the enriched randomised patients, ' +
      'and wins only when the negative effect is near the positive one',
    async () => {
      const scenario = scenarioFrom({
        population: { prevalence: 0.3 },
        endpoint: continuousEndpoint(0.5, 0.1),
        analysis: { statistic: 'z', strata: 'fixed', stratified: false },
        trial: { costs: { perScreened: 1000, perRandomized: 10000 } },
        designs: [
          { id: 'all', type: 'all-comers', n: 100 },
          { id: 'enriched', type: 'enriched', n: 100 },
        ],
        simulation: { replicates: 500 },
      });
      const prevalences = [0.2, 0.5, 0.8];
      const ratios = [0, 0.5, 1];
      const map = await designMap(scenario, prevalences, ratios, { power: 0.8, hypothesis: 'any' }, simulate);
      expect(map.cells).toHaveLength(9);
      for (const cell of map.cells) {
        const thetaS = 0.5;
        const thetaF = cell.prevalence * 0.5 + (1 - cell.prevalence) * cell.ratio * 0.5;
        // unit variance in every cell; the treated arm's variance adds the spread of effects in F
        const varianceF = 1 + cell.prevalence * (1 - cell.prevalence) * (0.5 - cell.ratio * 0.5) ** 2;
        const expected = ((thetaS / thetaF) ** 2 * (1 + varianceF)) / 2;
        if (cell.ratio === 0 && cell.prevalence < 0.5) expect(cell.fewestRandomized).toBe('enriched');
        const ratio = cell.randomized.all! / cell.randomized.enriched!;
        // both sizes are rounded up to whole patients
        expect(Math.abs(ratio - expected)).toBeLessThan(
          expected * (1 / cell.randomized.enriched! + 1 / cell.randomized.all!) + 1e-9,
        );
      }
      const equal = map.cells.find((cell) => cell.ratio === 1 && cell.prevalence === 0.2)!;
      expect(equal.leastCost).toBe('all');
    },
  );
});
