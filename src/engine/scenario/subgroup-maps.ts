// The endpoint of a scenario in the several-populations form (docs/populations.md): its per-status
// maps, `{ pos, neg }` in the one-marker form, have one entry per subgroup id instead. Each entry is
// read by the field the one-marker map uses for its statuses, so values are checked as they are today;
// survival's control arm is given per subgroup by a median or a hazard, as survival-rules.ts says per
// status.
import { child, isRecord, own } from './checks.js';
import type { Field, Issues } from './checks.js';
import { subgroupsAre } from './population-form.js';
import { readField, recordAt } from './record.js';
import type { ObjectField } from './record.js';

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
  if (Object.hasOwn(fields, 'controlMedian')) checkControlArms(record, subgroups, path, issues);
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

/** whether `record[key]` is an object that gives a value for `subgroup` */
function gives(record: Record<string, unknown>, key: string, subgroup: string): boolean {
  const map = own(record, key);
  return isRecord(map) && own(map, subgroup) !== undefined;
}

/** survival-rules.ts's checkSurvivalControl with subgroups for statuses */
function checkControlArms(record: Record<string, unknown>, subgroups: readonly string[], path: string, issues: Issues) {
  const median = child(path, 'controlMedian');
  const hazard = child(path, 'controlHazard');
  const given = (key: string) => own(record, key) !== undefined;
  if (!given('controlMedian') && !given('controlHazard')) {
    issues.push(`${median}: required (or ${hazard}), must be an object with one entry per subgroup`);
    return;
  }
  const readable = (key: string) => !given(key) || isRecord(own(record, key));
  if (!readable('controlMedian') || !readable('controlHazard')) return;
  for (const id of subgroups) {
    const byMedian = gives(record, 'controlMedian', id);
    const byHazard = gives(record, 'controlHazard', id);
    if (byMedian && byHazard) {
      issues.push(`${child(hazard, id)}: not with ${child(median, id)}: the control arm has a median or a hazard`);
    } else if (!byMedian && !byHazard) {
      issues.push(`${median}: no entry for subgroup "${id}" (nor has ${hazard})`);
    }
    if (gives(record, 'shape', id) && byHazard && !byMedian)
      issues.push(
        `${child(child(path, 'shape'), id)}: only with ${child(median, id)}: ` +
          'a Weibull control arm is given by its median and shape, not by a hazard',
      );
  }
}
