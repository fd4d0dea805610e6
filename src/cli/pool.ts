// Runs scenarios' blocks on K worker threads through the engine's scheduler. The threads start once
// and serve every simulation of a command: a solve, sweep or map runs hundreds of small simulations,
// and starting threads for each cost more than simulating (a 6 × 6 map spent 200 of its 218 s so).
import { Worker } from 'node:worker_threads';
import { planBlocks, type BlockTask } from '../engine/blocks.js';
import type { DesignResult } from '../engine/results.js';
import { runBlocks, type BlockWorker, type ScheduleOptions } from '../engine/schedule.js';
import type { Scenario } from '../engine/scenario/types.js';
import type { FromWorker, ToWorker } from './worker.js';

const WORKER_FILE = new URL('./stratum-worker.mjs', import.meta.url);

/** a worker thread as a BlockWorker for one scenario: one block in flight at a time */
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

export class WorkerPool {
  private readonly threads: Worker[] = [];

  constructor(private readonly size: number) {}

  /** the scenario's results, on as many of the pool's threads as it has blocks (started when first needed) */
  simulate(scenario: Scenario, options: ScheduleOptions = {}): Promise<DesignResult[]> {
    const count = Math.max(1, Math.min(this.size, planBlocks(scenario).length));
    while (this.threads.length < count) this.threads.push(new Worker(WORKER_FILE));
    const workers = this.threads.slice(0, count).map((thread) => threadWorker(thread, scenario));
    return runBlocks(scenario, workers, options);
  }

  async close(): Promise<void> {
    await Promise.all(this.threads.splice(0).map((thread) => thread.terminate()));
  }
}

/** `use` with a pool of `workers` threads, closed when it is done or has failed */
export async function withWorkers<T>(workers: number, use: (pool: WorkerPool) => Promise<T>): Promise<T> {
  const pool = new WorkerPool(workers);
  try {
    return await use(pool);
  } finally {
    await pool.close();
  }
}

/** one scenario on a pool of its own */
export function simulateOnWorkers(
  scenario: Scenario,
  workers: number,
  options: ScheduleOptions = {},
): Promise<DesignResult[]> {
  return withWorkers(workers, (pool) => pool.simulate(scenario, options));
}
