// The reusable field checkers. Each knows, in words, what it allows (for messages, and for the
// app's help texts) and reads one JSON value at a path, reporting every problem it finds as
// `path: must be <what is allowed>, got <value>` instead of stopping at the first.
import type { EndpointType, Scenario, SurvivalTest } from './types.js';

export type Issues = string[];

/** What a field's rule may depend on beyond its own value. */
export type Context = {
  readonly endpointType?: EndpointType;
  readonly method?: Scenario['simulation']['method'];
  readonly survivalTest?: SurvivalTest;
  /**
   * the several-populations form's population ids (the well-formed ones written), which designs name;
   * absent in the one-marker form, whose one population is S
   */
  readonly populations?: readonly string[];
  /** the several-populations form's subgroup ids once read, which populations and the assay name */
  readonly subgroups?: readonly string[];
};

export interface Field<T> {
  /** what the field accepts, e.g. "an integer ≥ 4" */
  readonly allowed: string;
  /** makes the value of an absent field (a fresh one each call); without it the field is required */
  readonly fill?: () => T;
  /** the value read, or undefined after reporting why it is not acceptable */
  read(value: unknown, path: string, issues: Issues, context: Context): T | undefined;
  /** the endpoint types whose scenarios have the field; absent: every type */
  readonly endpoints?: readonly EndpointType[];
}

export type Range = { integer?: boolean; min?: number; max?: number; minOpen?: boolean; maxOpen?: boolean };

export interface NumberField extends Field<number> {
  readonly kind: 'number';
  readonly range: Range;
  readonly default?: number;
}

export interface KeywordField<K extends string | number> extends Field<K> {
  readonly kind: 'keyword';
  readonly values: readonly K[];
  readonly default?: K;
}

export interface TextField extends Field<string> {
  readonly kind: 'text';
  readonly maxLength: number;
  readonly default?: string;
}

// ---- paths and values in messages ----

/** The document itself; shown as `(root)`. */
export const ROOT = '';
const GOT_LENGTH = 40;

export const child = (path: string, key: string): string => (path === ROOT ? key : `${path}.${key}`);
export const item = (path: string, index: number): string => `${path}[${index}]`;
export const shown = (path: string): string => (path === ROOT ? '(root)' : path);

/** A value as the message shows it: JSON, cut to about 40 characters; never throws. */
export function describe(value: unknown): string {
  let text: string;
  if (typeof value === 'number' && !Number.isFinite(value)) text = String(value);
  else if (typeof value === 'bigint') text = `${value}n`;
  else if (value === undefined || typeof value === 'function' || typeof value === 'symbol') text = typeof value;
  else {
    try {
      text = JSON.stringify(value) ?? typeof value;
    } catch {
      text = Array.isArray(value) ? 'an array' : 'an object'; // circular, or a throwing toJSON
    }
  }
  // cut by code points, so a cut never leaves half a surrogate pair in the message
  const characters = [...text];
  return characters.length > GOT_LENGTH ? `${characters.slice(0, GOT_LENGTH - 1).join('')}…` : text;
}

export function mustBe(issues: Issues, path: string, allowed: string, value: unknown): undefined {
  issues.push(`${shown(path)}: must be ${allowed}, got ${describe(value)}`);
  return undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An own property only, so `toString` or `__proto__` tricks never read the prototype. */
export function own(record: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Keyword lists as people read them: `"t" or "z"`, `one of "a", "b", "c"`. */
export function listWords(values: readonly (string | number)[]): string {
  const quoted = values.map((value) => JSON.stringify(value));
  if (quoted.length <= 2) return quoted.join(' or ');
  return `one of ${quoted.join(', ')}`;
}

// ---- scalar fields ----

export function rangeWords(range: Range): string {
  const noun = range.integer ? 'an integer' : 'a number';
  const bounds: string[] = [];
  if (range.min !== undefined) bounds.push(`${range.minOpen ? '>' : '≥'} ${range.min}`);
  if (range.max !== undefined) bounds.push(`${range.maxOpen ? '<' : '≤'} ${range.max}`);
  if (bounds.length === 0) return range.integer ? noun : 'a finite number';
  return `${noun} ${bounds.join(' and ')}`;
}

export function inRange(value: number, range: Range): boolean {
  if (range.integer && !Number.isSafeInteger(value)) return false;
  if (range.min !== undefined && (range.minOpen ? value <= range.min : value < range.min)) return false;
  if (range.max !== undefined && (range.maxOpen ? value >= range.max : value > range.max)) return false;
  return true;
}

/** The bounds of what Stratum computes, tighter than a quantity's meaning, with the reason. */
export type Limit = { min?: number; max?: number; why: string };

/**
 * A finite JSON number (never a numeric string) within `range`. `limit`, when given, bounds it
 * further: not by the quantity's meaning but by what a trial can be and Stratum computes, said with
 * its reason only to a value the meaning allows (so `n: -3` still hears "an integer ≥ 4").
 */
export function numberIn(range: Range, defaultValue?: number, limit?: Limit): NumberField {
  const allowed = rangeWords(range);
  const within: Range = { ...range };
  if (limit?.min !== undefined) Object.assign(within, { min: limit.min, minOpen: false });
  if (limit?.max !== undefined) Object.assign(within, { max: limit.max, maxOpen: false });
  const limitWords =
    limit && `${rangeWords({ integer: range.integer, min: limit.min, max: limit.max })} (${limit.why})`;
  return {
    kind: 'number',
    range: within,
    allowed,
    ...(defaultValue === undefined ? {} : { default: defaultValue, fill: () => defaultValue }),
    read(value, path, issues) {
      if (typeof value === 'number' && Number.isFinite(value) && inRange(value, within)) return value;
      if (limitWords !== undefined && typeof value === 'number' && Number.isFinite(value) && inRange(value, range)) {
        return mustBe(issues, path, limitWords, value);
      }
      return mustBe(issues, path, allowed, value);
    },
  };
}

/** One of a fixed list of keywords (or numbers, for `version`). */
export function oneOf<const K extends string | number>(values: readonly K[], defaultValue?: K): KeywordField<K> {
  const allowed = listWords(values);
  return {
    kind: 'keyword',
    values,
    allowed,
    ...(defaultValue === undefined ? {} : { default: defaultValue, fill: () => defaultValue }),
    read(value, path, issues) {
      if ((values as readonly unknown[]).includes(value)) return value as K;
      return mustBe(issues, path, allowed, value);
    },
  };
}

/**
 * Text of at most `maxLength` characters (code points, as people count them), made of whole
 * characters: a lone UTF-16 surrogate has no UTF-8 form, so the share link could not hold it
 * (encodeURIComponent throws "URI malformed"). `\p{Cs}` with the u flag matches only a lone one.
 */
export function text(maxLength: number, defaultValue?: string, pattern?: { regex: RegExp; words: string }): TextField {
  const allowed = pattern?.words ?? `text of at most ${maxLength} characters`;
  return {
    kind: 'text',
    maxLength,
    allowed,
    ...(defaultValue === undefined ? {} : { default: defaultValue, fill: () => defaultValue }),
    read(value, path, issues) {
      if (typeof value === 'string' && /\p{Cs}/u.test(value)) {
        return mustBe(issues, path, `${allowed} without unpaired surrogates (U+D800–U+DFFF)`, value);
      }
      if (
        typeof value === 'string' &&
        [...value].length <= maxLength &&
        (pattern === undefined || pattern.regex.test(value))
      ) {
        return value;
      }
      return mustBe(issues, path, allowed, value);
    },
  };
}

export function flag(defaultValue: boolean): Field<boolean> & { readonly kind: 'boolean'; readonly default: boolean } {
  return {
    kind: 'boolean',
    allowed: 'true or false',
    default: defaultValue,
    fill: () => defaultValue,
    read(value, path, issues) {
      if (typeof value === 'boolean') return value;
      return mustBe(issues, path, 'true or false', value);
    },
  };
}

/** `field`, or null meaning "none"; null is also the default. Keeps what the form reads of `field`. */
export function orNull<T>(field: Field<T>): Field<T | null> & { readonly nullable: true } {
  const allowed = `${field.allowed}, or null for none`;
  return {
    ...field,
    nullable: true,
    allowed,
    fill: () => null,
    read(value, path, issues, context) {
      if (value === null) return null;
      const scratch: Issues = [];
      const result = field.read(value, path, scratch, context);
      return result === undefined ? mustBe(issues, path, allowed, value) : result;
    },
  };
}

/** A field that may be left out; it then stays out of the filled scenario too. Keeps what the form reads. */
export function optional<T>(field: Field<T>): Field<T | undefined> {
  return {
    ...field,
    allowed: field.allowed,
    fill: () => undefined,
    read: (value, path, issues, context) => field.read(value, path, issues, context),
  };
}
