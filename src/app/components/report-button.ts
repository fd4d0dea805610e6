// The Report button: the protocol's report of the current scenario, computed in the page by the
// same functions as `stratum report` (src/report/) on a pool of workers of its own, and downloaded
// as one self-contained HTML file. Its share link is the page's own address.
import { html, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { buildReport } from '../../report/build-report.js';
import { renderHtml } from '../../report/render-html.js';
import { computeReport } from '../../report/report-data.js';
import { STRATUM_VERSION } from '../../report/version.js';
import { download, fileStem } from '../export.js';
import { UrlSync } from '../state/url-sync.js';
import { WorkerPool } from '../worker-pool.js';
import { StoreElement } from './store-element.js';

@customElement('report-button')
export class ReportButton extends StoreElement {
  /** what the report is computing now; empty when it is not being built */
  @state() private step = '';
  @state() private message = '';
  /** started on the first report, so that opening the page starts no more workers than before */
  private pool: WorkerPool | undefined;

  protected override render(): TemplateResult {
    const building = this.step !== '';
    const status = building ? `Report: ${this.step}…` : this.message;
    return html`<button type="button" ?disabled=${!this.store.valid || building}
        @click=${() => void this.build()}>Report</button>
      <span class="report-message" role="status" aria-live="polite">${status}</span>`;
  }

  private async build(): Promise<void> {
    const { store } = this;
    const scenario = store.scenario;
    if (!store.valid || !scenario) return;
    this.pool ??= new WorkerPool();
    const pool = this.pool;
    this.message = '';
    this.step = 'starting';
    try {
      const data = await computeReport(
        scenario,
        store.target,
        (single) => pool.simulate(single),
        (step) => {
          this.step = step;
        },
      );
      const date = new Date().toISOString().slice(0, 10);
      const report = buildReport(data, { date, version: STRATUM_VERSION, link: UrlSync.link(store) });
      download(`${fileStem(scenario.title)}-report.html`, 'text/html', renderHtml(report));
      this.message = 'Report downloaded.';
    } catch (error) {
      this.message = `The report could not be made: ${(error as Error).message}`;
    } finally {
      this.step = '';
    }
  }
}
