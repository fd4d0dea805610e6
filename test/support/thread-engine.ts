// The store's engine port in this thread, for tests that mount components or the store alone: the
// engine's own scheduler over one in-thread worker that yields between blocks, so a test can
// cancel a run half-way as the page's Cancel does.
import { planBlocks } from '../../src/engine/blocks.js';
import { Cancelled, runBlocks } from '../../src/engine/schedule.js';
import type { DesignResult } from '../../src/engine/results.js';
import type { Scenario } from '../../src/engine/scenario/types.js';
import { simulateBlock } from '../../src/engine/simulate-block.js';
import type { EnginePort, Progress } from '../../src/app/state/engine-port.js';

export class ThreadEngine implements EnginePort {
  /** scenarios simulated, in order */
  readonly runs: Scenario[] = [];
  private stop: (() => void) | undefined;

  async simulate(scenario: Scenario, onProgress?: (progress: Progress) => void): Promise<DesignResult[]> {
    this.runs.push(scenario);
    let cancelled = false;
    this.stop = () => {
      cancelled = true;
    };
    let done = 0;
    const total = planBlocks(scenario).length;
    const worker = {
      run: async (task: { design: number; block: number }) => {
        await new Promise((resolve) => setTimeout(resolve, 0));
        if (cancelled) throw new Cancelled();
        return simulateBlock(scenario, task.design, task.block);
      },
    };
    return runBlocks(scenario, [worker], {
      cancelled: () => cancelled,
      onBlock: (collector) => onProgress?.({ done: ++done, total, collector }),
    });
  }

  cancel(): void {
    this.stop?.();
  }
}
