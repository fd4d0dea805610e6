// The charts' data: the prevalence grid passes through the scenario's own prevalence, and each
// sweep's curves carry every hypothesis the results hold, from one simulation per point.
import { describe, expect, it } from 'vitest';
import { powerByPrevalence, powerBySize, prevalenceValues } from '../../src/app/chart-data.js';
import type { DesignResult } from '../../src/engine/results.js';
import type { Scenario } from '../../src/engine/scenario/types.js';
import { continuousEndpoint, scenarioFrom } from '../support/scenarios.js';

describe('prevalenceValues', () => {
  it('is every tenth when the scenario is on one of them', () => {
    expect(prevalenceValues(0.3)).toEqual([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]);
  });

  it('adds the scenario between tenths, and a neighbour below 0.1 or above 0.9, inside the contract', () => {
    expect(prevalenceValues(0.35)).toEqual([0.1, 0.2, 0.3, 0.35, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]);
    expect(prevalenceValues(0.03)).toEqual([0.015, 0.03, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]);
    expect(prevalenceValues(0.97)).toEqual([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.97, 0.985]);
    expect(prevalenceValues(0.001)).toEqual([0.001, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]);
    expect(prevalenceValues(0.999)[9]).toBe(0.999);
    for (const p of [0.001, 0.03, 0.35, 0.97, 0.999]) {
      const values = prevalenceValues(p);
      expect(values).toContain(p);
      expect(Math.min(...values)).toBeGreaterThanOrEqual(0.001);
      expect(Math.max(...values)).toBeLessThanOrEqual(0.999);
    }
  });
});

const scenario = scenarioFrom({
  population: { prevalence: 0.03 },
  endpoint: continuousEndpoint(0.5, 0.1),
  designs: [
    { id: 'all', type: 'all-comers', n: 100 },
    { id: 'enriched', type: 'enriched', n: 100 },
    { id: 'stratified', type: 'stratified', n: 100 },
  ],
  simulation: { replicates: 500 },
});

/** results as the engine gives them: P(reject) for `any` and only the hypotheses each design tests */
function stubResults(point: Scenario): DesignResult[] {
  const probabilities: Record<string, DesignResult['reject']> = {
    all: { any: 0.5, F: 0.5 },
    enriched: { any: 0.6, S: 0.6 },
    stratified: { any: 0.7, S: 0.55, F: 0.45, both: 0.3 },
  };
  return point.designs.map((design) => ({
    id: design.id,
    type: design.type,
    label: design.label,
    replicates: point.simulation.replicates,
    reject: probabilities[design.id],
    mcse: Object.fromEntries(Object.keys(probabilities[design.id]).map((h) => [h, 0.01])) as DesignResult['mcse'],
    expected: { randomized: 100, screened: 100, months: 12, cost: 0 },
  }));
}

describe('power curves', () => {
  it('carry each hypothesis a design tests, from one simulation per point', async () => {
    let simulations = 0;
    const curves = await powerBySize(scenario, (point) => {
      simulations++;
      return stubResults(point);
    });
    const points = curves.series[0].byHypothesis.any?.length ?? 0;
    expect(simulations).toBe(points);
    expect(curves.series.map((series) => Object.keys(series.byHypothesis).sort())).toEqual([
      ['F', 'any'],
      ['S', 'any'],
      ['F', 'S', 'any', 'both'],
    ]);
    expect(curves.series[2].byHypothesis.both?.[0]).toEqual({ x: expect.any(Number), y: 0.3, se: 0.01 });
  });

  it("against prevalence pass through and mark the scenario's own", async () => {
    const curves = await powerByPrevalence(scenario, stubResults);
    expect(curves.scenarioValue).toBe(0.03);
    expect(curves.series[0].byHypothesis.any?.map((point) => point.x)).toEqual(prevalenceValues(0.03));
  });
});
