// The app's Web Workers: as many as the machine has cores, each wrapped by Comlink, fed replicate
// blocks by the engine's simulation pool exactly as the command line's threads are, several runs at
// once (a solver's designs, a map's points side by side). Cancel terminates them at once (a block in
// flight is dropped) and rejects every run not finished; the next run starts fresh workers.
import { wrap, type Remote } from 'comlink';
import type { EngineWorker } from '../../workers/engine.worker.js';
import type { DesignResult } from '../engine/results.js';
import { Cancelled } from '../engine/schedule.js';
import type { Scenario } from '../engine/scenario/types.js';
import { planBlocks } from '../engine/blocks.js';
import { type ScenarioWorker, SimulationPool } from '../engine/simulation-pool.js';
import type { EnginePort, Progress } from './state/engine-port.js';

type Slot = { worker: Worker; api: Remote<EngineWorker> };

/** a Comlink-wrapped worker as the simulation pool's worker; a message to a stopped worker is dropped */
function scenarioWorker(api: Remote<EngineWorker>): ScenarioWorker {
  return {
    load: (id, scenario) => void api.load(id, scenario).catch(() => undefined),
    forget: (id) => void api.forget(id).catch(() => undefined),
    run: (id, tasks) => api.run(id, tasks),
  };
}

export class WorkerPool implements EnginePort {
  private slots: Slot[] = [];
  private pool: SimulationPool | undefined;
  /** each unfinished run's way to reject it with Cancelled */
  private readonly unfinished = new Set<() => void>();

  constructor(readonly size = Math.max(1, Math.min(16, navigator.hardwareConcurrency || 2))) {
    // start the workers at once, so they load while the page renders its first frame; where
    // workers cannot start, the page still opens and Run reports why
    try {
      this.start();
    } catch {
      // Run starts them again or reports the failure
    }
  }

  /** every design of `scenario`, beside the runs already asked for; rejects with Cancelled on `cancel` */
  simulate(scenario: Scenario, onProgress?: (progress: Progress) => void): Promise<DesignResult[]> {
    let pool: SimulationPool;
    try {
      pool = this.start();
    } catch (error) {
      return Promise.reject(error);
    }
    const total = planBlocks(scenario).length;
    let done = 0;
    return new Promise((resolve, reject) => {
      const stop = () => reject(new Cancelled());
      this.unfinished.add(stop);
      pool
        .simulate(scenario, { onBlock: (collector) => onProgress?.({ done: ++done, total, collector }) })
        .then(resolve, reject)
        .finally(() => this.unfinished.delete(stop));
    });
  }

  /** stop every run now */
  cancel(): void {
    if (this.unfinished.size === 0) return;
    for (const slot of this.slots) slot.worker.terminate();
    this.slots = [];
    this.pool = undefined;
    for (const stop of this.unfinished) stop();
    this.unfinished.clear();
  }

  private start(): SimulationPool {
    if (this.pool) return this.pool;
    while (this.slots.length < this.size) {
      const worker = new Worker(new URL('../../workers/engine.worker.ts', import.meta.url), { type: 'module' });
      this.slots.push({ worker, api: wrap<EngineWorker>(worker) });
    }
    this.pool = new SimulationPool(this.slots.map((slot) => scenarioWorker(slot.api)));
    return this.pool;
  }
}
