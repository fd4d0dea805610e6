// Many simulations at once on a few workers. A solver, a sweep or a map asks for hundreds of small
// simulations, several at a time (one per design, one per point of a map); each is cut into blocks
// (blocks.ts), and a worker that comes free takes the next blocks of a simulation it already holds, or
// else of the oldest one waiting, which it is sent once. So a small simulation stays on one worker (its
// design prepared once), and a large one spreads over all of them. A worker is asked for a run of up to
// MOST_AT_ONCE consecutive blocks at a time (fewer as a simulation's blocks run out, so that the workers
// finish together), and kept `ahead` runs ahead (two by default): it starts its next run while the
// last one's tallies travel back, instead of waiting a round trip; in a page, every message costs the
// main thread half a millisecond. Every block is folded by its simulation's collector: the results are
// the same whoever ran which block, in whatever order.
import { planBlocks, type BlockTask } from './blocks.js';
import { ResultCollector } from './collector.js';
import type { DesignResult } from './results.js';
import { Cancelled, type ScheduleOptions } from './schedule.js';
import type { Scenario } from './scenario/types.js';

/** a worker holding scenarios by id: told of one once, then asked for runs of its blocks, answered in order */
export interface ScenarioWorker {
  load(id: number, scenario: Scenario): void;
  /** the tallies of `tasks`, in their order */
  run(id: number, tasks: readonly BlockTask[]): Promise<Float64Array[]>;
  forget(id: number): void;
}

/** the most blocks asked of a worker at once */
export const MOST_AT_ONCE = 8;

type Simulation = {
  id: number;
  scenario: Scenario;
  options: ScheduleOptions;
  tasks: BlockTask[];
  next: number;
  /** runs of blocks handed out and not yet back */
  running: number;
  collector: ResultCollector;
  /** the workers that hold its scenario */
  holders: Set<number>;
  resolve: (results: DesignResult[]) => void;
  reject: (error: unknown) => void;
  failed: boolean;
};

export class SimulationPool {
  private readonly waiting: Simulation[] = [];
  private readonly idle: number[];
  /** the places on workers, `ahead` on each */
  private readonly places: number;
  private nextId = 0;
  private dispatchQueued = false;

  /** `ahead`: the runs each worker is given at a time */
  constructor(
    private readonly workers: readonly ScenarioWorker[],
    ahead = 2,
  ) {
    // a worker appears once per run it may hold, so that each one gets its first run before any its second
    this.idle = Array.from({ length: ahead }, () => workers.map((_, index) => index)).flat();
    this.places = this.idle.length;
  }

  /** the scenario's results; its blocks share the workers with every other simulation asked for */
  simulate(scenario: Scenario, options: ScheduleOptions = {}): Promise<DesignResult[]> {
    const all = planBlocks(scenario);
    const tasks = options.blocks ? all.filter((task) => options.blocks!(task.block)) : all;
    return new Promise((resolve, reject) => {
      const simulation: Simulation = {
        id: this.nextId++,
        scenario,
        options,
        tasks,
        next: 0,
        running: 0,
        collector: new ResultCollector(scenario),
        holders: new Set(),
        resolve,
        reject,
        failed: false,
      };
      if (tasks.length === 0) resolve(simulation.collector.results());
      else {
        this.waiting.push(simulation);
        // after the caller's other requests of this turn, so that the first blocks go each to its own worker
        if (!this.dispatchQueued) {
          this.dispatchQueued = true;
          void Promise.resolve().then(() => {
            this.dispatchQueued = false;
            this.dispatch();
          });
        }
      }
    });
  }

  /**
   * every idle place on a worker given a run of blocks while there are blocks to give: of a simulation the worker
   * holds, else of one no worker holds yet, else of the oldest waiting (which it is then sent)
   */
  private dispatch(): void {
    while (this.idle.length > 0 && this.waiting.length > 0) {
      const worker = this.idle.pop()!;
      const simulation =
        this.waiting.find((s) => s.holders.has(worker)) ??
        this.waiting.find((s) => s.holders.size === 0) ??
        this.waiting[0];
      this.start(worker, simulation);
    }
  }

  private start(worker: number, simulation: Simulation): void {
    if (simulation.options.cancelled?.()) {
      this.idle.push(worker);
      this.fail(simulation, new Cancelled());
      return;
    }
    const left = simulation.tasks.length - simulation.next;
    // a share of what is left for each place, so the last runs are short and end together
    const size = Math.max(1, Math.min(MOST_AT_ONCE, Math.floor(left / (2 * this.places))));
    const tasks = simulation.tasks.slice(simulation.next, simulation.next + size);
    simulation.next += size;
    if (simulation.next === simulation.tasks.length) this.waiting.splice(this.waiting.indexOf(simulation), 1);
    if (!simulation.holders.has(worker)) {
      this.workers[worker].load(simulation.id, simulation.scenario);
      simulation.holders.add(worker);
    }
    simulation.running++;
    this.workers[worker].run(simulation.id, tasks).then(
      (tallies) => this.finish(worker, simulation, tasks, tallies),
      (error: unknown) => {
        simulation.running--;
        this.idle.push(worker);
        this.fail(simulation, error);
        this.dispatch();
      },
    );
  }

  private finish(worker: number, simulation: Simulation, tasks: BlockTask[], tallies: Float64Array[]): void {
    simulation.running--;
    this.idle.push(worker);
    if (!simulation.failed && simulation.options.cancelled?.()) this.fail(simulation, new Cancelled());
    for (let i = 0; i < tasks.length && !simulation.failed; i++) {
      try {
        simulation.options.onTally?.(tasks[i], tallies[i]);
        simulation.collector.add(tasks[i].design, tasks[i].block, tallies[i]);
        simulation.options.onBlock?.(simulation.collector);
      } catch (error) {
        this.fail(simulation, error);
      }
    }
    if (!simulation.failed && simulation.running === 0 && simulation.next === simulation.tasks.length) {
      this.release(simulation);
      simulation.resolve(simulation.collector.results());
    }
    this.dispatch();
  }

  /** a simulation stopped: no more of its blocks handed out, its promise rejected once */
  private fail(simulation: Simulation, error: unknown): void {
    if (simulation.failed) return;
    simulation.failed = true;
    const at = this.waiting.indexOf(simulation);
    if (at >= 0) this.waiting.splice(at, 1);
    this.release(simulation);
    simulation.reject(error);
  }

  private release(simulation: Simulation): void {
    for (const worker of simulation.holders) this.workers[worker].forget(simulation.id);
    simulation.holders.clear();
  }
}
