// The command line's worker threads. They start once per command and serve every simulation it asks
// for, several at a time (engine/simulation-pool.ts): a solve, sweep or map runs hundreds of small
// simulations, and starting threads for each cost more than simulating (a 6 × 6 map spent 200 of its
// 218 s so).
import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { planBlocks, type BlockTask } from '../engine/blocks.js';
import type { DesignResult } from '../engine/results.js';
import type { ScheduleOptions } from '../engine/schedule.js';
import type { Scenario } from '../engine/scenario/types.js';
import { type ScenarioWorker, SimulationPool } from '../engine/simulation-pool.js';
import type { FromWorker, ToWorker } from './worker.js';

const WORKER_FILE = new URL('./stratum-worker.mjs', import.meta.url);

/**
 * a worker thread as a ScenarioWorker; the pool keeps runs of blocks in flight on it, answered in the order
 * asked, so each answer settles the oldest waiting promise, and a thread's error rejects all of them
 */
function threadWorker(thread: Worker): ScenarioWorker {
  const post = (message: ToWorker) => thread.postMessage(message);
  const pending: { resolve: (tallies: Float64Array[]) => void; reject: (error: Error) => void }[] = [];
  thread.on('message', (message: FromWorker) => {
    const answer = pending.shift();
    if (!answer) return;
    if ('error' in message) answer.reject(new Error(message.error));
    else answer.resolve(message.tallies);
  });
  const failAll = (error: Error) => {
    for (const answer of pending.splice(0)) answer.reject(error);
  };
  thread.on('error', failAll);
  thread.on('exit', (code) => failAll(new Error(`a worker thread stopped (exit code ${code})`)));
  return {
    load: (id, scenario) => post({ load: id, scenario }),
    forget: (id) => post({ forget: id }),
    run(id: number, tasks: readonly BlockTask[]) {
      return new Promise((resolve, reject) => {
        pending.push({ resolve, reject });
        post({ run: id, tasks });
      });
    },
  };
}

export class WorkerPool {
  private readonly threads: Worker[];
  private readonly pool: SimulationPool;

  constructor(size: number) {
    // V8 optimises hot functions on background threads, each thread's code again. With a core to spare
    // that is free; when the threads take every core, those compilations take turns with the simulations
    // and cost more than compiling on the thread that waits for the code: four default designs × 10⁶ on
    // 2 threads of 2 cores, 1.76 s → 1.69 s and 3.3 → 3.2 s of CPU; solve 0.80 → 0.67 s; map 1.60 → 1.43 s
    // (medians of 3–5). On one thread of two cores the background compiler stays. The flag holds for the
    // threads started after it.
    if (size >= availableParallelism()) setFlagsFromString('--no-concurrent-recompilation');
    this.threads = Array.from({ length: size }, () => new Worker(WORKER_FILE));
    this.pool = new SimulationPool(this.threads.map(threadWorker));
  }

  simulate(scenario: Scenario, options: ScheduleOptions = {}): Promise<DesignResult[]> {
    return this.pool.simulate(scenario, options);
  }

  async close(): Promise<void> {
    await Promise.all(this.threads.map((thread) => thread.terminate()));
  }
}

/**
 * `use` with a pool of `workers` threads (no more than `most`, when the work is known to need fewer),
 * closed when it is done or has failed
 */
export async function withWorkers<T>(
  workers: number,
  use: (pool: WorkerPool) => Promise<T>,
  most = workers,
): Promise<T> {
  const pool = new WorkerPool(Math.max(1, Math.min(workers, most)));
  try {
    return await use(pool);
  } finally {
    await pool.close();
  }
}

/** one scenario on threads of its own, as many as it has blocks and `workers` allows */
export function simulateOnWorkers(
  scenario: Scenario,
  workers: number,
  options: ScheduleOptions = {},
): Promise<DesignResult[]> {
  return withWorkers(workers, (pool) => pool.simulate(scenario, options), planBlocks(scenario).length);
}
