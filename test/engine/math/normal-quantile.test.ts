// The normal quantile (AS 241) against Φ, which shares no code with it: Φ(Φ⁻¹(p)) = p relatively to
// ε·(1 + x²) (an error dx in x moves the tail p by x·dx relatively), over the whole range of p and on
// both sides of the three rational functions' joins. ε: 2·10⁻¹⁵ (measured 1.4·10⁻¹⁵) for p ≥ 10⁻¹¹, where
// every test and boundary lives, and 5·10⁻¹⁵ (measured 3.3·10⁻¹⁵) in AS 241's far tail below it.
import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile, zOfP } from '../../../src/engine/math/normal.js';

describe('normalQuantile', () => {
  const worst = (ps: number[]) => {
    let result = 0;
    for (const p of ps) {
      const x = normalQuantile(p);
      const lower = p <= 0.5;
      // the smaller tail, compared relatively
      const back = lower ? normalCdf(x) : normalCdf(-x);
      const tail = lower ? p : 1 - p;
      result = Math.max(result, Math.abs(back / tail - 1) / (1 + x * x));
    }
    return result;
  };

  it('inverts Φ from 10⁻¹¹ to 1 − 10⁻³, the joins at |p − ½| = 0.425 and √(−log p) = 5 included', () => {
    const ps: number[] = [];
    for (let e = -11; e < 0; e += 0.0037) ps.push(10 ** e);
    for (let p = 0.001; p < 1; p += 0.000137) ps.push(p);
    for (const join of [0.075, 0.925, Math.exp(-25)]) for (const f of [1 - 1e-12, 1, 1 + 1e-12]) ps.push(join * f);
    expect(worst(ps)).toBeLessThan(2e-15);
  });

  it('inverts Φ in the far tail, down to 10⁻³⁰⁰', () => {
    const ps: number[] = [];
    for (let e = -300; e < -11; e += 0.037) ps.push(10 ** e);
    expect(worst(ps)).toBeLessThan(5e-15);
  });

  it('is odd about ½ and gives ±∞ at 0 and 1, NaN outside', () => {
    for (const p of [0.001, 0.01, 0.125, 0.2, 0.4]) expect(normalQuantile(1 - p)).toBeCloseTo(-normalQuantile(p), 9);
    expect(zOfP(0)).toBe(Infinity);
    expect(zOfP(1)).toBe(-Infinity);
    expect(normalQuantile(-0.1)).toBeNaN();
    expect(normalQuantile(Number.NaN)).toBeNaN();
  });
});
