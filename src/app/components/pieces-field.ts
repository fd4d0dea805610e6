// A field whose value is pieces of a function of the months since randomisation ([{from, value}],
// the first from month 0): one row a piece, with Add and Remove. Each input is bound to its piece's
// path (`endpoint.hazardRatio.pos[1].from`), so the contract's messages mark the very input.
import { html, nothing, type TemplateResult } from 'lit';
import { fieldView } from '../../engine/scenario/field-docs.js';
import type { Piece } from '../../engine/scenario/types.js';
import { inputValue, messagesFor, readAt, writeAt } from '../draft.js';
import type { Store } from '../state/store.js';
import { withSuitableMethod } from '../suitable-method.js';
import { idOf } from './fields.js';

export type PiecesSpec = { label: string; unit: string; help: string };

/** the pieces at `path` as drafted (a list, else none) */
function piecesAt(store: Store, path: string): Partial<Piece>[] {
  const value = readAt(store.draft, path);
  return Array.isArray(value) ? (value as Partial<Piece>[]) : [];
}

export function piecesField(store: Store, path: string, spec: PiecesSpec): TemplateResult {
  const pieces = piecesAt(store, path);
  const id = idOf(path);
  const own = messagesFor(store.errors, path);
  // pieces that stop being one value rule out the asymptotic law: the method follows
  const edit = (at: string, value: unknown) => store.setDraft(withSuitableMethod(writeAt(store.draft, at, value)));
  const set = (next: Partial<Piece>[]) => edit(path, next);
  const last = pieces[pieces.length - 1];
  // what the contract allows, in the form's notation: the same words as every other field's range
  // a subgroup's pieces (several populations) allow what marker+ pieces do
  const allowed = fieldView(path.replace(/^(endpoint\.\w+\.)[^.]+$/, '$1pos'), 'survival')?.pieces;
  const range = allowed
    ? `from month ${allowed.fromRange}, value ${allowed.range}, at most ${allowed.max} pieces, the first from 0.`
    : '';
  const nextFrom = typeof last?.from === 'number' ? last.from + 6 : 0;
  const cell = (i: number, key: 'from' | 'value', label: string) => {
    const at = `${path}[${i}].${key}`;
    const messages = messagesFor(store.errors, at);
    const invalid = messages.length > 0;
    return html`<td>
      <input id=${idOf(at)} name=${at} type="text" inputmode="decimal" autocomplete="off" aria-label=${label}
        .value=${pieces[i][key] === undefined ? '' : String(pieces[i][key])}
        aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${invalid ? `${idOf(at)}-error` : nothing}
        @change=${(event: Event) => edit(at, inputValue((event.target as HTMLInputElement).value))} />
      ${
        invalid
          ? html`<small id="${idOf(at)}-error" class="error" role="alert">${messages.join('; ')}</small>`
          : nothing
      }
    </td>`;
  };
  return html`<fieldset class="pieces ${own.length > 0 ? 'invalid' : ''}" aria-describedby="${id}-help">
    <legend>${spec.label} <span class="unit">(${spec.unit})</span></legend>
    <table>
      <thead><tr><th scope="col">from month</th><th scope="col">${spec.unit}</th><th></th></tr></thead>
      <tbody>
        ${pieces.map(
          (_, i) => html`<tr>
            ${cell(i, 'from', `${spec.label}, piece ${i + 1}: from month`)}
            ${cell(i, 'value', `${spec.label}, piece ${i + 1}: ${spec.unit}`)}
            <td><button type="button" aria-label="Remove piece ${i + 1} of ${spec.label}"
              ?disabled=${pieces.length <= 1}
              @click=${() => set(pieces.filter((__, k) => k !== i))}>Remove</button></td>
          </tr>`,
        )}
      </tbody>
    </table>
    <button type="button" ?disabled=${allowed !== undefined && pieces.length >= allowed.max}
      @click=${() => set([...pieces, { from: nextFrom, value: last?.value ?? 1 }])}
      >Add a piece</button>
    <small id="${id}-help" class="help"><span class="range">${range}</span> ${spec.help}</small>
    ${own.length > 0 ? html`<small class="error" role="alert">${own.join('; ')}</small>` : nothing}
  </fieldset>`;
}
