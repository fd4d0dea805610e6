// A design prepared for simulation: everything that does not change between trials is worked
// out once, so `runTrial` is a plain hot loop body.
import type { Sampler } from '../random/sampler.js';

export interface DesignRunner {
  /** simulate one trial and add it to the tally (see tally.ts) */
  runTrial(sampler: Sampler, tally: Float64Array): void;
}
