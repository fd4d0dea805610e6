// Form fields bound to a draft path: a number (or short text) input and a choice. Each shows its
// label, unit, allowed range and help; the contract's messages for its path mark it invalid.
import { html, nothing, type TemplateResult } from 'lit';
import { inputValue, messagesFor, readAt } from '../draft.js';
import { store } from '../store.js';

/** `optional`: an empty input means "none" (null) rather than a missing number */
export type NumberSpec = {
  path: string;
  label: string;
  unit?: string;
  range: string;
  help: string;
  text?: boolean;
  list?: boolean;
  optional?: boolean;
};
export type ChoiceSpec = {
  path: string;
  label: string;
  help: string;
  options: [string, string][];
  onPick?: (value: string) => void;
};

const idOf = (path: string) => 'f-' + path.replace(/[^A-Za-z0-9]+/g, '-');

function shownValue(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.join(', ');
  return typeof value === 'string' ? value : String(value);
}

function valueFromText(spec: NumberSpec, text: string): unknown {
  if (spec.optional && text.trim() === '') return null;
  if (spec.list) return text.split(',').map(inputValue);
  return spec.text ? text : inputValue(text);
}

export function numberField(spec: NumberSpec): TemplateResult {
  const id = idOf(spec.path);
  const messages = messagesFor(store.errors, spec.path);
  const invalid = messages.length > 0;
  const describedBy = `${id}-help${invalid ? ` ${id}-error` : ''}`;
  return html`<div class="field ${invalid ? 'invalid' : ''}">
    <label for=${id}>${spec.label}${spec.unit ? html` <span class="unit">(${spec.unit})</span>` : nothing}</label>
    <input
      id=${id}
      name=${spec.path}
      type="text"
      inputmode=${spec.text ? 'text' : 'decimal'}
      autocomplete="off"
      spellcheck="false"
      .value=${shownValue(readAt(store.draft, spec.path))}
      aria-invalid=${invalid ? 'true' : 'false'}
      aria-describedby=${describedBy}
      @change=${(event: Event) => store.edit(spec.path, valueFromText(spec, (event.target as HTMLInputElement).value))}
    />
    <small id="${id}-help" class="help"><span class="range">${spec.range}</span> ${spec.help}</small>
    ${invalid ? html`<small id="${id}-error" class="error" role="alert">${messages.join('; ')}</small>` : nothing}
  </div>`;
}

export function choiceField(spec: ChoiceSpec): TemplateResult {
  const id = idOf(spec.path);
  const current = shownValue(readAt(store.draft, spec.path));
  const messages = messagesFor(store.errors, spec.path);
  return html`<div class="field ${messages.length > 0 ? 'invalid' : ''}">
    <label for=${id}>${spec.label}</label>
    <select
      id=${id}
      name=${spec.path}
      aria-describedby="${id}-help${messages.length > 0 ? ` ${id}-error` : ''}"
      @change=${(event: Event) => {
        const value = (event.target as HTMLSelectElement).value;
        if (spec.onPick) spec.onPick(value);
        else store.edit(spec.path, value === 'true' ? true : value === 'false' ? false : value);
      }}
    >
      ${spec.options.map(
        ([value, text]) => html`<option value=${value} ?selected=${value === current}>${text}</option>`,
      )}
    </select>
    <small id="${id}-help" class="help">${spec.help}</small>
    ${
      messages.length > 0
        ? html`<small id="${id}-error" class="error" role="alert">${messages.join('; ')}</small>`
        : nothing
    }
  </div>`;
}
