// The intersection tests' thresholds against their p-value definitions (docs/methods.md), on a
// grid of z pairs and correlations, and Spiessens–Debois' tabulated c(ρ) against the exact root.
import { describe, expect, it } from 'vitest';
import { bivariateNormalCdf, maxOfBivariateNormalCritical } from '../../../src/engine/math/bivariate-normal.js';
import { normalUpper } from '../../../src/engine/math/normal.js';
import type { Intersection } from '../../../src/engine/scenario/types.js';
import { intersectionTests } from '../../../src/engine/inference/intersection/index.js';
import { criticalTable, interpolatedCritical } from '../../../src/engine/inference/intersection/spiessens-debois.js';

const ALPHA = 0.025;

/** the intersection p-value as docs/methods.md defines it */
const P_VALUE: Record<Exclude<Intersection, 'hierarchical'>, (zS: number, zF: number, rho: number) => number> = {
  bonferroni: (zS, zF) => Math.min(1, 2 * Math.min(normalUpper(zS), normalUpper(zF))),
  sidak: (zS, zF) => 1 - (1 - Math.min(normalUpper(zS), normalUpper(zF))) ** 2,
  simes: (zS, zF) =>
    Math.min(2 * Math.min(normalUpper(zS), normalUpper(zF)), Math.max(normalUpper(zS), normalUpper(zF))),
  'spiessens-debois': (zS, zF, rho) => {
    const m = Math.max(zS, zF);
    return 1 - bivariateNormalCdf(m, m, rho);
  },
  dunnett: (zS, zF, rho) => {
    const m = Math.max(zS, zF);
    return 1 - bivariateNormalCdf(m, m, rho);
  },
  'hierarchical-S': (zS) => normalUpper(zS),
  'hierarchical-F': (_zS, zF) => normalUpper(zF),
};

describe('intersection thresholds reject exactly when the p-value is ≤ α', () => {
  const zs = Array.from({ length: 41 }, (_, i) => 1.5 + i * 0.025);
  for (const [name, test] of Object.entries(intersectionTests)) {
    it(name, () => {
      const rule = test.atLevel(ALPHA);
      let decided = 0;
      for (const rho of [0.2, 0.55, 0.9]) {
        for (const zS of zs) {
          for (const zF of zs) {
            const p = P_VALUE[name as Exclude<Intersection, 'hierarchical'>](zS, zF, rho);
            // a pair within 1e-9 of the boundary could go either way in floating point
            if (Math.abs(p - ALPHA) < 1e-9) continue;
            const t = rule(rho);
            const rejected = zS >= t.s || zF >= t.f || Math.min(zS, zF) >= t.both;
            expect(rejected, `${name} zS ${zS} zF ${zF} ρ ${rho}: p = ${p}`).toBe(p <= ALPHA);
            decided++;
          }
        }
      }
      expect(decided).toBeGreaterThan(3 * 41 * 41 - 10);
    });
  }
});

describe("Spiessens–Debois' tabulated critical value", () => {
  it('is within 1e-11 of the exact root for correlations across [−1, 1]', () => {
    const table = criticalTable(ALPHA);
    let worst = 0;
    for (let i = 0; i <= 400; i++) {
      // include points crowding ρ = 1, where c(ρ) has a square-root singularity in ρ
      const rho = i < 200 ? -1 + i / 100 : 1 - 10 ** (-(i - 200) / 25);
      worst = Math.max(worst, Math.abs(interpolatedCritical(table, rho) - maxOfBivariateNormalCritical(ALPHA, rho)));
    }
    expect(worst).toBeLessThan(1e-11);
  });
});
