// The target, chosen once for the power curves, the sizes at the target, the map, the R code and the
// report: a power and the hypothesis whose rejection counts as success: with one marker H_S, H_F, both or
// any; with several populations a population's (named with its subgroups), H_F or any.
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { format } from 'd3';
import { CHART_REPLICATES } from '../chart-data.js';
import { HYPOTHESES, type Hypothesis } from '../../engine/planning/solve.js';
import { targetHypotheses } from '../../engine/planning/target-hypotheses.js';
import { isMarkerPopulation, type Scenario } from '../../engine/scenario/types.js';
import { POWER_RANGE } from '../target-hash.js';
import { StoreElement } from './store-element.js';

const NAMES: Record<Hypothesis, string> = {
  any: 'any hypothesis',
  S: 'H_S (assay-positive)',
  F: 'H_F (everyone)',
  both: 'both H_S and H_F',
};

/** an option's words: one marker's above; with several populations a population's id and its subgroups */
function optionName(scenario: Scenario | null, hypothesis: string): string {
  const population = scenario?.population;
  if (!population || isMarkerPopulation(population) || hypothesis in NAMES) return NAMES[hypothesis as Hypothesis];
  const subgroups = population.populations.find((entry) => entry.id === hypothesis)?.subgroups ?? [];
  return `H_${hypothesis} (${subgroups.join(', ')})`;
}

@customElement('target-controls')
export class TargetControls extends StoreElement {
  /** what was typed into the power field when it is not a power the page takes; the target stays */
  @state() private wrongPower = '';

  protected override render(): TemplateResult {
    const { store } = this;
    const { target, scenario } = store;
    // the last valid scenario's: an invalid draft keeps its predecessor's hypotheses
    const hypotheses = scenario ? targetHypotheses(scenario) : HYPOTHESES;
    const replicates = Math.min(store.tasks.shown?.scenario.simulation.replicates ?? 0, CHART_REPLICATES);
    const wrong = `must be a number from ${POWER_RANGE.min} to ${POWER_RANGE.max}; the target stays ${target.power}`;
    return html`<div class="pair target">
      <div class="field">
        <label for="target-power">Target power</label>
        <input id="target-power" type="text" inputmode="decimal" autocomplete="off"
          .value=${this.wrongPower || String(target.power)} aria-invalid=${this.wrongPower ? 'true' : 'false'}
          aria-describedby="target-power-help${this.wrongPower ? ' target-power-error' : ''}"
          @change=${(event: Event) => {
            const text = (event.target as HTMLInputElement).value.trim();
            const value = Number(text);
            const fits = text !== '' && value >= POWER_RANGE.min && value <= POWER_RANGE.max;
            this.wrongPower = fits ? '' : text || ' ';
            if (fits) store.setTarget({ ...store.target, power: value });
          }} />
        <small class="help" id="target-power-help">${POWER_RANGE.min} to ${POWER_RANGE.max}; curves use
          ${format(',')(replicates)} trials per point.</small>
        ${this.wrongPower ? html`<small class="error" id="target-power-error" role="alert">${wrong}</small>` : nothing}
      </div>
      <div class="field">
        <label for="target-hypothesis">Target hypothesis</label>
        <select id="target-hypothesis" aria-describedby="target-hypothesis-help" @change=${(event: Event) =>
          store.setTarget({ ...store.target, hypothesis: (event.target as HTMLSelectElement).value })}>
          ${hypotheses.map(
            (h) => html`<option value=${h} ?selected=${h === target.hypothesis}>${optionName(scenario, h)}</option>`,
          )}
        </select>
        <small class="help" id="target-hypothesis-help">What counts as success for the curves, the sizes at the
          target, the map, the R code and the report.</small>
      </div>
    </div>`;
  }
}
