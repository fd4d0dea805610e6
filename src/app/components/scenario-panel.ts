// The scenario panel: population, endpoint, trial, costs, analysis and simulation settings, and
// the derived line of what follows from them (computed by the engine, shown here).
import { html, nothing, type TemplateResult } from 'lit';
import { customElement } from 'lit/decorators.js';
import { derivedQuantities } from '../../engine/derived.js';
import { writeAt } from '../draft.js';
import { ENDPOINT_DEFAULTS } from '../presets.js';
import { store } from '../store.js';
import { choiceField, numberField } from './fields.js';
import { StoreElement } from './store-element.js';

const PROBABILITY = '0 < p < 1';
const ACCURACY = '0.5 < x ≤ 1';
const NON_NEGATIVE = '≥ 0';

function perStatus(path: string, label: string, unit: string, range: string, help: string): TemplateResult {
  return html`<div class="pair">
    ${numberField({ path: `${path}.pos`, label: `${label}, marker+`, unit, range, help })}
    ${numberField({ path: `${path}.neg`, label: `${label}, marker−`, unit, range, help })}
  </div>`;
}

function endpointFields(type: unknown): TemplateResult {
  if (type === 'binary') {
    return html`${perStatus(
      'endpoint.control',
      'Control response',
      'probability',
      '0 < p < 1',
      'Response rate without treatment.',
    )}
      ${perStatus(
        'endpoint.treatment',
        'Treatment response',
        'probability',
        '0 < p < 1',
        'Response rate with treatment; larger is better.',
      )}`;
  }
  if (type === 'survival') {
    return html`${perStatus(
      'endpoint.controlMedian',
      'Control median',
      'months',
      '> 0',
      'Median time to event without treatment.',
    )}
      ${perStatus('endpoint.hazardRatio', 'Hazard ratio', 'treatment : control', '> 0', 'Below 1 is benefit.')}
      ${numberField({
        path: 'endpoint.dropoutPerYear',
        label: 'Drop-out',
        unit: 'per year',
        range: '0 ≤ x < 1',
        help: 'Share of patients lost to follow-up each year.',
      })}`;
  }
  return html`${perStatus(
    'endpoint.effect',
    'Effect',
    'mean difference',
    'any number',
    'Treatment − control; larger is better.',
  )}
    ${perStatus('endpoint.sd', 'Standard deviation', 'outcome units', '> 0', 'Spread of the outcome in each arm.')}`;
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
    return html`<h2>Scenario</h2>
      ${numberField({
        path: 'title',
        label: 'Title',
        range: '≤ 200 characters',
        help: 'Shown on exports and links.',
        text: true,
      })}
      <fieldset>
        <legend>Population and assay</legend>
        ${numberField({
          path: 'population.prevalence',
          label: 'Prevalence',
          unit: 'P(marker+)',
          range: PROBABILITY,
          help: 'Share of screened patients who are truly marker-positive.',
        })}
        <div class="pair">
          ${numberField({
            path: 'population.sensitivity',
            label: 'Assay sensitivity',
            unit: 'P(assay+ | marker+)',
            range: ACCURACY,
            help: '1 is a perfect assay.',
          })}
          ${numberField({
            path: 'population.specificity',
            label: 'Assay specificity',
            unit: 'P(assay− | marker−)',
            range: ACCURACY,
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
        ${endpointFields(endpointType)}
      </fieldset>
      <fieldset>
        <legend>Trial</legend>
        <div class="pair">
          ${numberField({
            path: 'trial.allocation',
            label: 'Allocation',
            unit: 'treatment : control = r : 1',
            range: '0.2 ≤ r ≤ 5',
            help: 'Randomisation ratio.',
          })}
          ${numberField({
            path: 'trial.screeningRate',
            label: 'Screening rate',
            unit: 'patients / month',
            range: '> 0',
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
                range: NON_NEGATIVE,
                help: 'From randomisation to the outcome.',
              })
        }
        <div class="pair">
          ${numberField({
            path: 'trial.costs.perScreened',
            label: 'Cost per screened',
            unit: 'currency',
            range: NON_NEGATIVE,
            help: 'Screening and the assay.',
          })}
          ${numberField({
            path: 'trial.costs.perRandomized',
            label: 'Cost per randomised',
            unit: 'currency',
            range: NON_NEGATIVE,
            help: 'Treatment and follow-up.',
          })}
        </div>
        <div class="pair">
          ${numberField({
            path: 'trial.costs.perMonth',
            label: 'Cost per month',
            unit: 'currency',
            range: NON_NEGATIVE,
            help: 'Running cost.',
          })}
          ${numberField({
            path: 'trial.costs.fixed',
            label: 'Fixed cost',
            unit: 'currency',
            range: NON_NEGATIVE,
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
            range: '0 < α ≤ 0.2',
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
            range: '1 to 10⁷',
            help: 'More gives smaller Monte Carlo error.',
          })}
          ${numberField({
            path: 'simulation.seed',
            label: 'Seed',
            range: '≤ 100 characters',
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
