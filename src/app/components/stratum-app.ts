// The page: header with sharing, the scenario and designs on the left, run, results and charts
// on the right. Keeps the address bar's query string equal to the current valid scenario, and
// runs it on opening, or asks first when it is large (opening-run.ts).
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { size } from '../format.js';
import { keepForOffline } from '../offline.js';
import { runsUnasked, trialsToSimulate } from '../opening-run.js';
import { store } from '../store.js';
import { StoreElement } from './store-element.js';
import './chart-panel.js';
import './code-panel.js';
import './design-cards.js';
import './results-table.js';
import './run-panel.js';
import './scenario-panel.js';
import './share-panel.js';

@customElement('stratum-app')
export class StratumApp extends StoreElement {
  /** the scenario opened is too large to run unasked, and the question is still open */
  @state() private asking = false;

  override connectedCallback(): void {
    super.connectedCallback();
    store.addEventListener('scenario', (event) => {
      const query = (event as CustomEvent<string>).detail;
      if (location.search !== query) history.replaceState(null, '', location.pathname + query + location.hash);
    });
    store.start(location.search);
    const opened = store.valid ? store.scenario : null;
    this.asking = opened !== null && !runsUnasked(opened);
    const first = opened && !this.asking ? store.simulate() : Promise.resolve();
    // the offline copy downloads every file: only after the first results and charts, not beside them
    void first.finally(keepForOffline);
  }

  protected override render(): TemplateResult {
    return html`<header>
        <div class="brand"><h1>Stratum</h1><p>Plan trials around a biomarker: enriched, all-comers, stratified and
          adaptive-enrichment designs, compared by simulation.</p></div>
        <share-panel></share-panel>
      </header>
      ${
        store.notice
          ? html`<div class="notice" role="alert"><p>${store.notice}</p><button type="button" @click=${() => {
              store.notice = '';
              this.requestUpdate();
            }}>Dismiss</button></div>`
          : nothing
      }
      ${this.asking && store.run.status === 'idle' && store.scenario ? this.askToRun() : nothing}
      <main>
        <section class="inputs" aria-label="Scenario and designs">
          <scenario-panel></scenario-panel>
          <design-cards></design-cards>
        </section>
        <section class="outputs" aria-label="Run and results">
          <h2>Results</h2>
          <run-panel></run-panel>
          <results-table></results-table>
          <chart-panel></chart-panel>
          <code-panel></code-panel>
        </section>
      </main>`;
  }

  /** the question a large scenario waits on: the page's own prompt, so the page stays usable meanwhile */
  private askToRun(): TemplateResult {
    const scenario = store.scenario!;
    const { replicates } = scenario.simulation;
    const designs = scenario.designs.length;
    const answer = (run: boolean) => {
      this.asking = false;
      if (run) void store.simulate();
    };
    return html`<div class="notice ask" role="alert">
      <p>This scenario simulates ${size(trialsToSimulate(scenario))} trials (${size(replicates)} replicates of
        ${designs} design${designs === 1 ? '' : 's'}), which may take a long time here, so it has not started
        by itself. Run it now?</p>
      <span class="answers">
        <button type="button" class="primary" @click=${() => answer(true)}>Run</button>
        <button type="button" @click=${() => answer(false)}>Not now</button>
      </span>
    </div>`;
  }
}
