// Hands a scenario's blocks of replicates to any number of workers (Node worker threads in the
// CLI, Web Workers in the app), each taking the next block as soon as it returns one, and folds
// the tallies with the collector: the results are the same whoever ran which block.
import { planBlocks, type BlockTask } from './blocks.js';
import { ResultCollector } from './collector.js';
import type { DesignResult } from './results.js';
import type { Scenario } from './scenario/types.js';

/** something that simulates one block of the scenario it was given and returns its tally */
export interface BlockWorker {
  run(task: BlockTask): Promise<Float64Array>;
}

export interface ScheduleOptions {
  /** called after every folded block, with the collector (progress, partial results) */
  onBlock?: (collector: ResultCollector) => void;
  /** checked before each block is handed out; when true the run ends with `Cancelled` */
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

export async function runBlocks(
  scenario: Scenario,
  workers: BlockWorker[],
  options: ScheduleOptions = {},
): Promise<DesignResult[]> {
  const tasks = options.blocks
    ? planBlocks(scenario).filter((task) => options.blocks!(task.block))
    : planBlocks(scenario);
  const collector = new ResultCollector(scenario);
  let next = 0;
  const drive = async (worker: BlockWorker) => {
    while (next < tasks.length) {
      if (options.cancelled?.()) throw new Cancelled();
      const task = tasks[next++];
      const tally = await worker.run(task);
      options.onTally?.(task, tally);
      collector.add(task.design, task.block, tally);
      options.onBlock?.(collector);
    }
  };
  await Promise.all(workers.slice(0, Math.max(1, tasks.length)).map(drive));
  return collector.results();
}
