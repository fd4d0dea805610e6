// The endpoint of a scenario in the several-populations form (docs/populations.md): its per-status
// maps, `{ pos, neg }` in the one-marker form, have one entry per subgroup id instead. Each entry is
// read by the field the one-marker map uses for its statuses, so values are checked as they are today;
// survival's control arm is given per subgroup by a median or a hazard, as survival-rules.ts says per
// status.
import { child, own } from './checks.js';
import type { Field, Issues } from './checks.js';
import { subgroupsAre } from './population-form.js';
import { readField, recordAt } from './record.js';
import type { ObjectField } from './record.js';
import { checkSurvivalControl, type ControlWords } from './survival-rules.js';

/** a per-status map's field (endpoint.ts's perStatus and eitherStatus) */
function statusEntry(field: Field<unknown>): Field<unknown> | undefined {
  const map = field as Partial<ObjectField<Record<string, unknown>>>;
  return map.kind === 'object' && map.fields && Object.hasOwn(map.fields, 'pos') ? map.fields.pos : undefined;
}

/** the several-populations form's words: one entry per subgroup */
const SUBGROUP_WORDS: ControlWords = {
  object: 'an object with one entry per subgroup',
  missing: (median, hazard, subgroup) => `${median}: no entry for subgroup "${subgroup}" (nor has ${hazard})`,
};

/**
 * Reads the endpoint's fields at `path` with per-subgroup maps (unknown keys are the caller's to
 * report); `subgroups` are the ids written, and [] when they could not be read (entries are then
 * checked only as values). The fields read when all is well, each map by subgroup in their order with
 * the entries left out filled where the one-marker map fills a status (`sd`); otherwise undefined.
 */
export function readSubgroupEndpoint(
  record: Record<string, unknown>,
  fields: Record<string, Field<unknown>>,
  subgroups: readonly string[],
  path: string,
  issues: Issues,
): Record<string, unknown> | undefined {
  const before = issues.length;
  const read: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(fields)) {
    const entry = statusEntry(field);
    const value =
      entry === undefined
        ? readField(record, key, field, path, issues, {})
        : readMap(own(record, key), entry, field.fill === undefined, subgroups, child(path, key), issues);
    if (value !== undefined) read[key] = value;
  }
  if (Object.hasOwn(fields, 'controlMedian')) checkSurvivalControl(record, path, subgroups, SUBGROUP_WORDS, issues);
  return issues.length === before ? read : undefined;
}

/**
 * One map: every key a subgroup, every value as `entry` allows. When `required` (no default, no
 * entry that may be left out: effect, control, treatment, hazardRatio) every subgroup has an entry;
 * otherwise a subgroup left out takes the entry's default, if it has one. Undefined when nothing is there.
 */
function readMap(
  value: unknown,
  entry: Field<unknown>,
  required: boolean,
  subgroups: readonly string[],
  path: string,
  issues: Issues,
): Record<string, unknown> | undefined {
  const words = `an object with one entry per subgroup${subgroups.length > 0 ? ` (${subgroups.join(', ')})` : ''}`;
  if (value === undefined && required) {
    issues.push(`${path}: required, must be ${words}`);
    return undefined;
  }
  const map = value === undefined ? {} : recordAt(value, path, issues);
  if (map === undefined) return undefined;
  const given: Record<string, unknown> = {};
  for (const [key, written] of Object.entries(map)) {
    if (written === undefined) continue;
    if (subgroups.length > 0 && !subgroups.includes(key)) {
      issues.push(`${child(path, key)}: not a subgroup (${subgroupsAre(subgroups)})`);
    } else defineOwn(given, key, entry.read(written, child(path, key), issues, {}));
  }
  if (subgroups.length === 0) return given;
  const read: Record<string, unknown> = {};
  for (const id of subgroups) {
    const filled = Object.hasOwn(given, id) ? given[id] : required ? undefined : entry.fill?.();
    if (filled !== undefined) defineOwn(read, id, filled);
    else if (required && !Object.hasOwn(given, id)) issues.push(`${path}: no entry for subgroup "${id}"`);
  }
  return Object.keys(read).length > 0 ? read : undefined;
}

/** `record[key] = value` as an own property, whatever the key (`__proto__` would set the prototype) */
function defineOwn(record: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}
