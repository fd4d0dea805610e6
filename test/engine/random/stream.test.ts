// Seeded streams: reproducible, one per (seed, design, block), uniform on [0, 1).
import { describe, expect, it } from 'vitest';
import { blockStream } from '../../../src/engine/random/stream.js';
import { DRAWS, K_SE, P_FAIL, kolmogorovSmirnov } from './helpers.js';

const take = (u: () => number, n: number) => Float64Array.from({ length: n }, () => u());

describe('blockStream', () => {
  it('is reproducible: the same (seed, design, block) gives the same sequence', () => {
    expect(take(blockStream('trial-42', 'enriched', 7), 1000)).toEqual(
      take(blockStream('trial-42', 'enriched', 7), 1000),
    );
  });

  it('keeps the sequences published seeds already give', () => {
    // recorded from this implementation: if this changes, every seed gives different results
    const u = blockStream('stratum', 'enriched', 0);
    expect(Array.from(take(u, 4), (x) => x * 2 ** 32)).toEqual([3233934665, 4148786264, 2496853839, 623918098]);
  });

  it('gives different sequences for different blocks, design ids and seeds', () => {
    const base = take(blockStream('s', 'd', 0), 64);
    for (const other of [
      blockStream('s', 'd', 1),
      blockStream('s', 'e', 0),
      blockStream('t', 'd', 0),
      blockStream('s', 'd', -1),
    ]) {
      const x = take(other, 64);
      expect(x.some((v, i) => v !== base[i])).toBe(true);
    }
  });

  it('separates the parts of the key: ("a", "bc") differs from ("ab", "c")', () => {
    expect(take(blockStream('a', 'bc', 1), 16)).not.toEqual(take(blockStream('ab', 'c', 1), 16));
    expect(take(blockStream('a', 'b', 12), 16)).not.toEqual(take(blockStream('a', 'b1', 2), 16));
    expect(take(blockStream('a"', 'b', 1), 16)).not.toEqual(take(blockStream('a', '"b', 1), 16));
  });

  it('draws 32-bit uniforms on [0, 1)', () => {
    const x = take(blockStream('grid', 'd', 0), 10_000);
    for (const v of x) {
      expect(v >= 0 && v < 1).toBe(true);
      expect(Number.isInteger(v * 2 ** 32)).toBe(true);
    }
  });

  it('is uniform (Kolmogorov–Smirnov)', () => {
    const { p } = kolmogorovSmirnov(take(blockStream('ks', 'd', 0), DRAWS), (x) => Math.min(1, Math.max(0, x)));
    expect(p).toBeGreaterThan(P_FAIL);
  });

  it('gives uncorrelated streams for neighbouring blocks', () => {
    // the sample correlation of independent sequences has SE 1/√n
    const n = DRAWS;
    const a = take(blockStream('corr', 'd', 0), n);
    const b = take(blockStream('corr', 'd', 1), n);
    const c = take(blockStream('corr', 'e', 0), n);
    const correlation = (x: Float64Array, y: Float64Array) => {
      let sxy = 0,
        sxx = 0,
        syy = 0;
      for (let i = 0; i < x.length; i++) {
        sxy += (x[i] - 0.5) * (y[i] - 0.5);
        sxx += (x[i] - 0.5) ** 2;
        syy += (y[i] - 0.5) ** 2;
      }
      return sxy / Math.sqrt(sxx * syy);
    };
    expect(Math.abs(correlation(a, b))).toBeLessThan(K_SE / Math.sqrt(n));
    expect(Math.abs(correlation(a, c))).toBeLessThan(K_SE / Math.sqrt(n));
    // and successive draws within a stream
    expect(Math.abs(correlation(a.subarray(0, n - 1), a.subarray(1)))).toBeLessThan(K_SE / Math.sqrt(n - 1));
  });
});
