// Three and four hypotheses against references written out plainly: each intersection's p by its formula
// over the mask's p-values, the closure by enumerating subsets, and the step-wise procedures the closed
// tests are known to equal: Holm's step-down for Bonferroni (S. Holm, Scand. J. Statist. 6 (1979) 65–70),
// Hommel's for Simes (G. Hommel, Biometrika 75 (1988) 383–386), the fixed sequence for hierarchical.
import { describe, expect, it } from 'vitest';
import { bonferroni } from '../../../../src/engine/inference/closed/bonferroni.js';
import { ClosedTest } from '../../../../src/engine/inference/closed/closed-test.js';
import { Dunnett } from '../../../../src/engine/inference/closed/dunnett.js';
import { ElementaryStatistics } from '../../../../src/engine/inference/closed/elementary.js';
import { Hierarchical } from '../../../../src/engine/inference/closed/hierarchical.js';
import { sidak } from '../../../../src/engine/inference/closed/sidak.js';
import { simes } from '../../../../src/engine/inference/closed/simes.js';
import type { IntersectionPValue } from '../../../../src/engine/inference/closed/types.js';
import { normalUpper, zOfP } from '../../../../src/engine/math/normal.js';
import { sampler } from './support.js';

const CASES = 5000;
const LEVELS = [0.01, 0.025, 0.05, 0.1];
/** 1 − (1 − p)^m written plainly loses up to a few ulps of 1 */
const SIDAK_ABSOLUTE = 2e-15;
/** MaxOfNormals4 against closed forms, here 1 − (1 − p)^m (test/engine/math/max-normal-4.test.ts) */
const DUNNETT_RELATIVE = 1e-11;

/** the hypotheses in a mask */
function members(mask: number, G: number): number[] {
  return Array.from({ length: G }, (_, k) => k).filter((k) => (mask >> k) & 1);
}

const formulas = {
  bonferroni: (p: number[]) => Math.min(1, p.length * Math.min(...p)),
  simes: (p: number[]) => Math.min(...[...p].sort((a, b) => a - b).map((pi, i) => (pi * p.length) / (i + 1))),
  sidak: (p: number[]) => 1 - (1 - Math.min(...p)) ** p.length,
};

/** Holm: the i-th smallest p (from 0) against α/(G − i), stopping at the first that fails */
function holm(p: number[], alpha: number): number {
  const sorted = p.map((_, k) => k).sort((a, b) => p[a] - p[b]);
  let rejected = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (p[sorted[i]] > alpha / (sorted.length - i)) break;
    rejected |= 1 << sorted[i];
  }
  return rejected;
}

/** Holm's adjusted p: max over j ≤ i of min(1, (G − j)·p_(j)) */
function holmAdjusted(p: number[]): number[] {
  const sorted = p.map((_, k) => k).sort((a, b) => p[a] - p[b]);
  const adjusted = new Array<number>(p.length);
  let running = 0;
  for (let i = 0; i < sorted.length; i++) {
    running = Math.max(running, Math.min(1, (sorted.length - i) * p[sorted[i]]));
    adjusted[sorted[i]] = running;
  }
  return adjusted;
}

/**
 * Hommel: j = the largest j in 1 … G with p_(G−j+k) > k·α/j for every k = 1 … j; none: reject all;
 * otherwise reject the H_(i) with p_(i) ≤ α/j
 */
function hommel(p: number[], alpha: number): number {
  const G = p.length;
  const sorted = [...p].sort((a, b) => a - b);
  let largest = 0;
  for (let j = 1; j <= G; j++) {
    let every = true;
    for (let k = 1; k <= j; k++) if (!(sorted[G - j + k - 1] > (k * alpha) / j)) every = false;
    if (every) largest = j;
  }
  let rejected = 0;
  for (let k = 0; k < G; k++) if (largest === 0 || p[k] <= alpha / largest) rejected |= 1 << k;
  return rejected;
}

/** the fixed sequence: in order at full α, stopping at the first not rejected */
function fixedSequence(p: number[], order: number[], alpha: number): number {
  let rejected = 0;
  for (const k of order) {
    if (p[k] > alpha) break;
    rejected |= 1 << k;
  }
  return rejected;
}

function closedOf(rule: IntersectionPValue, G: number): ClosedTest {
  return new ClosedTest(rule, G);
}

for (const G of [3, 4]) {
  describe(`closed testing of ${G} hypotheses against plain references`, () => {
    // z around the critical values, a few below 0 (p near 1), independent; the correlation is read by dunnett only
    const source = sampler(`brute force ${G}`);
    const cases = Array.from({ length: CASES }, () => Array.from({ length: G }, () => 1.6 + 1.3 * source.normal()));
    const identity = Array.from({ length: G * G }, (_, i) => (i % (G + 1) === 0 ? 1 : 0));
    const orders = [
      Array.from({ length: G }, (_, k) => G - 1 - k),
      [1, 0, ...Array.from({ length: G - 2 }, (_, k) => k + 2)],
    ];

    it('each intersection p is its formula over the mask, and a single hypothesis its own p', () => {
      const tests = {
        bonferroni: closedOf(bonferroni, G),
        simes: closedOf(simes, G),
        sidak: closedOf(sidak, G),
      };
      const dunnett = closedOf(new Dunnett(), G);
      const hierarchical = orders.map((order) => closedOf(new Hierarchical(order), G));
      const mismatches: string[] = [];
      let worstSidak = 0;
      let worstDunnett = 0;
      for (const z of cases) {
        const p = z.map(normalUpper);
        for (const closed of [...Object.values(tests), dunnett, ...hierarchical]) closed.test(z, identity);
        for (let mask = 1; mask < 2 ** G; mask++) {
          const inMask = members(mask, G).map((k) => p[k]);
          const label = `z ${z} mask ${mask}`;
          if (tests.bonferroni.intersectionP[mask] !== formulas.bonferroni(inMask))
            mismatches.push(`bonferroni ${label}`);
          if (tests.simes.intersectionP[mask] !== formulas.simes(inMask)) mismatches.push(`simes ${label}`);
          const sidakP = tests.sidak.intersectionP[mask];
          worstSidak = Math.max(worstSidak, Math.abs(sidakP - formulas.sidak(inMask)));
          // independent statistics: P(max ≥ max z) is Šidák's p
          worstDunnett = Math.max(worstDunnett, Math.abs(dunnett.intersectionP[mask] - sidakP) / sidakP);
          hierarchical.forEach((closed, i) => {
            const first = orders[i].find((k) => (mask >> k) & 1) as number;
            if (closed.intersectionP[mask] !== p[first]) mismatches.push(`hierarchical ${orders[i]} ${label}`);
          });
          if (inMask.length > 1) continue;
          for (const [name, closed] of Object.entries({ ...tests, dunnett })) {
            if (closed.intersectionP[mask] !== inMask[0]) mismatches.push(`${name} ${label}`);
          }
        }
      }
      expect(mismatches).toEqual([]);
      expect(worstSidak).toBeLessThanOrEqual(SIDAK_ABSOLUTE);
      expect(worstDunnett).toBeLessThanOrEqual(DUNNETT_RELATIVE);
    });

    it("Simes's p on the z scale is Φ⁻¹(1 − p_I) of its formula, reading no p of a mask's weakest", () => {
      const statistics = new ElementaryStatistics(G);
      let worst = 0;
      for (const z of cases) {
        statistics.set(z, identity);
        for (let mask = 1; mask < 2 ** G; mask++) {
          const expected = zOfP(formulas.simes(members(mask, G).map((k) => normalUpper(z[k]))));
          worst = Math.max(worst, Math.abs((simes.zValue?.(statistics, mask) ?? Number.NaN) - expected));
        }
      }
      // Φ⁻¹(Φ̄(z)) returns z to ~10⁻¹⁵: what the z scale saves is that round trip
      expect(worst).toBeLessThan(1e-12);
    });

    it('adjusted p and decisions are the closure over every subset', () => {
      const mismatches: string[] = [];
      for (const rule of [bonferroni, simes, sidak, new Dunnett(), new Hierarchical(orders[0])]) {
        const closed = closedOf(rule, G);
        for (const z of cases) {
          closed.test(z, identity);
          for (let k = 0; k < G; k++) {
            let largest = 0;
            for (let mask = 1; mask < 2 ** G; mask++) {
              if ((mask >> k) & 1) largest = Math.max(largest, closed.intersectionP[mask]);
            }
            if (closed.adjustedP[k] !== largest) mismatches.push(`adjusted p ${k} z ${z}`);
          }
          for (const alpha of LEVELS) {
            let expected = 0;
            for (let k = 0; k < G; k++) {
              let every = true;
              for (let mask = 1; mask < 2 ** G; mask++) {
                if ((mask >> k) & 1 && !(closed.intersectionP[mask] <= alpha)) every = false;
              }
              if (every) expected |= 1 << k;
            }
            if (closed.rejections(alpha) !== expected) mismatches.push(`decisions z ${z} α ${alpha}`);
          }
        }
      }
      expect(mismatches).toEqual([]);
    });

    it("closed Bonferroni is Holm's step-down, decisions and adjusted p", () => {
      const closed = closedOf(bonferroni, G);
      const partial = new Set<number>();
      for (const z of cases) {
        const p = z.map(normalUpper);
        closed.test(z, identity);
        expect(Array.from(closed.adjustedP), `z ${z}`).toEqual(holmAdjusted(p));
        for (const alpha of LEVELS) {
          const rejected = holm(p, alpha);
          expect(closed.rejections(alpha), `z ${z} α ${alpha}`).toBe(rejected);
          partial.add(rejected);
        }
      }
      // every pattern of rejections occurs, so step-down order matters in the comparison
      expect(partial.size).toBe(2 ** G);
    });

    it("closed Simes is Hommel's procedure, and rejects beyond Holm", () => {
      const closed = closedOf(simes, G);
      let beyondHolm = 0;
      for (const z of cases) {
        const p = z.map(normalUpper);
        closed.test(z, identity);
        for (const alpha of LEVELS) {
          const rejected = hommel(p, alpha);
          expect(closed.rejections(alpha), `z ${z} α ${alpha}`).toBe(rejected);
          if (rejected !== holm(p, alpha)) beyondHolm++;
        }
      }
      expect(beyondHolm).toBeGreaterThan(50);
    });

    it('closed hierarchical is the fixed sequence', () => {
      for (const order of orders) {
        const closed = closedOf(new Hierarchical(order), G);
        const seen = new Set<number>();
        for (const z of cases) {
          const p = z.map(normalUpper);
          closed.test(z, identity);
          for (const alpha of LEVELS) {
            const rejected = fixedSequence(p, order, alpha);
            expect(closed.rejections(alpha), `order ${order} z ${z} α ${alpha}`).toBe(rejected);
            seen.add(rejected);
          }
        }
        // none, and each leading part of the order
        expect(seen.size).toBe(G + 1);
      }
    });
  });
}

describe('hierarchical order', () => {
  it('must list each hypothesis once', () => {
    for (const order of [[], [0, 0], [0, 2], [1], [0, 1, 2, 3, 4]])
      expect(() => new Hierarchical(order)).toThrow('order');
  });

  it('must have as many hypotheses as the closed test', () => {
    expect(() => new ClosedTest(new Hierarchical([1, 0]), 3)).toThrow('made for 2 hypotheses');
  });
});

describe("Simes's z scale where the weakest z decides (its terms bounded from a grid, simes.ts)", () => {
  it.each([2, 3, 4])('%i hypotheses: z close together, from −3 to 10, equal Φ⁻¹(1 − p_I) of the formula', (G) => {
    const source = sampler(`simes bound ${G}`);
    const statistics = new ElementaryStatistics(G);
    const identity = Array.from({ length: G * G }, (_, i) => (i % (G + 1) === 0 ? 1 : 0));
    let worst = 0;
    let decidedByWeakest = 0;
    const masks = 2 ** G - 1;
    for (let c = 0; c < CASES; c++) {
      // a level on and beyond the bounds' grid (8), and spreads of 0 to 0.5 about it: the terms then fall on both
      // sides of the weakest z, and exact ties occur too. Below −3 the formula's Φ⁻¹(Φ̄(z)) loses digits (p near
      // 1: 10⁻⁹ at −6), where the z scale returns the weakest z itself
      const level = -3 + 13 * source.uniform();
      const z = Array.from({ length: G }, () => (source.uniform() < 0.1 ? level : level + 0.5 * source.uniform()));
      statistics.set(z, identity);
      for (let mask = 1; mask <= masks; mask++) {
        const inMask = members(mask, G);
        const expected = zOfP(formulas.simes(inMask.map((k) => normalUpper(z[k]))));
        const got = simes.zValue?.(statistics, mask) ?? Number.NaN;
        if (inMask.length > 1 && got === Math.min(...inMask.map((k) => z[k]))) decidedByWeakest++;
        // beyond z ≈ 8, Φ̄ leaves Φ⁻¹(Φ̄(z)) to its relative accuracy: compare relative to |z|
        worst = Math.max(worst, Math.abs(got - expected) / Math.max(1, Math.abs(expected)));
      }
    }
    expect(worst).toBeLessThan(1e-12);
    // the case the bound shortens is common here, so the comparison covers it
    expect(decidedByWeakest).toBeGreaterThan(CASES / 4);
  });
});
