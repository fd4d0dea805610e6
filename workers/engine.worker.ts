// A Web Worker running the engine for the app, through Comlink: it holds scenarios by id (each
// loaded once), simulates the runs of blocks asked for, and returns their tallies, copied: a tally is a
// few hundred bytes, and transferring it would detach a buffer, after which V8 checks for detached
// buffers in every typed-array access of the engine's optimised code (a fifth slower). The same blocks
// and the same collector as the command line: the same numbers, byte for byte. `watch` traces one
// replicate for "Watch one trial" (engine/trace/), off the page's main thread.
import { expose } from 'comlink';
import type { BlockTask } from '../src/engine/blocks.js';
import type { Scenario } from '../src/engine/scenario/types.js';
import { simulateBlock } from '../src/engine/simulate-block.js';
import { type TracePick, type Watched, watchReplicate } from '../src/engine/trace/find.js';

const scenarios = new Map<number, Scenario>();

const api = {
  load(id: number, scenario: Scenario): void {
    scenarios.set(id, scenario);
  },
  forget(id: number): void {
    scenarios.delete(id);
  },
  run(id: number, tasks: readonly BlockTask[]): Float64Array[] {
    const scenario = scenarios.get(id);
    if (!scenario) throw new Error(`a block of simulation ${id} was asked for before its scenario`);
    return tasks.map((task) => simulateBlock(scenario, task.design, task.block));
  },
  watch(traced: Scenario, design: number, pick: TracePick): Watched {
    return watchReplicate(traced, design, pick);
  },
};

export type EngineWorker = typeof api;

expose(api);
