// For G = 2 (H_S, H_F) the closed test over all intersections is today's two-hypothesis closed test
// (src/engine/inference/intersection/): the intersection p-value of the mask {S, F} is the test's pValue,
// the adjusted p of H_X is max(p_{S∩F}, p_X), and the decisions are stratified.ts's: the intersection by
// the test's thresholds, H_X also by z_X ≥ z_{1−α}. dunnett is spiessens-debois with ρ = √(s_S/s_F);
// hierarchical with the order [S, F] is hierarchical-S, with [F, S] hierarchical-F.
import { describe, expect, it } from 'vitest';
import { bonferroni } from '../../../../src/engine/inference/closed/bonferroni.js';
import { ClosedTest } from '../../../../src/engine/inference/closed/closed-test.js';
import { Dunnett } from '../../../../src/engine/inference/closed/dunnett.js';
import { Hierarchical } from '../../../../src/engine/inference/closed/hierarchical.js';
import { sidak } from '../../../../src/engine/inference/closed/sidak.js';
import { simes } from '../../../../src/engine/inference/closed/simes.js';
import type { IntersectionPValue } from '../../../../src/engine/inference/closed/types.js';
import { statisticCorrelation } from '../../../../src/engine/inference/intersection/correlation.js';
import { intersectionTests } from '../../../../src/engine/inference/intersection/index.js';
import { normalQuantile, normalUpper } from '../../../../src/engine/math/normal.js';
import type { Intersection } from '../../../../src/engine/scenario/types.js';
import { sampler } from './support.js';

const ALPHA = 0.025;
const CASES = 20_000;
const S = 0;
const F = 1;
/** the full mask {S, F} */
const BOTH = 0b11;
/**
 * MaxOfNormals4 against the bivariate law: within 10⁻¹¹ relative (test/engine/math/max-normal-4.test.ts),
 * and 1 − Φ₂ carries Φ₂'s absolute error, near 10⁻¹⁶ (measured: at most 0.29 of the bound)
 */
const DUNNETT_RELATIVE = 1e-11;
const DUNNETT_ABSOLUTE = 1e-15;
/** today's decisions come from thresholds on z, ours from p ≤ α: a p this near α may go either way */
const BOUNDARY = 1e-9;

const pairs: [Exclude<Intersection, 'hierarchical'>, () => IntersectionPValue, number, number][] = [
  // today's test, ours, and the largest relative and absolute difference of their p-values
  ['bonferroni', () => bonferroni, 0, 0],
  ['simes', () => simes, 0, 0],
  // −expm1(2·log1p(−p)) against p·(2 − p): a few roundings (measured: a quarter of this bound)
  ['sidak', () => sidak, 1e-15, 0],
  ['spiessens-debois', () => new Dunnett(), DUNNETT_RELATIVE, DUNNETT_ABSOLUTE],
  ['hierarchical-S', () => new Hierarchical([S, F]), 0, 0],
  ['hierarchical-F', () => new Hierarchical([F, S]), 0, 0],
];

describe('closed testing of two hypotheses is today’s intersection test', () => {
  for (const [name, make, relative, absolute] of pairs) {
    it(`${name}: intersection p, adjusted p and decisions on ${CASES} random (z_S, z_F, ρ)`, () => {
      const today = intersectionTests[name];
      const rule = today.atLevel(ALPHA);
      const critical = normalQuantile(1 - ALPHA);
      const closed = new ClosedTest(make(), 2);
      const source = sampler(`two-hypotheses ${name}`);
      const z = new Float64Array(2);
      const correlation = new Float64Array(4);
      let decided = 0;
      let worst = { excess: 0, label: '' };
      const mismatches: string[] = [];
      const outcomes = new Set<number>();
      for (let trial = 0; trial < CASES; trial++) {
        // z around the critical values, S from 5 % to 95 % of F
        const zS = 2 + 1.2 * source.normal();
        const zF = 2 + 1.2 * source.normal();
        const share = 0.05 + 0.9 * source.uniform();
        const rho = statisticCorrelation(share, 1);
        z[S] = zS;
        z[F] = zF;
        correlation[0] = correlation[3] = 1;
        correlation[1] = correlation[2] = rho;
        closed.test(z, correlation);

        const label = `${name} z_S ${zS} z_F ${zF} ρ ${rho}`;
        const pBoth = today.pValue(zS, zF, rho);
        const pS = normalUpper(zS);
        const pF = normalUpper(zF);
        // ours against today's as a multiple of the bound, to stay ≤ 1; Infinity when a 0 bound is missed
        const excess = (ours: number, expected: number, bound = relative * expected + absolute) =>
          ours === expected ? 0 : Math.abs(ours - expected) / bound;
        const adjustedS = Math.max(pBoth, pS);
        const adjustedF = Math.max(pBoth, pF);
        const excessHere = Math.max(
          excess(closed.intersectionP[BOTH], pBoth),
          excess(closed.intersectionP[1 << S], pS, 0),
          excess(closed.intersectionP[1 << F], pF, 0),
          excess(closed.adjustedP[S], adjustedS),
          excess(closed.adjustedP[F], adjustedF),
        );
        if (excessHere > worst.excess) worst = { excess: excessHere, label };

        if ([pBoth, pS, pF].some((p) => Math.abs(p - ALPHA) < BOUNDARY)) continue;
        const t = rule(rho);
        const intersection = zS >= t.s || zF >= t.f || (zS >= t.both && zF >= t.both);
        const expected = (intersection && zS >= critical ? 1 << S : 0) | (intersection && zF >= critical ? 1 << F : 0);
        if (closed.rejections(ALPHA) !== expected) mismatches.push(label);
        outcomes.add(expected);
        decided++;
      }
      expect(worst.excess, worst.label).toBeLessThanOrEqual(1);
      expect(mismatches).toEqual([]);
      expect(decided).toBeGreaterThan(CASES - 10);
      // neither, S only, F only and both all occur (hierarchical-S never rejects F alone, nor -F S alone)
      expect(outcomes.size).toBe(name.startsWith('hierarchical') ? 3 : 4);
    });
  }
});
