// Binomial, Poisson and negative binomial samplers against their exact pmfs: chi-square goodness
// of fit (cells pooled to an expected count ≥ 5, failing at p < P_FAIL) and moments within K_SE
// standard errors. Cases cover both methods of each sampler and the switch between them.
import { describe, expect, it } from 'vitest';
import { Sampler } from '../../../src/engine/random/sampler.js';
import { blockStream } from '../../../src/engine/random/stream.js';
import {
  DRAWS,
  K_SE,
  P_FAIL,
  binomialPmf,
  checkMoments,
  chiSquareFit,
  drawMany,
  negativeBinomialPmf,
  poissonPmf,
  type PmfTable,
} from './helpers.js';

const sampler = (name: string) => new Sampler(blockStream('discrete-tests', name, 0));

function expectLaw(draws: Float64Array, table: PmfTable, mean: number, variance: number, mu4: number): void {
  const fit = chiSquareFit(draws, table);
  expect(fit.p, `χ² = ${fit.statistic} on ${fit.df} df`).toBeGreaterThan(P_FAIL);
  const m = checkMoments(draws, mean, variance, mu4);
  expect(m.meanZ, `mean ${m.mean} vs ${mean} (SE ${m.meanSe})`).toBeLessThan(K_SE);
  expect(m.varianceZ, `variance ${m.variance} vs ${variance} (SE ${m.varianceSe})`).toBeLessThan(K_SE);
}

// method: n·min(p, 1 − p) < 10 → inversion, otherwise BTRD
describe.each([
  { n: 5, p: 0.3, method: 'inversion' },
  { n: 30, p: 0.3, method: 'inversion, n·p = 9' },
  { n: 10, p: 0.9, method: 'inversion by symmetry' },
  { n: 34, p: 0.3, method: 'BTRD, n·p = 10.2' },
  { n: 40, p: 0.5, method: 'BTRD' },
  { n: 60, p: 0.3, method: 'BTRD' },
  { n: 1000, p: 0.02, method: 'BTRD' },
  { n: 500, p: 0.97, method: 'BTRD by symmetry' },
  { n: 1_000_000, p: 0.3, method: 'BTRD, |k − m| > 15: squeeze and Stirling' },
])('binomial($n, $p) – $method', ({ n, p }) => {
  it('follows the binomial pmf', () => {
    const s = sampler(`binomial-${n}-${p}`);
    const q = 1 - p;
    // central moments: σ² = npq, μ₄ = npq(1 + 3(n − 2)pq)
    expectLaw(
      drawMany(DRAWS, () => s.binomial(n, p)),
      binomialPmf(n, p),
      n * p,
      n * p * q,
      n * p * q * (1 + 3 * (n - 2) * p * q),
    );
  });
});

describe('binomial edge cases', () => {
  const s = sampler('binomial-edges');
  it('n = 0, p = 0 and p = 1 are degenerate', () => {
    for (let i = 0; i < 100; i++) {
      expect(s.binomial(0, 0.4)).toBe(0);
      expect(s.binomial(0, 1)).toBe(0);
      expect(s.binomial(17, 0)).toBe(0);
      expect(s.binomial(17, 1)).toBe(17);
      expect(s.binomial(1e6, 1)).toBe(1e6);
    }
  });
  it('stays in 0..n with integer values', () => {
    for (const [n, p] of [
      [1, 0.5],
      [3, 0.999],
      [25, 0.4],
      [200, 0.5],
      [7, 1e-9],
      [1e9, 1e-9],
      [1e9, 0.5],
    ]) {
      for (let i = 0; i < 1000; i++) {
        const k = s.binomial(n, p);
        expect(Number.isInteger(k) && k >= 0 && k <= n, `binomial(${n}, ${p}) = ${k}`).toBe(true);
      }
    }
  });
  it('alternating parameters keep each law (cached set-ups)', () => {
    const a = new Float64Array(DRAWS / 2);
    const b = new Float64Array(DRAWS / 2);
    for (let i = 0; i < DRAWS / 2; i++) {
      a[i] = s.binomial(60, 0.3);
      b[i] = s.binomial(61, 0.3);
    }
    expect(chiSquareFit(a, binomialPmf(60, 0.3)).p).toBeGreaterThan(P_FAIL);
    expect(chiSquareFit(b, binomialPmf(61, 0.3)).p).toBeGreaterThan(P_FAIL);
  });
});

// mean < 10 → inversion, otherwise PTRS
describe.each([
  { mean: 0.5, method: 'inversion' },
  { mean: 7, method: 'inversion' },
  { mean: 10, method: 'PTRS at the switch' },
  { mean: 30, method: 'PTRS' },
  { mean: 1000, method: 'PTRS' },
])('poisson($mean) – $method', ({ mean }) => {
  it('follows the Poisson pmf', () => {
    const s = sampler(`poisson-${mean}`);
    // μ₄ = λ(1 + 3λ)
    expectLaw(
      drawMany(DRAWS, () => s.poisson(mean)),
      poissonPmf(mean),
      mean,
      mean,
      mean * (1 + 3 * mean),
    );
  });
});

describe('poisson edge cases', () => {
  it('mean 0 gives 0', () => {
    const s = sampler('poisson-0');
    for (let i = 0; i < 100; i++) expect(s.poisson(0)).toBe(0);
  });
});

describe.each([
  { r: 50, p: 0.3 },
  { r: 1, p: 0.5 },
  { r: 100, p: 0.3 },
  { r: 2.5, p: 0.8 },
])('negativeBinomial($r, $p)', ({ r, p }) => {
  it('follows the negative binomial pmf (failures before the r-th success)', () => {
    const s = sampler(`nb-${r}-${p}`);
    const q = 1 - p;
    const variance = (r * q) / (p * p);
    // excess kurtosis 6/r + p²/(rq)
    const mu4 = variance * variance * (3 + 6 / r + (p * p) / (r * q));
    expectLaw(
      drawMany(DRAWS, () => s.negativeBinomial(r, p)),
      negativeBinomialPmf(r, p),
      (r * q) / p,
      variance,
      mu4,
    );
  });
});

describe('negativeBinomial edge cases', () => {
  it('p = 1 or no successes needed gives 0 failures', () => {
    const s = sampler('nb-edges');
    for (let i = 0; i < 100; i++) {
      expect(s.negativeBinomial(5, 1)).toBe(0);
      expect(s.negativeBinomial(0, 0.4)).toBe(0);
    }
  });
});

describe('Sampler', () => {
  it('is reproducible: the same stream gives the same draws', () => {
    const run = () => {
      const s = new Sampler(blockStream('repro', 'd', 3));
      const out: number[] = [];
      for (let i = 0; i < 200; i++) {
        out.push(
          s.normal(),
          s.chiSquare(5),
          s.binomial(60, 0.3),
          s.binomial(4, 0.2),
          s.poisson(40),
          s.negativeBinomial(10, 0.3),
        );
      }
      return out;
    };
    expect(run()).toEqual(run());
  });
});
