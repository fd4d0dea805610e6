// What a simulation on workers can be asked to do besides give its results (simulation-pool.ts), and
// the error a cancelled one ends with.
import type { BlockTask } from './blocks.js';
import type { ResultCollector } from './collector.js';

export interface ScheduleOptions {
  /** called after every folded block, with the collector (progress, partial results) */
  onBlock?: (collector: ResultCollector) => void;
  /** checked before each block is handed out and as each returns; when true the run ends with `Cancelled` */
  cancelled?: () => boolean;
  /** only these blocks (a shard of the run); the results then cover just them */
  blocks?: (block: number) => boolean;
  /** every block's tally as it arrives (a shard's output) */
  onTally?: (task: BlockTask, tally: Float64Array) => void;
}

export class Cancelled extends Error {
  constructor() {
    super('the simulation was cancelled');
  }
}
