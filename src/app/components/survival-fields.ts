// A survival endpoint's fields for one true marker status, or one subgroup with several populations:
// the control arm as a median (with an optional Weibull shape) or as hazard pieces, and the hazard
// ratio as one number or as pieces (a delayed effect). Switching a form keeps what it can: a median m
// becomes the hazard ln 2 / m, one number the single piece from month 0, and back the first piece's
// value.
import { html, type TemplateResult } from 'lit';
import type { Piece } from '../../engine/scenario/types.js';
import { readAt, writeAt, type Draft } from '../draft.js';
import type { Store } from '../state/store.js';
import { withSuitableMethod } from '../suitable-method.js';
import { field } from './fields.js';
import { piecesField } from './pieces-field.js';

/** `pos`, `neg`, or a subgroup's id */
type Status = string;
const NAME: Record<string, string> = { pos: 'marker+', neg: 'marker−' };
const nameOf = (status: Status) => NAME[status] ?? status;
/** a subgroup's field is described by the contract's marker+ one, named for the subgroup */
function statusField(store: Store, key: string, status: Status, label: string): TemplateResult {
  const path = `endpoint.${key}.${status}`;
  return Object.hasOwn(NAME, status)
    ? field(store, path)
    : field(store, path, { docPath: `endpoint.${key}.pos`, label: `${label}, ${status}` });
}

const firstValue = (value: unknown) => (Array.isArray(value) ? (value[0] as Partial<Piece> | undefined)?.value : value);

function choose(id: string, label: string, value: string, options: [string, string][], pick: (v: string) => void) {
  return html`<div class="field">
    <label for=${id}>${label}</label>
    <select id=${id} @change=${(event: Event) => pick((event.target as HTMLSelectElement).value)}>
      ${options.map(([v, text]) => html`<option value=${v} ?selected=${v === value}>${text}</option>`)}
    </select>
  </div>`;
}

function controlFields(store: Store, status: Status): TemplateResult {
  const pieces = readAt(store.draft, `endpoint.controlHazard.${status}`) !== undefined;
  const switchTo = (form: string) => {
    let draft: Draft = store.draft;
    if (form === 'pieces' && !pieces) {
      const median = Number(readAt(draft, `endpoint.controlMedian.${status}`));
      const hazard = Number.isFinite(median) && median > 0 ? Math.LN2 / median : 0.05;
      draft = writeAt(draft, `endpoint.controlMedian.${status}`, undefined);
      draft = writeAt(draft, `endpoint.shape.${status}`, undefined);
      draft = writeAt(draft, `endpoint.controlHazard.${status}`, [{ from: 0, value: Number(hazard.toPrecision(4)) }]);
    } else if (form === 'median' && pieces) {
      const hazard = Number(firstValue(readAt(draft, `endpoint.controlHazard.${status}`)));
      const median = Number.isFinite(hazard) && hazard > 0 ? Math.LN2 / hazard : 12;
      draft = writeAt(draft, `endpoint.controlHazard.${status}`, undefined);
      draft = writeAt(draft, `endpoint.controlMedian.${status}`, Number(median.toPrecision(4)));
    }
    store.setDraft(withSuitableMethod(draft));
  };
  const form = choose(
    `control-form-${status}`,
    `Control arm, ${nameOf(status)}`,
    pieces ? 'pieces' : 'median',
    [
      ['median', 'median (exponential or Weibull)'],
      ['pieces', 'hazard pieces'],
    ],
    switchTo,
  );
  if (pieces)
    return html`${form}${piecesField(store, `endpoint.controlHazard.${status}`, {
      label: `Control hazard, ${nameOf(status)}`,
      unit: 'events / month',
      help: 'The hazard without treatment from each piece’s month on; the first piece starts at month 0.',
    })}`;
  return html`${form}<div class="pair">
    ${statusField(store, 'controlMedian', status, 'Control median')}
    ${statusField(store, 'shape', status, 'Weibull shape')}
  </div>`;
}

function ratioFields(store: Store, status: Status): TemplateResult {
  const path = `endpoint.hazardRatio.${status}`;
  const pieces = Array.isArray(readAt(store.draft, path));
  const switchTo = (form: string) => {
    const value = readAt(store.draft, path);
    const next =
      form === 'pieces' ? [{ from: 0, value: typeof value === 'number' ? value : 1 }] : (firstValue(value) ?? 1);
    if ((form === 'pieces') !== pieces) store.setDraft(withSuitableMethod(writeAt(store.draft, path, next)));
  };
  const form = choose(
    `ratio-form-${status}`,
    `Hazard ratio, ${nameOf(status)}`,
    pieces ? 'pieces' : 'constant',
    [
      ['constant', 'one number (proportional hazards)'],
      ['pieces', 'pieces (an effect that changes with time)'],
    ],
    switchTo,
  );
  if (pieces)
    return html`${form}${piecesField(store, path, {
      label: `Hazard ratio, ${nameOf(status)}`,
      unit: 'treatment : control',
      help:
        'From each piece’s month since randomisation on; e.g. 1 from month 0 and 0.6 from month 4 is an ' +
        'effect after 4 months.',
    })}`;
  return html`${form}${statusField(store, 'hazardRatio', status, 'Hazard ratio')}`;
}

/** the fields of each status (`pos`, `neg`) or subgroup, and the dropout */
export function survivalFields(store: Store, statuses: readonly Status[] = ['pos', 'neg']): TemplateResult {
  return html`${statuses.map(
    (status) => html`<div class="status-fields">${controlFields(store, status)}${ratioFields(store, status)}</div>`,
  )}
    ${field(store, 'endpoint.dropoutPerYear')}`;
}
