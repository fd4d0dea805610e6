// Replicates are simulated in blocks of fixed size; each (seed, design id, block) has its own
// random stream, so results do not depend on how blocks are spread over workers or on which
// other designs are in the scenario.
import type { Scenario } from './scenario/types.js';

export const BLOCK_SIZE = 1000;

export type BlockTask = { design: number; block: number };

export function blockCount(replicates: number): number {
  return Math.ceil(replicates / BLOCK_SIZE);
}

export function replicatesInBlock(replicates: number, block: number): number {
  return Math.min(BLOCK_SIZE, replicates - block * BLOCK_SIZE);
}

/** every block of every design, block-major so that all designs progress together */
export function planBlocks(scenario: Scenario): BlockTask[] {
  const tasks: BlockTask[] = [];
  const blocks = blockCount(scenario.simulation.replicates);
  for (let block = 0; block < blocks; block++) {
    for (let design = 0; design < scenario.designs.length; design++) tasks.push({ design, block });
  }
  return tasks;
}
