// The scenario panel: population, endpoint, trial, costs, analysis and simulation settings, and
// the derived line of what follows from them (computed by the engine, shown here).
import { html, nothing, type TemplateResult } from 'lit';
import { customElement } from 'lit/decorators.js';
import { derivedQuantities } from '../../engine/derived.js';
import { ENDPOINT_TYPES } from '../../engine/scenario/endpoint.js';
import { rangeOf } from '../../engine/scenario/field-at.js';
import type { EndpointType } from '../../engine/scenario/types.js';
import { writeAt } from '../draft.js';
import { ENDPOINT_DEFAULTS } from '../presets.js';
import { store } from '../store.js';
import { choiceField, numberField } from './fields.js';
import { StoreElement } from './store-element.js';

function perStatus(path: string, type: EndpointType, label: string, unit: string, help: string): TemplateResult {
  const range = rangeOf(`${path}.pos`, type);
  return html`<div class="pair">
    ${numberField({ path: `${path}.pos`, label: `${label}, marker+`, unit, range, help })}
    ${numberField({ path: `${path}.neg`, label: `${label}, marker−`, unit, range, help })}
  </div>`;
}

function endpointFields(type: EndpointType): TemplateResult {
  if (type === 'binary') {
    const control = perStatus(
      'endpoint.control',
      type,
      'Control response',
      'probability',
      'Response rate without treatment.',
    );
    return html`${control}
      ${perStatus(
        'endpoint.treatment',
        type,
        'Treatment response',
        'probability',
        'Response rate with treatment; larger is better.',
      )}`;
  }
  if (type === 'survival') {
    const median = 'Median time to event without treatment.';
    return html`${perStatus('endpoint.controlMedian', type, 'Control median', 'months', median)}
      ${perStatus('endpoint.hazardRatio', type, 'Hazard ratio', 'treatment : control', 'Below 1 is benefit.')}
      ${numberField({
        path: 'endpoint.dropoutPerYear',
        label: 'Drop-out',
        unit: 'per year',
        range: rangeOf('endpoint.dropoutPerYear', type),
        help: 'Share of patients lost to follow-up each year.',
      })}`;
  }
  return html`${perStatus(
    'endpoint.effect',
    type,
    'Effect',
    'mean difference',
    'Treatment − control; larger is better.',
  )}
    ${perStatus('endpoint.sd', type, 'Standard deviation', 'outcome units', 'Spread of the outcome in each arm.')}`;
}

function switchEndpoint(type: string): void {
  let draft = writeAt(store.draft, 'endpoint', structuredClone(ENDPOINT_DEFAULTS[type]));
  draft = writeAt(draft, 'simulation.method', type === 'survival' ? 'asymptotic' : 'sufficient');
  const designs = Array.isArray(draft.designs) ? (draft.designs as Record<string, unknown>[]) : [];
  designs.forEach((design, i) => {
    const n = design.n;
    const events =
      type === 'survival'
        ? Array.isArray(n)
          ? n.map((v: number) => Math.round(0.7 * v))
          : typeof n === 'number'
            ? Math.round(0.7 * n)
            : undefined
        : undefined;
    draft = writeAt(draft, `designs[${i}].events`, events);
  });
  store.setDraft(draft);
}

@customElement('scenario-panel')
export class ScenarioPanel extends StoreElement {
  protected override render(): TemplateResult {
    const endpointType = (store.draft.endpoint as { type?: unknown } | undefined)?.type;
    // the fields' ranges are the contract's; before the endpoint is known, a continuous one's
    const type: EndpointType = ENDPOINT_TYPES.includes(endpointType as EndpointType)
      ? (endpointType as EndpointType)
      : 'continuous';
    return html`<h2>Scenario</h2>
      ${numberField({
        path: 'title',
        label: 'Title',
        range: rangeOf('title', type),
        help: 'Shown on exports and links.',
        text: true,
      })}
      <fieldset>
        <legend>Population and assay</legend>
        ${numberField({
          path: 'population.prevalence',
          label: 'Prevalence',
          unit: 'P(marker+)',
          range: rangeOf('population.prevalence', type),
          help: 'Share of screened patients who are truly marker-positive.',
        })}
        <div class="pair">
          ${numberField({
            path: 'population.sensitivity',
            label: 'Assay sensitivity',
            unit: 'P(assay+ | marker+)',
            range: rangeOf('population.sensitivity', type),
            help: '1 is a perfect assay.',
          })}
          ${numberField({
            path: 'population.specificity',
            label: 'Assay specificity',
            unit: 'P(assay− | marker−)',
            range: rangeOf('population.specificity', type),
            help: '1 is a perfect assay.',
          })}
        </div>
      </fieldset>
      <fieldset>
        <legend>Endpoint</legend>
        ${choiceField({
          path: 'endpoint.type',
          label: 'Endpoint',
          help: 'Changing it starts from typical values.',
          options: [
            ['continuous', 'Continuous (mean)'],
            ['binary', 'Binary (response)'],
            ['survival', 'Time to event'],
          ],
          onPick: switchEndpoint,
        })}
        ${endpointFields(type)}
      </fieldset>
      <fieldset>
        <legend>Trial</legend>
        <div class="pair">
          ${numberField({
            path: 'trial.allocation',
            label: 'Allocation',
            unit: 'treatment : control = r : 1',
            range: rangeOf('trial.allocation', type),
            help: 'Randomisation ratio.',
          })}
          ${numberField({
            path: 'trial.screeningRate',
            label: 'Screening rate',
            unit: 'patients / month',
            range: rangeOf('trial.screeningRate', type),
            help: 'Patients screened per month.',
          })}
        </div>
        ${
          endpointType === 'survival'
            ? nothing
            : numberField({
                path: 'trial.endpointDelay',
                label: 'Endpoint delay',
                unit: 'months',
                range: rangeOf('trial.endpointDelay', type),
                help: 'From randomisation to the outcome.',
              })
        }
        <div class="pair">
          ${numberField({
            path: 'trial.costs.perScreened',
            label: 'Cost per screened',
            unit: 'currency',
            range: rangeOf('trial.costs.perScreened', type),
            help: 'Screening and the assay.',
          })}
          ${numberField({
            path: 'trial.costs.perRandomized',
            label: 'Cost per randomised',
            unit: 'currency',
            range: rangeOf('trial.costs.perRandomized', type),
            help: 'Treatment and follow-up.',
          })}
        </div>
        <div class="pair">
          ${numberField({
            path: 'trial.costs.perMonth',
            label: 'Cost per month',
            unit: 'currency',
            range: rangeOf('trial.costs.perMonth', type),
            help: 'Running cost.',
          })}
          ${numberField({
            path: 'trial.costs.fixed',
            label: 'Fixed cost',
            unit: 'currency',
            range: rangeOf('trial.costs.fixed', type),
            help: 'Set-up.',
          })}
        </div>
      </fieldset>
      <fieldset>
        <legend>Analysis and simulation</legend>
        <div class="pair">
          ${numberField({
            path: 'alpha',
            label: 'α',
            unit: 'one-sided',
            range: rangeOf('alpha', type),
            help: 'Family-wise significance level.',
          })}
          ${choiceField({
            path: 'analysis.statistic',
            label: 'Statistic',
            help: 't estimates the variance; z is rpact’s convention.',
            options: [
              ['t', 't (estimated variance)'],
              ['z', 'z (known variance)'],
            ],
          })}
        </div>
        <div class="pair">
          ${choiceField({
            path: 'analysis.strata',
            label: 'Strata',
            help:
              'Random is realistic. Fixed gives each stage its expected shares, unrounded, as rpact does: ' +
              'use it with at least 10 patients expected per arm and cell.',
            options: [
              ['random', 'Random'],
              ['fixed', 'Fixed shares'],
            ],
          })}
          ${choiceField({
            path: 'analysis.stratified',
            label: 'Test of F',
            help: 'Combine the S and R strata, or pool.',
            options: [
              ['true', 'Stratified'],
              ['false', 'Pooled'],
            ],
          })}
        </div>
        <div class="pair">
          ${numberField({
            path: 'simulation.replicates',
            label: 'Replicates',
            unit: 'trials per design',
            range: rangeOf('simulation.replicates', type),
            help: 'More gives smaller Monte Carlo error.',
          })}
          ${numberField({
            path: 'simulation.seed',
            label: 'Seed',
            range: rangeOf('simulation.seed', type),
            help: 'Same seed, same results.',
            text: true,
          })}
        </div>
        ${choiceField({
          path: 'simulation.method',
          label: 'Method',
          help: 'Sufficient statistics are exact and fastest; asymptotic is rpact’s survival convention.',
          options:
            endpointType === 'survival'
              ? [
                  ['patient', 'Patient level'],
                  ['asymptotic', 'Asymptotic'],
                ]
              : [
                  ['sufficient', 'Sufficient statistics'],
                  ['patient', 'Patient level'],
                ],
        })}
      </fieldset>
      ${this.derivedLine()}`;
  }

  private derivedLine(): TemplateResult {
    if (!store.scenario || !store.valid)
      return html`<p class="derived muted">Fix the marked fields to see what follows.</p>`;
    const d = derivedQuantities(store.scenario);
    const percent = (x: number) => `${(100 * x).toFixed(1)}%`;
    const effect = (x: number) => x.toFixed(3);
    return html`<p class="derived" aria-live="polite">
      P(assay+) <strong>${percent(d.assayPositive)}</strong> · PPV <strong>${percent(
        d.ppv,
      )}</strong> · NPV <strong>${percent(d.npv)}</strong> ·
      ${d.measure} in S <strong>${effect(d.effectS)}</strong>, in F <strong>${effect(d.effectF)}</strong>
    </p>`;
  }
}
