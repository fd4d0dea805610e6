// The max-z (dunnett) intersection p-value against R's mvtnorm 1.1.3 (test/fixtures/reference/
// mvtnorm-dunnett.json, made by make-dunnett.R: 1 − pmvnorm(upper = rep(z, d), corr = R), the Miwa
// algorithm): for every fixture matrix and z, the full mask of its d hypotheses with z the largest
// statistic, and the same mask inside d + 1 hypotheses beside an independent one with a larger z, which
// the mask must leave out (its correlation and its z). The bound is the brief's 10⁻⁸ relative;
// MaxOfNormals4 itself is within 5.3·10⁻¹¹ of these fixtures (test/engine/math/max-normal-4.test.ts).
import { describe, expect, it } from 'vitest';
import { ClosedTest } from '../../../../src/engine/inference/closed/closed-test.js';
import { Dunnett } from '../../../../src/engine/inference/closed/dunnett.js';
import { dunnettFixtures } from './support.js';

const RELATIVE = 1e-8;

describe('dunnett intersection p-values against mvtnorm', () => {
  it('has the ten fixtures of two, three and four coordinates', () => {
    expect(dunnettFixtures.map((f) => f.dim)).toEqual([2, 2, 2, 3, 3, 3, 3, 4, 4, 4]);
  });

  for (const { id, dim, corr, pValues } of dunnettFixtures) {
    it(`${id}: the full mask of ${dim}`, () => {
      const closed = new ClosedTest(new Dunnett(), dim);
      const correlation = corr.flat();
      pValues.forEach(({ z, p }, n) => {
        // the largest statistic in turn at each position, the others below it
        const leader = n % dim;
        const statistics = Array.from({ length: dim }, (_, k) => (k === leader ? z : z - 0.4 - 0.3 * k));
        closed.test(statistics, correlation);
        const ours = closed.intersectionP[2 ** dim - 1];
        expect(Math.abs(ours - p), `z ${statistics}`).toBeLessThanOrEqual(RELATIVE * p);
      });
    });

    if (dim === 4) continue;
    it(`${id}: a mask of ${dim} among ${dim + 1}, beside an independent statistic`, () => {
      const G = dim + 1;
      const closed = new ClosedTest(new Dunnett(), G);
      for (let extra = 0; extra < G; extra++) {
        // the fixture's coordinates in order at the positions other than `extra`
        const positions = Array.from({ length: G }, (_, k) => k).filter((k) => k !== extra);
        const correlation = new Float64Array(G * G);
        correlation[extra * G + extra] = 1;
        positions.forEach((row, i) => {
          positions.forEach((column, j) => {
            correlation[row * G + column] = corr[i][j];
          });
        });
        const mask = (2 ** G - 1) & ~(1 << extra);
        for (const { z, p } of pValues) {
          const statistics = new Float64Array(G);
          positions.forEach((k, i) => {
            statistics[k] = z - 0.25 * i;
          });
          statistics[extra] = z + 1;
          closed.test(statistics, correlation);
          const ours = closed.intersectionP[mask];
          expect(Math.abs(ours - p), `extra ${extra} z ${statistics}`).toBeLessThanOrEqual(RELATIVE * p);
        }
      }
    });
  }
});
