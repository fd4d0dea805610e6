// The store's engine port in this thread, for tests that mount components or the store alone: the
// engine's simulation pool over one in-thread worker that yields before each run of blocks, so a test can
// cancel a run half-way as the page's Cancel does.
import { planBlocks } from '../../src/engine/blocks.js';
import type { DesignResult } from '../../src/engine/results.js';
import type { Scenario } from '../../src/engine/scenario/types.js';
import { simulateBlock } from '../../src/engine/simulate-block.js';
import { SimulationPool } from '../../src/engine/simulation-pool.js';
import type { EnginePort, Progress } from '../../src/app/state/engine-port.js';

export class ThreadEngine implements EnginePort {
  /** scenarios simulated, in order */
  readonly runs: Scenario[] = [];
  /** bumped by cancel: the runs started before it end with Cancelled */
  private generation = 0;
  private readonly held = new Map<number, Scenario>();
  private readonly pool = new SimulationPool([
    {
      load: (id, scenario) => this.held.set(id, scenario),
      forget: (id) => this.held.delete(id),
      run: async (id, tasks) => {
        await new Promise((resolve) => setTimeout(resolve, 0));
        const scenario = this.held.get(id);
        if (!scenario) throw new Error(`simulation ${id} is not held`);
        return tasks.map((task) => simulateBlock(scenario, task.design, task.block));
      },
    },
  ]);

  simulate(scenario: Scenario, onProgress?: (progress: Progress) => void): Promise<DesignResult[]> {
    this.runs.push(scenario);
    const generation = this.generation;
    let done = 0;
    const total = planBlocks(scenario).length;
    return this.pool.simulate(scenario, {
      cancelled: () => generation !== this.generation,
      onBlock: (collector) => onProgress?.({ done: ++done, total, collector }),
    });
  }

  cancel(): void {
    this.generation++;
  }
}
