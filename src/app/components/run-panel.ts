// The run bar: Run and Cancel, the progress bar with the time left, and what the page is doing;
// it says whether the results shown are those of the scenario as it now stands.
import { html, nothing, type TemplateResult } from 'lit';
import { customElement } from 'lit/decorators.js';
import { duration } from '../format.js';
import { StoreElement } from './store-element.js';

@customElement('run-panel')
export class RunPanel extends StoreElement {
  protected override render(): TemplateResult {
    const { store } = this;
    const { tasks } = store;
    const running = tasks.run === 'running';
    const { done, total, elapsedMs } = tasks.progress;
    return html`<div class="run" role="group" aria-label="Run the simulation">
      <button type="button" class="primary" ?disabled=${!store.valid || running} @click=${() => store.simulate()}
        >Run</button>
      <button type="button" ?disabled=${!tasks.busy} @click=${() => store.cancel()}>Cancel</button>
      <progress max=${Math.max(1, total)} value=${done} aria-label="Simulation progress"></progress>
      <span class="status" role="status" aria-live="polite">${this.statusText(running, done, total, elapsedMs)}</span>
    </div>
    ${
      !store.valid
        ? html`<p class="error">The scenario has ${store.errors.length} problem${
            store.errors.length === 1 ? '' : 's'
          }, marked at the fields; nothing runs until they are fixed.</p>`
        : nothing
    }`;
  }

  private statusText(running: boolean, done: number, total: number, elapsedMs: number): string {
    const { tasks } = this.store;
    if (running) {
      const left = done > 0 ? (elapsedMs / done) * (total - done) : undefined;
      const phase = 2 * done > total || (2 * done === total && done > 0) ? 'under no effect, for the type I error' : '';
      return `Simulating${phase ? ` ${phase}` : ''}… ${done} of ${total || '…'} blocks${
        left !== undefined ? `, about ${duration(left)} left` : ''
      }`;
    }
    if (tasks.run === 'cancelled') return 'Cancelled; the results so far are kept, marked partial.';
    if (tasks.run === 'failed') return `The run failed: ${tasks.failure('run')}`;
    if (tasks.run !== 'done') return '';
    const charts =
      tasks.chartWork === 'running'
        ? ` Charts: ${tasks.chartStep}…`
        : tasks.chartWork === 'failed'
          ? ` Charts: ${tasks.failure('charts')}`
          : tasks.chartWork === 'cancelled'
            ? ' Charts cancelled.'
            : '';
    return `Done in ${duration(elapsedMs)}.${charts}`;
  }
}
