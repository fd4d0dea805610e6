// Normal, exponential, gamma and chi-square samplers against their exact laws: moments within K_SE standard
// errors, Kolmogorov–Smirnov against the exact CDF and, where R's quantiles give bin edges down to
// 10⁻⁴, a binned chi-square test that also looks at the tails.
import { describe, expect, it } from 'vitest';
import { Sampler } from '../../../src/engine/random/sampler.js';
import { blockStream } from '../../../src/engine/random/stream.js';
import {
  DRAWS,
  K_SE,
  P_FAIL,
  binnedFit,
  chiSquareCdf,
  checkMoments,
  drawMany,
  gammaCdf,
  kolmogorovSmirnov,
  normalCdf,
  referenceEntry,
} from './helpers.js';

const sampler = (name: string) => new Sampler(blockStream('continuous-tests', name, 0));

function expectMoments(draws: Float64Array, mean: number, variance: number, mu4: number): void {
  const m = checkMoments(draws, mean, variance, mu4);
  expect(m.meanZ, `mean ${m.mean} vs ${mean} (SE ${m.meanSe})`).toBeLessThan(K_SE);
  expect(m.varianceZ, `variance ${m.variance} vs ${variance} (SE ${m.varianceSe})`).toBeLessThan(K_SE);
}

function expectBinned(draws: Float64Array, quantileCall: string): void {
  const q = referenceEntry(quantileCall);
  const fit = binnedFit(draws, q.value, q.x);
  expect(fit.p, `${quantileCall}: χ² = ${fit.statistic} on ${fit.df} df`).toBeGreaterThan(P_FAIL);
}

describe('normal', () => {
  const s = sampler('normal');
  const x = drawMany(DRAWS, () => s.normal());

  it('has mean 0 and variance 1', () => expectMoments(x, 0, 1, 3));

  it('follows Φ (Kolmogorov–Smirnov)', () => {
    expect(kolmogorovSmirnov(x, normalCdf).p).toBeGreaterThan(P_FAIL);
  });

  it('follows Φ in 62 bins out to the 10⁻⁴ tails (chi-square)', () => expectBinned(x, 'qnorm('));

  it('is symmetric: the sign is independent of the magnitude', () => {
    // split at |x| = 1: the share of negatives is ½ in both halves
    let inner = 0,
      innerNegative = 0,
      outer = 0,
      outerNegative = 0;
    for (const v of x) {
      if (Math.abs(v) < 1) {
        inner++;
        if (v < 0) innerNegative++;
      } else {
        outer++;
        if (v < 0) outerNegative++;
      }
    }
    expect(Math.abs(innerNegative / inner - 0.5)).toBeLessThan(K_SE * Math.sqrt(0.25 / inner));
    expect(Math.abs(outerNegative / outer - 0.5)).toBeLessThan(K_SE * Math.sqrt(0.25 / outer));
  });
});

describe('exponential', () => {
  const rate = 0.4;
  const s = sampler('exponential');
  const x = drawMany(DRAWS, () => s.exponential(rate));

  it('is positive with mean 1/λ and variance 1/λ²', () => {
    expect(x.every((v) => v >= 0)).toBe(true);
    // μ₄ of an exponential is 9/λ⁴
    expectMoments(x, 1 / rate, 1 / rate ** 2, 9 / rate ** 4);
  });

  it('follows 1 − e^(−λx) (Kolmogorov–Smirnov)', () => {
    expect(kolmogorovSmirnov(x, (v) => 1 - Math.exp(-rate * v)).p).toBeGreaterThan(P_FAIL);
  });

  it('has the tail e^(−λx) beyond the ziggurat base strip (x > 7.7/λ) and at 20 means', () => {
    // 2·10⁶ draws: P(X > 7.697/λ) = 4.5·10⁻⁴, P(X > 12/λ) = 6.1·10⁻⁶
    const many = 2_000_000;
    const tail = sampler('exponential-tail');
    let beyondBase = 0,
      far = 0;
    for (let i = 0; i < many; i++) {
      const v = tail.exponential(1);
      if (v > 7.697117470131487) beyondBase++;
      if (v > 12) far++;
    }
    for (const [count, p] of [
      [beyondBase, Math.exp(-7.697117470131487)],
      [far, Math.exp(-12)],
    ]) {
      expect(Math.abs(count / many - p)).toBeLessThan(K_SE * Math.sqrt((p * (1 - p)) / many));
    }
  });
});

describe.each([0.3, 1, 2.5, 100])('gamma(%s)', (shape) => {
  const s = sampler(`gamma-${shape}`);
  const x = drawMany(DRAWS, () => s.gamma(shape));

  it('is positive with mean k and variance k', () => {
    expect(x.every((v) => v >= 0)).toBe(true);
    // central moments of Gamma(k, 1): σ² = k, μ₄ = 3k² + 6k
    expectMoments(x, shape, shape, 3 * shape * shape + 6 * shape);
  });

  it('follows the gamma CDF (Kolmogorov–Smirnov)', () => {
    expect(kolmogorovSmirnov(x, (v) => gammaCdf(shape, v)).p).toBeGreaterThan(P_FAIL);
  });

  if (shape === 0.3)
    it('follows the gamma law in 62 bins down to the 10⁻⁴ quantile (chi-square)', () => expectBinned(x, 'qgamma('));
});

describe.each([1, 3, 39, 1000])('chiSquare(%s)', (df) => {
  const s = sampler(`chisq-${df}`);
  const x = drawMany(DRAWS, () => s.chiSquare(df));

  it('has mean ν and variance 2ν', () => {
    // μ₄ of χ²(ν) = 12ν² + 48ν
    expectMoments(x, df, 2 * df, 12 * df * df + 48 * df);
  });

  it('follows the chi-square CDF (Kolmogorov–Smirnov)', () => {
    expect(kolmogorovSmirnov(x, (v) => chiSquareCdf(df, v)).p).toBeGreaterThan(P_FAIL);
  });

  if (df === 1) {
    it('follows χ²(1) in 62 bins out to the 10⁻⁴ tails (chi-square)', () => expectBinned(x, 'qchisq('));
  }
});

describe('chiSquare with large df', () => {
  it('χ²(10⁶) has mean ν and variance 2ν', () => {
    const s = sampler('chisq-1e6');
    const df = 1e6;
    expectMoments(
      drawMany(DRAWS, () => s.chiSquare(df)),
      df,
      2 * df,
      12 * df * df + 48 * df,
    );
  });
});

describe('interleaved use', () => {
  it('mixing shapes and methods on one sampler keeps each law (cached set-ups are per call)', () => {
    const s = sampler('interleaved');
    const a = new Float64Array(DRAWS / 2);
    const b = new Float64Array(DRAWS / 2);
    for (let i = 0; i < DRAWS / 2; i++) {
      a[i] = s.gamma(2.5);
      b[i] = s.chiSquare(3);
      s.normal();
    }
    expect(kolmogorovSmirnov(a, (v) => gammaCdf(2.5, v)).p).toBeGreaterThan(P_FAIL);
    expect(kolmogorovSmirnov(b, (v) => chiSquareCdf(3, v)).p).toBeGreaterThan(P_FAIL);
  });
});
