// P(max_k Z_k ≥ z) for up to four coordinates of any rank, and the max-z critical value
// (src/engine/math/max-normal-4.ts), against R's mvtnorm 1.1.3 (test/fixtures/reference/mvtnorm-dunnett.json,
// made by make-dunnett.R: the Miwa algorithm, critical values by uniroot on it) and against closed forms:
// Φ̄ for one coordinate, 1 − Φ(z)^d for independent ones, Dunnett's one-factor integral
// P(max < z) = ∫ φ(y)·Φ((z − √ρ·y)/√(1 − ρ))^d dy for equicorrelated ones (C. W. Dunnett & M. Sobel,
// Biometrika 42 (1955) 258–260), the bivariate law for two. The bounds are the file's stated accuracy:
// 10⁻¹⁰ relative against the fixtures (themselves good to about 5·10⁻¹¹), 10⁻¹¹ relative against exact
// values wherever P(max ≥ z) ≥ 10⁻⁴ (measured worst 3·10⁻¹²), far inside the 10⁻⁷ a max-z test needs.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bivariateNormalCdf } from '../../../src/engine/math/bivariate-normal.js';
import { gaussLegendre } from '../../../src/engine/math/gauss-legendre.js';
import { MaxOfNormals } from '../../../src/engine/math/max-normal.js';
import { MaxOfNormals4 } from '../../../src/engine/math/max-normal-4.js';
import { normalCdf, normalUpper, zOfP } from '../../../src/engine/math/normal.js';

interface Fixture {
  id: string;
  dim: number;
  corr: number[][];
  critical: { alpha: number; c: number }[];
  pValues: { z: number; p: number }[];
}
const fixtures: Fixture[] = JSON.parse(
  readFileSync(new URL('../../fixtures/reference/mvtnorm-dunnett.json', import.meta.url), 'utf8'),
);
const maxima = new MaxOfNormals4();
/** against mvtnorm's Miwa values */
const FIXTURE_RELATIVE = 1e-10;
/**
 * a relative error δ in P(max ≥ c) moves c by δ·α/|dP/dc|, under δ here (|dP/dc| > α at these c), and the
 * fixtures carry 12 decimals
 */
const CRITICAL_ABSOLUTE = 1e-10;
/** against exact values where P(max ≥ z) ≥ 10⁻⁴ */
const RELATIVE = 1e-11;
const zs = [-3, -1.5, -0.5, -0.05, 0, 0.02, 0.3, 0.7, 1, 1.5, 2, 2.5, 3, 3.5];

/** P(max ≥ z) for d equicorrelated coordinates, ρ ≥ 0, by Dunnett's one-factor integral */
function equicorrelatedUpper(d: number, rho: number, z: number): number {
  const rule = gaussLegendre(20);
  const panels = 96;
  const width = 24 / panels;
  let total = 0;
  for (let panel = 0; panel < panels; panel++) {
    const middle = -12 + (panel + 0.5) * width;
    for (let n = 0; n < rule.nodes.length; n++) {
      const y = middle + 0.5 * width * rule.nodes[n];
      const each = normalUpper((z - Math.sqrt(rho) * y) / Math.sqrt(1 - rho));
      // 1 − (1 − Φ̄)^d without cancelling where Φ̄ is small
      total += rule.weights[n] * Math.exp(-0.5 * y * y) * -Math.expm1(d * Math.log1p(-each));
    }
  }
  return (0.5 * width * total) / Math.sqrt(2 * Math.PI);
}

function equicorrelation(d: number, rho: number): number[] {
  return Array.from({ length: d * d }, (_, i) => (i % (d + 1) === 0 ? 1 : rho));
}

/** the correlation of unit vectors, row by row */
function gram(vectors: number[][]): number[] {
  const unit = vectors.map((v) => v.map((x) => x / Math.hypot(...v)));
  return unit.flatMap((a) => unit.map((b) => a.reduce((sum, x, m) => sum + x * b[m], 0)));
}

/** the coordinates `order` of a d × d correlation, repeats allowed */
function select(correlation: number[], d: number, order: number[]): number[] {
  return order.flatMap((i) => order.map((j) => correlation[i * d + j]));
}

function expectRelative(ours: number, exact: number, bound: number, label: string): void {
  expect(Math.abs(ours - exact), label).toBeLessThanOrEqual(bound * exact);
}

describe('P(max of up to four correlated normals ≥ z) and the max-z critical value', () => {
  it('every fixture p-value within 10⁻¹⁰ of mvtnorm', () => {
    expect(fixtures.length).toBe(10);
    for (const f of fixtures) {
      for (const { z, p } of f.pValues)
        expectRelative(maxima.upper(f.corr.flat(), f.dim, z), p, FIXTURE_RELATIVE, f.id);
    }
  });

  it('every fixture critical value within 10⁻¹⁰, and P(max ≥ c) = α at the fixture’s c', () => {
    for (const f of fixtures) {
      for (const { alpha, c } of f.critical) {
        const ours = maxima.critical(f.corr.flat(), f.dim, alpha);
        expect(Math.abs(ours - c), `${f.id} α = ${alpha}`).toBeLessThanOrEqual(CRITICAL_ABSOLUTE);
        expectRelative(maxima.upper(f.corr.flat(), f.dim, c), alpha, FIXTURE_RELATIVE, `${f.id} at c`);
        expectRelative(maxima.upper(f.corr.flat(), f.dim, ours), alpha, 1e-12, `${f.id} at our c`);
      }
    }
  });

  it('one coordinate is Φ̄, and its critical value Φ̄⁻¹(α)', () => {
    for (const z of [-2, 0, 1.96, 5]) {
      expect(maxima.upper([1], 1, z)).toBe(normalUpper(z));
      expect(maxima.lower([1], 1, z)).toBe(normalCdf(z));
    }
    expect(maxima.critical([1], 1, 0.025)).toBe(zOfP(0.025));
  });

  it('independent coordinates: 1 − Φ(z)^d, of full rank 2, 3 and 4', () => {
    for (const d of [2, 3, 4]) {
      for (const z of zs) {
        const exact = -Math.expm1(d * Math.log1p(-normalUpper(z)));
        expectRelative(maxima.upper(equicorrelation(d, 0), d, z), exact, RELATIVE, `d = ${d}, z = ${z}`);
      }
    }
  });

  it('equicorrelated coordinates: Dunnett’s one-factor integral', () => {
    for (const rho of [0.1, 0.5, 0.9]) {
      for (const d of [2, 3, 4]) {
        for (const z of zs) {
          const exact = equicorrelatedUpper(d, rho, z);
          expectRelative(
            maxima.upper(equicorrelation(d, rho), d, z),
            exact,
            RELATIVE,
            `ρ = ${rho}, d = ${d}, z = ${z}`,
          );
        }
      }
    }
  });

  it('two coordinates: 1 − Φ₂(z, z; ρ), for ρ of either sign', () => {
    for (const rho of [-0.95, -0.5, 0.3, 0.8, 0.999]) {
      for (const z of zs) {
        const exact = 1 - bivariateNormalCdf(z, z, rho);
        expectRelative(maxima.upper([1, rho, rho, 1], 2, z), exact, RELATIVE, `ρ = ${rho}, z = ${z}`);
      }
    }
  });

  it('duplicated coordinates (ρ = 1) are the lower dimension', () => {
    const [d3, d4] = [fixtures[3], fixtures[9]].map((f) => f.corr.flat());
    // the third of the four is a copy of the first
    const twice = select(d3, 3, [0, 1, 0, 2]);
    const pair = select(d4, 4, [0, 1, 0, 1]);
    for (const z of zs) {
      expect(maxima.upper(twice, 4, z)).toBe(maxima.upper(d3, 3, z));
      expect(maxima.upper(pair, 4, z)).toBe(maxima.upper([1, d4[1], d4[1], 1], 2, z));
      expect(maxima.upper(equicorrelation(4, 1), 4, z)).toBe(normalUpper(z));
    }
    expect(maxima.critical(twice, 4, 0.025)).toBe(maxima.critical(d3, 3, 0.025));
  });

  it('rank 3 or less agrees with MaxOfNormals where it is accurate (z ≥ 1.5), and rank 4 close to rank 3', () => {
    const rank3 = new MaxOfNormals(4);
    const singular = [
      gram([
        [1, 0, 0],
        [1, 0.5, 0],
        [1, 0.6, 0.4],
        [1, 0.2, 0.7],
      ]),
      gram([
        [1, 0, 0],
        [0, 1, 0],
        [0, 0, 1],
        [-1, -1, 0.3],
      ]),
      gram([
        [1, 0, 0],
        [0.3, 1, 0],
        [-0.4, 0.2, 0],
        [0.5, -1, 0],
      ]),
    ];
    // MaxOfNormals' own accuracy there is 10⁻⁹ (test/engine/math/max-normal.test.ts); at z = 1 it is off by
    // up to 4·10⁻⁹ for two coordinates with ρ = 0.77, below by more
    const bound = RELATIVE + 1e-9;
    for (const correlation of singular) {
      for (const z of [1.5, 2, 3, 4]) {
        const theirs = rank3.upper(correlation, 4, z);
        expectRelative(maxima.upper(correlation, 4, z), theirs, bound, `rank ≤ 3, z = ${z}`);
        // (1 − ε)R + εI has rank 4; P moves by less than ε
        const epsilon = 1e-9;
        const near = correlation.map((x, i) => (i % 5 === 0 ? 1 : (1 - epsilon) * x));
        expect(Math.abs(maxima.upper(near, 4, z) - theirs), `rank 4 near 3, z = ${z}`).toBeLessThanOrEqual(
          bound * theirs + epsilon,
        );
      }
    }
    for (const f of fixtures.filter((fixture) => fixture.dim < 4)) {
      for (const z of [1.5, 2, 3]) {
        expectRelative(maxima.upper(f.corr.flat(), f.dim, z), rank3.upper(f.corr.flat(), f.dim, z), bound, f.id);
      }
    }
  });

  it('symmetric under permuting the coordinates', () => {
    const orders = [
      [1, 0, 2, 3],
      [3, 2, 1, 0],
      [2, 3, 0, 1],
      [0, 3, 1, 2],
    ];
    for (const f of fixtures.filter((fixture) => fixture.dim === 4)) {
      const correlation = f.corr.flat();
      for (const z of [-1, 0.3, 2]) {
        const reference = maxima.upper(correlation, 4, z);
        for (const order of orders) {
          expectRelative(maxima.upper(select(correlation, 4, order), 4, z), reference, 1e-12, `${f.id} ${order}`);
        }
      }
    }
  });

  it('lower + upper = 1, and a small P(max < z) keeps its relative accuracy for rank 3 or less', () => {
    for (const f of fixtures) {
      for (const z of zs) {
        const sum = maxima.lower(f.corr.flat(), f.dim, z) + maxima.upper(f.corr.flat(), f.dim, z);
        expect(Math.abs(sum - 1), `${f.id} z = ${z}`).toBeLessThanOrEqual(2 * Number.EPSILON);
      }
    }
    // Plackett's formula sums positive terms for ρ ≥ 0, so bivariateNormalCdf is exact there in the tail
    for (const rho of [0, 0.3, 0.9, 0.999]) {
      for (const z of [-3, -5, -8]) {
        expectRelative(maxima.lower([1, rho, rho, 1], 2, z), bivariateNormalCdf(z, z, rho), 1e-6, `${rho} ${z}`);
      }
    }
  });

  it('NaN, ±Infinity and α at its ends as MaxOfNormals has them', () => {
    const correlation = fixtures[9].corr.flat();
    expect(maxima.upper(correlation, 4, NaN)).toBeNaN();
    expect(maxima.lower(correlation, 4, NaN)).toBeNaN();
    expect(maxima.upper(correlation, 4, Infinity)).toBe(0);
    expect(maxima.upper(correlation, 4, -Infinity)).toBe(1);
    expect(maxima.lower(correlation, 4, Infinity)).toBe(1);
    expect(maxima.lower(correlation, 4, -Infinity)).toBe(0);
    expect(maxima.critical(correlation, 4, 0)).toBe(Infinity);
    expect(maxima.critical(correlation, 4, 1)).toBe(-Infinity);
    expect(maxima.critical(correlation, 4, NaN)).toBeNaN();
    expect(() => maxima.upper(equicorrelation(5, 0), 5, 2)).toThrow('1 to 4 coordinates, got 5');
  });
});
