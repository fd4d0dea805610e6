// Under the global null (no subgroup benefits) every design keeps its family-wise error over all its
// populations: P(reject any) ≤ α + 3 MCSE at 10⁵ replicates, for every intersection test, nested and
// overlapping populations, one stage and two, with t statistics and random strata (the realistic
// analysis), unequal variances and an imperfect assay among them (docs/populations.md).
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/engine/scenario/parse.js';
import { simulate } from '../../../src/engine/simulate.js';
import { proportionSe } from '../../support/monte-carlo.js';
import { misread, NESTED, OVERLAPPING, perSubgroup, THREE } from '../../support/population-scenarios.js';

const REPLICATES = 100_000;
const ALPHA = 0.025;
const BOUND = ALPHA + 3 * proportionSe(ALPHA, REPLICATES);
const REALISTIC = { statistic: 't', strata: 'random', stratified: true };
const RPACT_LIKE = { statistic: 'z', strata: 'fixed', stratified: true };

// the nested populations read by an imperfect assay, the overlapping ones by a perfect one
const populations = { 'nested, imperfect assay': misread(NESTED, 0.85), overlapping: OVERLAPPING };
const intersections = ['bonferroni', 'simes', 'sidak', 'dunnett'] as const;

let runs = 0;

function familyWiseError(population: object, endpoint: object, analysis: object, design: Record<string, unknown>) {
  const parsed = parseScenario({
    alpha: ALPHA,
    population,
    endpoint,
    analysis,
    designs: [{ id: 'd', ...design }],
    // a seed of its own for every run
    simulation: { replicates: REPLICATES, seed: `global null ${++runs}` },
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return simulate(parsed.scenario)[0].reject.any;
}

describe('several populations keep the family-wise error under the global null', () => {
  for (const [name, population] of Object.entries(populations)) {
    // no benefit anywhere, a different spread in every subgroup
    const continuous = {
      type: 'continuous',
      effect: perSubgroup(population, () => 0),
      sd: perSubgroup(population, (_, i) => 1 + 0.25 * i),
    };
    for (const intersection of [...intersections, 'hierarchical'] as const) {
      it(`${name}, stratified, ${intersection}, t statistics, random strata`, () => {
        const order =
          intersection === 'hierarchical' ? { order: [...population.populations.map((p) => p.id), 'F'] } : {};
        const p = familyWiseError(population, continuous, REALISTIC, {
          type: 'stratified',
          n: 240,
          intersection,
          ...order,
        });
        expect(p).toBeLessThanOrEqual(BOUND);
      });
    }
    for (const intersection of intersections) {
      it(`${name}, adaptive (ε selection, O'Brien–Fleming), ${intersection}, t statistics, random strata`, () => {
        const design = {
          type: 'adaptive-enrichment',
          n: [120, 240],
          intersection,
          selection: { rule: 'epsilon', epsilon: 0.1 },
          efficacy: 'obrien-fleming',
        };
        expect(familyWiseError(population, continuous, REALISTIC, design)).toBeLessThanOrEqual(BOUND);
      });
    }
  }

  it('three populations, adaptive best-of-two by z, Fisher, Simes, binary, rpact-like analysis', () => {
    const rates = perSubgroup(THREE, (_, i) => 0.15 + 0.05 * (i % 4));
    const design = {
      type: 'adaptive-enrichment',
      n: [200, 400],
      intersection: 'simes',
      combination: 'fisher',
      selection: { rule: 'rbest', r: 2, measure: 'z' },
    };
    const p = familyWiseError(THREE, { type: 'binary', control: rates, treatment: rates }, RPACT_LIKE, design);
    expect(p).toBeLessThanOrEqual(BOUND);
  });

  it('three populations, stratified Dunnett, t statistics, random strata', () => {
    const endpoint = { type: 'continuous', effect: perSubgroup(THREE, () => 0), sd: perSubgroup(THREE, () => 1) };
    const p = familyWiseError(THREE, endpoint, REALISTIC, { type: 'stratified', n: 400, intersection: 'dunnett' });
    expect(p).toBeLessThanOrEqual(BOUND);
  });
});
