// What "Watch one trial" needs of the engine: one replicate traced, or found and then traced
// (engine/trace/find.ts), off the page's main thread. The page's port is a worker of its own (the same
// module as the run's workers, workers/engine.worker.ts), so a trial can be watched while a run
// goes on; a newer request aborts the one before, terminating its worker (a search of a thousand
// patient-level trials is CPU-bound). Component tests give the element a port in their own thread.
import { type Remote, wrap } from 'comlink';
import type { EngineWorker } from '../../../workers/engine.worker.js';
import type { Scenario } from '../../engine/scenario/types.js';
import type { TracePick, Watched } from '../../engine/trace/find.js';
import { Cancelled } from '../../engine/schedule.js';

export interface TracePort {
  watch(scenario: Scenario, design: number, pick: TracePick, signal?: AbortSignal): Promise<Watched>;
}

export class WorkerTracePort implements TracePort {
  private worker: Worker | undefined;
  private api: Remote<EngineWorker> | undefined;

  async watch(scenario: Scenario, design: number, pick: TracePick, signal?: AbortSignal): Promise<Watched> {
    if (signal?.aborted) throw new Cancelled();
    if (!this.worker || !this.api) {
      this.worker = new Worker(new URL('../../../workers/engine.worker.ts', import.meta.url), { type: 'module' });
      this.api = wrap<EngineWorker>(this.worker);
    }
    const worker = this.worker;
    const stopped = new Promise<never>((_, reject) => {
      signal?.addEventListener(
        'abort',
        () => {
          worker.terminate();
          if (this.worker === worker) this.worker = this.api = undefined;
          reject(new Cancelled());
        },
        { once: true },
      );
    });
    stopped.catch(() => undefined);
    return Promise.race([this.api.watch(scenario, design, pick), stopped]);
  }

  /** the element is gone: its worker too */
  close(): void {
    this.worker?.terminate();
    this.worker = this.api = undefined;
  }
}
