// A scenario field by its dotted path, and its allowed values in the page's short notation, so the
// form says exactly what the validator accepts (one source for both).
import type { Field, NumberField, Range, TextField } from './checks.js';
import { ENDPOINT_FIELDS, ENDPOINT_TYPE } from './endpoint.js';
import type { PiecesField } from './pieces.js';
import type { ObjectField } from './record.js';
import {
  ANALYSIS_FIELDS,
  HEADER_FIELDS,
  POPULATION_FIELDS,
  SIMULATION_FIELDS,
  TRIAL_FIELDS,
} from './scenario-fields.js';
import { DESIGN_META } from './design-meta.js';
import { POPULATION_FORM_FIELDS } from './population-form.js';
import { DESIGN_ID, DESIGN_LABEL, DESIGN_TYPE } from './designs.js';
import { sizeFields } from './sizes.js';
import { EVENTS_IN, monthsField } from './timing.js';
import type { DesignType, EndpointType } from './types.js';

type AnyFields = Record<string, Field<unknown>>;

/** the population in either form: the one-marker fields and the several-populations form's */
export const POPULATION_SECTION: AnyFields = { ...POPULATION_FIELDS, ...POPULATION_FORM_FIELDS } as AnyFields;

const SECTIONS: Record<string, AnyFields> = {
  population: POPULATION_SECTION,
  trial: TRIAL_FIELDS as AnyFields,
  analysis: ANALYSIS_FIELDS as AnyFields,
  simulation: SIMULATION_FIELDS as AnyFields,
};

/** the field at `path` (e.g. `trial.costs.perMonth`, `endpoint.sd.pos`), if there is one */
export function scenarioField(path: string, endpointType: EndpointType): Field<unknown> | undefined {
  const [head, ...rest] = path.split('.');
  if (rest.length === 0) return own(HEADER_FIELDS as AnyFields, head);
  if (path === 'endpoint.type') return ENDPOINT_TYPE;
  const field = fieldIn(head === 'endpoint' ? (ENDPOINT_FIELDS[endpointType] as AnyFields) : own(SECTIONS, head), rest);
  // a field of some endpoint types only (analysis.survivalTest), and the fields under it
  if (rest.length > 1 && scenarioField(`${head}.${rest[0]}`, endpointType) === undefined) return undefined;
  return field?.endpoints === undefined || field.endpoints.includes(endpointType) ? field : undefined;
}

/** a design's field at `path` within it (`selection.epsilon`, `n`), if a design of `type` has one */
export function designField(path: string, type: DesignType): Field<unknown> | undefined {
  const meta = DESIGN_META[type];
  const common: AnyFields = {
    id: DESIGN_ID,
    label: DESIGN_LABEL,
    type: DESIGN_TYPE,
    ...(sizeFields(meta.stages) as AnyFields),
    months: monthsField(meta.stages),
    ...(type === 'enriched' ? {} : { eventsIn: EVENTS_IN }),
  };
  return fieldIn({ ...common, ...(meta.fields as AnyFields) }, path.split('.'));
}

function own<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

function fieldIn(fields: AnyFields | undefined, keys: string[]): Field<unknown> | undefined {
  let field: Field<unknown> | undefined;
  for (const key of keys) {
    field = fields ? own(fields, key) : undefined;
    // objects have fields, and so does a keyword that stands for an object (analysis.survivalTest's "fh")
    fields = (field as Partial<ObjectField<unknown>> | undefined)?.fields as AnyFields | undefined;
  }
  return field;
}

/** a bound as people read it: 10⁶ for a large power of ten, else the number */
export function bound(value: number): string {
  const power = Math.log10(Math.abs(value));
  if (Number.isInteger(power) && Math.abs(power) >= 4) {
    const digits = String(power).replace(/./g, (c) => '⁻⁰¹²³⁴⁵⁶⁷⁸⁹'['-0123456789'.indexOf(c)]);
    return `${value < 0 ? '−' : ''}10${digits}`;
  }
  return String(value).replace('-', '−');
}

/** `0.001 ≤ x ≤ 0.999`, `≥ 0`, `integer, 1 to 10⁷` */
export function rangeSymbols(range: Range): string {
  const { min, max, minOpen, maxOpen, integer } = range;
  if (integer) {
    if (min !== undefined && max !== undefined) return `integer, ${bound(min)} to ${bound(max)}`;
    if (min !== undefined) return `integer ≥ ${bound(min)}`;
    return max !== undefined ? `integer ≤ ${bound(max)}` : 'integer';
  }
  if (min !== undefined && max !== undefined) {
    return `${bound(min)} ${minOpen ? '<' : '≤'} x ${maxOpen ? '<' : '≤'} ${bound(max)}`;
  }
  if (min !== undefined) return `${minOpen ? '>' : '≥'} ${bound(min)}`;
  if (max !== undefined) return `${maxOpen ? '<' : '≤'} ${bound(max)}`;
  return 'any number';
}

/** what the field at `path` allows, in the form's short notation */
export function rangeOf(path: string, endpointType: EndpointType): string {
  const field = scenarioField(path, endpointType);
  if (field === undefined) throw new Error(`no scenario field at ${path}`);
  return fieldRange(field);
}

/** what `field` allows, in the form's short notation */
export function fieldRange(field: Field<unknown>): string {
  const kind = (field as { kind?: string }).kind;
  if (kind === 'number') return rangeSymbols((field as NumberField).range);
  if (kind === 'pieces') {
    const { max, value } = (field as PiecesField).pieces;
    return `1 to ${max} pieces from month 0, each value ${rangeSymbols(value.range)}`;
  }
  // a text with a pattern says it in words ("1–40 letters, digits, …"); free text, its length
  if (kind === 'text') {
    const free = field.allowed.startsWith('text of at most');
    return free ? `≤ ${(field as TextField).maxLength} characters` : field.allowed;
  }
  return field.allowed;
}
