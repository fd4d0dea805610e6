// Rectangle probabilities of the multivariate normal (normal-rectangle.ts) against mvtnorm's pmvnorm
// (test/fixtures/reference/mvtnorm-rectangles.json, each case with its call): within three times the
// error mvtnorm reports for its own value, plus 10⁻¹⁰ for ours; and the cases that have a closed form.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bivariateNormalCdf } from '../../../src/engine/math/bivariate-normal.js';
import { normalCdf } from '../../../src/engine/math/normal.js';
import { normalRectangle } from '../../../src/engine/math/normal-rectangle.js';

type Case = {
  id: string;
  upper: number[];
  correlation: number[];
  dimension: number;
  probability: number;
  error: number;
};
const cases: Case[] = JSON.parse(
  readFileSync(new URL('../../fixtures/reference/mvtnorm-rectangles.json', import.meta.url), 'utf8'),
);

describe('multivariate normal rectangles', () => {
  it.each(cases.map((c) => [c.id, c] as const))('%s against mvtnorm', (_, c) => {
    const ours = normalRectangle(c.upper, c.correlation, c.dimension);
    expect(Math.abs(ours - c.probability), `${ours} vs ${c.probability}`).toBeLessThanOrEqual(3 * c.error + 1e-10);
  });

  it('independent coordinates multiply; two are the bivariate law; one is Φ', () => {
    const identity = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];
    const upper = [0.3, -0.7, 1.4, 2];
    const product = upper.reduce((p, a) => p * normalCdf(a), 1);
    expect(normalRectangle(upper, identity, 4)).toBeCloseTo(product, 11);
    expect(normalRectangle([0.2, 1.1], [1, 0.45, 0.45, 1], 2)).toBe(bivariateNormalCdf(0.2, 1.1, 0.45));
    expect(normalRectangle([0.8], [1], 1)).toBe(normalCdf(0.8));
  });

  it('refuses what it cannot condition on', () => {
    expect(normalRectangle([1, 1, 1], [1, 1, 0.5, 1, 1, 0.5, 0.5, 0.5, 1], 3)).toBeNaN();
    expect(() => normalRectangle([1, 1, 1, 1, 1], new Array(25).fill(0), 5)).toThrow();
  });
});
