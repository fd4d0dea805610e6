// Form fields bound to a draft path, made from the contract's own description of the field
// (engine/scenario/field-docs.ts): its label, unit, allowed range and help, and for keywords a
// choice of their names. The contract's messages for the path mark the field invalid.
import { html, nothing, type TemplateResult } from 'lit';
import { fieldView, type FieldView } from '../../engine/scenario/field-docs.js';
import type { DesignType, EndpointType } from '../../engine/scenario/types.js';
import { inputValue, messagesFor, readAt } from '../draft.js';
import type { Store } from '../state/store.js';

/** what a form may say differently from the contract's words, or add */
export type FieldOptions = {
  label?: string;
  unit?: string;
  help?: string;
  /** a keyword field's choices, when the form offers fewer than the contract allows */
  options?: [string, string][];
  /** replaces the plain edit when a choice is picked */
  onPick?: (value: string) => void;
  /** the choice shown as picked, where the drafted value is not itself a keyword ({ fh: [ρ, γ] } is "fh") */
  picked?: string;
  /** the contract's field that describes this one, where the path holds an id (`endpoint.effect.pos` for `.high`) */
  docPath?: string;
  /** replaces the plain edit of an input: a change that reaches beyond the field (renaming an id) */
  onEdit?: (value: unknown) => void;
  /** marked invalid by a message about more than this field (the shares' sum), said once elsewhere */
  invalid?: boolean;
};

/** an element id for the field: the path's separators as `-`, a subgroup id's other signs (`+`, `-`, `_`) by code */
export const idOf = (path: string) =>
  `f-${path.replace(/[^A-Za-z0-9.[\]]/g, (sign) => `_${sign.charCodeAt(0).toString(16)}`).replace(/[.[\]]+/g, '-')}`;

/** the draft's endpoint type as the form reads it: a continuous one's fields until it is known */
export function endpointTypeOf(store: Store): EndpointType {
  const type = (store.draft.endpoint as { type?: unknown } | undefined)?.type;
  return type === 'binary' || type === 'survival' ? type : 'continuous';
}

function designTypeAt(store: Store, path: string): DesignType | undefined {
  const index = /^designs\[(\d+)\]/.exec(path)?.[1];
  return index === undefined ? undefined : (readAt(store.draft, `designs[${index}].type`) as DesignType);
}

function shownValue(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

/** a list field (information rates) reads comma-separated numbers; an item of a pair (`n[0]`) one number */
function valueFromText(view: FieldView, path: string, text: string): unknown {
  if (view.nullable && text.trim() === '') return null;
  if (view.optional && text.trim() === '') return undefined;
  if (view.kind === undefined && !/\[\d+\]$/.test(path)) return text.split(',').map(inputValue);
  return view.kind === 'text' ? text : inputValue(text);
}

/** the field at `path`, as the contract describes it for the draft's endpoint and design type */
export function field(store: Store, path: string, options: FieldOptions = {}): TemplateResult {
  const view = fieldView(options.docPath ?? path, endpointTypeOf(store), designTypeAt(store, path));
  if (view === undefined) throw new Error(`no form field for ${path}`);
  const shown: FieldView = { ...view, ...options, options: options.options ?? view.options };
  return shown.options ? choice(store, path, shown, options) : input(store, path, shown, options);
}

function input(store: Store, path: string, view: FieldView, { onEdit, invalid: marked }: FieldOptions): TemplateResult {
  const id = idOf(path);
  const messages = messagesFor(store.errors, path);
  const invalid = messages.length > 0 || marked === true;
  const describedBy = `${id}-help${messages.length > 0 ? ` ${id}-error` : ''}`;
  const range = view.nullable ? `${view.range}, or empty` : view.range;
  return html`<div class="field ${invalid ? 'invalid' : ''}">
    <label for=${id}>${view.label}${view.unit ? html` <span class="unit">(${view.unit})</span>` : nothing}</label>
    <input
      id=${id}
      name=${path}
      type="text"
      inputmode=${view.kind === 'number' ? 'decimal' : 'text'}
      autocomplete="off"
      spellcheck="false"
      .value=${shownValue(readAt(store.draft, path))}
      aria-invalid=${invalid ? 'true' : 'false'}
      aria-describedby=${describedBy}
      @change=${(event: Event) => {
        const value = valueFromText(view, path, (event.target as HTMLInputElement).value);
        if (onEdit) onEdit(value);
        else store.edit(path, value);
      }}
    />
    <small id="${id}-help" class="help"><span class="range">${range}</span> ${view.help}</small>
    ${
      messages.length > 0
        ? html`<small id="${id}-error" class="error" role="alert">${messages.join('; ')}</small>`
        : nothing
    }
  </div>`;
}

function choice(store: Store, path: string, view: FieldView, { onPick, picked }: FieldOptions): TemplateResult {
  const id = idOf(path);
  const current = picked ?? shownValue(readAt(store.draft, path));
  const messages = messagesFor(store.errors, path);
  const invalid = messages.length > 0;
  return html`<div class="field ${invalid ? 'invalid' : ''}">
    <label for=${id}>${view.label}</label>
    <select
      id=${id}
      name=${path}
      aria-invalid=${invalid ? 'true' : 'false'}
      aria-describedby="${id}-help${invalid ? ` ${id}-error` : ''}"
      @change=${(event: Event) => {
        const value = (event.target as HTMLSelectElement).value;
        if (onPick) onPick(value);
        else store.edit(path, view.kind === 'boolean' ? value === 'true' : value);
      }}
    >
      ${view.options?.map(
        ([value, text]) => html`<option value=${value} ?selected=${value === current}>${text}</option>`,
      )}
    </select>
    <small id="${id}-help" class="help">${view.help}</small>
    ${invalid ? html`<small id="${id}-error" class="error" role="alert">${messages.join('; ')}</small>` : nothing}
  </div>`;
}
