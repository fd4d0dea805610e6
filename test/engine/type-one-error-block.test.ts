// The `null` block (withTypeOneError): each design's type I error from the same design simulated under
// the global null, flagged when it exceeds α by more than 3 MCSE. A liberal test is flagged (the pooled
// z test of two proportions with 18 patients per arm, whose exact size by enumerating both binomials
// is above α by many MCSE); an exact one (continuous z, fixed strata) is not, and its simulated size
// is within its Monte Carlo error of α.
import { describe, expect, it } from 'vitest';
import { normalQuantile } from '../../src/engine/math/normal.js';
import { globalNull } from '../../src/engine/planning/global-null.js';
import { scenarioAnalytics } from '../../src/engine/results.js';
import { simulate } from '../../src/engine/simulate.js';
import { withTypeOneError } from '../../src/engine/type-one-error.js';
import { binomialPmf } from '../support/binomial-pmf.js';
import { proportionSe } from '../support/monte-carlo.js';
import { binaryEndpoint, continuousEndpoint, RPACT_LIKE, scenarioFrom } from '../support/scenarios.js';

const ALPHA = 0.025;
const REPLICATES = 100_000;

/** exact size of the one-sided pooled z test of two proportions, arms of `n`, common rate `rate` */
function pooledZSize(n: number, rate: number, alpha: number): number {
  const pmf = binomialPmf(n, rate);
  const critical = normalQuantile(1 - alpha);
  const weight = n / 2; // n_T·n_C/(n_T + n_C)
  let size = 0;
  for (let treated = 0; treated <= n; treated++) {
    for (let control = 0; control <= n; control++) {
      const pooled = (treated + control) / (2 * n);
      if (pooled === 0 || pooled === 1) continue; // no variance: the statistic is 0
      const z = (weight * (treated - control)) / n / Math.sqrt(weight * pooled * (1 - pooled));
      if (z >= critical) size += pmf[treated] * pmf[control];
    }
  }
  return size;
}

describe('withTypeOneError', () => {
  it('flags a liberal test: binary, 18 per arm, z test, exact size above α by more than 3 MCSE', () => {
    const rate = 0.44;
    const exact = pooledZSize(18, rate, ALPHA);
    // the exact size is beyond the flagging limit by 6 standard errors more: flagging is near certain
    expect(exact).toBeGreaterThan(ALPHA + 9 * proportionSe(exact, REPLICATES));
    const scenario = scenarioFrom({
      alpha: ALPHA,
      population: { prevalence: 0.4 },
      endpoint: binaryEndpoint([rate, 0.3], [0.7, 0.35]),
      analysis: { statistic: 'z' },
      designs: [{ id: 'enriched', type: 'enriched', n: 36 }],
      simulation: { replicates: REPLICATES, seed: 'liberal' },
    });
    const [result] = withTypeOneError(simulate(scenario), simulate(globalNull(scenario)), ALPHA);
    const block = result.null!;
    expect(Math.abs(block.reject.any - exact)).toBeLessThanOrEqual(4 * proportionSe(exact, REPLICATES));
    expect(block.reject.S).toBe(block.reject.any);
    expect(block.mcse.any).toBe(proportionSe(block.reject.any, REPLICATES));
    expect(block.limit).toBe(ALPHA + 3 * block.mcse.any);
    expect(block.flagged).toBe(true);
    expect(block.replicates).toBe(REPLICATES);
  });

  it('does not flag an exact test: continuous z, fixed strata, all-comers, within MC error of α', () => {
    const scenario = scenarioFrom({
      alpha: ALPHA,
      population: { prevalence: 0.3 },
      endpoint: continuousEndpoint(0.4, 0.1, 1, 1.3),
      analysis: RPACT_LIKE,
      designs: [
        { id: 'all', type: 'all-comers', n: 200 },
        { id: 'bonferroni', type: 'stratified', n: 200, intersection: 'bonferroni' },
      ],
      simulation: { replicates: REPLICATES, seed: 'exact' },
    });
    const underNull = simulate(globalNull(scenario));
    const [all, bonferroni] = withTypeOneError(simulate(scenario), underNull, ALPHA);
    expect(Math.abs(all.null!.reject.any - ALPHA)).toBeLessThanOrEqual(4 * proportionSe(ALPHA, REPLICATES));
    expect(all.null!.flagged).toBe(false);
    // Bonferroni is conservative: its exact family-wise error is the closed form at the null, below α
    const closed = scenarioAnalytics(globalNull(scenario))[1]!.reject;
    expect(closed.any!).toBeLessThan(ALPHA);
    for (const hypothesis of ['any', 'S', 'F', 'both'] as const) {
      const exact = closed[hypothesis]!;
      const simulated = bonferroni.null!.reject[hypothesis]!;
      expect(Math.abs(simulated - exact), hypothesis).toBeLessThanOrEqual(4 * proportionSe(exact, REPLICATES));
    }
    expect(bonferroni.null!.flagged).toBe(false);
  });

  it('matches designs by id, keeps the results otherwise as they were, and changes neither input', () => {
    const scenario = scenarioFrom({
      population: { prevalence: 0.3 },
      endpoint: continuousEndpoint(0.5, 0.1),
      designs: [
        { id: 'a', type: 'enriched', n: 80 },
        { id: 'b', type: 'stratified', n: 160 },
      ],
      simulation: { replicates: 2000, seed: 'ids' },
    });
    const results = simulate(scenario);
    const underNull = simulate(globalNull(scenario));
    const before = JSON.stringify([results, underNull]);
    const combined = withTypeOneError(results, [...underNull].reverse(), scenario.alpha);
    expect(JSON.stringify([results, underNull])).toBe(before);
    combined.forEach((result, d) => {
      const { null: block, ...rest } = result;
      expect(rest).toEqual(results[d]);
      expect(block!.reject).toEqual(underNull[d].reject);
      expect(block!.mcse).toEqual(underNull[d].mcse);
    });
    expect(Object.keys(combined[1].null!.reject)).toEqual(['any', 'S', 'F', 'both']);
    expect(() => withTypeOneError(results, underNull.slice(1), scenario.alpha)).toThrow(/"a" has no result/);
  });
});
