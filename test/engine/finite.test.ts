// The results contract's net: a number that is not finite becomes null, named with its reason.
import { describe, expect, it } from 'vitest';
import { nonFinitePaths, nullWhereNotFinite } from '../../src/engine/finite.js';

describe('finite or null with a reason', () => {
  it('finds every non-finite number by its path', () => {
    expect(nonFinitePaths({ a: 1, b: { c: Infinity, d: [0, NaN] }, e: 'x' })).toEqual(['b.c', 'b.d.1']);
  });

  it('replaces them with null and says why, leaving a finite value as it was', () => {
    const finite = { expected: { months: 3 } };
    expect(nullWhereNotFinite(finite, 'why')).toBe(finite);
    const result = nullWhereNotFinite({ expected: { months: Infinity, cost: NaN, randomized: 4 } }, 'not computable');
    expect(result).toEqual({
      expected: { months: null, cost: null, randomized: 4 },
      nulls: {
        'expected.months': 'not computable (it came out as Infinity)',
        'expected.cost': 'not computable (it came out as NaN)',
      },
    });
  });
});
