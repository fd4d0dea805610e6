// P(max_k Z_k ≥ z) (src/engine/math/max-normal.ts) against R (test/fixtures/reference/mvtnorm-max.json,
// made by make-survival-tests.R): full-rank correlations of 2 and 3 coordinates by inclusion–exclusion
// over TVPACK's orthant probabilities (exact to about 10⁻¹⁵), and the rank-3 maxcombo correlations of
// four coordinates by a one-dimensional integral of TVPACK's bivariate probabilities (integrate() to
// 10⁻¹³ relative) and by pmvnorm's Genz–Bretz lattice rule (with its own error estimate). The bounds
// are the rule's measured accuracy rounded up (worst 5.5·10⁻¹¹ relative where z ≥ 1, 6.8·10⁻⁸
// absolute where |z| < 1, 0.72 of pmvnorm's error estimate), far below what a simulated trial resolves.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bivariateNormalCdf } from '../../../src/engine/math/bivariate-normal.js';
import { MaxOfNormals } from '../../../src/engine/math/max-normal.js';
import { normalUpper } from '../../../src/engine/math/normal.js';

interface Case {
  correlation: number[];
  z: number;
  upper: number;
  method: string;
  genzBretz?: number;
  genzBretzError?: number;
}
const cases: Case[] = JSON.parse(
  readFileSync(new URL('../../fixtures/reference/mvtnorm-max.json', import.meta.url), 'utf8'),
);
const maxima = new MaxOfNormals(4);
const dimension = (c: Case) => Math.round(Math.sqrt(c.correlation.length));
const RELATIVE = 1e-9;
const ABSOLUTE = 2e-7;

describe('P(max of correlated normals ≥ z) against mvtnorm', () => {
  it('every stored case: 10⁻⁹ relative where z ≥ 1, 2·10⁻⁷ absolute below', () => {
    expect(cases.length).toBe(59);
    for (const c of cases) {
      const ours = maxima.upper(c.correlation, dimension(c), c.z);
      const bound = c.z >= 1 ? RELATIVE * c.upper : ABSOLUTE;
      expect(Math.abs(ours - c.upper), `${c.method} at z = ${c.z}`).toBeLessThanOrEqual(bound);
    }
  });

  it('the rank-3 cases within pmvnorm’s own error bound of its Genz–Bretz value', () => {
    const singular = cases.filter((c) => c.genzBretz !== undefined);
    expect(singular.length).toBe(24);
    for (const c of singular) {
      const ours = maxima.upper(c.correlation, 4, c.z);
      expect(Math.abs(ours - c.genzBretz!), `z = ${c.z}`).toBeLessThanOrEqual(c.genzBretzError! + ABSOLUTE);
    }
  });

  // Plackett's formula sums positive terms for ρ ≥ 0, so bivariateNormalCdf is exact there in the tail
  it('keeps the small side’s relative accuracy: P(max < z) down to 10⁻²⁴ within 10⁻⁶ of itself', () => {
    for (const rho of [0, 0.3, 0.9, 0.999]) {
      for (const z of [-3, -5, -8]) {
        const exact = bivariateNormalCdf(z, z, rho);
        expect(Math.abs(maxima.lower([1, rho, rho, 1], 2, z) - exact) / exact, `${rho} ${z}`).toBeLessThan(1e-6);
      }
    }
    expect(maxima.upper([1, 0.5, 0.5, 1], 2, 9) / (2 * normalUpper(9) - bivariateNormalCdf(-9, -9, 0.5))).toBeCloseTo(
      1,
      9,
    );
  });

  it('one coordinate, duplicates and the infinite limits', () => {
    expect(maxima.upper([1], 1, 1.96)).toBe(normalUpper(1.96));
    expect(maxima.upper([1, 1, 1, 1], 2, 1.5)).toBe(normalUpper(1.5));
    expect(maxima.upper([1, 0.4, 0.4, 1], 2, Infinity)).toBe(0);
    expect(maxima.upper([1, 0.4, 0.4, 1], 2, -Infinity)).toBe(1);
  });

  it('refuses a correlation of rank above 3', () => {
    const identity = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];
    expect(() => maxima.upper(identity, 4, 2)).toThrow('rank above 3');
  });
});
