// The t → z map: its table against the exact map on a dense grid, and both against R.
import { describe, expect, it } from 'vitest';
import { TABLE_LIMIT, TABLE_MIN_DF, tToZ, tToZExact } from '../../../src/engine/math/t-to-z.js';

// Rscript -e 'qnorm(pt(t, df, lower.tail = FALSE), lower.tail = FALSE)' for each [t, df] with t > 0, and
// 'qnorm(pt(t, df))' for t < 0 (the small tail each time: 1 − tiny would lose the digits)
const R_VALUES: [number, number, number][] = [
  [-7.5, 20, -5.1164739079491497],
  [-2.3, 20, -2.1400908682360127],
  [0.4, 20, 0.39424986167121839],
  [1.96, 20, 1.8516350040966545],
  [3.1, 20, 2.7677267081257626],
  [7.9, 20, 5.2633004596439177],
  [-7.5, 58, -6.2451926942726654],
  [1.96, 58, 1.9204097389721704],
  [3.1, 58, 2.9693102455624998],
  [-2.3, 358, -2.2899730875152051],
  [0.4, 358, 0.39967612794003199],
  [1.96, 358, 1.9534089163355073],
  [7.9, 358, 7.5796085928281398],
  [-7.5, 5000, -7.4786602311206183],
  [3.1, 5000, 3.0983571018079354],
];

describe('t statistic on the z scale', () => {
  it('matches R for both the table and the exact map', () => {
    for (const [t, df, expected] of R_VALUES) {
      expect(Math.abs(tToZExact(t, df) - expected)).toBeLessThan(1e-11 * Math.max(1, Math.abs(expected)));
      expect(Math.abs(tToZ(t, df) - expected)).toBeLessThan(1e-10);
    }
  });

  it('the table is within 1e-10 of the exact map on a dense grid, at the smallest tabled ν and beyond', () => {
    for (const df of [TABLE_MIN_DF, TABLE_MIN_DF + 1, 37, 120, 999, 20_000]) {
      let worst = 0;
      for (let k = 0; k < 20_000; k++) {
        const t = -TABLE_LIMIT + (2 * TABLE_LIMIT * (k + 0.5)) / 20_000;
        worst = Math.max(worst, Math.abs(tToZ(t, df) - tToZExact(t, df)));
      }
      expect(worst, `ν = ${df}`).toBeLessThan(1e-10);
    }
  });

  it('outside the table (small ν, large |t|, fractional ν) it is the exact map', () => {
    for (const [t, df] of [
      [2.1, 5],
      [9.5, 100],
      [-12, 300],
      [1.5, 40.5],
    ])
      expect(tToZ(t, df)).toBe(tToZExact(t, df));
  });
});
