// Per-trial streams: xoshiro128** as its authors' reference code computes it, each replicate's
// streams a function of (block key, replicate) alone, the three streams and neighbouring replicates
// unrelated, and the draws uniform.
import { describe, expect, it } from 'vitest';
import reference from '../../fixtures/random/xoshiro128.json';
import { TrialStreams, Xoshiro128 } from '../../../src/engine/random/trial-streams.js';
import { blockStream } from '../../../src/engine/random/stream.js';
import { kolmogorovSmirnov } from '../../support/monte-carlo.js';

describe('per-trial streams', () => {
  it('xoshiro128** gives the reference outputs from state {1, 2, 3, 4}', () => {
    const generator = new Xoshiro128();
    generator.load([1, 2, 3, 4]);
    expect(reference.outputs.map(() => generator.next() * 2 ** 32)).toEqual(reference.outputs);
  });

  it('a replicate draws the same whatever was drawn before it', () => {
    const first = new TrialStreams(blockStream('s', 'd', 3));
    first.start(7);
    const expected = [first.counts.next(), first.outcomes.next(), first.spread.next()];
    const second = new TrialStreams(blockStream('s', 'd', 3));
    for (let trial = 0; trial < 7; trial++) {
      second.start(trial);
      for (let i = 0; i < 50; i++) second.counts.next();
    }
    second.start(7);
    expect([second.counts.next(), second.outcomes.next(), second.spread.next()]).toEqual(expected);
  });

  it('streams of one replicate, and neighbouring replicates, are unrelated and uniform', () => {
    const streams = new TrialStreams(blockStream('s', 'd', 0));
    const trials = 20_000;
    const columns = [new Float64Array(trials), new Float64Array(trials), new Float64Array(trials)];
    for (let trial = 0; trial < trials; trial++) {
      streams.start(trial);
      columns[0][trial] = streams.counts.next();
      columns[1][trial] = streams.outcomes.next();
      columns[2][trial] = streams.spread.next();
    }
    const uniform = Float64Array.from({ length: trials }, (_, i) => (i + 0.5) / trials);
    for (const column of columns) expect(kolmogorovSmirnov(column, uniform).p).toBeGreaterThan(0.001);
    // correlation between streams and between neighbouring replicates: |r| < 4/√N under independence
    const correlation = (a: ArrayLike<number>, b: ArrayLike<number>, length: number) => {
      let sa = 0,
        sb = 0,
        sab = 0,
        saa = 0,
        sbb = 0;
      for (let i = 0; i < length; i++) {
        sa += a[i];
        sb += b[i];
        sab += a[i] * b[i];
        saa += a[i] * a[i];
        sbb += b[i] * b[i];
      }
      const cov = sab / length - (sa / length) * (sb / length);
      return cov / Math.sqrt((saa / length - (sa / length) ** 2) * (sbb / length - (sb / length) ** 2));
    };
    const bound = 4 / Math.sqrt(trials);
    expect(Math.abs(correlation(columns[0], columns[1], trials))).toBeLessThan(bound);
    expect(Math.abs(correlation(columns[1], columns[2], trials))).toBeLessThan(bound);
    expect(Math.abs(correlation(columns[1], columns[1].subarray(1), trials - 1))).toBeLessThan(bound);
  });
});
