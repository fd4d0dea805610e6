// The design map on request: every design solved at 36 points, the winner by the target hypothesis,
// with a progress bar while it runs; each cell is a button that loads its point into the scenario.
// One marker's points are prevalence × effect−; several populations' a subgroup's share × another's
// effect (share-subgroup.ts), over the engine's map of two sweep parameters.
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { DesignMap, ParameterMap } from '../../engine/planning/design-map.js';
import type { Scenario } from '../../engine/scenario/types.js';
import { MAP_PREVALENCES, MAP_RATIOS } from '../chart-data.js';
import { hypothesisText } from '../charts/hypothesis.js';
import { type AxisWords, mapChart } from '../charts/map-chart.js';
import { fileStem } from '../export.js';
import { parameterWords } from '../parameter-words.js';
import { chartFigure } from './chart-figure.js';
import { StoreElement } from './store-element.js';

const POINTS = MAP_PREVALENCES.length * MAP_RATIOS.length;

@customElement('map-panel')
export class MapPanel extends StoreElement {
  /** the pixel width the chart is laid out for */
  @property({ type: Number }) width = 560;
  @state() private by: 'randomized' | 'cost' = 'randomized';

  protected override render(): TemplateResult {
    const { store } = this;
    const { tasks } = store;
    const shown = tasks.shown;
    if (!shown) return html``;
    const drawn = tasks.map;
    const current = store.isCurrent(drawn);
    const { scenario } = shown;
    const running = tasks.mapWork === 'running';
    const chart = drawn
      ? mapChart(
          drawn.value,
          scenario.designs.map((d) => d.id),
          Object.fromEntries(scenario.designs.map((d) => [d.id, d.label || d.id])),
          {
            id: 'design-map',
            title:
              this.by === 'cost'
                ? 'Least costly design at the target power'
                : 'Design needing the fewest randomised patients',
            description:
              `${pointsText(drawn.value, scenario)}, the design that reaches ` +
              `${Math.round(100 * drawn.target.power)}% power for ${hypothesisText(drawn.target.hypothesis)} with ` +
              'the fewest randomised patients or at the least cost; ties are shown split. Each cell is a button ' +
              'that loads its point into the scenario.',
            by: this.by,
            width: this.width,
            onPick: (x, y) => store.loadMapPoint(x, y),
            ...('axes' in drawn.value ? { axes: axesWords(drawn.value, scenario) } : {}),
          },
        )
      : html`<p class="muted placeholder">${
          running
            ? `Computing the map: ${POINTS} points, every design solved at each…`
            : tasks.mapWork === 'failed'
              ? tasks.failure('map')
              : `The map solves every design at ${POINTS} points; it takes a while.`
        }</p>`;
    const { done, total } = tasks.mapProgress;
    return chartFigure(
      this,
      'design-map',
      `${fileStem(scenario.title)}-design-map`,
      html`${
        drawn && !current
          ? html`<p class="stale" role="status">Out of date: this map is of an earlier scenario
          or target.</p>`
          : nothing
      }<div class=${drawn && !current ? 'dimmed' : ''}>${chart}</div>`,
      html`${
        running
          ? html`<progress max=${Math.max(1, total)} value=${done} aria-label="Design map progress"></progress>
              <span class="muted" role="status">${done} of ${total} points</span>`
          : nothing
      }
        <button type="button" ?disabled=${running || tasks.run === 'running' || !store.current}
          @click=${() => store.drawMap()}>Compute design map</button>
        <label for="map-by">Winner by</label>
        <select id="map-by" @change=${(event: Event) => {
          this.by = (event.target as HTMLSelectElement).value as 'randomized' | 'cost';
        }}>
          <option value="randomized">fewest randomised</option><option value="cost">least cost</option>
        </select>
        ${drawn ? html`<span class="muted">Click a cell, or Enter on it, to load it.</span>` : nothing}
        ${drawn && 'axes' in drawn.value ? html`<p class="muted">${axesHelp(drawn.value)}</p>` : nothing}`,
    );
  }
}

/** what the map's points are, for its description */
function pointsText(map: DesignMap | ParameterMap, scenario: Scenario): string {
  if (!('axes' in map))
    return 'For each prevalence and marker-negative effect (as a share of the marker-positive effect)';
  const [share, effect] = axesWords(map, scenario);
  return (
    `For each ${share.label} (the other subgroups keeping their proportions) and ${effect.label} (from none ` +
    'to the effect where the share varies)'
  );
}

/** which subgroups the map varies, from its parameters (share-subgroup.ts chose them) */
function axesHelp(map: ParameterMap): string {
  const [share, effect] = map.axes.map((axis) => axis.parameter.replace(/^subgroups\.|\.share$|^effect\./g, ''));
  return (
    `Across, the share of ${share} (chosen above the share curve); up, the effect in ${effect}, from none to ` +
    `the effect in ${share}.`
  );
}

function axesWords(map: ParameterMap, scenario: Scenario): [AxisWords, AxisWords] {
  const [across, up] = map.axes;
  return [
    parameterWords(across.parameter, scenario.endpoint.type),
    parameterWords(up.parameter, scenario.endpoint.type),
  ];
}
