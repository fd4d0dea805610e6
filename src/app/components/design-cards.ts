// Design cards: up to eight designs, each with only its type's fields; add, duplicate, remove,
// rename. Every change goes through the store, so the contract judges it like any other edit; the
// fields are the contract's own (fields.ts).
import { html, nothing, type TemplateResult } from 'lit';
import { customElement } from 'lit/decorators.js';
import { derivedQuantities } from '../../engine/derived.js';
import { DESIGN_META } from '../../engine/scenario/design-meta.js';
import { MAX_DESIGNS } from '../../engine/scenario/designs.js';
import type { DesignType } from '../../engine/scenario/types.js';
import { messagesFor, readAt, writeAt, type Draft } from '../draft.js';
import type { Store } from '../state/store.js';
import { hasSeveralPopulations } from '../one-marker.js';
import { hasSubgroupsDrafted, populationIds } from '../population-draft.js';
import { intersectionField, populationField, stage1Field, withPopulation } from './design-populations.js';
import { field } from './fields.js';
import { StoreElement } from './store-element.js';

function designs(store: Store): Draft[] {
  return Array.isArray(store.draft.designs) ? (store.draft.designs as Draft[]) : [];
}

function setDesigns(store: Store, list: Draft[]): void {
  store.setDraft(writeAt(store.draft, 'designs', list));
}

function unusedId(store: Store, base: string): string {
  const taken = new Set(designs(store).map((design) => String(design.id)));
  if (!taken.has(base)) return base;
  for (let k = 2; ; k++) if (!taken.has(`${base}-${k}`)) return `${base}-${k}`;
}

/** a name no other design has: "Enriched", else "Enriched 2", … */
function unusedLabel(store: Store, base: string): string {
  const taken = new Set(designs(store).map((design) => String(design.label || design.id)));
  if (!taken.has(base)) return base;
  for (let k = 2; ; k++) if (!taken.has(`${base} ${k}`)) return `${base} ${k}`;
}

/** a design of `type` keeping what carries over (id, label, size, when its analyses come) */
function retyped(design: Draft, type: string, survival: boolean): Draft {
  const single = (size: unknown) => (Array.isArray(size) ? size[1] : size);
  const n = single(design.n) ?? 200;
  const events = single(design.events);
  const months = single(design.months);
  const base: Draft = { id: design.id, label: design.label ?? '', type };
  if (type === 'adaptive-enrichment') {
    const first = Math.round(Number(n) / 2);
    const timing =
      months !== undefined
        ? { months: [Number(months) / 2, months] }
        : { events: [Math.round(Number(events ?? n) / 2), events ?? n] };
    return {
      ...base,
      n: [first, n],
      ...(survival ? timing : {}),
      intersection: 'simes',
      selection: { rule: 'epsilon', measure: 'effect', epsilon: 0.1 },
    };
  }
  return {
    ...base,
    n,
    ...(survival && events !== undefined ? { events } : {}),
    ...(survival && months !== undefined ? { months } : {}),
    ...(type === 'stratified' ? { intersection: 'simes' } : {}),
  };
}

/** the design with its analyses at events or at calendar months, sized from what it has */
function timedBy(design: Draft, by: string): Draft {
  const { events, months, ...rest } = design;
  const two = design.type === 'adaptive-enrichment';
  const total = Number(Array.isArray(design.n) ? design.n[1] : design.n) || 200;
  if (by === 'months') return { ...rest, months: two ? [12, 24] : 24 };
  const planned = Math.round(total * 0.7);
  return { ...rest, events: two ? [Math.round(planned / 2), planned] : planned };
}

/** a starting point for stage-2 re-sizing: the planned stage 2 from half to twice, sized for the effect in S */
function defaultRecalculation(store: Store, design: Draft, survival: boolean): Draft {
  const sizes = (survival ? design.events : design.n) as number[] | undefined;
  const planned = Array.isArray(sizes) ? Math.max(1, Number(sizes[1]) - Number(sizes[0])) : 100;
  const effect =
    store.scenario && !hasSeveralPopulations(store.scenario) ? derivedQuantities(store.scenario).effectS : NaN;
  const usable = survival ? effect > 0 && effect < 1 : effect > 0;
  return {
    conditionalPower: 0.8,
    minStage2: Math.ceil(planned / 2),
    maxStage2: 2 * planned,
    assumedEffect: usable ? effect : survival ? 0.7 : 0.1,
  };
}

function add(store: Store): void {
  const survival = (store.draft.endpoint as Draft | undefined)?.type === 'survival';
  const label = unusedLabel(store, 'Enriched');
  const id = unusedId(store, label.toLowerCase().replace(/\s+/g, '-'));
  const design = retyped({ id, label, n: 300, ...(survival ? { events: 200 } : {}) }, 'enriched', survival);
  setDesigns(store, [...designs(store), withPopulation(store, design)]);
}

@customElement('design-cards')
export class DesignCards extends StoreElement {
  protected override render(): TemplateResult {
    const list = designs(this.store);
    const general = messagesFor(this.store.errors, 'designs');
    return html`<h2>Designs <span class="muted">(${list.length} of ${MAX_DESIGNS})</span></h2>
      ${general.length > 0 ? html`<p class="error" role="alert">${general.join('; ')}</p>` : nothing}
      <ol class="cards">
        ${list.map((design, i) => html`<li class="card">${this.card(design, i, list.length)}</li>`)}
      </ol>
      <button type="button" @click=${() => add(this.store)} ?disabled=${list.length >= MAX_DESIGNS}
        >Add design</button>`;
  }

  private card(design: Draft, i: number, count: number): TemplateResult {
    const store = this.store;
    const path = `designs[${i}]`;
    const type = String(design.type ?? '');
    const survival = (store.draft.endpoint as Draft | undefined)?.type === 'survival';
    const name = String(design.label || design.id || `design ${i + 1}`);
    const known = Object.hasOwn(DESIGN_META, type);
    return html`<div class="card-head">
        <h3>${name}</h3>
        <button type="button" aria-label="Duplicate ${name}" ?disabled=${count >= MAX_DESIGNS} @click=${() => {
          const copy = {
            ...structuredClone(design),
            id: unusedId(store, `${String(design.id)}-copy`),
            label: unusedLabel(store, `${name} (copy)`),
          };
          const list = designs(store);
          setDesigns(store, [...list.slice(0, i + 1), copy, ...list.slice(i + 1)]);
        }}>Duplicate</button>
        <button
          type="button"
          aria-label="Remove ${name}"
          ?disabled=${count <= 1}
          @click=${() =>
            setDesigns(
              store,
              designs(store).filter((_, k) => k !== i),
            )}
        >Remove</button>
      </div>
      <div class="pair">${field(store, `${path}.label`)}${field(store, `${path}.id`)}</div>
      ${field(store, `${path}.type`, {
        help: known ? DESIGN_META[type as DesignType].description : 'What is screened, randomised and tested.',
        onPick: (value) => {
          const list = designs(store);
          list[i] = withPopulation(store, retyped(design, value, survival));
          setDesigns(store, list);
        },
      })}
      ${
        !known
          ? nothing
          : type === 'adaptive-enrichment'
            ? this.adaptiveFields(path, survival, design, i)
            : this.fixedFields(path, type, survival, design, i)
      }`;
  }

  private fixedFields(path: string, type: string, survival: boolean, design: Draft, i: number): TemplateResult {
    const store = this.store;
    const interims = readAt(design, 'interims') as Draft | undefined;
    const several = hasSubgroupsDrafted(store.draft);
    return html`<div class="pair">
        ${field(store, `${path}.n`, {
          help:
            type !== 'enriched'
              ? 'Patients randomised.'
              : several
                ? 'Patients of its population randomised.'
                : 'Assay-positive patients randomised.',
        })}
        ${type === 'enriched' && several ? populationField(store, path) : nothing}
      </div>
      ${survival ? this.timingFields(path, type, design, i) : nothing}
      ${
        type === 'stratified'
          ? intersectionField(store, path, type, design)
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
                ${field(store, `${path}.interims.informationRates`)}
                ${field(store, `${path}.interims.efficacy`)}
              </div>`
              : nothing
          }`
      }`;
  }

  private adaptiveFields(path: string, survival: boolean, design: Draft, i: number): TemplateResult {
    const store = this.store;
    const rule = readAt(design, 'selection.rule');
    return html`<div class="pair">
        ${field(store, `${path}.n[0]`, {
          label: 'Randomised by the interim',
          unit: 'n₁',
          help: 'Stage 1, all comers.',
        })}
        ${field(store, `${path}.n[1]`, { label: 'Randomised in all', unit: 'N', help: 'Cumulative at the end.' })}
      </div>
      ${hasSubgroupsDrafted(store.draft) ? stage1Field(store, path) : nothing}
      ${survival ? this.timingFields(path, 'adaptive-enrichment', design, i) : nothing}
      <div class="pair">${intersectionField(store, path, 'adaptive-enrichment', design)}
        ${field(store, `${path}.combination`)}</div>
      <div class="pair">${field(store, `${path}.selection.rule`)}${field(store, `${path}.selection.measure`)}</div>
      <div class="pair">
        ${rule === 'epsilon' ? field(store, `${path}.selection.epsilon`) : nothing}
        ${rule === 'rbest' ? field(store, `${path}.selection.r`) : nothing}
        ${field(store, `${path}.selection.threshold`)}
      </div>
      ${field(store, `${path}.efficacy`)}
      ${this.recalculationFields(path, design, survival)}`;
  }

  /**
   * when a survival design's analyses come: at events (in the population chosen) or at calendar months;
   * the choice swaps which of the two the design holds
   */
  private timingFields(path: string, type: string, design: Draft, i: number): TemplateResult {
    const store = this.store;
    const byMonths = design.months !== undefined;
    const id = `${path.replace(/\W/g, '-')}-timing`;
    const two = type === 'adaptive-enrichment';
    const sizes = byMonths
      ? two
        ? html`${field(store, `${path}.months[0]`, { label: 'Interim month', unit: 'm₁', help: 'Stage 1.' })}
          ${field(store, `${path}.months[1]`, { label: 'Final month', unit: 'M', help: 'Calendar month of the end.' })}`
        : field(store, `${path}.months`)
      : two
        ? html`${field(store, `${path}.events[0]`, { label: 'Events at the interim', unit: 'e₁', help: 'Stage 1.' })}
          ${field(store, `${path}.events[1]`, { label: 'Events in all', unit: 'E', help: 'Cumulative.' })}`
        : field(store, `${path}.events`);
    return html`<div class="pair">
        <div class="field">
          <label for=${id}>Analyses at</label>
          <select id=${id} @change=${(event: Event) => {
            const list = designs(store);
            list[i] = timedBy(design, (event.target as HTMLSelectElement).value);
            setDesigns(store, list);
          }}>
            <option value="events" ?selected=${!byMonths}>a number of events</option>
            <option value="months" ?selected=${byMonths}>calendar months</option>
          </select>
          <small class="help">Event-driven, or at fixed months since the first patient.</small>
        </div>
        ${type === 'enriched' ? nothing : this.eventsInField(path, two)}
      </div>
      <div class="pair">${sizes}</div>`;
  }

  /** whose events time the analyses; left out, the tested population's (adaptive: F, then the kept one) */
  private eventsInField(path: string, two: boolean): TemplateResult {
    const store = this.store;
    const at = `${path}.eventsIn`;
    const given = readAt(store.draft, at);
    return field(store, at, {
      options: [
        ['', two ? 'F, then the kept' : 'the tested one'],
        ...(hasSubgroupsDrafted(store.draft)
          ? populationIds(store.draft).map((id): [string, string] => [id, id])
          : [['S', 'S (assay-positive)'] as [string, string]]),
        ['F', 'F (everyone)'],
      ],
      picked: typeof given === 'string' ? given : '',
      onPick: (value) => store.edit(at, value === '' ? undefined : value),
    });
  }

  /** stage 2 re-sized at the interim for a conditional power (rpact's conditionalPower rule) */
  private recalculationFields(path: string, design: Draft, survival: boolean): TemplateResult {
    const store = this.store;
    const on = readAt(design, 'recalculation') !== undefined;
    const unit = survival ? 'events' : 'patients';
    const at = (key: string) => `${path}.recalculation.${key}`;
    return html`<div class="field">
        <label><input type="checkbox" .checked=${on} @change=${(event: Event) =>
          store.edit(
            `${path}.recalculation`,
            (event.target as HTMLInputElement).checked ? defaultRecalculation(store, design, survival) : undefined,
          )} /> Re-size stage 2 for a conditional power</label>
      </div>
      ${
        on
          ? html`<div class="pair">
              ${field(store, at('conditionalPower'))}
              ${field(store, at('assumedEffect'), { unit: survival ? 'hazard ratio' : 'difference' })}
            </div>
            <div class="pair">
              ${field(store, at('minStage2'), { unit })}${field(store, at('maxStage2'), { unit })}
            </div>`
          : nothing
      }`;
  }
}
