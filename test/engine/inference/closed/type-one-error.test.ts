// Family-wise error under the global null: Z ~ N(0, R) with R the correlation of nested and of
// overlapping populations' statistics (test/fixtures/reference/mvtnorm-dunnett.json), drawn as L·x with
// L R's Cholesky factor and x the seeded sampler's normals. Each rule's closed test must reject at least
// one hypothesis with probability ≤ α + 3 MCSE; the max-z (dunnett) full intersection is an exact level-α
// test, so its rejection rate must also be ≥ α − 3 MCSE, and as the max-z closed test is consonant (a
// subset's P(max ≥ z) is no larger) it rejects some hypothesis exactly when the full intersection falls,
// which is exactly when the largest z reaches mvtnorm's critical value (the fixture's c at α): the same
// draws, counted both ways.
import { describe, expect, it } from 'vitest';
import { bonferroni } from '../../../../src/engine/inference/closed/bonferroni.js';
import { ClosedTest } from '../../../../src/engine/inference/closed/closed-test.js';
import { Dunnett } from '../../../../src/engine/inference/closed/dunnett.js';
import { Hierarchical } from '../../../../src/engine/inference/closed/hierarchical.js';
import { sidak } from '../../../../src/engine/inference/closed/sidak.js';
import { simes } from '../../../../src/engine/inference/closed/simes.js';
import type { IntersectionPValue } from '../../../../src/engine/inference/closed/types.js';
import { cholesky, drawCorrelated, fixture, sampler } from './support.js';

const ALPHA = 0.025;
const DRAWS = 100_000;
/** the Monte Carlo standard error of a rejection rate of α */
const MCSE = Math.sqrt((ALPHA * (1 - ALPHA)) / DRAWS);

const matrices = ['d3-nested', 'd3-overlap-v1', 'd4-nested3', 'd4-overlap-v5'];

describe('family-wise error under the global null', () => {
  for (const id of matrices) {
    const { dim: G, corr, about, critical } = fixture(id);
    it(`${id} (${about})`, () => {
      const correlation = corr.flat();
      const factor = cholesky(correlation, G);
      const source = sampler(`type one error ${id}`);
      const draws = new Float64Array(DRAWS * G);
      for (let i = 0; i < DRAWS; i++) drawCorrelated(source, factor, G, draws.subarray(i * G, (i + 1) * G));
      const ascending = Array.from({ length: G }, (_, k) => k);
      const rules: [string, IntersectionPValue][] = [
        ['bonferroni', bonferroni],
        ['simes', simes],
        ['sidak', sidak],
        ['dunnett', new Dunnett()],
        ['hierarchical, smallest population first', new Hierarchical(ascending)],
        ['hierarchical, F first', new Hierarchical([...ascending].reverse())],
      ];
      const full = 2 ** G - 1;
      const c = critical.find((entry) => entry.alpha === ALPHA)?.c as number;
      let beyondCritical = 0;
      for (let i = 0; i < DRAWS; i++) if (Math.max(...draws.subarray(i * G, (i + 1) * G)) >= c) beyondCritical++;
      for (const [name, rule] of rules) {
        const closed = new ClosedTest(rule, G);
        let any = 0;
        let fullRejected = 0;
        for (let i = 0; i < DRAWS; i++) {
          closed.test(draws.subarray(i * G, (i + 1) * G), correlation);
          if (closed.rejections(ALPHA) !== 0) any++;
          if (closed.intersectionP[full] <= ALPHA) fullRejected++;
        }
        expect(any / DRAWS, name).toBeLessThanOrEqual(ALPHA + 3 * MCSE);
        if (name !== 'dunnett') continue;
        expect(fullRejected / DRAWS, name).toBeGreaterThanOrEqual(ALPHA - 3 * MCSE);
        expect(fullRejected / DRAWS, name).toBeLessThanOrEqual(ALPHA + 3 * MCSE);
        expect(any, name).toBe(fullRejected);
        expect(fullRejected, name).toBe(beyondCritical);
      }
    });
  }
});
