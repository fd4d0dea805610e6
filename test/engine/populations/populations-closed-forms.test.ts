// The closed forms of several populations (analytic/population-law.ts, populations-closed-test.ts): the
// z test of the one population an all-comers or enriched design tests, at its expected stratum sizes,
// and a stratified design's P(reject any) for Bonferroni, Šidák and the max-z test, and every
// rejection of the hierarchical test. With known variances and fixed strata the continuous z statistics
// are exactly jointly normal, so the closed forms and 10⁵ simulated trials agree within 4 standard
// errors; on three overlapping populations with an imperfect assay, stratified and pooled.
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/engine/scenario/parse.js';
import { simulate } from '../../../src/engine/simulate.js';
import { proportionSe } from '../../support/monte-carlo.js';
import { misread, perSubgroup, THREE } from '../../support/population-scenarios.js';

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
          { id: 'simes', type: 'stratified', n: 200, intersection: 'simes' },
          { id: 'bonferroni', type: 'stratified', n: 200, intersection: 'bonferroni' },
          { id: 'sidak', type: 'stratified', n: 200, intersection: 'sidak' },
          { id: 'dunnett', type: 'stratified', n: 200, intersection: 'dunnett' },
          { id: 'order', type: 'stratified', n: 400, intersection: 'hierarchical', order: ['P1', 'P3', 'F', 'P2'] },
        ],
        simulation: { replicates: REPLICATES, seed: `closed forms ${stratified}` },
      });
      if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
      const results = simulate(parsed.scenario);
      const agree = (id: string, key: string) => {
        const result = results.find((r) => r.id === id)!;
        const closed = result.analytic?.reject[key];
        expect(closed, `${id} ${key}`).toBeDefined();
        const simulated = result.reject[key]!;
        expect(closed!).toBeGreaterThan(0.02);
        expect(Math.abs(simulated - closed!), `${id} ${key}: ${simulated} vs ${closed}`).toBeLessThanOrEqual(
          4 * proportionSe(closed!, REPLICATES),
        );
      };
      for (const [id, key] of [
        ['all', 'F'],
        ['p1', 'P1'],
        ['p3', 'P3'],
        ['bonferroni', 'any'],
        ['sidak', 'any'],
        ['order', 'any'],
        ['order', 'P1'],
        ['order', 'P3'],
        ['order', 'F'],
        ['order', 'P2'],
      ])
        agree(id, key);
      if (stratified) agree('dunnett', 'any');
      const without = stratified ? ['simes'] : ['simes', 'dunnett'];
      for (const id of without) expect(results.find((r) => r.id === id)!.analytic, id).toBeUndefined();
    });
  }
});
