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

/**
 * Reads the endpoint's fields at `path` with per-subgroup maps (unknown keys are the caller's to
 * report); `subgroups` are the ids written, and [] when they could not be read (entries are then
 * checked only as values).
 */
/** the several-populations form's words: one entry per subgroup */
const SUBGROUP_WORDS: ControlWords = {
  object: 'an object with one entry per subgroup',
  missing: (median, hazard, subgroup) => `${median}: no entry for subgroup "${subgroup}" (nor has ${hazard})`,
};

export function checkSubgroupEndpoint(
  record: Record<string, unknown>,
  fields: Record<string, Field<unknown>>,
  subgroups: readonly string[],
  path: string,
  issues: Issues,
): void {
  for (const [key, field] of Object.entries(fields)) {
    const entry = statusEntry(field);
    if (entry === undefined) readField(record, key, field, path, issues, {});
    else checkMap(own(record, key), entry, field.fill === undefined, subgroups, child(path, key), issues);
  }
  if (Object.hasOwn(fields, 'controlMedian')) checkSurvivalControl(record, path, subgroups, SUBGROUP_WORDS, issues);
}

/**
 * One map: every key a subgroup, every value as `entry` allows. When `required` (no default, no
 * entry that may be left out: effect, control, treatment, hazardRatio) every subgroup has an entry.
 */
function checkMap(
  value: unknown,
  entry: Field<unknown>,
  required: boolean,
  subgroups: readonly string[],
  path: string,
  issues: Issues,
): void {
  const words = `an object with one entry per subgroup${subgroups.length > 0 ? ` (${subgroups.join(', ')})` : ''}`;
  if (value === undefined) {
    if (required) issues.push(`${path}: required, must be ${words}`);
    return;
  }
  const map = recordAt(value, path, issues);
  if (map === undefined) return;
  for (const [key, given] of Object.entries(map)) {
    if (given === undefined) continue;
    if (subgroups.length > 0 && !subgroups.includes(key)) {
      issues.push(`${child(path, key)}: not a subgroup (${subgroupsAre(subgroups)})`);
    } else entry.read(given, child(path, key), issues, {});
  }
  if (!required) return;
  for (const id of subgroups) if (own(map, id) === undefined) issues.push(`${path}: no entry for subgroup "${id}"`);
}
