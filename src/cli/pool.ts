// Runs a scenario's blocks on K worker threads through the engine's scheduler.
import { Worker } from 'node:worker_threads';
import { planBlocks, type BlockTask } from '../engine/blocks.js';
import type { DesignResult } from '../engine/results.js';
import { runBlocks, type BlockWorker, type ScheduleOptions } from '../engine/schedule.js';
import type { Scenario } from '../engine/scenario/types.js';
import type { FromWorker, ToWorker } from './worker.js';

const WORKER_FILE = new URL('./stratum-worker.mjs', import.meta.url);

/** a worker thread as a BlockWorker: one block in flight at a time */
function threadWorker(thread: Worker, scenario: Scenario): BlockWorker {
  thread.postMessage({ scenario } satisfies ToWorker);
  return {
    run(task: BlockTask) {
      return new Promise((resolve, reject) => {
        const onError = (error: Error) => reject(error);
        thread.once('error', onError);
        thread.once('message', (message: FromWorker) => {
          thread.off('error', onError);
          if ('error' in message) reject(new Error(message.error));
          else resolve(message.tally);
        });
        thread.postMessage({ task } satisfies ToWorker);
      });
    },
  };
}

export async function simulateOnWorkers(
  scenario: Scenario,
  workers: number,
  options: ScheduleOptions = {},
): Promise<DesignResult[]> {
  const count = Math.max(1, Math.min(workers, planBlocks(scenario).length));
  const threads = Array.from({ length: count }, () => new Worker(WORKER_FILE));
  try {
    return await runBlocks(
      scenario,
      threads.map((thread) => threadWorker(thread, scenario)),
      options,
    );
  } finally {
    await Promise.all(threads.map((thread) => thread.terminate()));
  }
}
