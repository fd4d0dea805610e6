// Seeded uniform streams, one per (seed, design, block of replicates), so that results do not
// depend on how blocks are shared among workers and adding a design leaves the others unchanged.
//
// Generator: Brent's xorgens xor4096 (R. P. Brent, "Some long-period random number generators
// using shifts and xors", ANZIAM J. 48 (2007) C188–C202, arXiv:1004.3115), period 2^4096 − 1
// combined with a Weyl sequence, as implemented in seedrandom 3.
import xor4096 from 'seedrandom/lib/xor4096.js';

/** uniform on [0, 1) */
export type Uniform = () => number;

/**
 * A uniform stream as an object whose method draws: the samplers call `source.next()`, one method for
 * every xoshiro stream rather than a closure per stream (fewer boxed doubles: 393 → 347 bytes a trial).
 */
export interface UniformSource {
  next(): number;
}

/** a `Uniform` function as a source (seedrandom's streams: the tests' samplers, a block's key) */
export class FunctionSource implements UniformSource {
  constructor(private readonly uniform: Uniform) {}

  next(): number {
    return this.uniform();
  }
}

/**
 * The uniform stream of one block of replicates of one design. The three parts are encoded as a
 * JSON array, so no two different triples share a generator seed (("a", "bc") ≠ ("ab", "c")).
 * Returns the generator's 32-bit-resolution call, k/2^32 for k in 0..2^32 − 1.
 */
export function blockStream(seed: string, designId: string, block: number): Uniform {
  return xor4096(JSON.stringify([seed, designId, block]));
}
