// The charts that follow a run: power against size and against prevalence (with several populations,
// against a subgroup's share, the subgroup chosen here), cost and duration at the target, and the
// expected patient flow. Their data come from the store; the drawing functions in ../charts turn data
// into SVG laid out for the width the page gives them. Charts of an earlier scenario or target stay,
// dimmed and labelled, until their successors are drawn.
import { patientFlow } from '../../engine/patient-flow.js';
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { format } from 'd3';
import { survivalCurves } from '../../engine/planning/survival-curves.js';
import type { Solution } from '../../engine/planning/solve.js';
import { targetHypotheses } from '../../engine/planning/target-hypotheses.js';
import { isMarkerPopulation, type Scenario, type SubgroupPopulation } from '../../engine/scenario/types.js';
import type { ChartData, Curves } from '../chart-data.js';
import type { Shown } from '../state/tasks.js';
import { flowChart } from '../charts/flow-chart.js';
import { hypothesisText } from '../charts/hypothesis.js';
import { lineChart } from '../charts/line-chart.js';
import { listText } from '../charts/map-chart.js';
import { survivalChart } from '../charts/survival-chart.js';
import { targetChart } from '../charts/target-chart.js';
import { fileStem } from '../export.js';
import { shareSubgroupOf } from '../share-subgroup.js';
import { chartFigure } from './chart-figure.js';
import { ChartWidth } from './chart-width.js';
import { StoreElement } from './store-element.js';
import './map-panel.js';
import './target-controls.js';

@customElement('chart-panel')
export class ChartPanel extends StoreElement {
  @state() private flowDesign = 0;
  /** the curves show the target hypothesis alone, or each hypothesis the designs test */
  @state() private eachHypothesis = false;
  private readonly size = new ChartWidth(this, '.chart-body');

  protected override render(): TemplateResult {
    const { store } = this;
    const { tasks } = store;
    const shown = tasks.shown;
    if (!shown) return html``;
    const drawn = tasks.charts;
    const data = drawn?.value;
    const current = store.isCurrent(drawn);
    const complete = data?.bySize && (data.byPrevalence || data.byShare) && data.atTarget;
    return html`<h2>Charts</h2>
      <target-controls></target-controls>
      ${data && !current ? this.staleNote() : nothing}
      ${data && current && !complete && tasks.chartWork === 'cancelled' ? this.partialNote() : nothing}
      <div class="charts ${data && !current ? 'dimmed' : ''}">
        ${this.curves(shown.scenario, data)}
        ${data?.atTarget ? this.atTarget(data, data.atTarget) : this.waiting()}
        ${this.flow(shown)}
        ${this.survival(shown)}
      </div>
      <div class="charts"><map-panel .width=${this.size.width}></map-panel></div>`;
  }

  private staleNote(): TemplateResult {
    // charts under way are of the results shown; once the scenario is edited they are out of date too
    const running = this.store.current && this.store.tasks.chartWork === 'running';
    return html`<p class="stale" role="status">${
      running
        ? 'Updating: these charts are of the previous run.'
        : 'Out of date: these charts are of an earlier scenario or target. Run to update them.'
    }</p>`;
  }

  private partialNote(): TemplateResult {
    return html`<p class="stale" role="status">Partial charts: they were cancelled before every chart was drawn;
      Run to draw them all.</p>`;
  }

  private waiting(): TemplateResult {
    const { tasks } = this.store;
    const text =
      tasks.chartWork === 'running'
        ? `Computing ${tasks.chartStep}…`
        : tasks.chartWork === 'failed'
          ? tasks.failure('charts')
          : tasks.chartWork === 'cancelled'
            ? 'Cancelled before this chart was drawn.'
            : 'Appears after the run.';
    return html`<p class="muted placeholder">${text}</p>`;
  }

  private curves(scenario: Scenario, data: ChartData | undefined): TemplateResult[] {
    const target = data?.target ?? this.store.target;
    const stem = fileStem(scenario.title);
    // each hypothesis: each population's and F's, one marker's H_S and H_F
    const each = targetHypotheses(scenario).filter((h) => h !== 'both' && h !== 'any');
    const hypotheses = this.eachHypothesis ? each : [target.hypothesis];
    const what = this.eachHypothesis ? `${listText(each.map(hypothesisText))} each` : hypothesisText(target.hypothesis);
    const toggle = html`<label><input type="checkbox" .checked=${this.eachHypothesis} @change=${(event: Event) => {
      this.eachHypothesis = (event.target as HTMLInputElement).checked;
    }} /> each hypothesis</label>`;
    const bySize = data?.bySize;
    return [
      bySize
        ? chartFigure(
            this,
            'power-size',
            `${stem}-power-vs-size`,
            lineChart(bySize, {
              id: 'power-size',
              title: 'Power against sample size',
              description:
                `Probability of rejecting ${what} against the number of ${bySize.unit}, one line per design, ` +
                'with 95% Monte Carlo bands and the target power as a dashed line.',
              xLabel: bySize.unit,
              xFormat: format(',d'),
              target: target.power,
              hypotheses,
              width: this.size.width,
            }),
            toggle,
          )
        : this.waiting(),
      isMarkerPopulation(scenario.population)
        ? this.byPrevalence(data?.byPrevalence, stem, what, hypotheses)
        : this.byShare(scenario.population, data, stem, what, hypotheses),
    ];
  }

  private byPrevalence(
    byPrevalence: Curves | undefined,
    stem: string,
    what: string,
    hypotheses: string[],
  ): TemplateResult {
    if (!byPrevalence) return this.waiting();
    return chartFigure(
      this,
      'power-prevalence',
      `${stem}-power-vs-prevalence`,
      lineChart(byPrevalence, {
        id: 'power-prevalence',
        title: 'Power against prevalence',
        description:
          `Probability of rejecting ${what} as the share of marker-positive patients varies, at the ` +
          "planned sizes, with this scenario's prevalence marked: where enrichment wins.",
        xLabel: 'prevalence of marker+',
        xFormat: format('.0%'),
        hypotheses,
        width: this.size.width,
      }),
    );
  }

  /** several populations: power against the share of the subgroup chosen in its select */
  private byShare(
    population: SubgroupPopulation,
    data: ChartData | undefined,
    stem: string,
    what: string,
    hypotheses: string[],
  ): TemplateResult {
    const { store } = this;
    const chosen = shareSubgroupOf(population, store.shareSubgroup);
    const byShare = data?.byShare;
    const select = html`<label for="share-subgroup">Share of</label>
      <select id="share-subgroup" aria-describedby="share-subgroup-help" @change=${(event: Event) =>
        store.setShareSubgroup((event.target as HTMLSelectElement).value)}>
        ${population.subgroups.map(({ id }) => html`<option value=${id} ?selected=${id === chosen}>${id}</option>`)}
      </select>
      <small class="help" id="share-subgroup-help">The other subgroups keep their proportions. By default the
        first subgroup of the smallest population; the design map varies the same share.</small>`;
    const body = byShare
      ? lineChart(byShare, {
          id: 'power-share',
          title: `Power against the share of ${byShare.subgroup}`,
          description:
            `Probability of rejecting ${what} as subgroup ${byShare.subgroup}'s share of those screened varies, ` +
            "the other subgroups keeping their proportions, at the planned sizes, with this scenario's share " +
            'marked: where enrichment wins.',
          xLabel: `share of ${byShare.subgroup}`,
          xFormat: format('.0%'),
          hypotheses,
          width: this.size.width,
        })
      : this.waiting();
    return chartFigure(this, 'power-share', `${stem}-power-vs-share`, body, select);
  }

  private atTarget({ labels, target }: ChartData, atTarget: Solution[]): TemplateResult {
    const stem = fileStem(this.store.tasks.shown?.scenario.title ?? '');
    return chartFigure(
      this,
      'at-target',
      `${stem}-cost-duration`,
      targetChart(atTarget, labels, {
        id: 'at-target',
        title: 'Cost and duration at the target power',
        description:
          'Expected cost and months of each design at the smallest size reaching ' +
          `${format('.0%')(target.power)} power for ${hypothesisText(target.hypothesis)}.`,
        target: target.power,
        hypothesis: target.hypothesis,
        width: this.size.width,
      }),
    );
  }

  /** survival: the expected curves of each status and arm, over the trial's expected follow-up */
  private survival({ scenario, results }: Shown): TemplateResult | typeof nothing {
    const endpoint = scenario.endpoint;
    if (endpoint.type !== 'survival') return nothing;
    const longest = Math.max(...results.map((result) => result.expected.months));
    const last = Math.min(240, Math.max(24, 6 * Math.ceil(longest / 6)));
    const months = Array.from({ length: 49 }, (_, i) => (last * i) / 48);
    const population = scenario.population;
    const statuses = isMarkerPopulation(population) ? undefined : population.subgroups.map((subgroup) => subgroup.id);
    const oneMarker = statuses === undefined;
    return chartFigure(
      this,
      'survival',
      `${fileStem(scenario.title)}-survival-curves`,
      survivalChart(survivalCurves(endpoint, months, statuses), {
        id: 'survival',
        title: `Expected survival by ${oneMarker ? 'marker status' : 'subgroup'} and arm`,
        description:
          'The event-time laws the scenario assumes, S(t) from randomisation, without dropout: a colour per true ' +
          `${oneMarker ? 'marker status' : 'subgroup'}, control dashed.`,
        width: this.size.width,
      }),
    );
  }

  private flow({ scenario, results }: Shown): TemplateResult {
    const index = Math.min(this.flowDesign, results.length - 1);
    const result = results[index];
    return chartFigure(
      this,
      'flow',
      `${fileStem(scenario.title)}-patient-flow`,
      flowChart(patientFlow(scenario, result), {
        id: 'flow',
        title: `Expected patient flow: ${result.label || result.id}`,
        description:
          'Expected numbers screened, in each subgroup as the assay classifies them, randomised per arm and analysed.',
        width: this.size.width,
      }),
      html`<label for="flow-design">Design</label>
        <select id="flow-design" @change=${(event: Event) => {
          this.flowDesign = Number((event.target as HTMLSelectElement).value);
        }}>
          ${results.map((r, i) => html`<option value=${i} ?selected=${i === index}>${r.label || r.id}</option>`)}
        </select>`,
    );
  }
}
