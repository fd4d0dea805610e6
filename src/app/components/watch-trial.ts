// "Watch one trial": pick a design and a replicate (by number, or a typical one, one that failed,
// one that stopped early), and play it patient by patient (trial-player.ts). The trace is the
// engine's (engine/trace/), computed off the main thread by the trace port — the page's own worker
// unless a test gives another — as a @lit/task task, so a new request aborts the one before. A
// replicate number out of range is marked at its field, and nothing else changes. A scenario of
// several populations is watched the same way: its patients by subgroup, its closed tests over every
// intersection of the populations' hypotheses.
import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { hasInterim } from '../../engine/designs/interim.js';
import { Cancelled } from '../../engine/schedule.js';
import type { Scenario } from '../../engine/scenario/types.js';
import type { TraceKind, TracePick, Watched } from '../../engine/trace/find.js';
import { replicateProblem } from '../../engine/trace/trace.js';
import { encodeScenarioQuery } from '../../share/url-codec.js';
import { type TracePort, WorkerTracePort } from '../state/trace-port.js';
import { type TrialStep, trialSteps } from '../trial-steps.js';
import { introWords } from '../trial-words.js';
import { StoreElement } from './store-element.js';
import './trial-player.js';

type Which = TraceKind | 'number';

const WHICH: [Which, string][] = [
  ['typical', 'a typical one'],
  ['failed', 'one that failed'],
  ['early', 'one that stopped early'],
  ['number', 'replicate number'],
];

/** what is on screen: the trial watched, its steps, and the scenario it was traced from */
type Shown = { watched: Watched; steps: TrialStep[]; query: string };

@customElement('watch-trial')
export class WatchTrial extends StoreElement {
  /** the engine for traces; the page's worker when none is given */
  @property({ attribute: false }) port: TracePort | null = null;
  @state() private designId = '';
  @state() private which: Which = 'typical';
  @state() private replicateText = '1';
  @state() private replicateError = '';
  @state() private shown: Shown | null = null;
  private ownPort: WorkerTracePort | null = null;
  private readonly task = new Task(this, {
    autoRun: false,
    task: async ([scenario, design, pick]: [Scenario, number, TracePick], { signal }) =>
      this.tracePort().watch(scenario, design, pick, signal),
    onComplete: (watched) => {
      const scenario = this.store.scenario;
      if (!scenario) return;
      const steps = watched.trace ? trialSteps(watched.trace, introWords(watched, scenario.simulation.method)) : [];
      this.shown = { watched, steps, query: encodeScenarioQuery(scenario) };
    },
  });

  override disconnectedCallback(): void {
    this.ownPort?.close();
    this.ownPort = null;
    super.disconnectedCallback();
  }

  /** the trial on screen, for tests that compare it with the command line's */
  get trace() {
    return this.shown?.watched.trace ?? null;
  }

  private tracePort(): TracePort {
    if (this.port) return this.port;
    this.ownPort ??= new WorkerTracePort();
    return this.ownPort;
  }

  protected override render(): TemplateResult {
    const scenario = this.store?.scenario ?? null;
    return html`<section class="watch-trial" aria-labelledby="watch-title">
      <h2 id="watch-title">Watch one trial</h2>
      <p class="watch-intro">
        One of the simulated trials, patient by patient: who is screened, what the assay says (and gets wrong), who is
        randomised to which arm, the outcomes as they come in, each analysis and the closed test. It is the
        simulation’s own replicate, drawn from the same seed; <code>npx stratum trace</code> prints the same trial.
      </p>
      ${scenario ? this.picker(scenario) : html`<p class="muted">A valid scenario is needed to watch its trials.</p>`}
      ${this.status(scenario)}
      <trial-player .trace=${this.shown?.watched.trace ?? null} .steps=${this.shown?.steps ?? []}></trial-player>
    </section>`;
  }

  private picker(scenario: Scenario): TemplateResult {
    const design = this.design(scenario);
    const early = hasInterim(scenario.designs[design]);
    const invalid = this.replicateError !== '';
    return html`<form class="watch-pick" @submit=${(event: Event) => {
      event.preventDefault();
      this.watch(scenario);
    }}>
      <div class="field">
        <label for="watch-design">Design</label>
        <select id="watch-design" @change=${(event: Event) => {
          this.designId = (event.target as HTMLSelectElement).value;
        }}>
          ${scenario.designs.map(
            (d, i) => html`<option value=${d.id} ?selected=${i === design}>${d.label || d.id}</option>`,
          )}
        </select>
      </div>
      <fieldset class="watch-which">
        <legend>Which trial</legend>
        ${WHICH.map(
          ([value, label]) => html`<label><input type="radio" name="watch-which" value=${value}
            .checked=${this.which === value} ?disabled=${value === 'early' && !early}
            @change=${() => {
              this.which = value;
            }} /> ${label}${value === 'early' && !early ? html` <span class="muted">(no interim)</span>` : nothing}
            </label>`,
        )}
        <div class="field ${invalid ? 'invalid' : ''}">
          <label for="watch-replicate">Replicate
            <span class="unit">(1 to ${scenario.simulation.replicates})</span></label>
          <input id="watch-replicate" type="text" inputmode="numeric" autocomplete="off" .value=${this.replicateText}
            aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${invalid ? 'watch-replicate-error' : nothing}
            @focus=${() => {
              this.which = 'number';
            }}
            @change=${(event: Event) => {
              this.replicateText = (event.target as HTMLInputElement).value;
              this.which = 'number';
              this.replicateError = this.problem(scenario);
            }} />
          ${
            invalid
              ? html`<small id="watch-replicate-error" class="error" role="alert">${this.replicateError}</small>`
              : nothing
          }
        </div>
      </fieldset>
      <button type="submit" class="primary">Watch</button>
    </form>`;
  }

  private status(scenario: Scenario | null): TemplateResult {
    const running = this.task.status === TaskStatus.PENDING;
    const failed =
      this.task.status === TaskStatus.ERROR && !(this.task.error instanceof Cancelled)
        ? String((this.task.error as Error)?.message ?? this.task.error)
        : '';
    const shown = this.shown;
    const stale = shown !== null && scenario !== null && shown.query !== encodeScenarioQuery(scenario);
    const text = running
      ? this.which === 'number'
        ? 'Tracing the trial…'
        : 'Looking through the first replicates for one…'
      : failed
        ? `This trial cannot be traced: ${failed}`
        : shown && shown.watched.found?.replicate === null
          ? `No such trial: ${shown.watched.found.why}.`
          : stale
            ? 'The scenario has changed since this trial was traced: Watch traces it anew.'
            : '';
    return html`<p class="watch-status" role="status">${text}</p>`;
  }

  /** the index of the design picked: the one named, else the first */
  private design(scenario: Scenario): number {
    return Math.max(
      0,
      scenario.designs.findIndex((d) => d.id === this.designId),
    );
  }

  private problem(scenario: Scenario): string {
    const text = this.replicateText.trim();
    const replicate = /^\d+$/.test(text) ? Number(text) : Number.NaN;
    const problem = replicateProblem(scenario, replicate);
    return problem ? `Replicate ${problem.replace(/got .*$/, `got “${text}”`)}` : '';
  }

  private watch(scenario: Scenario): void {
    let pick: TracePick;
    if (this.which === 'number') {
      this.replicateError = this.problem(scenario);
      // out of range: marked at the field, the trial on screen stays as it is
      if (this.replicateError) return;
      pick = { replicate: Number(this.replicateText.trim()) };
    } else {
      this.replicateError = '';
      pick = { kind: this.which };
    }
    void this.task.run([scenario, this.design(scenario), pick]);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'watch-trial': WatchTrial;
  }
}
