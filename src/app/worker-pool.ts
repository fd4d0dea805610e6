// The app's Web Workers: as many as the machine has cores, each wrapped by Comlink, fed replicate
// blocks by the engine's scheduler exactly as the command line's threads are. Cancel terminates
// them at once (a block in flight is dropped) and drops the runs queued behind; the next run
// starts fresh workers. Runs go one at a time: each worker holds one scenario.
import { wrap, type Remote } from 'comlink';
import type { EngineWorker } from '../../workers/engine.worker.js';
import type { DesignResult } from '../engine/results.js';
import { Cancelled, runBlocks } from '../engine/schedule.js';
import type { ResultCollector } from '../engine/collector.js';
import type { Scenario } from '../engine/scenario/types.js';
import { planBlocks } from '../engine/blocks.js';

type Slot = { worker: Worker; api: Remote<EngineWorker> };

export type Progress = { done: number; total: number; collector: ResultCollector };

export class WorkerPool {
  private slots: Slot[] = [];
  private abort: (() => void) | undefined;
  /** the run in progress and those queued behind it */
  private queue: Promise<unknown> = Promise.resolve();
  /** bumped by cancel: runs queued before it do not start */
  private generation = 0;

  constructor(readonly size = Math.max(1, Math.min(16, navigator.hardwareConcurrency || 2))) {
    // start the workers at once, so they load while the page renders its first frame; where
    // workers cannot start, the page still opens and Run reports why
    try {
      this.ensure(size);
    } catch {
      // the workers that did start stay; Run starts the rest or reports the failure
    }
  }

  /**
   * every design of `scenario`, after the runs already queued; rejects with Cancelled when `cancel` is
   * called meanwhile
   */
  simulate(scenario: Scenario, onProgress?: (progress: Progress) => void): Promise<DesignResult[]> {
    const generation = this.generation;
    const run = this.queue.then(() => {
      if (generation !== this.generation) throw new Cancelled();
      return this.runNow(scenario, onProgress);
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async runNow(scenario: Scenario, onProgress?: (progress: Progress) => void): Promise<DesignResult[]> {
    const total = planBlocks(scenario).length;
    const slots = this.ensure(Math.min(this.size, total));
    let cancelled = false;
    const stopped = new Promise<never>((_, reject) => {
      this.abort = () => {
        cancelled = true;
        reject(new Cancelled());
      };
    });
    stopped.catch(() => undefined);
    await Promise.race([Promise.all(slots.map((slot) => slot.api.load(scenario))), stopped]);
    let done = 0;
    try {
      return await runBlocks(
        scenario,
        slots.map((slot) => ({ run: (task) => Promise.race([slot.api.run(task.design, task.block), stopped]) })),
        {
          cancelled: () => cancelled,
          onBlock: (collector) => onProgress?.({ done: ++done, total, collector }),
        },
      );
    } finally {
      this.abort = undefined;
    }
  }

  /** stop the run in progress now, and every run queued */
  cancel(): void {
    this.generation++;
    if (!this.abort) return;
    for (const slot of this.slots) slot.worker.terminate();
    this.slots = [];
    this.abort();
  }

  private ensure(count: number): Slot[] {
    while (this.slots.length < count) {
      const worker = new Worker(new URL('../../workers/engine.worker.ts', import.meta.url), { type: 'module' });
      this.slots.push({ worker, api: wrap<EngineWorker>(worker) });
    }
    return this.slots.slice(0, count);
  }
}
