// Multinomial counts: they sum to n, each marginal is binomial and the joint law of a trinomial
// matches its exact pmf (chi-square goodness of fit, failing at p < P_FAIL).
import { describe, expect, it } from 'vitest';
import { Sampler } from '../../../src/engine/random/sampler.js';
import { blockStream } from '../../../src/engine/random/stream.js';
import { DRAWS, P_FAIL, binomialPmf, chiSquareFit, lnGamma, pooledChiSquare } from './helpers.js';

const sampler = (name: string) => new Sampler(blockStream('multinomial-tests', name, 0));

describe.each([
  { n: 50, probabilities: [0.1, 0.25, 0.05, 0.6] },
  { n: 10_000, probabilities: [0.27, 0.03, 0.07, 0.63] },
])('multinomial($n, $probabilities)', ({ n, probabilities }) => {
  const k = probabilities.length;
  const s = sampler(`marginals-${n}`);
  const draws = DRAWS / 4;
  const counts = probabilities.map(() => new Float64Array(draws));
  const out = new Int32Array(k);
  let sumsToN = true;
  for (let d = 0; d < draws; d++) {
    s.multinomial(n, probabilities, out);
    let total = 0;
    for (let i = 0; i < k; i++) {
      counts[i][d] = out[i];
      total += out[i];
    }
    if (total !== n) sumsToN = false;
  }

  it('counts sum to n', () => expect(sumsToN).toBe(true));

  it.each(probabilities.map((p, i) => [i, p]))('count %i is Binomial(n, %s)', (i, p) => {
    const fit = chiSquareFit(counts[i], binomialPmf(n, p));
    expect(fit.p, `χ² = ${fit.statistic} on ${fit.df} df`).toBeGreaterThan(P_FAIL);
  });
});

describe('multinomial joint law', () => {
  it('(N₀, N₁) of Multinomial(20; 0.2, 0.3, 0.5) follows the trinomial pmf', () => {
    const n = 20;
    const p = [0.2, 0.3, 0.5];
    const s = sampler('joint');
    const out = new Int32Array(3);
    const observed = new Float64Array((n + 1) * (n + 1));
    for (let d = 0; d < DRAWS; d++) {
      s.multinomial(n, p, out);
      observed[out[0] * (n + 1) + out[1]]++;
    }
    const expected = new Float64Array((n + 1) * (n + 1));
    for (let a = 0; a <= n; a++) {
      for (let b = 0; a + b <= n; b++) {
        const c = n - a - b;
        const log =
          lnGamma(n + 1) -
          lnGamma(a + 1) -
          lnGamma(b + 1) -
          lnGamma(c + 1) +
          a * Math.log(p[0]) +
          b * Math.log(p[1]) +
          c * Math.log(p[2]);
        expected[a * (n + 1) + b] = DRAWS * Math.exp(log);
      }
    }
    // cells in order of expected count, so pooling gathers the improbable ones
    const order = Array.from(expected.keys()).sort((i, j) => expected[i] - expected[j]);
    const fit = pooledChiSquare(
      order.map((i) => observed[i]),
      order.map((i) => expected[i]),
    );
    expect(fit.p, `χ² = ${fit.statistic} on ${fit.df} df`).toBeGreaterThan(P_FAIL);
  });
});

describe('multinomial edge cases', () => {
  const s = sampler('edges');
  it('takes the remainder into the last category when probabilities do not quite sum to 1', () => {
    const out = new Int32Array(3);
    for (const p of [
      [0.1, 0.3, 0.6 - 1e-12],
      [0.1, 0.3, 0.6 + 1e-12],
      [1 / 3, 1 / 3, 1 / 3],
      [0.7, 0.3 + 1e-15, 0],
    ]) {
      for (let i = 0; i < 1000; i++) {
        s.multinomial(1000, p, out);
        expect(out[0] + out[1] + out[2]).toBe(1000);
        expect(Math.min(out[0], out[1], out[2])).toBeGreaterThanOrEqual(0);
      }
    }
  });
  it('gives nothing to categories of probability 0, and everything when one has probability 1', () => {
    const out = new Float64Array(4);
    for (let i = 0; i < 1000; i++) {
      s.multinomial(100, [0, 0.5, 0, 0.5], out);
      expect(out[0]).toBe(0);
      expect(out[2]).toBe(0);
      expect(out[1] + out[3]).toBe(100);
      s.multinomial(100, [0, 1, 0, 0], out);
      expect(Array.from(out)).toEqual([0, 100, 0, 0]);
    }
  });
  it('n = 0 gives zeros', () => {
    const out = new Int32Array([9, 9, 9]);
    s.multinomial(0, [0.2, 0.3, 0.5], out);
    expect(Array.from(out)).toEqual([0, 0, 0]);
  });
});
