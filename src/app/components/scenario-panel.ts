// The scenario panel: population, endpoint, trial, costs, analysis and simulation settings, and
// the derived line of what follows from them (computed by the engine, shown here). Each field is
// the contract's (fields.ts); only the fields that apply to the endpoint are shown.
import { html, nothing, type TemplateResult } from 'lit';
import { customElement } from 'lit/decorators.js';
import { derivedQuantities } from '../../engine/derived.js';
import { suitableMethods } from '../../engine/scenario/method.js';
import { layoutOf } from '../../engine/population.js';
import type { EndpointType, Scenario } from '../../engine/scenario/types.js';
import { readAt, writeAt, type Draft } from '../draft.js';
import { ENDPOINT_DEFAULTS } from '../presets.js';
import type { Store } from '../state/store.js';
import { fieldView } from '../../engine/scenario/field-docs.js';
import { endpointTypeOf, field } from './fields.js';
import { hasSeveralPopulations } from '../one-marker.js';
import { endpointFor, hasSubgroupsDrafted, subgroupIds } from '../population-draft.js';
import { StoreElement } from './store-element.js';
import './population-editor.js';
import { survivalFields } from './survival-fields.js';
import { withSuitableMethod } from '../suitable-method.js';

const pair = (...fields: TemplateResult[]) => html`<div class="pair">${fields}</div>`;
const perStatus = (store: Store, path: string) => pair(field(store, `${path}.pos`), field(store, `${path}.neg`));

/**
 * the endpoint's maps by subgroup id (several populations): a row of two fields per subgroup, what
 * each allows said once above the rows
 */
function perSubgroup(store: Store, keys: [string, string]): TemplateResult {
  const type = endpointTypeOf(store);
  const words = keys.map((key) => {
    const view = fieldView(`endpoint.${key}.pos`, type);
    return `${LABELS[key]} (${view?.unit}): ${view?.range}. ${view?.help}`;
  });
  const row = (id: string) =>
    html`<div class="pair subgroup-values">${keys.map((key) =>
      field(store, `endpoint.${key}.${id}`, {
        docPath: `endpoint.${key}.pos`,
        label: `${LABELS[key]} in ${id}`,
        unit: '',
      }),
    )}</div>`;
  return html`<p class="help">${words.join(' ')}</p>${subgroupIds(store.draft).map(row)}`;
}
const LABELS: Record<string, string> = { effect: 'Effect', sd: 'SD', control: 'Control', treatment: 'Treatment' };

function endpointFields(store: Store, type: EndpointType): TemplateResult {
  const several = hasSubgroupsDrafted(store.draft);
  if (type === 'survival') return survivalFields(store, several ? subgroupIds(store.draft) : undefined);
  if (several) return perSubgroup(store, type === 'binary' ? ['control', 'treatment'] : ['effect', 'sd']);
  if (type === 'binary') return html`${perStatus(store, 'endpoint.control')}${perStatus(store, 'endpoint.treatment')}`;
  return html`${perStatus(store, 'endpoint.effect')}${perStatus(store, 'endpoint.sd')}`;
}

/** the population as drafted, for the methods its assay allows */
const populationOf = (draft: Draft) => (readAt(draft, 'population') ?? {}) as Record<string, number>;

/**
 * a new endpoint from typical values, with a method its assay allows (an imperfect assay rules out the
 * asymptotic survival law) and events for survival designs, so switching never makes the scenario invalid
 */
export function switchEndpoint(store: Store, type: string): void {
  const endpointType = type as EndpointType;
  const several = hasSubgroupsDrafted(store.draft);
  const endpoint = several ? endpointFor(type, subgroupIds(store.draft)) : structuredClone(ENDPOINT_DEFAULTS[type]);
  let draft = writeAt(store.draft, 'endpoint', endpoint);
  draft = writeAt(
    draft,
    'simulation.method',
    suitableMethods(endpointType, populationOf(draft), readAt(draft, 'endpoint'))[0],
  );
  const designs = Array.isArray(draft.designs) ? (draft.designs as Record<string, unknown>[]) : [];
  designs.forEach((design, i) => {
    const n = design.n;
    const events = (size: unknown) => (typeof size === 'number' ? Math.round(0.7 * size) : undefined);
    const value = type !== 'survival' ? undefined : Array.isArray(n) ? n.map(events) : events(n);
    draft = writeAt(draft, `designs[${i}].events`, value);
  });
  store.setDraft(draft);
}

@customElement('scenario-panel')
export class ScenarioPanel extends StoreElement {
  protected override render(): TemplateResult {
    const store = this.store;
    const type = endpointTypeOf(store);
    const methods = suitableMethods(type, populationOf(store.draft), store.draft.endpoint);
    const methodNames: Record<string, string> = {
      sufficient: 'Sufficient statistics',
      patient: 'Patient level',
      asymptotic: 'Asymptotic',
    };
    return html`<h2>Scenario</h2>
      ${field(store, 'title')}
      <population-editor></population-editor>
      <fieldset>
        <legend>Endpoint</legend>
        ${field(store, 'endpoint.type', { onPick: (value) => switchEndpoint(store, value) })}
        ${endpointFields(store, type)}
      </fieldset>
      <fieldset>
        <legend>Trial</legend>
        ${pair(field(store, 'trial.allocation'), field(store, 'trial.screeningRate'))}
        ${type === 'survival' ? nothing : field(store, 'trial.endpointDelay')}
        ${this.costFields()}
      </fieldset>
      <fieldset>
        <legend>Analysis and simulation</legend>
        ${pair(
          field(store, 'alpha'),
          // binary tables are tested with z, survival with the log-rank: the choice is continuous outcomes' alone
          type === 'continuous' ? field(store, 'analysis.statistic') : html``,
        )}
        ${pair(field(store, 'analysis.strata'), field(store, 'analysis.stratified'))}
        ${type === 'survival' ? this.survivalTestFields() : nothing}
        ${pair(field(store, 'simulation.replicates'), field(store, 'simulation.seed'))}
        ${field(store, 'simulation.method', {
          options: methods.map((method) => [method, methodNames[method]]),
          help:
            type === 'survival'
              ? 'Patient level draws every event time; asymptotic is rpact’s log-rank law (a perfect assay only).'
              : 'Sufficient statistics are exact and fastest; patient level draws every patient.',
        })}
      </fieldset>
      ${this.derivedLine()}`;
  }

  /** the survival test: a keyword, or Fleming–Harrington's two weights */
  private survivalTestFields(): TemplateResult {
    const store = this.store;
    const test = readAt(store.draft, 'analysis.survivalTest');
    const fh = typeof test === 'object' && test !== null;
    const pick = (value: string) => {
      const next = value === 'fh' ? { fh: [0, 1] } : value === 'logrank' ? undefined : value;
      store.setDraft(withSuitableMethod(writeAt(store.draft, 'analysis.survivalTest', next)));
    };
    const picked = fh ? 'fh' : String(test ?? 'logrank');
    return html`${field(store, 'analysis.survivalTest', { onPick: pick, picked })}
      ${
        fh
          ? pair(
              field(store, 'analysis.survivalTest.fh[0]', {
                label: 'FH ρ',
                help: 'Weights early events: Ŝ(t−)^ρ.',
              }),
              field(store, 'analysis.survivalTest.fh[1]', {
                label: 'FH γ',
                help: 'Weights late events: (1 − Ŝ(t−))^γ.',
              }),
            )
          : nothing
      }`;
  }

  private costFields(): TemplateResult {
    const store = this.store;
    const currency = readAt(store.draft, 'trial.currency');
    const unit = typeof currency === 'string' && currency !== '' ? currency : 'currency';
    const cost = (key: string) => field(store, `trial.costs.${key}`, { unit });
    return html`${pair(cost('perScreened'), cost('perRandomized'))}${pair(cost('perMonth'), cost('fixed'))}
      ${field(store, 'trial.currency')}`;
  }

  private derivedLine(): TemplateResult {
    const store = this.store;
    if (!store.scenario || !store.valid)
      return html`<p class="derived muted">Fix the marked fields to see what follows.</p>`;
    if (hasSeveralPopulations(store.scenario)) return this.populationShares(store.scenario);
    const d = derivedQuantities(store.scenario);
    const percent = (x: number) => `${(100 * x).toFixed(1)}%`;
    const effect = (x: number) => x.toFixed(3);
    return html`<p class="derived" aria-live="polite">
      P(assay+) <strong>${percent(d.assayPositive)}</strong> · PPV <strong>${percent(d.ppv)}</strong> ·
      NPV <strong>${percent(d.npv)}</strong> · ${d.measure} in S <strong>${effect(d.effectS)}</strong>,
      in F <strong>${effect(d.effectF)}</strong>
    </p>`;
  }

  /** each population's share of those screened, as the assay classifies them */
  private populationShares(scenario: Scenario): TemplateResult {
    const { populationIds, populationShare } = layoutOf(scenario.population);
    const percent = (x: number) => `${(100 * x).toFixed(1)}%`;
    return html`<p class="derived" aria-live="polite">
      ${populationIds
        .slice(0, -1)
        .map((id, k) => html`${k > 0 ? ' · ' : ''}P(in ${id}) <strong>${percent(populationShare[k])}</strong>`)}
      of those screened
    </p>`;
  }
}
