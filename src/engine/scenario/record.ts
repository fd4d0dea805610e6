// Objects of known fields: unknown fields are errors (so typos are caught), absent fields are
// filled with their defaults or reported as required, and every field is read even after one
// failed, so a document's problems all come out at once.
import { child, describe, isRecord, mustBe, own, shown } from './checks.js';
import type { Context, Field, Issues } from './checks.js';

/** One field per key; optional keys get a field that may fill `undefined`. */
export type Fields<T> = { [K in keyof Required<T>]: Field<T[K]> };

export interface ObjectField<T> extends Field<T> {
  readonly kind: 'object';
  readonly fields: Fields<T>;
}

/** Where a field name fits, the key being `key`; undefined when the key is simply unknown. */
export type Misplaced = (key: string) => string | undefined;

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_]{0,39}$/;

/**
 * Reports every key of `record` not in `allowed`: `designs[0].intersections: unknown field
 * (allowed: …)`. A key that is not a plain name is quoted after the parent's path instead, so a
 * message always starts with a path.
 */
export function reportUnknown(
  record: Record<string, unknown>,
  allowed: readonly string[],
  path: string,
  issues: Issues,
  misplaced?: Misplaced,
): void {
  for (const key of Object.keys(record)) {
    if (allowed.includes(key) || record[key] === undefined) continue;
    const reason = misplaced?.(key) ?? `unknown field (allowed: ${allowed.join(', ')})`;
    if (PLAIN_KEY.test(key)) issues.push(`${child(path, key)}: ${reason}`);
    else issues.push(`${shown(path)}: ${reason.replace(/^unknown field/, `unknown field ${describe(key)}`)}`);
  }
}

/** An object, or undefined after reporting what was there instead. */
export function recordAt(value: unknown, path: string, issues: Issues): Record<string, unknown> | undefined {
  return isRecord(value) ? value : mustBe(issues, path, 'an object', value);
}

/** One field of `record`: its value read, its default filled, or `required` reported. */
export function readField<T>(
  record: Record<string, unknown>,
  key: string,
  field: Field<T>,
  path: string,
  issues: Issues,
  context: Context,
): T | undefined {
  const value = own(record, key);
  const at = child(path, key);
  if (value !== undefined) return field.read(value, at, issues, context);
  if (field.fill) return field.fill();
  issues.push(`${at}: required, must be ${field.allowed}`);
  return undefined;
}

/**
 * Every field of `fields` read from `record` (unknown keys are the caller's to report).
 * `complete` is false when some field had a problem, which was then reported.
 */
export function readFields<T>(
  record: Record<string, unknown>,
  fields: Fields<T>,
  path: string,
  issues: Issues,
  context: Context,
): { value: Partial<T>; complete: boolean } {
  const value: Partial<T> = {};
  let complete = true;
  for (const key of Object.keys(fields) as (keyof T & string)[]) {
    const field = fields[key] as Field<T[typeof key]>;
    const before = issues.length;
    const read = readField(record, key, field, path, issues, context);
    if (issues.length > before) complete = false;
    if (read !== undefined) value[key] = read;
  }
  return { value, complete };
}

/**
 * An object of known fields. It fills itself when absent if all its fields have defaults;
 * `refine` checks rules between its fields on whatever could be read.
 */
export function object<T>(
  fields: Fields<T>,
  refine?: (value: Partial<T>, path: string, issues: Issues) => void,
): ObjectField<T> {
  const keys = Object.keys(fields);
  const fieldList = Object.values(fields) as Field<unknown>[];
  const allowed = `an object { ${keys.join(', ')} }`;
  const read = (value: unknown, path: string, issues: Issues, context: Context): T | undefined => {
    const record = recordAt(value, path, issues);
    if (record === undefined) return undefined;
    reportUnknown(record, keys, path, issues);
    const before = issues.length;
    const { value: fieldsRead, complete } = readFields(record, fields, path, issues, context);
    refine?.(fieldsRead, path, issues);
    // complete and no rule broken: every field is present or was an optional one left out
    return complete && issues.length === before ? (fieldsRead as T) : undefined;
  };
  const fillable = fieldList.every((field) => field.fill !== undefined);
  return {
    kind: 'object',
    fields,
    allowed,
    read,
    ...(fillable ? { fill: () => read({}, '', [], {}) as T } : {}),
  };
}
