// The results: one column per design, P(reject) with ± Monte Carlo error and the closed form
// beside it, selection and early stopping, expected patients, months and cost; a caution first
// when a design's tests rest on few patients per arm.
import { html, nothing, type TemplateResult } from 'lit';
import { customElement } from 'lit/decorators.js';
import type { DesignResult } from '../../engine/results.js';
import { FEW_PER_ARM, smallestArms } from '../../engine/small-arms.js';
import * as fmt from '../format.js';
import { store } from '../store.js';
import { StoreElement } from './store-element.js';

/** the closed forms take every stratum at its expected size; random strata vary it, costing a little power */
const STRATA_NOTE = ", at each stratum's expected size (random strata vary it, which costs a little power)";

type Row = { label: string; title?: string; cell: (result: DesignResult) => TemplateResult | string };

function rejection(hypothesis: 'S' | 'F' | 'any'): Row['cell'] {
  return (result) => {
    const p = result.reject[hypothesis];
    if (p === undefined) return '—';
    const closed = result.analytic?.reject[hypothesis];
    return html`${fmt.probability(p)} <span class="pm">± ${fmt.error(result.mcse[hypothesis] ?? 0)}</span>${
      closed !== undefined ? html`<span class="closed" title="closed form">${fmt.probability(closed)}</span>` : nothing
    }`;
  };
}

const ROWS: Row[] = [
  {
    label: 'P(reject H_S)',
    title: 'probability of rejecting no benefit in the assay-positive population',
    cell: rejection('S'),
  },
  { label: 'P(reject H_F)', title: 'probability of rejecting no benefit in everyone', cell: rejection('F') },
  { label: 'P(reject any)', cell: rejection('any') },
  { label: 'P(continue in S)', cell: (r) => (r.continue ? fmt.probability(r.continue.S) : '—') },
  { label: 'P(continue in F)', cell: (r) => (r.continue ? fmt.probability(r.continue.F) : '—') },
  { label: 'P(stop early, efficacy)', cell: (r) => (r.earlyStop ? fmt.probability(r.earlyStop.efficacy) : '—') },
  { label: 'P(stop early, futility)', cell: (r) => (r.earlyStop ? fmt.probability(r.earlyStop.futility) : '—') },
  { label: 'E[randomised]', cell: (r) => fmt.count(r.expected.randomized) },
  { label: 'E[screened]', cell: (r) => fmt.count(r.expected.screened) },
  { label: 'E[events]', cell: (r) => (r.expected.events !== undefined ? fmt.count(r.expected.events) : '—') },
  { label: 'E[months]', cell: (r) => fmt.months(r.expected.months) },
  { label: 'E[cost]', cell: (r) => fmt.money(r.expected.cost) },
];

@customElement('results-table')
export class ResultsTable extends StoreElement {
  protected override render(): TemplateResult {
    const results = store.results;
    if (!results) return html`<p class="muted placeholder">Press Run to simulate every design.</p>`;
    const used = ROWS.filter((row) => results.some((result) => row.cell(result) !== '—'));
    const hasClosed = results.some((result) => result.analytic);
    // binary tests are always z, and survival's closed form is Schoenfeld's law of event counts
    const counted = store.resultsScenario?.endpoint.type !== 'survival';
    const tStatistic =
      store.resultsScenario?.analysis.statistic === 't' && store.resultsScenario.endpoint.type === 'continuous';
    const randomStrata = counted && store.resultsScenario?.analysis.strata === 'random';
    const few = store.resultsScenario
      ? smallestArms(store.resultsScenario).filter((arm) => arm.size < FEW_PER_ARM)
      : [];
    return html`${
      few.length > 0
        ? html`<p class="caution" role="note">
            Few per arm: ${few.map(
              (arm, i) =>
                html`${i > 0 ? '; ' : ''}<strong>${labelOf(results, arm.id)}</strong> about ${fmt.size(
                  arm.size,
                )} ${arm.unit} in ${arm.population}${arm.analysis === 'interim' ? ' at the interim' : ''}`,
            )}.
            Tests on so few may not keep α: set both effects to 0 and run to see the real type I error.
          </p>`
        : nothing
    }
      <p class="table-note">
        Results over ${fmt.size(results[0]?.replicates ?? 0)} simulated trials per design${
          hasClosed
            ? html`; <span class="closed">closed form</span> beside the simulation${
                tStatistic ? " (the z test's: with the variance estimated, t tests have slightly less power)" : ''
              }${randomStrata ? STRATA_NOTE : ''}`
            : nothing
        }
      </p>
      <div class="table-scroll" role="region" aria-label="Results by design" tabindex="0">
        <table class="results">
          <caption class="visually-hidden">Results by design</caption>
          <thead>
            <tr><th scope="col">Quantity</th>${results.map(
              (result) => html`<th scope="col">${result.label || result.id}</th>`,
            )}</tr>
          </thead>
          <tbody>
            ${used.map(
              (row) =>
                html`<tr><th scope="row" title=${row.title ?? row.label}>${row.label}</th>${results.map(
                  (result) => html`<td>${row.cell(result)}</td>`,
                )}</tr>`,
            )}
          </tbody>
        </table>
      </div>`;
  }
}

function labelOf(results: DesignResult[], id: string): string {
  const result = results.find((r) => r.id === id);
  return result ? result.label || result.id : id;
}
