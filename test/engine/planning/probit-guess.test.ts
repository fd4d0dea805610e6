// The solver's starting guess: exact for a one-sided z test, whose power is Φ(δ·√(n/4) − z_{1−α}), from
// one point (the line has the z test's intercept) or two (any probit-linear curve); no guess where the
// points cannot place one.
import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile } from '../../../src/engine/math/normal.js';
import { probitGuess } from '../../../src/engine/planning/probit-guess.js';

const alpha = 0.025;
const zTestPower = (n: number) => normalCdf(0.3 * Math.sqrt(n / 4) - normalQuantile(1 - alpha));
// n with power 0.8: (z_{0.8} + z_{0.975})² · 4 / δ²
const exact = ((normalQuantile(0.8) + normalQuantile(1 - alpha)) ** 2 * 4) / 0.09;

describe('probitGuess', () => {
  it('finds the z test size from one point anywhere on its curve', () => {
    for (const size of [50, 200, 349, 800, 1200])
      expect(probitGuess([{ size, power: zTestPower(size) }], 0.8, alpha)).toBe(Math.round(exact));
  });

  it('finds the size of any probit-linear curve from two points, whatever its intercept', () => {
    const curve = (n: number) => normalCdf(0.05 * Math.sqrt(n) - 0.4);
    const root = ((normalQuantile(0.9) + 0.4) / 0.05) ** 2;
    const points = [
      { size: 300, power: curve(300) },
      { size: 500, power: curve(500) },
    ];
    expect(probitGuess(points, 0.9, alpha)).toBe(Math.round(root));
  });

  it('gives none where power does not rise above α', () => {
    expect(probitGuess([{ size: 100, power: 0.01 }], 0.8, alpha)).toBeUndefined();
    const flat = [
      { size: 100, power: 0.02 },
      { size: 200, power: 0.02 },
    ];
    expect(probitGuess(flat, 0.8, alpha)).toBeUndefined();
  });
});
