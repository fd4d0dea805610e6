// Group-sequential boundaries for t statistics (src/engine/inference/sequential/t-boundaries.ts)
// against references that do not share its method: R's t quantiles for a single look, the z
// boundaries of boundaries.ts as ν → ∞, and Monte Carlo on the exact null law of the t statistics,
// drawn here from its definition (independent normal score increments, independent χ² increments
// of the residual sum of squares).
import { describe, expect, it } from 'vitest';
import { efficacyBoundaries } from '../../../src/engine/inference/sequential/boundaries.js';
import { spentAlpha, type Spending } from '../../../src/engine/inference/sequential/spending.js';
import { tEfficacyBoundaries } from '../../../src/engine/inference/sequential/t-boundaries.js';
import { normalUpper } from '../../../src/engine/math/normal.js';
import { tToZExact } from '../../../src/engine/math/t-to-z.js';
import { Sampler } from '../../../src/engine/random/sampler.js';
import { blockStream } from '../../../src/engine/random/stream.js';
import { proportionSe } from '../../support/monte-carlo.js';

const SPENDINGS: Spending[] = ['obrien-fleming', 'pocock'];

/** information rates t_k = k/K */
function equallySpaced(looks: number): number[] {
  return Array.from({ length: looks }, (_, k) => (k + 1) / looks);
}

/** α(t_k) − α(t_{k−1}), the α each look spends */
function spentAt(spending: Spending, rates: readonly number[], alpha: number): number[] {
  return rates.map((t, k) => spentAlpha(spending, alpha, t) - (k > 0 ? spentAlpha(spending, alpha, rates[k - 1]) : 0));
}

describe('t boundaries at a single look', () => {
  // Rscript -e 'qt(alpha, df, lower.tail = FALSE)' (the upper tail, so that its digits are kept)
  const R_QT: [alpha: number, df: number, quantile: number][] = [
    [0.025, 1, 12.706204736174707],
    [0.025, 2, 4.3026527297494637],
    [0.025, 5, 2.570581835636315],
    [0.025, 10, 2.2281388519862744],
    [0.025, 36, 2.0280940009804507],
    [0.025, 116, 1.9806260024590896],
    [0.05, 1, 6.3137515146750438],
    [0.05, 2, 2.919985580353726],
    [0.05, 5, 2.0150483733330233],
    [0.05, 10, 1.8124611228116763],
    [0.05, 36, 1.6882977141168165],
    [0.05, 116, 1.6580957442687609],
  ];

  it('the nominal level is α, and the trial rejects from R’s t quantile t_{ν, 1−α} on', () => {
    for (const spending of SPENDINGS) {
      for (const [alpha, df, quantile] of R_QT) {
        const [critical] = tEfficacyBoundaries(spending, [1], [df], alpha);
        // normalUpper and its quantile are accurate to a few ulps (normal.ts)
        expect(Math.abs(normalUpper(critical) / alpha - 1), `ν = ${df}, α = ${alpha}`).toBeLessThan(1e-12);
        // the t → z map agrees with R to 1e-11 (t-to-z.test.ts)
        expect(Math.abs(tToZExact(quantile, df) - critical), `ν = ${df}, α = ${alpha}`).toBeLessThan(1e-10);
      }
    }
  });
});

describe('t boundaries as ν grows', () => {
  // As ν → ∞ the t statistics become the z statistics. At one look the t law moves the critical
  // value by (c³ + c)/(4ν) to first order (the Cornish–Fisher term of the t quantile, Abramowitz &
  // Stegun 26.7.5); a change of the marginal laws alone leaves the nominal levels as they are, so
  // the joint law moves them by no more than that
  for (const spending of SPENDINGS) {
    for (const looks of [2, 3, 4]) {
      it(`${spending}, ${looks} looks, ν ≥ 10⁵: the z boundaries within (c³ + c)/(4ν)`, () => {
        const rates = equallySpaced(looks);
        const dfs = rates.map((t) => Math.round(1e5 * looks * t));
        const ours = tEfficacyBoundaries(spending, rates, dfs, 0.025);
        const z = efficacyBoundaries(spending, rates, 0.025);
        z.forEach((c, k) => {
          expect(Math.abs(ours[k] - c), `look ${k + 1}`).toBeLessThanOrEqual((c ** 3 + c) / (4 * dfs[k]));
        });
      });
    }
  }
});

/**
 * Monte Carlo on the exact null law: S_k with independent N(0, t_k − t_{k−1}) increments, V_k with
 * independent χ²(ν_k − ν_{k−1}) increments, T_k = (S_k/√t_k)/√(V_k/ν_k). For each set of z-scale
 * critical values the rejection region tToZ(T_k, ν_k) ≥ c_k is T_k ≥ τ_k with τ_k from tToZExact
 * (tToZ's table differs by < 1e-10, which moves only trials that close to the boundary).
 * On the same draws: each set's first crossings at each look, and the trials that only it rejects.
 */
function simulate(
  rates: readonly number[],
  dfs: readonly number[],
  criticalSets: readonly Float64Array[],
  replicates: number,
  sampler: Sampler,
): { crossings: Float64Array[]; alone: Float64Array } {
  const looks = rates.length;
  const tCritical = criticalSets.map((critical) => Float64Array.from(critical, (c, k) => tFromZ(c, dfs[k])));
  const crossings = criticalSets.map(() => new Float64Array(looks));
  const alone = new Float64Array(criticalSets.length);
  const scoreSd = Float64Array.from(rates, (t, k) => Math.sqrt(t - (k > 0 ? rates[k - 1] : 0)));
  const crossed = new Uint8Array(criticalSets.length);
  for (let r = 0; r < replicates; r++) {
    crossed.fill(0);
    let score = 0;
    let residual = 0;
    let open = criticalSets.length;
    for (let k = 0; k < looks && open > 0; k++) {
      score += scoreSd[k] * sampler.normal();
      residual += sampler.chiSquare(dfs[k] - (k > 0 ? dfs[k - 1] : 0));
      const t = score / Math.sqrt(rates[k]) / Math.sqrt(residual / dfs[k]);
      for (let set = 0; set < criticalSets.length; set++) {
        if (crossed[set] === 0 && t >= tCritical[set][k]) {
          crossed[set] = 1;
          crossings[set][k]++;
          open--;
        }
      }
    }
    if (open === criticalSets.length - 1) alone[crossed.indexOf(1)]++;
  }
  return { crossings, alone };
}

/** τ with tToZExact(τ, ν) = c, by bisection (tToZExact increases with τ) */
function tFromZ(c: number, df: number): number {
  if (c === Infinity) return Infinity;
  let low = 0;
  let high = 1;
  while (tToZExact(high, df) < c) high *= 2;
  for (let iteration = 0; iteration < 200 && high - low > 1e-13 * high; iteration++) {
    const middle = 0.5 * (low + high);
    if (tToZExact(middle, df) < c) low = middle;
    else high = middle;
  }
  return 0.5 * (low + high);
}

describe('t boundaries spend α as defined under the exact law (Monte Carlo)', () => {
  const alpha = 0.025;
  const rates = equallySpaced(3);
  const replicates = 4_000_000;
  const se = proportionSe(alpha, replicates);
  const rejected = (crossings: Float64Array) => crossings.reduce((sum, c) => sum + c, 0) / replicates;

  it('Pocock, ν = 6, 14, 22: each look within 3 MCSE of its α; the z boundaries over α by more than 3 MCSE', () => {
    const dfs = [6, 14, 22];
    const ours = tEfficacyBoundaries('pocock', rates, dfs, alpha);
    const z = efficacyBoundaries('pocock', rates, alpha);
    const sampler = new Sampler(blockStream('t-boundaries', 'small ν', 0));
    const {
      crossings: [tCrossings, zCrossings],
    } = simulate(rates, dfs, [ours, z], replicates, sampler);
    spentAt('pocock', rates, alpha).forEach((spent, k) => {
      const bound = 3 * proportionSe(spent, replicates);
      expect(Math.abs(tCrossings[k] / replicates - spent), `look ${k + 1}`).toBeLessThanOrEqual(bound);
    });
    expect(Math.abs(rejected(tCrossings) - alpha)).toBeLessThanOrEqual(3 * se);
    expect(rejected(zCrossings)).toBeGreaterThan(alpha + 3 * se);
  });

  it('Pocock, ν = 36, 76, 116: each look within 3 MCSE of its α; on the same draws z rejects more', () => {
    // the z boundaries' excess here, about 6e-5, is below 1 MCSE of 4·10⁶ trials, so it is shown
    // paired: the trials on which the two sets disagree, with the standard error of a paired difference
    const dfs = [36, 76, 116];
    const ours = tEfficacyBoundaries('pocock', rates, dfs, alpha);
    const z = efficacyBoundaries('pocock', rates, alpha);
    const sampler = new Sampler(blockStream('t-boundaries', 'ν from 36', 0));
    const {
      crossings: [tCrossings],
      alone,
    } = simulate(rates, dfs, [ours, z], replicates, sampler);
    spentAt('pocock', rates, alpha).forEach((spent, k) => {
      const bound = 3 * proportionSe(spent, replicates);
      expect(Math.abs(tCrossings[k] / replicates - spent), `look ${k + 1}`).toBeLessThanOrEqual(bound);
    });
    expect(Math.abs(rejected(tCrossings) - alpha)).toBeLessThanOrEqual(3 * se);
    const onlyT = alone[0] / replicates;
    const onlyZ = alone[1] / replicates;
    const difference = onlyZ - onlyT;
    const differenceSe = Math.sqrt((onlyZ + onlyT - difference * difference) / replicates);
    expect(difference).toBeGreaterThan(3 * differenceSe);
  });
});

describe('t boundaries correct the z boundaries the right way', () => {
  // the t statistics' joint law lets more paths cross at some look than the normal law with the
  // same marginals, so each later look must test at a smaller nominal level, the more so the
  // smaller ν; the first look is exact either way
  for (const spending of SPENDINGS) {
    it(`${spending}: nominal levels below the z approach's, lowest for the smallest ν`, () => {
      const rates = equallySpaced(3);
      const z = efficacyBoundaries(spending, rates, 0.025);
      const small = tEfficacyBoundaries(spending, rates, [6, 14, 22], 0.025);
      const larger = tEfficacyBoundaries(spending, rates, [36, 76, 116], 0.025);
      expect(Math.abs(normalUpper(small[0]) / normalUpper(z[0]) - 1)).toBeLessThan(1e-12);
      expect(Math.abs(normalUpper(larger[0]) / normalUpper(z[0]) - 1)).toBeLessThan(1e-12);
      for (let k = 1; k < rates.length; k++) {
        expect(normalUpper(small[k]), `look ${k + 1}`).toBeLessThan(normalUpper(larger[k]));
        expect(normalUpper(larger[k]), `look ${k + 1}`).toBeLessThan(normalUpper(z[k]));
      }
    });
  }
});

describe('t boundaries at the edges', () => {
  it('a look with no α left to spend never stops, and the memo returns the same values', () => {
    const rates = [0.001, 0.002, 1];
    const ours = tEfficacyBoundaries('obrien-fleming', rates, [8, 18, 9998], 0.025);
    expect(ours[0]).toBe(Infinity);
    expect(ours[1]).toBe(Infinity);
    // all α left for the end, where T_K is t_{ν_K}: its nominal level is α, to the grid's accuracy
    // (first-crossing probabilities within 1e-8, t-boundaries.ts)
    expect(Math.abs(normalUpper(ours[2]) - 0.025)).toBeLessThan(1e-8);
    expect(tEfficacyBoundaries('obrien-fleming', rates, [8, 18, 9998], 0.025)).toBe(ours);
  });

  it('ν₁ = 1 (a Cauchy first look) gives finite boundaries that correct the z ones the right way', () => {
    const rates = equallySpaced(3);
    const ours = tEfficacyBoundaries('pocock', rates, [1, 4, 7], 0.025);
    const z = efficacyBoundaries('pocock', rates, 0.025);
    for (let k = 1; k < rates.length; k++) {
      expect(Number.isFinite(ours[k])).toBe(true);
      expect(ours[k]).toBeGreaterThan(z[k]);
    }
  });
});
