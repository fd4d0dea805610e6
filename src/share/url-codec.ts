// A scenario as a share link's query string, and back (docs/scenario.md "Command line").
// Keys are the fields' own dotted paths (`population.prevalence=0.3`, `designs.1.n=180,360`), so a
// link is readable and survives any host or sub-path; `version` comes first. With several populations,
// subgroup ids are key segments too (`population.assay.A%2BB-.A-B-=0.1`, `endpoint.effect.high=0.6`). Decoding builds a
// plain document and sends it through the scenario contract's one gate (parseScenario), so a
// tampered link yields the same messages as a bad file, and never anything but data.
import { parseScenario, type ParseResult } from '../engine/scenario/parse.js';
import type { Scenario } from '../engine/scenario/types.js';

/** longest query string decoded: far above any real scenario (8 designs ≈ 2,500 characters) */
export const MAX_QUERY_LENGTH = 20_000;
/** fields that are always text, whatever they look like (a seed "123" stays a string, a subgroup "1" too) */
const TEXT_KEYS = new Set(['title', 'seed', 'id', 'label', 'currency', 'population', 'eventsIn', 'stage1']);
/** fields that are always lists of numbers, even with one element */
const LIST_KEYS = new Set(['informationRates']);
/** fields that are always lists of ids (`population.populations.0.subgroups=high,low`, `designs.0.order`) */
const ID_LIST_KEYS = new Set(['subgroups', 'order']);
const KEY_SEGMENT = /^[A-Za-z][A-Za-z0-9]{0,39}$/;
/** a subgroup's id as the contract allows it (population-form.ts); `+` is written %2B, since `+` reads as a space */
const ID_SEGMENT = /^[A-Za-z0-9_+-]{1,20}$/;
/**
 * the lists of objects a link holds, by path, and the indices each takes: designs (at most 8), subgroups
 * (at most 8), populations (at most 3) and a survival endpoint's pieces (at most 20), one key segment per
 * index (`endpoint.hazardRatio.pos.1.from`); the contract names a list too long
 */
const ONE_DIGIT = /^[0-9]$/;
const PIECE_INDEX = /^(?:[0-9]|1[0-9])$/;
const ONE_DIGIT_LISTS = new Set(['designs', 'population.subgroups', 'population.populations']);
/** the endpoint's maps by subgroup (`pos`, `neg`, or the several-populations form's ids) */
const SUBGROUP_MAPS = '(?:effect|sd|control|treatment|controlMedian|shape|hazardRatio|controlHazard)';
const PIECES_PATH = /^endpoint\.(?:hazardRatio|controlHazard)\.[^.]+$/;
/** the objects keyed by subgroup id: the endpoint's maps and the assay's table, its rows and their entries */
const BY_ID_PATH = new RegExp(`^(?:endpoint\\.${SUBGROUP_MAPS}|population\\.assay(?:\\.[^.]+)?)$`);

type Segment = { kind: 'index' | 'id' | 'field'; pattern: RegExp };

/** what a key segment under `path` may be: an index of the list there, a subgroup's id, or a field's name */
function segmentAt(path: string): Segment {
  if (ONE_DIGIT_LISTS.has(path)) return { kind: 'index', pattern: ONE_DIGIT };
  if (PIECES_PATH.test(path)) return { kind: 'index', pattern: PIECE_INDEX };
  return BY_ID_PATH.test(path) ? { kind: 'id', pattern: ID_SEGMENT } : { kind: 'field', pattern: KEY_SEGMENT };
}
const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?$/i;

/** the scenario's query string, starting with `?` */
export function encodeScenarioQuery(scenario: Scenario): string {
  const pairs: [string, string][] = [];
  flatten(scenario, '', pairs);
  pairs.sort(([a], [b]) => (a === 'version' ? -1 : b === 'version' ? 1 : 0));
  return '?' + pairs.map(([key, value]) => `${encodeValue(key)}=${encodeValue(value)}`).join('&');
}

function flatten(value: unknown, path: string, pairs: [string, string][]): void {
  if (Array.isArray(value) && value.every((item) => typeof item === 'number')) {
    pairs.push([path, value.map(numberText).join(',')]);
  } else if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
    pairs.push([path, value.join(',')]); // lists of ids, which hold no comma
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => {
      flatten(item, `${path}.${index}`, pairs);
    });
  } else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value))
      if (inner !== undefined) flatten(inner, path ? `${path}.${key}` : key, pairs);
  } else {
    pairs.push([path, typeof value === 'number' ? numberText(value) : String(value)]);
  }
}

/** a number as the link writes it; String(-0) is "0", which would not decode to the same scenario */
function numberText(value: number): string {
  return Object.is(value, -0) ? '-0' : String(value);
}

/** percent-encode what must be (a `+` too, read back as a space), keep `.`, `,`, `-`, `_` readable */
function encodeValue(value: string): string {
  return encodeURIComponent(value).replace(/%2C/g, ',');
}

/**
 * The scenario in a link (a whole URL, or its query string with or without `?`), or every
 * problem found: malformed keys first, then the contract's own messages.
 */
export function decodeScenarioQuery(link: string): ParseResult {
  const query = queryPart(link);
  if (query.length > MAX_QUERY_LENGTH)
    return { ok: false, errors: [`the link is ${query.length} characters long; at most ${MAX_QUERY_LENGTH} are read`] };
  if (query === '') return { ok: false, errors: ['the link holds no scenario (no query string)'] };
  const document: Record<string, unknown> = {};
  const errors: string[] = [];
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    const [rawKey, rawValue] = equals < 0 ? [pair, ''] : [pair.slice(0, equals), pair.slice(equals + 1)];
    const key = decodeComponent(rawKey);
    const value = decodeComponent(rawValue);
    if (key === undefined || value === undefined) {
      const raw = quoted(key === undefined ? rawKey : rawValue);
      errors.push(`${quoted(key ?? rawKey)}: not UTF-8 text once percent-decoded (a tampered link?), got ${raw}`);
      continue;
    }
    const problem = place(document, key, value);
    if (problem) errors.push(problem);
  }
  const parsed = parseScenario(compactArrays(document));
  if (errors.length === 0) return parsed;
  return { ok: false, errors: parsed.ok ? errors : [...errors, ...parsed.errors] };
}

/**
 * A key or value percent-decoded as UTF-8, `+` read as a space and a `%` without two hex digits as
 * itself, as URLSearchParams reads them; undefined where the bytes are no UTF-8 text (`%ED%A0%80`,
 * an encoded lone surrogate), which URLSearchParams would silently turn into U+FFFD.
 */
function decodeComponent(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' ').replace(/%(?![0-9A-Fa-f]{2})/g, '%25'));
  } catch {
    return undefined;
  }
}

/** a key (or raw text) as messages show it: JSON, cut to 60 characters */
function quoted(text: string): string {
  return JSON.stringify(text.length > 60 ? text.slice(0, 60) + '…' : text);
}

function queryPart(link: string): string {
  const trimmed = link.trim();
  const withoutHash = trimmed.split('#')[0];
  const question = withoutHash.indexOf('?');
  if (question >= 0) return withoutHash.slice(question + 1);
  return /^[a-z]+:\/\//i.test(withoutHash) || withoutHash.startsWith('/') ? '' : withoutHash;
}

/** sets `key`'s value inside `document`; a message if the key is malformed or clashes */
function place(document: Record<string, unknown>, key: string, raw: string): string | undefined {
  const segments = key.split('.');
  const shown = quoted(key);
  if (segments.length > 5) return `${shown}: not a scenario field (too deep)`;
  let node: Record<string, unknown> = document;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    const { kind, pattern } = segmentAt(segments.slice(0, i).join('.'));
    if (!pattern.test(segment)) return notAField(key);
    const last = i === segments.length - 1;
    const existing = Object.hasOwn(node, segment) ? node[segment] : undefined;
    if (last) {
      if (existing !== undefined) return `${shown}: given more than once`;
      // a subgroup named "seed" or "order" holds a number like any other
      setOwn(node, segment, typedValue(kind === 'field' ? segment : '', raw));
    } else {
      if (existing === undefined) setOwn(node, segment, {});
      else if (typeof existing !== 'object' || existing === null) return `${shown}: clashes with another key`;
      node = node[segment] as Record<string, unknown>;
    }
  }
  return undefined;
}

/** a key the link cannot hold; a space there was most likely a `+` of a subgroup's id, which a link writes %2B */
function notAField(key: string): string {
  const hint = key.includes(' ') ? ' (a "+" in a key reads as a space: write it %2B)' : '';
  return `${quoted(key)}: not a scenario field${hint}`;
}

/** an own property even for `__proto__` (an id may be spelt so), as JSON.parse makes it: never the prototype */
function setOwn(node: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(node, key, { value, enumerable: true, writable: true, configurable: true });
}

function typedValue(key: string, raw: string): unknown {
  if (TEXT_KEYS.has(key)) return raw;
  if (ID_LIST_KEYS.has(key)) return raw.split(',');
  if (raw === 'true' || raw === 'false') return raw === 'true';
  if (raw === 'null') return null;
  const items = raw.split(',');
  if (items.every((item) => NUMBER.test(item))) {
    const numbers = items.map(Number);
    return numbers.length > 1 || LIST_KEYS.has(key) ? numbers : numbers[0];
  }
  return raw;
}

/**
 * the lists' objects keyed by index (`designs: {0: …, 1: …}`, subgroups, a hazard ratio's pieces) → arrays; a gap
 * is left as a hole for the contract to name
 */
function compactArrays(document: Record<string, unknown>): Record<string, unknown> {
  const compact = (node: Record<string, unknown>, path: string): void => {
    for (const [key, value] of Object.entries(node)) {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) continue;
      const inner = path === '' ? key : `${path}.${key}`;
      const entries = value as Record<string, unknown>;
      const keys = Object.keys(entries);
      const { kind, pattern } = segmentAt(inner);
      if (kind === 'index' && keys.every((position) => pattern.test(position))) {
        const list: unknown[] = [];
        for (const position of keys) list[Number(position)] = entries[position];
        for (let i = 0; i < list.length; i++) if (!(i in list)) list[i] = null;
        setOwn(node, key, list);
      } else compact(entries, inner);
    }
  };
  compact(document, '');
  return document;
}
