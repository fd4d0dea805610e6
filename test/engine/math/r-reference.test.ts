// The special functions against R (test/fixtures/math/r-reference.json, made by make-fixtures.R
// beside it). Each check's tolerance is far below anything a simulation could resolve; the
// bivariate normal must be good to 10⁻⁷ (the bar) and is held to 10⁻¹².
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bivariateNormalCdf, maxOfBivariateNormalCritical } from '../../../src/engine/math/bivariate-normal.js';
import { lnGamma } from '../../../src/engine/math/log-gamma.js';
import { normalCdf, normalQuantile, normalUpper } from '../../../src/engine/math/normal.js';
import { studentTUpper } from '../../../src/engine/math/student-t.js';

interface Entry {
  call: string;
  value: number;
}
const entries: Entry[] = JSON.parse(
  readFileSync(new URL('../../fixtures/math/r-reference.json', import.meta.url), 'utf8'),
);

interface Check {
  pattern: RegExp;
  evaluate: (args: number[]) => number;
  relative: number;
  absolute: number;
}
const CHECKS: Check[] = [
  // Φ to a few units in the last place, to the far tail (Cody's rational functions: ~10⁻¹⁶ each)
  { pattern: /^pnorm\(([-\d.e]+)\)$/, evaluate: ([x]) => normalCdf(x), relative: 4e-15, absolute: 0 },
  {
    pattern: /^pnorm\(([-\d.e]+), lower\.tail = FALSE\)$/,
    evaluate: ([x]) => normalUpper(x),
    relative: 4e-15,
    absolute: 0,
  },
  { pattern: /^qnorm\(([-\d.e]+)\)$/, evaluate: ([p]) => normalQuantile(p), relative: 1e-13, absolute: 1e-15 },
  {
    pattern: /^pt\(([-\d.e]+), ([-\d.e+]+), lower\.tail = FALSE\)$/,
    evaluate: ([t, df]) => studentTUpper(t, df),
    relative: 1e-11,
    absolute: 0,
  },
  { pattern: /^lgamma\(([-\d.e]+)\)$/, evaluate: ([x]) => lnGamma(x), relative: 1e-13, absolute: 1e-15 },
  {
    pattern: /^pmvnorm\(upper = c\(([-\d.e]+), ([-\d.e]+)\), corr = rho ([-\d.e]+), TVPACK\)$/,
    evaluate: ([h, k, rho]) => bivariateNormalCdf(h, k, rho),
    relative: 0,
    absolute: 1e-12,
  },
  {
    pattern: /^critical max bivariate normal: alpha ([\d.e-]+), rho ([-\d.e]+)$/,
    evaluate: ([alpha, rho]) => maxOfBivariateNormalCritical(alpha, rho),
    relative: 0,
    absolute: 1e-10,
  },
];

describe('special functions agree with R', () => {
  for (const check of CHECKS) {
    const cases = entries.filter((entry) => check.pattern.test(entry.call));
    it(`${check.pattern.source.split('\\(')[0].replace('^', '')}: ${cases.length} values`, () => {
      expect(cases.length).toBeGreaterThan(5);
      for (const entry of cases) {
        const args = check.pattern.exec(entry.call)!.slice(1).map(Number);
        const value = check.evaluate(args);
        const bound = Math.max(check.absolute, check.relative * Math.abs(entry.value));
        expect(Math.abs(value - entry.value), `${entry.call}: got ${value}, R ${entry.value}`).toBeLessThanOrEqual(
          bound,
        );
      }
    });
  }

  it('every fixture entry is checked', () => {
    const unmatched = entries.filter((entry) => !CHECKS.some((check) => check.pattern.test(entry.call)));
    expect(unmatched.map((entry) => entry.call)).toEqual([]);
  });
});

describe('identities', () => {
  // above 0 the probability near 1 has lost the digits that would tell x apart
  it('the quantile inverts Φ across the lower half', () => {
    for (let x = -30; x <= 0; x += 0.37) {
      const p = normalCdf(x);
      expect(Math.abs(normalQuantile(p) - x)).toBeLessThan(1e-12 * Math.max(1, Math.abs(x)));
    }
  });

  it('the maximum-of-two critical value reproduces α', () => {
    for (const rho of [-0.8, 0.1, 0.6, 0.95]) {
      const c = maxOfBivariateNormalCritical(0.025, rho);
      expect(1 - bivariateNormalCdf(c, c, rho)).toBeCloseTo(0.025, 13);
    }
  });
});

describe('infinite arguments', () => {
  it('Φ and its tail at ±∞, and the quantile at 0 and 1', () => {
    expect(normalUpper(Infinity)).toBe(0);
    expect(normalUpper(-Infinity)).toBe(1);
    expect(normalCdf(-Infinity)).toBe(0);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
  });
});
