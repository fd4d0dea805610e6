// A worker thread of the command line: receives the scenario once, then block tasks, and sends
// back each block's tally (its buffer transferred, not copied).
import { parentPort } from 'node:worker_threads';
import type { BlockTask } from '../engine/blocks.js';
import type { Scenario } from '../engine/scenario/types.js';
import { simulateBlock } from '../engine/simulate-block.js';

export type ToWorker = { scenario: Scenario } | { task: BlockTask };
export type FromWorker = { task: BlockTask; tally: Float64Array } | { error: string };

let scenario: Scenario | undefined;
const port = parentPort;
if (!port) throw new Error('stratum-worker must run as a worker thread');

port.on('message', (message: ToWorker) => {
  try {
    if ('scenario' in message) {
      scenario = message.scenario;
      return;
    }
    if (!scenario) throw new Error('a task arrived before the scenario');
    const tally = simulateBlock(scenario, message.task.design, message.task.block);
    const reply: FromWorker = { task: message.task, tally };
    port.postMessage(reply, [tally.buffer as ArrayBuffer]);
  } catch (error) {
    port.postMessage({ error: error instanceof Error ? error.message : String(error) } satisfies FromWorker);
  }
});
