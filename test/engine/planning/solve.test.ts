// The sample-size solver: closed-form answers against the textbook formula and rpact's
// getSampleSize* values (rpact-analytic.json), simulated answers re-simulated with a fresh seed.
import { describe, expect, it } from 'vitest';
import analytic from '../../fixtures/reference/rpact-analytic.json';
import { normalQuantile } from '../../../src/engine/math/normal.js';
import { solve, type Solution } from '../../../src/engine/planning/solve.js';
import { simulate } from '../../../src/engine/simulate.js';
import { binaryEndpoint, continuousEndpoint, scenarioFrom } from '../../support/scenarios.js';

type Solved = Extract<Solution, { size: number }>;
const solved = (solution: Solution): Solved => {
  if (!('size' in solution)) throw new Error(`${solution.id}: ${solution.unreachable}`);
  return solution;
};
const zAlpha = normalQuantile(0.975);

describe('closed-form sizes', () => {
  it.each([
    { prevalence: 0.3, sensitivity: 1, specificity: 1, allocation: 1 },
    { prevalence: 0.45, sensitivity: 0.85, specificity: 0.9, allocation: 2 },
  ])(
    'all-comers and enriched (z, fixed strata) equal (z_α + z_β)²·(σ_T²/s + σ_C²/(1 − s))/θ² rounded up: %o',
    async (population) => {
      const { allocation, ...assay } = population;
      const scenario = scenarioFrom({
        population: assay,
        endpoint: continuousEndpoint(0.5, 0.1, 1, 1.4),
        // the formula is the pooled two-arm z test's
        analysis: { statistic: 'z', strata: 'fixed', stratified: false },
        trial: { allocation },
        designs: [
          { id: 'all', type: 'all-comers', n: 100 },
          { id: 'enriched', type: 'enriched', n: 100 },
        ],
        simulation: { replicates: 2000 },
      });
      const [all, enriched] = (await solve(scenario, { power: 0.85, hypothesis: 'any' }, simulate)).map(solved);
      // independent formula: outcome moments of the mixture of cells in each population
      const { prevalence: p, sensitivity: se, specificity: sp } = assay;
      const cells = [p * se, (1 - p) * (1 - sp), p * (1 - se), (1 - p) * sp];
      const positive = [true, false, true, false];
      const moments = (weights: number[], effect: (pos: boolean) => number) => {
        const total = weights.reduce((a, b) => a + b);
        const mean = weights.reduce((sum, w, c) => sum + (w * effect(positive[c])) / total, 0);
        const second = weights.reduce(
          (sum, w, c) => sum + (w * ((positive[c] ? 1 : 1.4 ** 2) + effect(positive[c]) ** 2)) / total,
          0,
        );
        return { mean, variance: second - mean * mean };
      };
      const size = (weights: number[]) => {
        const treated = moments(weights, (pos) => (pos ? 0.5 : 0.1));
        const control = moments(weights, () => 0);
        const share = allocation / (1 + allocation);
        return (
          ((zAlpha + normalQuantile(0.85)) ** 2 * (treated.variance / share + control.variance / (1 - share))) /
          treated.mean ** 2
        );
      };
      expect(Math.abs(all.size - Math.ceil(size(cells)))).toBeLessThanOrEqual(1);
      expect(Math.abs(enriched.size - Math.ceil(size([cells[0], cells[1], 0, 0])))).toBeLessThanOrEqual(1);
      expect(all.method).toBe('closed form');
      expect(enriched.expected.screened).toBeCloseTo(enriched.size / (cells[0] + cells[1]), 6);
    },
  );

  type Reference = {
    kind: string;
    effect?: number;
    sd?: number;
    treatment?: number;
    control?: number;
    hazardRatio?: number;
    power: number;
    nTotalZ?: number;
    nTotal?: number;
    events?: number;
  };
  const references = (analytic as Reference[]).filter((r) =>
    ['sampleSizeMeans', 'sampleSizeRates', 'eventsSurvival'].includes(r.kind),
  );
  it.each(references)("rpact's $kind (power $power) within one patient or event", async (reference) => {
    const endpoint =
      reference.kind === 'sampleSizeMeans'
        ? continuousEndpoint(reference.effect!, reference.effect!, reference.sd!, reference.sd!)
        : reference.kind === 'sampleSizeRates'
          ? binaryEndpoint([reference.control!, reference.control!], [reference.treatment!, reference.treatment!])
          : {
              type: 'survival',
              controlMedian: { pos: 12, neg: 12 },
              hazardRatio: { pos: reference.hazardRatio!, neg: reference.hazardRatio! },
            };
    const survival = reference.kind === 'eventsSurvival';
    const scenario = scenarioFrom({
      population: { prevalence: 0.5 },
      endpoint,
      analysis: { statistic: 'z', strata: 'fixed' },
      designs: [{ id: 'all', type: 'all-comers', n: survival ? 2000 : 100, ...(survival ? { events: 100 } : {}) }],
      simulation: { replicates: 1000, ...(survival ? { method: 'asymptotic' } : {}) },
    });
    const [solution] = (
      await solve(scenario, { power: reference.power, hypothesis: 'F' }, simulate, { replicates: 1000 })
    ).map(solved);
    const rpact = reference.nTotalZ ?? reference.nTotal ?? reference.events!;
    expect(solution.unit).toBe(survival ? 'events' : 'n');
    // the closed form is rpact's formula; for binary counts the answer is then confirmed by simulation
    expect(Math.abs(solution.closedForm!.size - rpact)).toBeLessThanOrEqual(1);
    if (reference.kind !== 'sampleSizeRates') expect(solution.size).toBe(solution.closedForm!.size);
  });
});

describe('simulated sizes', () => {
  it('an adaptive design: the solved n re-simulated with a new seed gives the target power within 2 MCSE', async () => {
    const replicates = 20_000;
    const document = {
      population: { prevalence: 0.35 },
      endpoint: continuousEndpoint(0.45, 0.15),
      analysis: { statistic: 'z', strata: 'fixed' },
      designs: [
        {
          id: 'adaptive',
          type: 'adaptive-enrichment',
          n: [100, 200],
          intersection: 'simes',
          selection: { rule: 'epsilon', epsilon: 0.1 },
        },
      ],
      simulation: { replicates, seed: 'solver' },
    };
    const [solution] = (await solve(scenarioFrom(document), { power: 0.8, hypothesis: 'any' }, simulate)).map(solved);
    expect(solution.method).toBe('simulation');
    expect(solution.sizeSe).toBeGreaterThan(0);
    const n1 = Math.round((100 * solution.size) / 200);
    const [fresh] = simulate(
      scenarioFrom({
        ...document,
        designs: [{ ...document.designs[0], n: [n1, solution.size] }],
        simulation: { replicates, seed: 'fresh' },
      }),
    );
    expect(Math.abs(fresh.reject.any - 0.8)).toBeLessThanOrEqual(2 * fresh.mcse.any);
  });

  it('reports a target out of reach instead of searching forever', async () => {
    const scenario = scenarioFrom({
      population: { prevalence: 0.3 },
      endpoint: continuousEndpoint(0, 0),
      designs: [{ id: 'null', type: 'all-comers', n: 100 }],
      analysis: { statistic: 'z', strata: 'fixed' },
    });
    const [solution] = await solve(scenario, { power: 0.8, hypothesis: 'F' }, simulate);
    expect('unreachable' in solution && solution.unreachable).toMatch(/stays below 0.8/);
  });
});
