// The charts, each with its export buttons. Their data come from the store; the
// drawing functions in ../charts turn data into SVG.
import { html, nothing, type SVGTemplateResult, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { format } from 'd3';
import { patientFlow } from '../../engine/patient-flow.js';
import { flowChart } from '../charts/flow-chart.js';
import { lineChart } from '../charts/line-chart.js';
import { mapChart } from '../charts/map-chart.js';
import { targetChart } from '../charts/target-chart.js';
import { download, fileStem, svgText, svgToPng } from '../export.js';
import { store } from '../store.js';
import { StoreElement } from './store-element.js';

@customElement('chart-panel')
export class ChartPanel extends StoreElement {
  @state() private flowDesign = 0;
  @state() private mapBy: 'randomized' | 'cost' = 'randomized';

  protected override render(): TemplateResult {
    const scenario = store.resultsScenario;
    const results = store.results;
    if (!scenario || !results) return html``;
    const data = store.charts.data;
    const flowIndex = Math.min(this.flowDesign, results.length - 1);
    const stem = fileStem(scenario.title);
    const waiting = (what: string) =>
      html`<p class="muted placeholder">${
        store.charts.status === 'running'
          ? `Computing ${what}…`
          : store.charts.status === 'failed'
            ? store.charts.message
            : 'Appears after the run.'
      }</p>`;
    return html`<h2>Charts</h2>
      <div class="field inline">
        <label for="target-power">Target power</label>
        <input id="target-power" type="number" min="0.5" max="0.99" step="0.05" .value=${String(store.target.power)}
          @change=${(event: Event) => {
            const value = Number((event.target as HTMLInputElement).value);
            if (value >= 0.5 && value <= 0.99) store.setTarget(value);
          }} />
        <small class="help">0.5 to 0.99; curves use ${format(',')(
          Math.min(scenario.simulation.replicates, 2000),
        )} trials per point.</small>
      </div>
      <div class="charts">
        ${this.figure(
          'power-size',
          `${stem}-power-vs-size`,
          data
            ? lineChart(data.bySize, {
                id: 'power-size',
                title: 'Power against sample size',
                description:
                  `Probability of rejecting at least one hypothesis against the number of ${data.bySize.unit}, ` +
                  'one line per design, with 95% Monte Carlo bands and the target power as a dashed line.',
                xLabel: data.bySize.unit,
                xFormat: format(',d'),
                target: data.target.power,
              })
            : waiting('power curves'),
        )}
        ${this.figure(
          'power-prevalence',
          `${stem}-power-vs-prevalence`,
          data
            ? lineChart(data.byPrevalence, {
                id: 'power-prevalence',
                title: 'Power against prevalence',
                description:
                  'Probability of rejecting at least one hypothesis as the share of marker-positive patients varies, ' +
                  'at the planned sizes: where enrichment wins.',
                xLabel: 'prevalence of marker+',
                xFormat: format('.0%'),
              })
            : waiting('power against prevalence'),
        )}
        ${this.figure(
          'at-target',
          `${stem}-cost-duration`,
          data
            ? targetChart(data.atTarget, data.labels, {
                id: 'at-target',
                title: 'Cost and duration at the target power',
                description:
                  'Expected cost and months of each design at the smallest size reaching ' +
                  `${format('.0%')(data.target.power)} power.`,
                target: data.target.power,
              })
            : waiting('sizes at the target'),
        )}
        ${this.figure(
          'flow',
          `${stem}-patient-flow`,
          flowChart(patientFlow(scenario, results[flowIndex]), {
            id: 'flow',
            title: `Expected patient flow: ${results[flowIndex].label || results[flowIndex].id}`,
            description: 'Expected numbers screened, assay-positive and -negative, randomised per arm and analysed.',
          }),
          html`<label for="flow-design">Design</label>
          <select
            id="flow-design"
            @change=${(event: Event) => (this.flowDesign = Number((event.target as HTMLSelectElement).value))}
          >
            ${results.map(
              (result, i) =>
                html`<option value=${i} ?selected=${i === flowIndex}>${result.label || result.id}</option>`,
            )}
          </select>`,
        )}
        ${this.figure(
          'design-map',
          `${stem}-design-map`,
          store.charts.map
            ? mapChart(
                store.charts.map,
                scenario.designs.map((d) => d.id),
                Object.fromEntries(scenario.designs.map((d) => [d.id, d.label || d.id])),
                {
                  id: 'design-map',
                  title:
                    this.mapBy === 'cost'
                      ? 'Least costly design at the target power'
                      : 'Design needing the fewest randomised patients',
                  description:
                    'For each prevalence and marker-negative effect (as a share of the marker-positive effect), ' +
                    'the design that reaches the target power with the fewest randomised patients ' +
                    'or at the least cost. Clicking a cell loads that point into the scenario.',
                  by: this.mapBy,
                  onPick: (prevalence, ratio) => store.loadMapPoint(prevalence, ratio),
                },
              )
            : html`<p class="muted placeholder">${
                store.charts.mapStatus === 'running'
                  ? 'Computing the map (36 points, every design solved at each)…'
                  : store.charts.mapStatus === 'failed'
                    ? store.charts.message
                    : 'The map solves every design at 36 points; it takes a while.'
              }</p>`,
          html`
          <button
            type="button"
            ?disabled=${store.charts.mapStatus === 'running' || store.run.status === 'running'}
            @click=${() => void store.drawMap()}
          >Compute design map</button>
          <label for="map-by">Winner by</label>
          <select
            id="map-by"
            @change=${(event: Event) =>
              (this.mapBy = (event.target as HTMLSelectElement).value as 'randomized' | 'cost')}
          >
            <option value="randomized">fewest randomised</option><option value="cost">least cost</option>
          </select>
          ${store.charts.map ? html`<span class="muted">Click a cell to load it.</span>` : nothing}`,
        )}
      </div>`;
  }

  private figure(
    id: string,
    stem: string,
    chart: SVGTemplateResult | TemplateResult,
    controls: TemplateResult | typeof nothing = nothing,
  ): TemplateResult {
    const svgOf = () => this.querySelector<SVGSVGElement>(`#chart-${id} svg`);
    return html`<figure id="chart-${id}" class="chart">
      <div class="chart-body">${chart}</div>
      <figcaption>
        ${controls}
        <button type="button" @click=${() => {
          const el = svgOf();
          if (el) download(`${stem}.svg`, 'image/svg+xml', svgText(el));
        }}>SVG</button>
        <button type="button" @click=${async () => {
          const el = svgOf();
          if (el) download(`${stem}.png`, 'image/png', await svgToPng(el));
        }}>PNG</button>
      </figcaption>
    </figure>`;
  }
}
