// The closed forms of several populations (analytic/population-law.ts): the z test of the one
// population an all-comers or enriched design tests, at its expected stratum sizes. With known
// variances and fixed strata the continuous z statistic is exactly normal, so the closed form and 10⁵
// simulated trials agree within 4 standard errors; on three overlapping populations with an imperfect
// assay, stratified and pooled.
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/engine/scenario/parse.js';
import { simulate } from '../../../src/engine/simulate.js';
import { proportionSe } from '../../support/monte-carlo.js';
import { misread, perSubgroup, THREE } from './population-scenarios.js';

const REPLICATES = 100_000;
const population = misread(THREE, 0.8);

describe('closed forms with several populations', () => {
  for (const stratified of [true, false]) {
    it(`continuous z, fixed strata, ${stratified ? 'stratified' : 'pooled'}: closed form ≡ simulation`, () => {
      const parsed = parseScenario({
        population,
        endpoint: {
          type: 'continuous',
          effect: perSubgroup(population, (_, i) => [0.5, 0.3, 0.1, 0.5, 0.4, 0.3, 0.6, 0][i]),
          sd: perSubgroup(population, (_, i) => 1 + 0.1 * i),
        },
        analysis: { statistic: 'z', strata: 'fixed', stratified },
        designs: [
          { id: 'all', type: 'all-comers', n: 200 },
          { id: 'p1', type: 'enriched', n: 120, population: 'P1' },
          { id: 'p3', type: 'enriched', n: 90, population: 'P3' },
          { id: 'st', type: 'stratified', n: 200, intersection: 'simes' },
        ],
        simulation: { replicates: REPLICATES, seed: `closed forms ${stratified}` },
      });
      if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
      const results = simulate(parsed.scenario);
      for (const result of results.slice(0, 3)) {
        const key = result.id === 'all' ? 'F' : result.id.toUpperCase();
        const closed = result.analytic?.reject[key];
        expect(closed, result.id).toBeDefined();
        expect(result.analytic?.reject.any).toBe(closed);
        const simulated = result.reject[key]!;
        expect(closed!).toBeGreaterThan(0.1);
        expect(Math.abs(simulated - closed!), `${result.id}: ${simulated} vs ${closed}`).toBeLessThanOrEqual(
          4 * proportionSe(closed!, REPLICATES),
        );
      }
      // no closed form for the closed test over several populations
      expect(results[3].analytic).toBeUndefined();
    });
  }
});
