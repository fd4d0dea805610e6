// The interim's selection (designs/selection.ts): rpact's ±10⁻⁵ jitter is drawn only where it can change
// a comparison. Where no measures are that close, the rule's plain answer and no uniform drawn; where
// they tie, each way with probability ½ (as jittering always gives), within 4 Monte Carlo errors.
import { describe, expect, it } from 'vitest';
import { selector } from '../../../src/engine/designs/selection.js';
import { Sampler } from '../../../src/engine/random/sampler.js';
import { blockStream } from '../../../src/engine/random/stream.js';
import type { Selection } from '../../../src/engine/scenario/types.js';

const rule = (selection: Partial<Selection>): Selection =>
  ({ rule: 'best', measure: 'effect', epsilon: 0, threshold: null, ...selection }) as Selection;

/** a sampler that counts its uniforms */
function counted(name: string): { sampler: Sampler; drawn: () => number } {
  const sampler = new Sampler(blockStream('selection-tests', name, 0));
  let drawn = 0;
  const uniform = sampler.uniform.bind(sampler);
  sampler.uniform = () => {
    drawn++;
    return uniform();
  };
  return { sampler, drawn: () => drawn };
}

describe('selection', () => {
  it('measures apart: the rule’s own answer, and no uniform drawn', () => {
    const { sampler, drawn } = counted('apart');
    expect(selector(rule({ rule: 'best' }), 3)(Float64Array.of(0.2, 0.5, 0.1), sampler)).toBe(0b010);
    expect(selector(rule({ rule: 'rbest', r: 2 }), 3)(Float64Array.of(0.2, 0.5, 0.1), sampler)).toBe(0b011);
    expect(selector(rule({ rule: 'epsilon', epsilon: 0.35 }), 3)(Float64Array.of(0.2, 0.5, 0.1), sampler)).toBe(0b011);
    expect(selector(rule({ rule: 'all', threshold: 0.15 }), 3)(Float64Array.of(0.2, 0.5, 0.1), sampler)).toBe(0b011);
    expect(drawn()).toBe(0);
  });

  it('a tie, an ε apart exactly, or at the threshold: settled at random, each way half the time', () => {
    const trials = 20_000;
    // P(one way) = ½: its Monte Carlo error √(¼/n)
    const tolerance = 4 * Math.sqrt(0.25 / trials);
    const cases: [Selection, number[], number][] = [
      [rule({ rule: 'best' }), [0.3, 0.3], 0b01],
      [rule({ rule: 'epsilon', epsilon: 0.1 }), [0.4, 0.3], 0b11],
      [rule({ rule: 'all', threshold: 0.3 }), [0.3, 0.6], 0b11],
    ];
    for (const [selection, measures, oneWay] of cases) {
      const { sampler, drawn } = counted(selection.rule);
      const select = selector(selection, measures.length);
      let hits = 0;
      for (let i = 0; i < trials; i++) if (select(Float64Array.from(measures), sampler) === oneWay) hits++;
      expect(Math.abs(hits / trials - 0.5)).toBeLessThan(tolerance);
      expect(drawn()).toBe(trials * measures.length);
    }
  });
});
