// The page: header with sharing, the run bar and results first, then the scenario and designs. It
// provides the store to every element below it (context), hosts the controllers that keep the
// address bar and this browser's storage on the store, and runs the scenario it opens with, or
// asks first when it is large (opening-run.ts).
import { provide } from '@lit/context';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { size } from '../format.js';
import { keepForOffline } from '../offline.js';
import { runsUnasked, trialsToSimulate } from '../opening-run.js';
import { Persistence } from '../state/persistence.js';
import { storeContext } from '../state/store-context.js';
import { Store } from '../state/store.js';
import { UrlSync } from '../state/url-sync.js';
import { WorkerPool } from '../worker-pool.js';
import './boundaries-panel.js';
import './chart-panel.js';
import './code-panel.js';
import './design-cards.js';
import './how-to-read.js';
import './results-table.js';
import './run-panel.js';
import './scenario-panel.js';
import './share-panel.js';
import './watch-trial.js';

@customElement('stratum-app')
export class StratumApp extends LitElement {
  @provide({ context: storeContext })
  readonly store = new Store(new WorkerPool());

  /** the scenario opened is too large to run unasked, and the question is still open */
  @state() private asking = false;
  private readonly persistence = new Persistence(this.store);
  private readonly onChange = () => this.requestUpdate();

  constructor() {
    super();
    this.addController(this.persistence);
    this.addController(new UrlSync(this.store));
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.store.addEventListener('change', this.onChange);
    this.persistence.open();
    const opened = this.store.valid ? this.store.scenario : null;
    this.asking = opened !== null && !runsUnasked(opened);
    if (opened && !this.asking) this.store.simulate();
    // the offline copy downloads every file: only after the first results, not beside them
    void this.firstRunEnded().then(keepForOffline);
  }

  override disconnectedCallback(): void {
    this.store.removeEventListener('change', this.onChange);
    super.disconnectedCallback();
  }

  private firstRunEnded(): Promise<void> {
    return new Promise((resolve) => {
      const check = () => {
        if (this.store.tasks.busy) return;
        this.store.removeEventListener('change', check);
        resolve();
      };
      this.store.addEventListener('change', check);
      queueMicrotask(check);
    });
  }

  protected override render(): TemplateResult {
    const store = this.store;
    return html`<header>
        <div class="brand"><h1>Stratum</h1><p>Plan trials around a biomarker: enriched, all-comers, stratified and
          adaptive-enrichment designs, compared by simulation.</p></div>
        <run-panel></run-panel>
      </header>
      <div class="toolbar" role="region" aria-label="Sharing and files"><share-panel></share-panel></div>
      ${
        store.notice
          ? html`<div class="notice" role="alert"><p>${store.notice}</p>
              <button type="button" @click=${() => store.dismissNotice()}>Dismiss</button></div>`
          : nothing
      }
      ${this.asking && store.tasks.run === 'idle' && store.scenario ? this.askToRun() : nothing}
      <main>
        <section class="outputs" aria-label="Run and results">
          <h2>Results</h2>
          <results-table></results-table>
          <boundaries-panel></boundaries-panel>
          <chart-panel></chart-panel>
          <code-panel></code-panel>
          <watch-trial></watch-trial>
          <how-to-read .designTypes=${store.scenario?.designs.map((design) => design.type) ?? []}></how-to-read>
        </section>
        <section class="inputs" aria-label="Scenario and designs">
          <scenario-panel></scenario-panel>
          <design-cards></design-cards>
        </section>
      </main>`;
  }

  /** the question a large scenario waits on: the page's own prompt, so the page stays usable meanwhile */
  private askToRun(): TemplateResult {
    const scenario = this.store.scenario!;
    const { replicates } = scenario.simulation;
    const designs = scenario.designs.length;
    const answer = (run: boolean) => {
      this.asking = false;
      if (run) this.store.simulate();
    };
    return html`<div class="notice ask" role="alert">
      <p>This scenario simulates ${size(trialsToSimulate(scenario))} trials (${size(replicates)} replicates of
        ${designs} design${designs === 1 ? '' : 's'}, each as given and under no effect), which may take a long time
        here, so it has not started
        by itself. Run it now?</p>
      <span class="answers">
        <button type="button" class="primary" @click=${() => answer(true)}>Run</button>
        <button type="button" @click=${() => answer(false)}>Not now</button>
      </span>
    </div>`;
  }
}
