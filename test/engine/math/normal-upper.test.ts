// The normal upper tail against mpmath at 50 digits (test/fixtures/math/normal-upper-mpmath.json, made by
// make-normal-upper.py beside it), a reference independent of R's pnorm, whose rational functions the
// engine shares. The points straddle the ends of the three rational functions (0.66291 and √32) and run
// out to where Q underflows. Bound: a few units in the last place, from Cody's ~10⁻¹⁶ per rational
// function, the two exps and the final product (measured worst 6.3·10⁻¹⁶ over 6,000 points).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalUpper } from '../../../src/engine/math/normal.js';

const RELATIVE = 1e-15;
const reference: { values: { x: number; upper: number }[] } = JSON.parse(
  readFileSync(new URL('../../fixtures/math/normal-upper-mpmath.json', import.meta.url), 'utf8'),
);

describe('normal upper tail', () => {
  it('is Q(x) to 10⁻¹⁵ relative from x = −9 to 37.9', () => {
    const off = reference.values
      .map(({ x, upper }) => ({ x, error: Math.abs(normalUpper(x) - upper) / upper }))
      .filter(({ error }) => !(error <= RELATIVE));
    expect(off).toEqual([]);
  });
});
