// A Lit template (the app's charts: `svg` templates) as markup text, for the report: a file, with
// no DOM to render into, made the same way in Node and in the page. Lit's tags only record their
// static strings and the values between them; this walks them as Lit renders them. A value in
// text is escaped text, a nested template or a list of them; an attribute value is escaped;
// `@event` and `.property` bindings are a live page's behaviour and are left out; `?name` is
// present when true; `nothing` leaves out an attribute, and `nothing`, null and undefined render
// no text. Static strings are the chart's own markup and are copied as they are.
import { nothing } from 'lit';

type Template = { strings: readonly string[]; values: readonly unknown[] };

/** where a value sits: in text, right after `name=` in a tag, or inside a quoted attribute value */
type Place = 'text' | 'tag' | 'quoted';

export function templateText(value: unknown): string {
  if (value === nothing || value === null || value === undefined) return '';
  if (isTemplate(value)) return renderTemplate(value);
  if (typeof value !== 'string' && typeof (value as Iterable<unknown>)?.[Symbol.iterator] === 'function') {
    let text = '';
    for (const item of value as Iterable<unknown>) text += templateText(item);
    return text;
  }
  return escapeText(String(value));
}

export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;');
}

function isTemplate(value: unknown): value is Template {
  return (
    typeof value === 'object' && value !== null && '_$litType$' in value && 'strings' in value && 'values' in value
  );
}

function renderTemplate(template: Template): string {
  let out = '';
  let place: Place = 'text';
  let quote = '';
  template.strings.forEach((chunk, i) => {
    for (const char of chunk) {
      if (place === 'text' && char === '<') place = 'tag';
      else if (place === 'tag' && (char === '"' || char === "'")) [place, quote] = ['quoted', char];
      else if (place === 'quoted' && char === quote) place = 'tag';
      else if (place === 'tag' && char === '>') place = 'text';
    }
    out += chunk;
    if (i === template.values.length) return;
    const value = template.values[i];
    if (place === 'text') out += templateText(value);
    else if (place === 'quoted') out += value === nothing ? '' : escapeAttribute(String(value ?? ''));
    else out = attribute(out, value);
  });
  return out;
}

/** `out` ends with ` name=`: the attribute with its value, or without it */
function attribute(out: string, value: unknown): string {
  const binding = /(\s)([.?@]?)([^\s=]+)=$/.exec(out);
  if (!binding) throw new Error(`a template value inside a tag, not after an attribute's "=": …${out.slice(-40)}`);
  const [whole, space, kind, name] = binding;
  const before = out.slice(0, out.length - whole.length) + space;
  if (kind === '@' || kind === '.' || value === nothing) return before.trimEnd();
  if (kind === '?') return value ? `${before}${name}=""` : before.trimEnd();
  return `${before}${name}="${escapeAttribute(String(value ?? ''))}"`;
}
