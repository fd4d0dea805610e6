// The page: header with sharing, the scenario and designs on the left, run, results and charts
// on the right. Keeps the address bar's query string equal to the current valid scenario.
import { html, nothing, type TemplateResult } from 'lit';
import { customElement } from 'lit/decorators.js';
import { keepForOffline } from '../offline.js';
import { store } from '../store.js';
import { StoreElement } from './store-element.js';
import './chart-panel.js';
import './design-cards.js';
import './results-table.js';
import './run-panel.js';
import './scenario-panel.js';
import './share-panel.js';

@customElement('stratum-app')
export class StratumApp extends StoreElement {
  override connectedCallback(): void {
    super.connectedCallback();
    store.addEventListener('scenario', (event) => {
      const query = (event as CustomEvent<string>).detail;
      if (location.search !== query) history.replaceState(null, '', location.pathname + query + location.hash);
    });
    store.start(location.search);
    const first = store.valid ? store.simulate() : Promise.resolve();
    // the offline copy downloads every file: only after the first results and charts, not beside them
    void first.finally(keepForOffline);
  }

  protected override render(): TemplateResult {
    return html`<header>
        <div class="brand"><h1>Stratum</h1><p>Plan trials around a biomarker: enriched, all-comers, stratified and adaptive-enrichment designs, compared by simulation.</p></div>
        <share-panel></share-panel>
      </header>
      ${store.notice
        ? html`<div class="notice" role="alert"><p>${store.notice}</p><button type="button" @click=${() => { store.notice = ''; this.requestUpdate(); }}>Dismiss</button></div>`
        : nothing}
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
        </section>
      </main>`;
  }
}
