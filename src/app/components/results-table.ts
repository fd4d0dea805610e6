// The results: one column per design, P(reject) with ± Monte Carlo error and the closed form
// beside it, the type I error under no effect, selection and early stopping, expected patients,
// months and cost; a caution first when a design's tests rest on few patients per arm. Results
// that are not those of the scenario as it now stands are marked out of date, visibly and for
// screen readers, and partial ones say so.
import { html, nothing, type TemplateResult } from 'lit';
import { customElement } from 'lit/decorators.js';
import type { Analysis, DesignResult } from '../../engine/results.js';
import { layoutOf } from '../../engine/population.js';
import type { Scenario, SubgroupPopulation } from '../../engine/scenario/types.js';
import { FEW_PER_ARM, smallestArms } from '../../engine/small-arms.js';
import * as fmt from '../format.js';
import { termHref, type TermKey } from '../glossary.js';
import { hasSeveralPopulations } from '../one-marker.js';
import type { Shown } from '../state/tasks.js';
import { StoreElement } from './store-element.js';

/** the closed forms take every stratum at its expected size; random strata vary it, costing a little power */
const STRATA_NOTE = ", at each stratum's expected size (random strata vary it, which costs a little power)";

type Row = {
  label: TemplateResult;
  /** the glossary entry the label links to */
  term: TermKey;
  title: string;
  cell: (result: DesignResult, shown: Shown) => TemplateResult | string;
};

/** one line per analysis: month 24.0, 180 events (held by 62 %) */
function analysesCell(analyses: readonly Analysis[]): TemplateResult {
  return html`${analyses.map((analysis, k) => {
    const held = analysis.held < 1 ? ` (held by ${fmt.percent(analysis.held)})` : '';
    const words =
      analysis.months === null || analysis.events === null
        ? 'never held'
        : `month ${fmt.months(analysis.months)}, ${fmt.count(analysis.events)} events${held}`;
    return html`${k > 0 ? html`<br />` : nothing}${words}`;
  })}`;
}

const H_S = html`H<sub>S</sub>`;
const H_F = html`H<sub>F</sub>`;

function rejection(hypothesis: string): Row['cell'] {
  return (result) => {
    const p = (result.reject as Record<string, number | undefined>)[hypothesis];
    if (p === undefined || p === null) return '—';
    const closed = (result.analytic?.reject as Record<string, number | undefined> | undefined)?.[hypothesis];
    const se = (result.mcse as Record<string, number | undefined>)[hypothesis] ?? 0;
    return html`${fmt.probability(p)} <a class="pm" href=${termHref('mcError')} title="Monte Carlo error"
      >± ${fmt.error(se)}</a>${
        closed !== undefined && closed !== null
          ? html` <a class="closed" href=${termHref('closedForm')}
            title="closed form: the same probability computed exactly, without simulation"
            >${fmt.probability(closed)}</a>`
          : nothing
      }`;
  };
}

/** the family-wise error under the global null, flagged above α + 3 MC error */
function typeOneError(result: DesignResult, shown: Shown): TemplateResult | string {
  const block = result.null;
  if (!block) return shown.partial ? 'not yet' : '—';
  const p = block.reject.any;
  const text = html`${fmt.probability(p)} <span class="pm">± ${fmt.error(block.mcse.any)}</span>`;
  return block.flagged
    ? html`<span class="flag" title="above α + 3 MC error (${fmt.probability(block.limit)})"
        >${text} <strong>above α</strong></span>`
    : text;
}

/** P(reject) of each hypothesis and P(continue) in each population: S, F, both and any with one marker */
function populationRows(scenario: Scenario): Row[] {
  if (!hasSeveralPopulations(scenario)) return ONE_MARKER_ROWS;
  const population = scenario.population as SubgroupPopulation;
  const members = (id: string) =>
    id === 'F' ? 'everyone screened' : population.populations.find((p) => p.id === id)?.subgroups.join(', ');
  const ids = layoutOf(population).populationIds;
  const reject = ids.map(
    (id): Row => ({
      label: html`P(reject H<sub>${id}</sub>)`,
      term: id === 'F' ? 'H_F' : 'closedTesting',
      title: `rejecting no benefit in ${id} (${members(id)})`,
      cell: rejection(id),
    }),
  );
  const kept = ids.map(
    (id): Row => ({
      label: html`P(continue in ${id})`,
      term: 'continue',
      title: `stage 2 keeps ${id}`,
      cell: (r) => (r.continue?.[id] !== undefined ? fmt.probability(r.continue[id]) : '—'),
    }),
  );
  return [...reject, ANY_ROW, TYPE_ONE_ERROR_ROW, ...kept];
}

const ANY_ROW: Row = {
  label: html`P(reject any)`,
  term: 'rejectAny',
  title: 'rejecting at least one hypothesis: the power',
  cell: rejection('any'),
};

const TYPE_ONE_ERROR_ROW: Row = {
  label: html`Type I error`,
  term: 'typeOneError',
  title: 'P(reject any) when no patient benefits (the global null), same designs, sizes and seed',
  cell: typeOneError,
};

const ONE_MARKER_ROWS: Row[] = [
  {
    label: html`P(reject ${H_S})`,
    term: 'H_S',
    title: 'rejecting no benefit in the assay-positive population',
    cell: rejection('S'),
  },
  { label: html`P(reject ${H_F})`, term: 'H_F', title: 'rejecting no benefit in everyone', cell: rejection('F') },
  { label: html`P(reject both)`, term: 'rejectBoth', title: `rejecting both hypotheses`, cell: rejection('both') },
  ANY_ROW,
  TYPE_ONE_ERROR_ROW,
  {
    label: html`P(continue in S)`,
    term: 'continue',
    title: 'stage 2 keeps S',
    cell: (r) => (r.continue ? fmt.probability(r.continue.S) : '—'),
  },
  {
    label: html`P(continue in F)`,
    term: 'continue',
    title: 'stage 2 keeps F',
    cell: (r) => (r.continue ? fmt.probability(r.continue.F) : '—'),
  },
];

function rows(scenario: Scenario): Row[] {
  const currency = scenario.trial.currency;
  return [
    ...populationRows(scenario),
    {
      label: html`P(stop early, efficacy)`,
      term: 'earlyEfficacy',
      title: 'the trial stops at an interim with a rejection',
      cell: (r) => (r.earlyStop ? fmt.probability(r.earlyStop.efficacy) : '—'),
    },
    {
      label: html`P(stop early, futility)`,
      term: 'earlyFutility',
      title: 'the trial stops at an interim with no population kept',
      cell: (r) => (r.earlyStop ? fmt.probability(r.earlyStop.futility) : '—'),
    },
    {
      label: html`E[randomised]`,
      term: 'randomized',
      title: 'expected patients randomised',
      cell: (r) => fmt.count(r.expected.randomized),
    },
    {
      label: html`E[screened]`,
      term: 'screened',
      title: 'expected patients screened',
      cell: (r) => fmt.count(r.expected.screened),
    },
    {
      label: html`E[events]`,
      term: 'events',
      title: 'expected events at the analyses',
      cell: (r) => (r.expected.events !== undefined ? fmt.count(r.expected.events) : '—'),
    },
    {
      label: html`Analyses`,
      term: 'analyses',
      title: 'each analysis: its mean month and events, and the share of trials that held it',
      cell: (r) => (r.analyses ? analysesCell(r.analyses) : '—'),
    },
    {
      label: html`E[months]`,
      term: 'months',
      title: 'expected duration in months',
      cell: (r) => fmt.months(r.expected.months),
    },
    { label: html`E[cost]`, term: 'cost', title: 'expected cost', cell: (r) => fmt.money(r.expected.cost, currency) },
  ];
}

@customElement('results-table')
export class ResultsTable extends StoreElement {
  protected override render(): TemplateResult {
    const { store } = this;
    const shown = store.tasks.shown;
    if (!shown) return html`<p class="muted placeholder">Press Run to simulate every design.</p>`;
    const { results, scenario } = shown;
    const all = rows(scenario);
    const used = all.filter((row) => results.some((result) => row.cell(result, shown) !== '—'));
    const stale = !store.current && shown.partial === null;
    return html`${this.state(shown, stale)}${this.caution(shown)}
      <p class="table-note">${this.note(shown)}</p>
      <div class="table-scroll ${stale || shown.partial ? 'dimmed' : ''}" role="region" aria-label="Results by design"
        tabindex="0">
        <table class="results">
          <caption class="visually-hidden">Results by design${stale ? ', out of date' : ''}</caption>
          <thead>
            <tr><th scope="col">Quantity</th>${results.map(
              (result) => html`<th scope="col">${result.label || result.id}</th>`,
            )}</tr>
          </thead>
          <tbody>
            ${used.map((row) => {
              const label = html`<a href=${termHref(row.term)}>${row.label}</a>`;
              return html`<tr><th scope="row" title=${row.title}>${label}</th>${results.map(
                (result) => html`<td>${row.cell(result, shown)}</td>`,
              )}</tr>`;
            })}
          </tbody>
        </table>
      </div>`;
  }

  /** whether these results are the scenario's as it stands: said in words, not only by the dimming */
  private state(shown: Shown, stale: boolean): TemplateResult | typeof nothing {
    const { tasks } = this.store;
    if (shown.partial) {
      const { done, total } = shown.partial;
      const words =
        tasks.run === 'running'
          ? `Running: results so far (${done} of ${total} blocks).`
          : `Partial results: the run was cancelled after ${done} of ${total} blocks.`;
      return html`<p class="stale" role="status">${words}</p>`;
    }
    if (stale)
      return html`<p class="stale" role="status">Out of date: the scenario has changed since these results. Press
        Run to bring them up to date.</p>`;
    return nothing;
  }

  private caution(shown: Shown): TemplateResult | typeof nothing {
    const few = smallestArms(shown.scenario).filter((arm) => arm.size < FEW_PER_ARM);
    if (few.length === 0) return nothing;
    return html`<p class="caution" role="note">
      Few per arm: ${few.map(
        (arm, i) =>
          html`${i > 0 ? '; ' : ''}<strong>${labelOf(shown.results, arm.id)}</strong> about ${fmt.size(arm.size)}
          ${arm.unit} in ${arm.population}${arm.analysis === 'interim' ? ' at the interim' : ''}`,
      )}.
      Tests on so few may not keep α: the type I error row shows what it is here.
    </p>`;
  }

  private note(shown: Shown): TemplateResult {
    const { results, scenario } = shown;
    const hasClosed = results.some((result) => result.analytic);
    const counted = scenario.endpoint.type !== 'survival';
    const tStatistic = scenario.analysis.statistic === 't' && scenario.endpoint.type === 'continuous';
    const randomStrata = counted && scenario.analysis.strata === 'random';
    return html`Results over ${fmt.size(results[0]?.replicates ?? 0)} simulated trials per design${
      hasClosed
        ? html`; beside the simulation, in <span class="closed">green</span>, the closed form: the same
            probability computed exactly, without simulation${
              tStatistic ? " (the z test's: with the variance estimated, t tests have slightly less power)" : ''
            }${randomStrata ? STRATA_NOTE : ''}`
        : nothing
    }. The type I error is each design run again with no effect in any patient.`;
  }
}

function labelOf(results: DesignResult[], id: string): string {
  const result = results.find((r) => r.id === id);
  return result ? result.label || result.id : id;
}
