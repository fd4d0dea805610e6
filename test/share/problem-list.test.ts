// A long list of problems is cut to its first few and says how many more there are.
import { describe, expect, it } from 'vitest';
import { firstProblems } from '../../src/share/problem-list.js';

describe('firstProblems', () => {
  const problems = (count: number) => Array.from({ length: count }, (_, i) => `p${i}: wrong`);

  it('keeps a list of at most `most` problems as it is', () => {
    expect(firstProblems(problems(3), 3)).toEqual(problems(3));
    expect(firstProblems([], 3)).toEqual([]);
  });

  it('cuts a longer one and counts the rest', () => {
    expect(firstProblems(problems(3813), 20)).toEqual([...problems(20), '… and 3793 more problems']);
    expect(firstProblems(problems(4), 3)).toEqual([...problems(3), '… and 1 more problem']);
  });
});
