// The page's store: the draft scenario and the contract's verdict on it, the last valid scenario
// (which the link holds), the target, and what is on screen. Runs are @lit/task tasks (tasks.ts)
// with this store as their host: a new run aborts the one before, so no stale-run guards are
// needed. Components reach the store through context (store-context.ts) and call its actions; the
// address bar and this browser's storage follow it through controllers (url-sync.ts,
// persistence.ts), so the store itself touches neither.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { mapPoint, parameterPoint } from '../../engine/planning/design-map.js';
import type { PopulationTarget } from '../../engine/planning/solve.js';
import { targetHypotheses } from '../../engine/planning/target-hypotheses.js';
import { parseScenario } from '../../engine/scenario/parse.js';
import type { Scenario } from '../../engine/scenario/types.js';
import { firstProblems } from '../../share/problem-list.js';
import { decodeScenarioQuery, encodeScenarioQuery } from '../../share/url-codec.js';
import { writeAt, type Draft } from '../draft.js';
import { DEFAULT_SCENARIO } from '../presets.js';
import { decodeTargetHash } from '../target-hash.js';
import type { EnginePort } from './engine-port.js';
import { type ChartChoice, type Drawn, Tasks } from './tasks.js';

/** problems a notice lists before "… and N more": it is one paragraph, and the first show what is wrong */
export const NOTICE_PROBLEMS = 6;

/** what the page was opened with: its address, and the draft this browser kept, if any */
export type Opening = {
  query: string;
  hash: string;
  kept?: { query: string; draft: Draft };
  /** what of this browser's storage could not be shown */
  dropped: string[];
  /** the same, for the saved scenarios; said whatever is shown */
  droppedSaved: string[];
};

export class Store extends EventTarget implements ReactiveControllerHost {
  draft: Draft = {};
  errors: string[] = [];
  /** the last valid draft, as the contract filled it */
  scenario: Scenario | null = null;
  /** its link's query string */
  query = '';
  /** the target power and hypothesis: S, F, both or any with one marker, a population's id, F or any with several */
  target: PopulationTarget = decodeTargetHash('').target;
  /** with several populations, the subgroup whose share the charts vary (share-subgroup.ts); undefined: the default */
  shareSubgroup: string | undefined = undefined;
  /** a message about the link the page was opened with, an import or stored state */
  notice = '';
  readonly tasks: Tasks;
  private readonly controllers = new Set<ReactiveController>();
  private pending = false;

  constructor(engine: EnginePort) {
    super();
    this.tasks = new Tasks(this, engine, () => this.choice);
  }

  /** the scenario from the link, else the draft kept from last time, else the default */
  open({ query, hash, kept, dropped, droppedSaved }: Opening): void {
    const notices: string[] = [];
    // what was left out of the kept draft is worth saying only where that draft is what is shown
    let keptShown = true;
    if (query.replace(/^\?/, '') !== '') {
      const decoded = decodeScenarioQuery(query);
      if (decoded.ok) {
        keptShown = kept !== undefined && kept.query === encodeScenarioQuery(decoded.scenario);
        this.setDraft(keptShown && kept ? kept.draft : (structuredClone(decoded.scenario) as unknown as Draft));
      } else {
        keptShown = false;
        const problems = firstProblems(decoded.errors, NOTICE_PROBLEMS).join('; ');
        notices.push(`This link could not be opened, so the default scenario is shown. ${problems}`);
        this.setDraft(structuredClone(DEFAULT_SCENARIO));
      }
    } else {
      this.setDraft(kept ? kept.draft : structuredClone(DEFAULT_SCENARIO));
    }
    const { target, problems } = decodeTargetHash(hash, this.scenario ? targetHypotheses(this.scenario) : undefined);
    this.target = target;
    if (problems.length > 0) notices.push(`Part of the link's settings was not read: ${problems.join('; ')}.`);
    const left = [...(keptShown ? dropped : []), ...droppedSaved];
    if (left.length > 0) {
      const listed = firstProblems(left, NOTICE_PROBLEMS).join('; ');
      notices.push(`Left out of what this browser kept, as the page cannot show it: ${listed}`);
    }
    this.notice = notices.join(' ');
    this.requestUpdate();
  }

  /** replace the whole draft (a preset, an import, a saved scenario, an edit) */
  setDraft(draft: Draft): void {
    const parsed = parseScenario(draft);
    // a valid draft shows every default filled in, so each field displays what will run
    this.draft = parsed.ok ? (structuredClone(parsed.scenario) as unknown as Draft) : draft;
    this.errors = parsed.ok ? [] : parsed.errors;
    if (parsed.ok) {
      this.scenario = parsed.scenario;
      this.query = encodeScenarioQuery(parsed.scenario);
      // a hypothesis of the other form, or of a population renamed or removed, falls back to any
      if (!targetHypotheses(parsed.scenario).includes(this.target.hypothesis))
        this.target = { ...this.target, hypothesis: 'any' };
    }
    this.requestUpdate();
  }

  edit(path: string, value: unknown): void {
    this.setDraft(writeAt(this.draft, path, value));
  }

  /** a draft to show and run at once: a preset */
  load(draft: Draft): void {
    this.setDraft(draft);
    this.simulate();
  }

  /** the draft is valid and is what `scenario` holds */
  get valid(): boolean {
    return this.errors.length === 0 && this.scenario !== null;
  }

  /** the results on screen are of the scenario as it now stands, complete */
  get current(): boolean {
    const shown = this.tasks.shown;
    return this.valid && shown !== null && shown.query === this.query && shown.partial === null;
  }

  /** a chart's data is of the results shown, which are current, and of the target as it now stands */
  isCurrent(drawn: Drawn<unknown> | null): boolean {
    const shown = this.tasks.shown;
    return (
      drawn !== null &&
      shown !== null &&
      this.current &&
      drawn.query === shown.query &&
      drawn.target.power === this.target.power &&
      drawn.target.hypothesis === this.target.hypothesis
    );
  }

  simulate(): void {
    if (this.valid && this.scenario) this.tasks.simulate(this.scenario);
  }

  cancel(): void {
    this.tasks.cancel();
  }

  setTarget(target: PopulationTarget): void {
    this.target = target;
    this.requestUpdate();
    const shown = this.tasks.shown;
    if (this.current && shown) this.tasks.drawCharts(shown.scenario, this.choice);
  }

  /** the subgroup whose share the charts vary: its curve is drawn again, the other charts stay */
  setShareSubgroup(subgroup: string): void {
    this.shareSubgroup = subgroup;
    this.requestUpdate();
    const shown = this.tasks.shown;
    if (this.current && shown) this.tasks.drawShares(shown.scenario, this.choice);
  }

  drawMap(): void {
    const shown = this.tasks.shown;
    if (this.current && shown) this.tasks.drawMap(shown.scenario, this.choice);
  }

  /**
   * one point of the design map into the draft, to run or edit: its prevalence and effect− with one
   * marker, its two parameters' values with several populations
   */
  loadMapPoint(x: number, y: number): void {
    const shown = this.tasks.shown;
    const map = this.tasks.map?.value;
    if (!shown || !map) return;
    if ('prevalences' in map) {
      this.setDraft(structuredClone(mapPoint(shown.scenario, x, y)) as unknown as Draft);
      return;
    }
    const varied = parameterPoint(shown.scenario, map.axes, [x, y]);
    if (varied.ok) this.setDraft(structuredClone(varied.scenario) as unknown as Draft);
    else this.say(`This point could not be loaded: ${varied.errors.join('; ')}`);
  }

  /** what the charts are drawn for */
  private get choice(): ChartChoice {
    return { target: this.target, subgroup: this.shareSubgroup };
  }

  dismissNotice(): void {
    this.notice = '';
    this.requestUpdate();
  }

  /** a message for the notice bar: an import, a saved scenario */
  say(notice: string): void {
    this.notice = notice;
    this.requestUpdate();
  }

  // ---- the host of the tasks; a change is announced once per microtask ----

  addController(controller: ReactiveController): void {
    this.controllers.add(controller);
  }

  removeController(controller: ReactiveController): void {
    this.controllers.delete(controller);
  }

  requestUpdate(): void {
    if (this.pending) return;
    this.pending = true;
    queueMicrotask(() => {
      this.pending = false;
      this.dispatchEvent(new Event('change'));
    });
  }

  get updateComplete(): Promise<boolean> {
    return new Promise((resolve) => queueMicrotask(() => resolve(!this.pending)));
  }
}
