// P(reject both H_S and H_F): the closed form of a stratified z design with fixed strata against the
// bivariate normal probability written out from the intersection tests' definitions; the simulation
// against that closed form within 4 MCSE; and any = S + F − both, in every design that tests both.
import { describe, expect, it } from 'vitest';
import { bivariateNormalCdf, maxOfBivariateNormalCritical } from '../../src/engine/math/bivariate-normal.js';
import { normalQuantile } from '../../src/engine/math/normal.js';
import type { Intersection } from '../../src/engine/scenario/types.js';
import { simulate } from '../../src/engine/simulate.js';
import { proportionSe } from '../support/monte-carlo.js';
import { continuousEndpoint, RPACT_LIKE, scenarioFrom } from '../support/scenarios.js';

const ALPHA = 0.025;
const PREVALENCE = 0.3;
const N = 300;
const EFFECT = { pos: 0.5, neg: 0.1 };

// Continuous outcomes with unit SD, 1:1, fixed strata: stratum j has n_j = n·P(j) patients, its mean
// difference d_j has variance 4/n_j, so z_S = d_S·√n_S/2 ~ N(δ_S·√n_S/2, 1); the stratified z_F with
// weights n_j/4 is Σ (n_j/4)·d_j / √(n/4) ~ N((p·δ_S + (1 − p)·δ_R)·√n/2, 1); cov(z_S, z_F) = √(n_S/n).
const meanS = (EFFECT.pos * Math.sqrt(N * PREVALENCE)) / 2;
const meanF = ((PREVALENCE * EFFECT.pos + (1 - PREVALENCE) * EFFECT.neg) * Math.sqrt(N)) / 2;
const rho = Math.sqrt(PREVALENCE);
const c = normalQuantile(1 - ALPHA);

/** P(z_S ≥ a, z_F ≥ b) */
const upperQuadrant = (a: number, b: number) => bivariateNormalCdf(meanS - a, meanF - b, rho);
/** P(a ≤ z_S < b, a ≤ z_F < b) */
function square(a: number, b: number): number {
  const cdf = (x: number, y: number) => bivariateNormalCdf(x - meanS, y - meanF, rho);
  return cdf(b, b) - cdf(a, b) - cdf(b, a) + cdf(a, a);
}

/**
 * Both are rejected when z_S ≥ c, z_F ≥ c and the intersection is rejected. Simes' and the
 * fixed-sequence tests reject the intersection whenever both p-values are ≤ α; Bonferroni, Šidák and
 * Spiessens–Debois reject it when max(z_S, z_F) reaches their common critical value b > c.
 */
const BOTH: Record<Exclude<Intersection, 'hierarchical'>, () => number> = {
  simes: () => upperQuadrant(c, c),
  'hierarchical-S': () => upperQuadrant(c, c),
  'hierarchical-F': () => upperQuadrant(c, c),
  bonferroni: () => upperQuadrant(c, c) - square(c, normalQuantile(1 - ALPHA / 2)),
  sidak: () => upperQuadrant(c, c) - square(c, normalQuantile(Math.sqrt(1 - ALPHA))),
  'spiessens-debois': () => upperQuadrant(c, c) - square(c, maxOfBivariateNormalCritical(ALPHA, rho)),
  dunnett: () => upperQuadrant(c, c) - square(c, maxOfBivariateNormalCritical(ALPHA, rho)),
};

const intersections = Object.keys(BOTH) as Exclude<Intersection, 'hierarchical'>[];
const REPLICATES = 100_000;

describe('P(reject both H_S and H_F)', () => {
  const scenario = scenarioFrom({
    alpha: ALPHA,
    population: { prevalence: PREVALENCE },
    endpoint: continuousEndpoint(EFFECT.pos, EFFECT.neg),
    analysis: RPACT_LIKE,
    designs: intersections.map((intersection) => ({ id: intersection, type: 'stratified', n: N, intersection })),
    simulation: { replicates: REPLICATES, seed: 'both' },
  });
  const results = simulate(scenario);

  it.each(intersections)('%s: the closed form is the bivariate normal probability', (intersection) => {
    const result = results.find((r) => r.id === intersection)!;
    const closed = result.analytic!.reject;
    expect(Math.abs(closed.both! - BOTH[intersection]())).toBeLessThan(1e-9);
    expect(Math.abs(closed.any! - (closed.S! + closed.F! - closed.both!))).toBeLessThan(1e-9);
  });

  it.each(intersections)('%s: simulated within 4 MCSE of the closed form', (intersection) => {
    const result = results.find((r) => r.id === intersection)!;
    const exact = BOTH[intersection]();
    expect(Math.abs(result.reject.both! - exact)).toBeLessThanOrEqual(4 * proportionSe(exact, REPLICATES));
    expect(result.mcse.both).toBeCloseTo(proportionSe(result.reject.both!, REPLICATES), 15);
    expect(result.reject.any).toBeCloseTo(result.reject.S! + result.reject.F! - result.reject.both!, 12);
  });

  it('is given for the designs that test both hypotheses, and only for them', () => {
    const mixed = simulate(
      scenarioFrom({
        population: { prevalence: PREVALENCE },
        endpoint: continuousEndpoint(EFFECT.pos, EFFECT.neg),
        designs: [
          { id: 'all', type: 'all-comers', n: 200 },
          { id: 'enriched', type: 'enriched', n: 100 },
          { id: 'adaptive', type: 'adaptive-enrichment', n: [100, 200], selection: { rule: 'all' } },
          { id: 'best', type: 'adaptive-enrichment', n: [100, 200], efficacy: 'pocock' },
        ],
        simulation: { replicates: 4000, seed: 'both-designs' },
      }),
    );
    const [all, enriched, adaptive, best] = mixed;
    for (const one of [all, enriched]) {
      expect(one.reject.both).toBeUndefined();
      expect(one.mcse.both).toBeUndefined();
    }
    for (const two of [adaptive, best]) {
      expect(two.reject.both).toBeGreaterThan(0);
      expect(two.reject.any).toBeCloseTo(two.reject.S! + two.reject.F! - two.reject.both!, 12);
    }
  });
});
