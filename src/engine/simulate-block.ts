// One block of one design's replicates → its tally. This is the whole hot path.
import { replicatesInBlock } from './blocks.js';
import { prepareDesign } from './designs/prepare.js';
import type { DesignRunner } from './designs/runner.js';
import { blockStream } from './random/stream.js';
import { Sampler } from './random/sampler.js';
import type { Scenario } from './scenario/types.js';
import { TALLY, emptyTally } from './tally.js';

const prepared = new WeakMap<Scenario, DesignRunner[]>();

function runnerFor(scenario: Scenario, designIndex: number): DesignRunner {
  let runners = prepared.get(scenario);
  if (!runners) {
    runners = [];
    prepared.set(scenario, runners);
  }
  runners[designIndex] ??= prepareDesign(scenario, scenario.designs[designIndex]);
  return runners[designIndex];
}

/** the sampler of one block of one design: `startTrial(i)` then gives replicate i its own streams */
export function blockSampler(scenario: Scenario, designIndex: number, block: number): Sampler {
  return new Sampler(blockStream(scenario.simulation.seed, scenario.designs[designIndex].id, block), true);
}

export function simulateBlock(scenario: Scenario, designIndex: number, block: number): Float64Array {
  const runner = runnerFor(scenario, designIndex);
  const sampler = blockSampler(scenario, designIndex, block);
  const tally = emptyTally();
  const replicates = replicatesInBlock(scenario.simulation.replicates, block);
  for (let i = 0; i < replicates; i++) {
    sampler.startTrial(i);
    runner.runTrial(sampler, tally);
  }
  tally[TALLY.replicates] = replicates;
  return tally;
}
