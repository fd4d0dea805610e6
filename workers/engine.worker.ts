// A Web Worker running the engine for the app, through Comlink: it takes a scenario once per run,
// then block after block, and returns each block's tally (its buffer transferred, not copied).
// The same blocks and the same collector as the command line: the same numbers, byte for byte.
// `watch` traces one replicate for "Watch one trial" (engine/trace/), off the page's main thread.
import { expose, transfer } from 'comlink';
import type { Scenario } from '../src/engine/scenario/types.js';
import { simulateBlock } from '../src/engine/simulate-block.js';
import { type TracePick, type Watched, watchReplicate } from '../src/engine/trace/find.js';

let scenario: Scenario | undefined;

const api = {
  load(next: Scenario): void {
    scenario = next;
  },
  run(design: number, block: number): Float64Array {
    if (!scenario) throw new Error('a block was asked for before its scenario');
    const tally = simulateBlock(scenario, design, block);
    return transfer(tally, [tally.buffer as ArrayBuffer]);
  },
  watch(traced: Scenario, design: number, pick: TracePick): Watched {
    return watchReplicate(traced, design, pick);
  },
};

export type EngineWorker = typeof api;

expose(api);
