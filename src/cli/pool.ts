// Runs a scenario's blocks on K worker threads, handing each worker its next block as soon as it
// returns one, and folds the tallies with the engine's collector.
import { Worker } from 'node:worker_threads';
import { planBlocks } from '../engine/blocks.js';
import { ResultCollector } from '../engine/collector.js';
import type { DesignResult } from '../engine/results.js';
import type { Scenario } from '../engine/scenario/types.js';
import type { FromWorker, ToWorker } from './worker.js';

const WORKER_FILE = new URL('./stratum-worker.mjs', import.meta.url);

export function simulateOnWorkers(scenario: Scenario, workers: number): Promise<DesignResult[]> {
  const tasks = planBlocks(scenario);
  const collector = new ResultCollector(scenario);
  const count = Math.max(1, Math.min(workers, tasks.length));
  let next = 0;
  return new Promise((resolve, reject) => {
    const threads: Worker[] = [];
    const stop = (error?: Error) => {
      for (const thread of threads) void thread.terminate();
      if (error) reject(error);
      else resolve(collector.results());
    };
    const feed = (thread: Worker) => {
      if (next < tasks.length) thread.postMessage({ task: tasks[next++] } satisfies ToWorker);
    };
    for (let i = 0; i < count; i++) {
      const thread = new Worker(WORKER_FILE);
      threads.push(thread);
      thread.on('message', (message: FromWorker) => {
        if ('error' in message) return stop(new Error(message.error));
        collector.add(message.task.design, message.task.block, message.tally);
        if (collector.complete) stop();
        else feed(thread);
      });
      thread.on('error', (error) => stop(error));
      thread.postMessage({ scenario } satisfies ToWorker);
      feed(thread);
    }
  });
}
