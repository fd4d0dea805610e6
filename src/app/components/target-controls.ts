// The target, chosen once for the power curves, the sizes at the target, the map and the report:
// a power and the hypothesis whose rejection counts as success.
import { html, type TemplateResult } from 'lit';
import { customElement } from 'lit/decorators.js';
import { format } from 'd3';
import { CHART_REPLICATES } from '../chart-data.js';
import { HYPOTHESES, type Hypothesis } from '../../engine/planning/solve.js';
import { POWER_RANGE } from '../target-hash.js';
import { StoreElement } from './store-element.js';

const NAMES: Record<Hypothesis, string> = {
  any: 'any hypothesis',
  S: 'H_S (assay-positive)',
  F: 'H_F (everyone)',
  both: 'both H_S and H_F',
};

@customElement('target-controls')
export class TargetControls extends StoreElement {
  protected override render(): TemplateResult {
    const { store } = this;
    const { target } = store;
    const replicates = Math.min(store.tasks.shown?.scenario.simulation.replicates ?? 0, CHART_REPLICATES);
    return html`<div class="pair target">
      <div class="field">
        <label for="target-power">Target power</label>
        <input id="target-power" type="number" min=${POWER_RANGE.min} max=${POWER_RANGE.max} step="0.05"
          .value=${String(target.power)} aria-describedby="target-power-help"
          @change=${(event: Event) => {
            const value = Number((event.target as HTMLInputElement).value);
            if (value >= POWER_RANGE.min && value <= POWER_RANGE.max)
              store.setTarget({ ...store.target, power: value });
            else (event.target as HTMLInputElement).value = String(store.target.power);
          }} />
        <small class="help" id="target-power-help">${POWER_RANGE.min} to ${POWER_RANGE.max}; curves use
          ${format(',')(replicates)} trials per point.</small>
      </div>
      <div class="field">
        <label for="target-hypothesis">Target hypothesis</label>
        <select id="target-hypothesis" aria-describedby="target-hypothesis-help" @change=${(event: Event) =>
          store.setTarget({ ...store.target, hypothesis: (event.target as HTMLSelectElement).value as Hypothesis })}>
          ${HYPOTHESES.map((h) => html`<option value=${h} ?selected=${h === target.hypothesis}>${NAMES[h]}</option>`)}
        </select>
        <small class="help" id="target-hypothesis-help">What counts as success for the curves, the sizes at the
          target, the map and the report.</small>
      </div>
    </div>`;
  }
}
