// The intersections of G hypotheses as bit masks and the masks containing each hypothesis, against the
// definition: every non-empty subset of 0 … G − 1 once, and exactly those with k for hypothesis k.
import { describe, expect, it } from 'vitest';
import { hypothesesIn, intersections } from '../../../../src/engine/inference/closed/masks.js';

describe('intersection masks', () => {
  for (const G of [1, 2, 3, 4]) {
    it(`G = ${G}: 2^G − 1 masks, each hypothesis in 2^(G−1) of them`, () => {
      const table = intersections(G);
      expect(table.hypotheses).toBe(G);
      expect(table.span).toBe(2 ** G);
      expect(table.perHypothesis).toBe(2 ** (G - 1));
      for (let k = 0; k < G; k++) {
        const listed = Array.from(table.containing.subarray(k * table.perHypothesis, (k + 1) * table.perHypothesis));
        const subsets = Array.from({ length: 2 ** G - 1 }, (_, i) => i + 1).filter((mask) => (mask >> k) & 1);
        expect(listed).toEqual(subsets);
      }
      for (let mask = 1; mask < 2 ** G; mask++) {
        const members = Array.from({ length: G }, (_, k) => k).filter((k) => (mask >> k) & 1);
        expect(hypothesesIn(mask)).toBe(members.length);
      }
      expect(intersections(G)).toBe(table);
    });
  }

  it('refuses G outside 1 … 4', () => {
    for (const G of [0, 5, 2.5]) expect(() => intersections(G)).toThrow(`1 to 4 hypotheses, got ${G}`);
  });
});
