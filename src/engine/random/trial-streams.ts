// Common random numbers that line up trial by trial. A block's stream (stream.ts) gives a 64-bit key
// once; trial i of the block then seeds three short streams from (key, i): one for counts (who is
// screened, which cell, which arm: the binomial and multinomial draws whose use of uniforms depends
// on the sizes), one for outcome means (the normal draws, one per cell however many patients it
// holds) and one for the spread (the chi-square draws of t statistics). Changing a design's size
// then changes only what it must: trial i's outcome draws are the same normals at every size, so a
// sweep's neighbouring points differ by little more than the effect of the size itself, and a
// solver's bisection sees a power that is nearly monotone. Any replicate's streams can be made
// without drawing the ones before it.
//
// Generator: xoshiro128** (D. Blackman & S. Vigna, "Scrambled linear pseudorandom number
// generators", ACM TOMS 47(4) 2021), period 2¹²⁸ − 1, seeded the SplitMix way: the trial's base is
// the block key and the trial number through the 32-bit finaliser of MurmurHash3 (a bijection with
// full avalanche), and each state word the finaliser of the base plus a multiple of the golden
// ratio, so nearby trials and the three streams get unrelated states.
import type { Uniform, UniformSource } from './stream.js';

const TWO_32 = 4294967296;
const GOLDEN = 0x9e3779b9;

function mix32(value: number): number {
  let z = value | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/**
 * one xoshiro128** stream with its state in place, reseeded per trial without allocating; a seed
 * takes effect at the stream's first draw, so a trial that never draws from it (no counts with fixed
 * strata, no spread with z statistics) pays nothing for it
 */
export class Xoshiro128 implements UniformSource {
  private readonly state = new Uint32Array(4);
  private pending = false;
  private base = 0;
  private first = 0;
  /** uniform on [0, 1) with 32-bit resolution, k/2³² */
  next(): number {
    if (this.pending) this.mixState();
    const s = this.state;
    const result = Math.imul(rotl(Math.imul(s[1], 5), 7), 9) >>> 0;
    const t = s[1] << 9;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11);
    return result / TWO_32;
  }

  /** the state words will be mix32(base + (first + i)·φ), the SplitMix recipe */
  seed(base: number, first: number): void {
    this.base = base;
    this.first = first;
    this.pending = true;
  }

  private mixState(): void {
    const s = this.state;
    for (let i = 0; i < 4; i++) s[i] = mix32(this.base + Math.imul(this.first + i, GOLDEN));
    if ((s[0] | s[1] | s[2] | s[3]) === 0) s[0] = 1; // the one state xoshiro cannot leave
    this.pending = false;
  }

  /** set the state words directly (the reference implementation's known-answer test) */
  load(words: readonly number[]): void {
    this.state.set(words);
    this.pending = false;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

export class TrialStreams {
  private readonly keyHigh: number;
  private readonly keyLow: number;
  readonly counts = new Xoshiro128();
  readonly outcomes = new Xoshiro128();
  readonly spread = new Xoshiro128();

  /** the block's key: two 32-bit draws of its stream */
  constructor(block: Uniform) {
    this.keyHigh = Math.floor(block() * TWO_32);
    this.keyLow = Math.floor(block() * TWO_32);
  }

  /** the streams of replicate `trial` (0-based, within the block) */
  start(trial: number): void {
    const base = mix32(this.keyHigh ^ mix32(this.keyLow + Math.imul(trial, GOLDEN)));
    this.counts.seed(base, 1);
    this.outcomes.seed(base, 5);
    this.spread.seed(base, 9);
  }
}
