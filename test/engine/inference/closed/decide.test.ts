// A one-stage design decides on the z scale (ClosedTest.decide with each rule's atLevel): the same
// rejections as the p-values' closed test (test, then rejections(α)) for every rule, G = 1 … 4, on random
// statistics around the critical values and random correlations of equicorrelated or nested populations.
import { describe, expect, it } from 'vitest';
import { bonferroni } from '../../../../src/engine/inference/closed/bonferroni.js';
import { ClosedTest } from '../../../../src/engine/inference/closed/closed-test.js';
import { Dunnett } from '../../../../src/engine/inference/closed/dunnett.js';
import { Hierarchical } from '../../../../src/engine/inference/closed/hierarchical.js';
import { sidak } from '../../../../src/engine/inference/closed/sidak.js';
import { simes } from '../../../../src/engine/inference/closed/simes.js';
import type { IntersectionPValue } from '../../../../src/engine/inference/closed/types.js';
import { sampler } from './support.js';

const CASES = 4000;
const LEVELS = [0.01, 0.025, 0.1];

const rules: [string, (G: number) => IntersectionPValue][] = [
  ['bonferroni', () => bonferroni],
  ['simes', () => simes],
  ['sidak', () => sidak],
  ['dunnett', () => new Dunnett()],
  ['hierarchical', (G) => new Hierarchical(Array.from({ length: G }, (_, k) => G - 1 - k))],
];

describe('deciding on the z scale is the closed test of the p-values', () => {
  for (const [name, make] of rules) {
    it(name, () => {
      const draw = sampler(`decide ${name}`);
      let rejections = 0;
      for (let G = 1; G <= 4; G++) {
        const rule = make(G);
        const closed = new ClosedTest(rule, G);
        for (const alpha of LEVELS) {
          const rejects = rule.atLevel(alpha);
          for (let i = 0; i < CASES / G; i++) {
            // a common correlation ρ (positive definite for every G), z about the critical values
            const rho = draw.uniform() * 0.9;
            const correlation = Array.from({ length: G * G }, (_, c) => (c % (G + 1) === 0 ? 1 : rho));
            const z = Array.from({ length: G }, () => 1.5 + 1.5 * draw.uniform());
            closed.test(z, correlation);
            const expected = closed.rejections(alpha);
            expect(closed.decide(z, correlation, rejects), `G ${G}, α ${alpha}, z ${z}, ρ ${rho}`).toBe(expected);
            if (expected !== 0) rejections++;
          }
        }
      }
      // the cases reach both sides of the decisions
      expect(rejections).toBeGreaterThan(CASES / 4);
      expect(rejections).toBeLessThan(3 * CASES * LEVELS.length);
    });
  }
});
