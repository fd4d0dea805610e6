// Simulate a whole scenario in this thread: every block in order. The CLI and the browser spread
// the same blocks over workers and gather them with the same collector.
import { planBlocks } from './blocks.js';
import { ResultCollector } from './collector.js';
import type { DesignResult } from './results.js';
import type { Scenario } from './scenario/types.js';
import { simulateBlock } from './simulate-block.js';

export function simulate(scenario: Scenario): DesignResult[] {
  const collector = new ResultCollector(scenario);
  for (const task of planBlocks(scenario))
    collector.add(task.design, task.block, simulateBlock(scenario, task.design, task.block));
  return collector.results();
}
