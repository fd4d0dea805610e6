// Run and Cancel, the progress bar with the time left, and what the run is doing.
import { html, nothing, type TemplateResult } from 'lit';
import { customElement } from 'lit/decorators.js';
import { duration } from '../format.js';
import { store } from '../store.js';
import { StoreElement } from './store-element.js';

@customElement('run-panel')
export class RunPanel extends StoreElement {
  protected override render(): TemplateResult {
    const run = store.run;
    const running = run.status === 'running';
    const busy = running || store.charts.status === 'running' || store.charts.mapStatus === 'running';
    const left = running && run.done > 0 ? (run.elapsedMs / run.done) * (run.total - run.done) : undefined;
    return html`<div class="run">
      <button
        type="button"
        class="primary"
        ?disabled=${!store.valid || running}
        @click=${() => void store.simulate()}
      >Run</button>
      <button type="button" ?disabled=${!busy} @click=${() => store.cancel()}>Cancel</button>
      <progress max=${Math.max(1, run.total)} value=${run.done} aria-label="Simulation progress"></progress>
      <span class="status" role="status" aria-live="polite">${this.statusText(left)}</span>
    </div>
    ${
      !store.valid
        ? html`<p class="error">The scenario has ${store.errors.length} problem${
            store.errors.length === 1 ? '' : 's'
          }, marked at the fields; nothing runs until they are fixed.</p>`
        : nothing
    }`;
  }

  private statusText(left: number | undefined): string {
    const run = store.run;
    if (run.status === 'running')
      return `Simulating… ${run.done} of ${run.total || '…'} blocks${
        left !== undefined ? `, about ${duration(left)} left` : ''
      }`;
    if (run.status === 'done') {
      const charts = store.charts;
      const chartText =
        charts.status === 'running'
          ? ` Charts: ${charts.step}…`
          : charts.status === 'failed'
            ? ` Charts: ${charts.message}`
            : '';
      return `Done in ${duration(run.elapsedMs)}.${chartText}`;
    }
    if (run.status === 'cancelled') return 'Cancelled; the results so far are kept.';
    if (run.status === 'failed') return `The run failed: ${run.message}`;
    return '';
  }
}
