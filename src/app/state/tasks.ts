// The page's three kinds of work, each an @lit/task task on the engine port: the run (every design,
// then the same designs under the global null for their type I error), the charts that follow a
// run, and the design map on request. Starting one aborts whatever runs (they share the workers);
// an aborted task rejects with Cancelled and what it had finished stays on screen, labelled.
import { Task, TaskStatus } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';
import { planBlocks } from '../../engine/blocks.js';
import type { DesignMap, ParameterMap } from '../../engine/planning/design-map.js';
import { globalNull } from '../../engine/planning/global-null.js';
import type { PopulationTarget, Simulator } from '../../engine/planning/solve.js';
import type { DesignResult } from '../../engine/results.js';
import { Cancelled } from '../../engine/schedule.js';
import type { Scenario } from '../../engine/scenario/types.js';
import { withTypeOneError } from '../../engine/type-one-error.js';
import { encodeScenarioQuery } from '../../share/url-codec.js';
import { computeCharts, computeMap, type ChartData } from '../chart-data.js';
import type { EnginePort, Progress } from './engine-port.js';

/** how often streaming results are pushed to the page while a run goes on */
const REFRESH_MS = 250;

/** results on screen and the scenario they belong to */
export type Shown = {
  scenario: Scenario;
  query: string;
  results: DesignResult[];
  /** null: complete; else the blocks done when they were shown (a run in progress, or cancelled) */
  partial: { done: number; total: number } | null;
};

/** a chart's data, with the run and target it was computed for */
export type Drawn<T> = { query: string; target: PopulationTarget; value: T };

/**
 * what the page's charts are drawn for: the target, and with several populations the subgroup whose
 * share they vary (undefined: the default, share-subgroup.ts)
 */
export type ChartChoice = { target: PopulationTarget; subgroup: string | undefined };

export type Work = 'idle' | 'running' | 'done' | 'cancelled' | 'failed';

export class Tasks {
  shown: Shown | null = null;
  charts: Drawn<ChartData> | null = null;
  map: Drawn<DesignMap | ParameterMap> | null = null;
  /** the run's blocks: the designs', then the null's */
  progress = { done: 0, total: 0, startedAt: 0, elapsedMs: 0 };
  chartStep = '';
  mapProgress = { done: 0, total: 0 };

  private readonly runTask: Task<[Scenario], Shown>;
  /** the last argument: whether the charts drawn of the same run and target keep what the subgroup leaves */
  private readonly chartTask: Task<[Scenario, ChartChoice, boolean], ChartData>;
  private readonly mapTask: Task<[Scenario, ChartChoice], DesignMap | ParameterMap>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly engine: EnginePort,
    /** what the charts after a run are drawn for: the page's at the time */
    private readonly choice: () => ChartChoice,
  ) {
    this.runTask = new Task(host, {
      autoRun: false,
      task: ([scenario], { signal }) => this.withAbort(signal, () => this.simulateBoth(scenario, signal)),
      onComplete: (shown) => this.drawCharts(shown.scenario, this.choice()),
    });
    this.chartTask = new Task(host, {
      autoRun: false,
      task: ([scenario, { target, subgroup }, keep], { signal }) =>
        this.withAbort(signal, async () => {
          const query = encodeScenarioQuery(scenario);
          const kept = keep ? this.keptCharts(query, target) : undefined;
          const onProgress = (data: ChartData, step: string | null) => {
            if (signal.aborted) return;
            this.chartStep = step ?? '';
            // the earlier charts stay until this run's first chart is drawn
            if (data.bySize) this.charts = { query, target, value: { ...data } };
            host.requestUpdate();
          };
          return computeCharts(scenario, target, this.simulator(signal), onProgress, { subgroup, kept });
        }),
    });
    this.mapTask = new Task(host, {
      autoRun: false,
      task: ([scenario, { target, subgroup }], { signal }) =>
        this.withAbort(signal, async () => {
          this.mapProgress = { done: 0, total: 0 };
          const mapRefresh = refreshGate();
          const value = await computeMap(scenario, target, this.simulator(signal), {
            subgroup,
            onProgress: (done, total) => {
              this.mapProgress = { done, total };
              if (mapRefresh(done === total)) host.requestUpdate();
            },
          });
          this.map = { query: encodeScenarioQuery(scenario), target, value };
          return value;
        }),
    });
  }

  get run(): Work {
    return workOf(this.runTask);
  }

  get chartWork(): Work {
    return workOf(this.chartTask);
  }

  get mapWork(): Work {
    return workOf(this.mapTask);
  }

  /** why the last run, chart or map failed (not a cancel) */
  failure(which: 'run' | 'charts' | 'map'): string {
    const task = which === 'run' ? this.runTask : which === 'charts' ? this.chartTask : this.mapTask;
    const error = task.error as Error | undefined;
    return error === undefined || error instanceof Cancelled ? '' : String(error.message ?? error);
  }

  get busy(): boolean {
    return this.run === 'running' || this.chartWork === 'running' || this.mapWork === 'running';
  }

  simulate(scenario: Scenario): void {
    this.chartTask.abort();
    this.mapTask.abort();
    void this.runTask.run([scenario]);
  }

  drawCharts(scenario: Scenario, choice: ChartChoice): void {
    this.chartTask.abort();
    void this.chartTask.run([scenario, choice, false]);
  }

  /** the share curve of another subgroup, keeping the rest of the charts drawn of this run and target */
  drawShares(scenario: Scenario, choice: ChartChoice): void {
    this.chartTask.abort();
    void this.chartTask.run([scenario, choice, true]);
  }

  drawMap(scenario: Scenario, choice: ChartChoice): void {
    if (this.run === 'running') return;
    this.chartTask.abort();
    void this.mapTask.run([scenario, choice]);
  }

  cancel(): void {
    this.runTask.abort();
    this.chartTask.abort();
    this.mapTask.abort();
  }

  private async simulateBoth(scenario: Scenario, signal: AbortSignal): Promise<Shown> {
    const blocks = planBlocks(scenario).length;
    const total = 2 * blocks;
    const query = encodeScenarioQuery(scenario);
    const startedAt = performance.now();
    this.progress = { done: 0, total, startedAt, elapsedMs: 0 };
    const refresh = refreshGate();
    const onProgress =
      (offset: number) =>
      ({ done, collector }: Progress) => {
        if (signal.aborted) return;
        this.progress = { done: offset + done, total, startedAt, elapsedMs: performance.now() - startedAt };
        if (!refresh(done === blocks)) return;
        if (offset === 0) this.shown = { scenario, query, results: collector.results(), partial: { done, total } };
        this.host.requestUpdate();
      };
    const results = await this.engine.simulate(scenario, onProgress(0));
    this.shown = { scenario, query, results, partial: { done: blocks, total } };
    const nullResults = await this.engine.simulate(globalNull(scenario), onProgress(blocks));
    this.progress = { ...this.progress, elapsedMs: performance.now() - startedAt };
    this.shown = { scenario, query, results: withTypeOneError(results, nullResults, scenario.alpha), partial: null };
    return this.shown;
  }

  /**
   * what the charts on screen of this run and target keep when only the subgroup whose share they vary
   * changes: the curves against size and the sizes at the target, when both were drawn
   */
  private keptCharts(query: string, target: PopulationTarget): Pick<ChartData, 'bySize' | 'atTarget'> | undefined {
    const drawn = this.charts;
    const same = drawn?.query === query && drawn.target.power === target.power;
    if (!same || drawn.target.hypothesis !== target.hypothesis) return undefined;
    const { bySize, atTarget } = drawn.value;
    return bySize && atTarget ? { bySize, atTarget } : undefined;
  }

  /** the engine for as long as `signal` holds */
  private simulator(signal: AbortSignal): Simulator {
    return (scenario) => (signal.aborted ? Promise.reject(new Cancelled()) : this.engine.simulate(scenario));
  }

  /** `work`, with the workers stopped the moment the task is aborted */
  private async withAbort<T>(signal: AbortSignal, work: () => Promise<T>): Promise<T> {
    const stop = () => this.engine.cancel();
    signal.addEventListener('abort', stop, { once: true });
    try {
      return await work();
    } finally {
      signal.removeEventListener('abort', stop);
    }
  }
}

/**
 * a gate open at most once every REFRESH_MS, and always for the last call: the page redrawn for every
 * block (or every simulation of a map) kept the main thread busy enough to take a core from the workers
 * (four designs × 2.5·10⁵: 7.4 s of main-thread work in an 11.9 s run); redrawn every 100 ms, a Run of
 * four designs × 10⁶ and their global null still took 0.9 s of main-thread CPU, every 250 ms 0.6 s
 */
function refreshGate(): (last: boolean) => boolean {
  let at = -Infinity;
  return (last) => {
    const now = performance.now();
    if (!last && now - at < REFRESH_MS) return false;
    at = now;
    return true;
  };
}

function workOf(task: Task<unknown[], unknown>): Work {
  switch (task.status) {
    case TaskStatus.PENDING:
      return 'running';
    case TaskStatus.COMPLETE:
      return 'done';
    case TaskStatus.ERROR:
      return task.error instanceof Cancelled ? 'cancelled' : 'failed';
    default:
      return 'idle';
  }
}
