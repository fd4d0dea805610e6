// The app's one store: the draft scenario and the contract's verdict on it, the last valid
// scenario (which the URL holds), the run and its results, the charts' data. Components read it
// and call its actions; they hold no state of their own that matters and no statistics.
import { mapPoint, type DesignMap } from '../engine/planning/design-map.js';
import type { Target } from '../engine/planning/solve.js';
import type { DesignResult } from '../engine/results.js';
import { Cancelled } from '../engine/schedule.js';
import { parseScenario } from '../engine/scenario/parse.js';
import type { Scenario } from '../engine/scenario/types.js';
import { firstProblems } from '../share/problem-list.js';
import { decodeScenarioQuery, encodeScenarioQuery } from '../share/url-codec.js';
import { computeCharts, computeMap, type ChartData } from './chart-data.js';
import { writeAt, type Draft } from './draft.js';
import { loadDraft, saveDraft, tidySavedScenarios } from './persist.js';
import { DEFAULT_SCENARIO } from './presets.js';
import { WorkerPool } from './worker-pool.js';

export type RunStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'failed';
export type RunState = {
  status: RunStatus;
  done: number;
  total: number;
  startedAt: number;
  elapsedMs: number;
  message: string;
};
export type ChartState = {
  status: 'idle' | 'running' | 'done' | 'failed';
  step: string;
  data: ChartData | null;
  map: DesignMap | null;
  mapStatus: 'idle' | 'running' | 'done' | 'failed';
  message: string;
};

/** how often streaming results are pushed to the page while a run goes on */
const REFRESH_MS = 100;
/** problems a notice lists before "… and N more": it is one paragraph, and the first show what is wrong */
export const NOTICE_PROBLEMS = 6;

export class Store extends EventTarget {
  draft: Draft = {};
  errors: string[] = [];
  scenario: Scenario | null = null;
  results: DesignResult[] | null = null;
  /** the scenario the results belong to */
  resultsScenario: Scenario | null = null;
  run: RunState = { status: 'idle', done: 0, total: 0, startedAt: 0, elapsedMs: 0, message: '' };
  charts: ChartState = { status: 'idle', step: '', data: null, map: null, mapStatus: 'idle', message: '' };
  target: Target = { power: 0.8, hypothesis: 'any' };
  /** a message about the link the page was opened with, or an import */
  notice = '';
  private readonly pool = new WorkerPool();
  private runId = 0;

  /** the scenario from the link, else the draft kept from last time, else the default */
  start(query: string): void {
    const { kept, dropped } = loadDraft();
    const notices: string[] = [];
    // what was left out of the kept draft is worth saying only where that draft is what is shown
    let keptShown = true;
    if (query.replace(/^\?/, '') !== '') {
      const decoded = decodeScenarioQuery(query);
      if (decoded.ok) {
        const matches = kept !== undefined && kept.query === encodeScenarioQuery(decoded.scenario);
        keptShown = matches;
        this.setDraft(matches ? kept.draft : (structuredClone(decoded.scenario) as unknown as Draft));
      } else {
        keptShown = false;
        const problems = firstProblems(decoded.errors, NOTICE_PROBLEMS).join('; ');
        notices.push(`This link could not be opened, so the default scenario is shown. ${problems}`);
        this.setDraft(structuredClone(DEFAULT_SCENARIO));
      }
    } else {
      this.setDraft(kept ? kept.draft : structuredClone(DEFAULT_SCENARIO));
    }
    const left = [...(keptShown ? dropped : []), ...tidySavedScenarios()];
    if (left.length > 0) {
      const problems = firstProblems(left, NOTICE_PROBLEMS).join('; ');
      notices.push(`Left out of what this browser kept, as the page cannot show it: ${problems}`);
    }
    this.notice = notices.join(' ');
  }

  /** replace the whole draft (a preset, an import, a saved scenario) */
  setDraft(draft: Draft): void {
    const parsed = parseScenario(draft);
    // a valid draft shows every default filled in, so each field displays what will run
    this.draft = parsed.ok ? (structuredClone(parsed.scenario) as unknown as Draft) : draft;
    this.errors = parsed.ok ? [] : parsed.errors;
    if (parsed.ok) this.scenario = parsed.scenario;
    const query = this.scenario ? encodeScenarioQuery(this.scenario) : '';
    saveDraft(query, this.draft);
    if (parsed.ok) this.dispatchEvent(new CustomEvent('scenario', { detail: query }));
    this.changed();
  }

  edit(path: string, value: unknown): void {
    this.setDraft(writeAt(this.draft, path, value));
  }

  /** the draft is valid and is what `scenario` holds */
  get valid(): boolean {
    return this.errors.length === 0 && this.scenario !== null;
  }

  async simulate(): Promise<void> {
    if (!this.valid || !this.scenario) return;
    this.pool.cancel();
    const id = ++this.runId;
    const scenario = this.scenario;
    this.run = { status: 'running', done: 0, total: 0, startedAt: performance.now(), elapsedMs: 0, message: '' };
    this.charts = { ...this.charts, status: 'idle', data: null, map: null, mapStatus: 'idle', message: '' };
    this.changed();
    let lastPush = 0;
    try {
      const results = await this.pool.simulate(scenario, ({ done, total, collector }) => {
        if (id !== this.runId) return;
        this.run = { ...this.run, done, total, elapsedMs: performance.now() - this.run.startedAt };
        const now = performance.now();
        if (now - lastPush >= REFRESH_MS || done === total) {
          lastPush = now;
          this.results = collector.results();
          this.resultsScenario = scenario;
          this.changed();
        }
      });
      if (id !== this.runId) return;
      this.results = results;
      this.resultsScenario = scenario;
      this.run = { ...this.run, status: 'done', elapsedMs: performance.now() - this.run.startedAt };
      this.changed();
      await this.drawCharts(id, scenario);
    } catch (error) {
      if (id !== this.runId) return;
      const cancelled = error instanceof Cancelled;
      this.run = {
        ...this.run,
        status: cancelled ? 'cancelled' : 'failed',
        elapsedMs: performance.now() - this.run.startedAt,
        message: cancelled ? 'Cancelled.' : String((error as Error).message ?? error),
      };
      this.changed();
    }
  }

  cancel(): void {
    this.pool.cancel();
  }

  setTarget(power: number): void {
    this.target = { ...this.target, power };
    this.changed();
    if (this.resultsScenario && this.run.status === 'done') {
      this.pool.cancel(); // the charts in progress were for the old target
      void this.drawCharts(++this.runId, this.resultsScenario);
    }
  }

  /** one point of the design map (its prevalence and effect−) into the draft, to run or edit */
  loadMapPoint(prevalence: number, ratio: number): void {
    if (this.resultsScenario)
      this.setDraft(structuredClone(mapPoint(this.resultsScenario, prevalence, ratio)) as unknown as Draft);
  }

  async drawMap(): Promise<void> {
    const scenario = this.resultsScenario;
    if (!scenario || this.run.status === 'running') return;
    const id = this.runId;
    this.charts = { ...this.charts, mapStatus: 'running' };
    this.changed();
    try {
      const map = await computeMap(scenario, this.target, this.simulatorFor(id));
      if (id !== this.runId) return;
      this.charts = { ...this.charts, map, mapStatus: 'done' };
    } catch (error) {
      if (id !== this.runId) return;
      this.charts = {
        ...this.charts,
        mapStatus: 'failed',
        message: error instanceof Cancelled ? 'Cancelled.' : String((error as Error).message),
      };
    }
    this.changed();
  }

  private async drawCharts(id: number, scenario: Scenario): Promise<void> {
    this.charts = { ...this.charts, status: 'running', step: '', message: '' };
    this.changed();
    try {
      const data = await computeCharts(scenario, this.target, this.simulatorFor(id), (step) => {
        if (id !== this.runId) return;
        this.charts = { ...this.charts, step };
        this.changed();
      });
      if (id !== this.runId) return;
      this.charts = { ...this.charts, status: 'done', data };
    } catch (error) {
      if (id !== this.runId) return;
      this.charts = {
        ...this.charts,
        status: 'failed',
        message: error instanceof Cancelled ? 'Cancelled.' : String((error as Error).message),
      };
    }
    this.changed();
  }

  /** the pool, for as long as run `id` is the current one */
  private simulatorFor(id: number): (scenario: Scenario) => Promise<DesignResult[]> {
    return (scenario) => (id === this.runId ? this.pool.simulate(scenario) : Promise.reject(new Cancelled()));
  }

  private changed(): void {
    this.dispatchEvent(new Event('change'));
  }
}

export const store = new Store();
