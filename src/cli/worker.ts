// A worker thread of the command line: holds scenarios by id (told of each once), simulates the
// runs of blocks asked for, and sends back their tallies, copied, not transferred: detaching a buffer
// makes V8 check for detached buffers in every typed-array access of the engine's optimised code from then on,
// which costs a fifth of the simulation's time; a tally is a few hundred bytes.
import { parentPort } from 'node:worker_threads';
import type { BlockTask } from '../engine/blocks.js';
import type { Scenario } from '../engine/scenario/types.js';
import { simulateBlock } from '../engine/simulate-block.js';

export type ToWorker =
  | { load: number; scenario: Scenario }
  | { run: number; tasks: readonly BlockTask[] }
  | { forget: number };
export type FromWorker = { tallies: Float64Array[] } | { error: string };

const scenarios = new Map<number, Scenario>();
const port = parentPort;
if (!port) throw new Error('stratum-worker must run as a worker thread');

port.on('message', (message: ToWorker) => {
  if ('load' in message) scenarios.set(message.load, message.scenario);
  else if ('forget' in message) scenarios.delete(message.forget);
  else {
    try {
      const scenario = scenarios.get(message.run);
      if (!scenario) throw new Error(`a block of simulation ${message.run} arrived before its scenario`);
      const tallies = message.tasks.map((task) => simulateBlock(scenario, task.design, task.block));
      port.postMessage({ tallies } satisfies FromWorker);
    } catch (error) {
      port.postMessage({ error: error instanceof Error ? error.message : String(error) } satisfies FromWorker);
    }
  }
});
