// Design cards: up to eight designs, each with only its type's fields; add, duplicate, remove,
// rename. Every change goes through the store, so the contract judges it like any other edit.
import { html, nothing, type TemplateResult } from 'lit';
import { customElement } from 'lit/decorators.js';
import { derivedQuantities } from '../../engine/derived.js';
import { messagesFor, readAt, writeAt, type Draft } from '../draft.js';
import { store } from '../store.js';
import { choiceField, numberField } from './fields.js';
import { StoreElement } from './store-element.js';
import { MAX_EVENTS, MAX_PATIENTS } from '../../engine/scenario/sizes.js';
import { bound } from '../../engine/scenario/field-at.js';

/** the contract's limits, as the form says them */
const PATIENTS = bound(MAX_PATIENTS);
const EVENTS = bound(MAX_EVENTS);

const MAX_DESIGNS = 8;
const TYPES: [string, string][] = [
  ['all-comers', 'All-comers'],
  ['enriched', 'Enriched'],
  ['stratified', 'Stratified'],
  ['adaptive-enrichment', 'Adaptive enrichment'],
];
const INTERSECTIONS: [string, string][] = [
  ['bonferroni', 'Bonferroni'],
  ['simes', 'Simes'],
  ['sidak', 'Šidák'],
  ['spiessens-debois', 'Spiessens–Debois'],
];
const EFFICACY: [string, string][] = [
  ['none', 'None'],
  ['obrien-fleming', 'O’Brien–Fleming'],
  ['pocock', 'Pocock'],
];

function designs(): Draft[] {
  return Array.isArray(store.draft.designs) ? (store.draft.designs as Draft[]) : [];
}

function setDesigns(list: Draft[]): void {
  store.setDraft(writeAt(store.draft, 'designs', list));
}

function unusedId(base: string): string {
  const taken = new Set(designs().map((design) => String(design.id)));
  if (!taken.has(base)) return base;
  for (let k = 2; ; k++) if (!taken.has(`${base}-${k}`)) return `${base}-${k}`;
}

/** a design of `type` keeping what carries over (id, label, size) */
function retyped(design: Draft, type: string, survival: boolean): Draft {
  const single = (size: unknown) => (Array.isArray(size) ? size[1] : size);
  const n = single(design.n) ?? 200;
  const events = single(design.events);
  const base: Draft = { id: design.id, label: design.label ?? '', type };
  if (type === 'adaptive-enrichment') {
    const first = Math.round(Number(n) / 2);
    return {
      ...base,
      n: [first, n],
      ...(survival ? { events: [Math.round(Number(events ?? n) / 2), events ?? n] } : {}),
      intersection: 'simes',
      selection: { rule: 'epsilon', measure: 'effect', epsilon: 0.1 },
    };
  }
  return {
    ...base,
    n,
    ...(survival && events !== undefined ? { events } : {}),
    ...(type === 'stratified' ? { intersection: 'simes' } : {}),
  };
}

/** a starting point for stage-2 re-sizing: the planned stage 2 from half to twice, sized for the effect in S */
function defaultRecalculation(design: Draft, survival: boolean): Draft {
  const sizes = (survival ? design.events : design.n) as number[] | undefined;
  const planned = Array.isArray(sizes) ? Math.max(1, Number(sizes[1]) - Number(sizes[0])) : 100;
  const effect = store.scenario ? derivedQuantities(store.scenario).effectS : NaN;
  const usable = survival ? effect > 0 && effect < 1 : effect > 0;
  return {
    conditionalPower: 0.8,
    minStage2: Math.ceil(planned / 2),
    maxStage2: 2 * planned,
    assumedEffect: usable ? effect : survival ? 0.7 : 0.1,
  };
}

function add(): void {
  const survival = (store.draft.endpoint as Draft | undefined)?.type === 'survival';
  const id = unusedId('design');
  setDesigns([
    ...designs(),
    retyped({ id, label: '', n: 300, ...(survival ? { events: 200 } : {}) }, 'enriched', survival),
  ]);
}

@customElement('design-cards')
export class DesignCards extends StoreElement {
  protected override render(): TemplateResult {
    const list = designs();
    const general = messagesFor(store.errors, 'designs');
    return html`<h2>Designs <span class="muted">(${list.length} of ${MAX_DESIGNS})</span></h2>
      ${general.length > 0 ? html`<p class="error" role="alert">${general.join('; ')}</p>` : nothing}
      <ol class="cards">
        ${list.map((design, i) => html`<li class="card">${this.card(design, i, list.length)}</li>`)}
      </ol>
      <button type="button" @click=${add} ?disabled=${list.length >= MAX_DESIGNS}>Add design</button>`;
  }

  private card(design: Draft, i: number, count: number): TemplateResult {
    const path = `designs[${i}]`;
    const type = String(design.type ?? '');
    const survival = (store.draft.endpoint as Draft | undefined)?.type === 'survival';
    const name = String(design.label || design.id || `design ${i + 1}`);
    return html`<div class="card-head">
        <h3>${name}</h3>
        <button type="button" aria-label="Duplicate ${name}" ?disabled=${count >= MAX_DESIGNS} @click=${() => {
          const copy = {
            ...structuredClone(design),
            id: unusedId(`${String(design.id)}-copy`),
            label: design.label ? `${String(design.label)} (copy)` : '',
          };
          const list = designs();
          setDesigns([...list.slice(0, i + 1), copy, ...list.slice(i + 1)]);
        }}>Duplicate</button>
        <button
          type="button"
          aria-label="Remove ${name}"
          ?disabled=${count <= 1}
          @click=${() => setDesigns(designs().filter((_, k) => k !== i))}
        >Remove</button>
      </div>
      <div class="pair">
        ${numberField({
          path: `${path}.label`,
          label: 'Name',
          range: '≤ 80 characters',
          help: 'Shown in tables and charts.',
          text: true,
        })}
        ${numberField({
          path: `${path}.id`,
          label: 'Id',
          range: 'letters, digits, - _',
          help: 'Unique; names its random stream.',
          text: true,
        })}
      </div>
      ${choiceField({
        path: `${path}.type`,
        label: 'Type',
        help: this.typeHelp(type),
        options: TYPES,
        onPick: (value) => {
          const list = designs();
          list[i] = retyped(design, value, survival);
          setDesigns(list);
        },
      })}
      ${
        type === 'adaptive-enrichment'
          ? this.adaptiveFields(path, survival, design)
          : this.fixedFields(path, type, survival, design)
      }`;
  }

  private typeHelp(type: string): string {
    if (type === 'enriched') return 'Screen everyone, randomise assay-positive patients; test S.';
    if (type === 'stratified') return 'Randomise all comers; test S and F by closed testing.';
    if (type === 'adaptive-enrichment') return 'Stage 1 all comers; at the interim keep S, F or both.';
    return 'Randomise every screened patient; test F.';
  }

  private fixedFields(path: string, type: string, survival: boolean, design: Draft): TemplateResult {
    const interims = readAt(design, 'interims') as Draft | undefined;
    return html`<div class="pair">
        ${numberField({
          path: `${path}.n`,
          label: 'Randomised',
          unit: 'patients',
          range: `integer, 4 to ${PATIENTS}`,
          help: type === 'enriched' ? 'Assay-positive patients randomised.' : 'Patients randomised.',
        })}
        ${
          survival
            ? numberField({
                path: `${path}.events`,
                label: 'Events',
                unit: 'at the analysis',
                range: `integer ≤ patients and ≤ ${EVENTS}`,
                help: 'The analysis waits for them.',
              })
            : nothing
        }
      </div>
      ${
        type === 'stratified'
          ? choiceField({
              path: `${path}.intersection`,
              label: 'Intersection test',
              help: 'How H_S ∩ H_F is tested.',
              options: [
                ...INTERSECTIONS,
                ['hierarchical-S', 'Hierarchical, S first'],
                ['hierarchical-F', 'Hierarchical, F first'],
              ],
            })
          : html`<div class="field">
            <label><input type="checkbox" .checked=${interims !== undefined} @change=${(event: Event) =>
              store.edit(
                `${path}.interims`,
                (event.target as HTMLInputElement).checked
                  ? { informationRates: [0.5, 1], efficacy: 'obrien-fleming' }
                  : undefined,
              )} /> Interim analysis (group-sequential)</label>
          </div>
          ${
            interims !== undefined
              ? html`<div class="pair">
                ${numberField({
                  path: `${path}.interims.informationRates`,
                  label: 'Information rates',
                  range: 'increasing, ending at 1',
                  help: 'e.g. 0.5, 1',
                  list: true,
                })}
                ${choiceField({
                  path: `${path}.interims.efficacy`,
                  label: 'Efficacy stopping',
                  help: 'Lan–DeMets α-spending.',
                  options: EFFICACY,
                })}
              </div>`
              : nothing
          }`
      }`;
  }

  private adaptiveFields(path: string, survival: boolean, design: Draft): TemplateResult {
    return html`<div class="pair">
        ${numberField({
          path: `${path}.n[0]`,
          label: 'Randomised by the interim',
          unit: 'n₁',
          range: 'integer ≥ 4 and < N',
          help: 'Stage 1, all comers.',
        })}
        ${numberField({
          path: `${path}.n[1]`,
          label: 'Randomised in all',
          unit: 'N',
          range: `integer > n₁ and ≤ ${PATIENTS}`,
          help: 'Cumulative at the end.',
        })}
      </div>
      ${
        survival
          ? html`<div class="pair">
            ${numberField({
              path: `${path}.events[0]`,
              label: 'Events at the interim',
              unit: 'e₁',
              range: 'integer ≥ 1 and < E',
              help: 'Stage 1.',
            })}
            ${numberField({
              path: `${path}.events[1]`,
              label: 'Events in all',
              unit: 'E',
              range: `integer > e₁, ≤ N and ≤ ${EVENTS}`,
              help: 'Cumulative.',
            })}
          </div>`
          : nothing
      }
      <div class="pair">
        ${choiceField({
          path: `${path}.intersection`,
          label: 'Intersection test',
          help: 'How H_S ∩ H_F is tested.',
          options: INTERSECTIONS,
        })}
        ${choiceField({
          path: `${path}.combination`,
          label: 'Combination',
          help: 'Of the two stages’ p-values.',
          options: [
            ['inverse-normal', 'Inverse normal'],
            ['fisher', 'Fisher'],
          ],
        })}
      </div>
      <div class="pair">
        ${choiceField({
          path: `${path}.selection.rule`,
          label: 'Selection rule',
          help: 'Which populations continue.',
          options: [
            ['best', 'Best'],
            ['epsilon', 'Within ε of the best'],
            ['all', 'All'],
          ],
        })}
        ${choiceField({
          path: `${path}.selection.measure`,
          label: 'Selection measure',
          help: 'Compared at the interim.',
          options: [
            ['effect', 'Effect'],
            ['z', 'z statistic'],
          ],
        })}
      </div>
      <div class="pair">
        ${numberField({
          path: `${path}.selection.epsilon`,
          label: 'ε',
          range: '≥ 0',
          help: 'Margin for the ε rule.',
        })}
        ${numberField({
          path: `${path}.selection.threshold`,
          label: 'Futility threshold',
          range: 'any number, or empty',
          help: 'Below it a population is not kept.',
          optional: true,
        })}
      </div>
      ${choiceField({
        path: `${path}.efficacy`,
        label: 'Efficacy stopping',
        help: 'At the interim.',
        options: EFFICACY,
      })}
      ${this.recalculationFields(path, design, survival)}`;
  }

  /** stage 2 re-sized at the interim for a conditional power (rpact's conditionalPower rule) */
  private recalculationFields(path: string, design: Draft, survival: boolean): TemplateResult {
    const on = readAt(design, 'recalculation') !== undefined;
    const unit = survival ? 'events' : 'patients';
    return html`<div class="field">
        <label><input type="checkbox" .checked=${on} @change=${(event: Event) =>
          store.edit(
            `${path}.recalculation`,
            (event.target as HTMLInputElement).checked ? defaultRecalculation(design, survival) : undefined,
          )} /> Re-size stage 2 for a conditional power</label>
      </div>
      ${
        on
          ? html`<div class="pair">
              ${numberField({
                path: `${path}.recalculation.conditionalPower`,
                label: 'Conditional power',
                range: '0 < p < 1',
                help: 'Stage 2 is sized to reach it.',
              })}
              ${numberField({
                path: `${path}.recalculation.assumedEffect`,
                label: 'Assumed effect',
                unit: survival ? 'hazard ratio' : 'difference',
                range: survival ? '0 < HR < 1' : '> 0',
                help: 'The effect stage 2 is sized for.',
              })}
            </div>
            <div class="pair">
              ${numberField({
                path: `${path}.recalculation.minStage2`,
                label: 'Stage 2 at least',
                unit,
                range: 'integer ≥ 1',
                help: 'Smallest re-sized stage 2.',
              })}
              ${numberField({
                path: `${path}.recalculation.maxStage2`,
                label: 'Stage 2 at most',
                unit,
                range: 'integer ≥ the least',
                help: 'Largest re-sized stage 2.',
              })}
            </div>`
          : nothing
      }`;
  }
}
