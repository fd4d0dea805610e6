// The rules between a survival endpoint's fields (docs/scenario.md, "Endpoints"): per true marker
// status the control arm is given by exactly one of its median (controlMedian, with an optional
// Weibull shape) and its hazard (controlHazard, pieces of events per month); and whether the hazards
// are proportional, which the asymptotic method needs (method.ts).
import { child, isRecord, own } from './checks.js';
import type { Issues } from './checks.js';

/** whether `record[key]` is an object that gives a value for `status` */
function gives(record: Record<string, unknown>, key: string, status: string): boolean {
  const pair = own(record, key);
  return isRecord(pair) && own(pair, status) !== undefined;
}

/** how the rules' messages name what is missing: the pair's form, and a status given by neither */
export type ControlWords = {
  object: string;
  missing: (median: string, hazard: string, status: string) => string;
};

/** the one-marker form's words: `{ pos, neg }` pairs */
export const PAIR_WORDS = (medianWords: string): ControlWords => ({
  object: 'an object { pos, neg }',
  missing: (median, hazard, status) =>
    `${child(median, status)}: required unless ${child(hazard, status)} is given, must be ${medianWords}`,
});

/**
 * The rules, on the endpoint as written (each field's own problems are its reader's to report), per
 * status (`pos` and `neg`, or the subgroups of the several-populations form)
 */
export function checkSurvivalControl(
  record: Record<string, unknown>,
  path: string,
  statuses: readonly string[],
  words: ControlWords,
  issues: Issues,
): void {
  const median = child(path, 'controlMedian');
  const hazard = child(path, 'controlHazard');
  const given = (key: string) => own(record, key) !== undefined;
  if (!given('controlMedian') && !given('controlHazard')) {
    issues.push(`${median}: required (or ${hazard}), must be ${words.object}`);
    return;
  }
  // a pair that is no object is reported by its reader; what it lacks is not asked for again
  const readable = (key: string) => !given(key) || isRecord(own(record, key));
  for (const status of statuses) {
    const byMedian = gives(record, 'controlMedian', status);
    const byHazard = gives(record, 'controlHazard', status);
    if (byMedian && byHazard) {
      issues.push(
        `${child(hazard, status)}: not with ${child(median, status)}: the control arm has a median or a hazard`,
      );
    } else if (!byMedian && !byHazard && readable('controlMedian') && readable('controlHazard')) {
      issues.push(words.missing(median, hazard, status));
    }
    if (gives(record, 'shape', status) && byHazard && !byMedian)
      issues.push(
        `${child(child(path, 'shape'), status)}: only with ${child(median, status)}: ` +
          'a Weibull control arm is given by its median and shape, not by a hazard',
      );
  }
}

/**
 * The hazards are proportional when each status's hazard ratio is one number, or pieces of one
 * value. Reads an endpoint as drafted too (the form asks before it is valid): what it cannot read
 * counts as proportional, leaving the verdict to the field's own check.
 */
export function proportionalHazards(endpoint: unknown): boolean {
  const ratios = isRecord(endpoint) ? own(endpoint, 'hazardRatio') : undefined;
  if (!isRecord(ratios)) return true;
  // per marker status, or per subgroup with several populations
  return Object.keys(ratios).every((status) => {
    const value = own(ratios, status);
    if (!Array.isArray(value) || value.length === 0) return true;
    const first = isRecord(value[0]) ? own(value[0], 'value') : undefined;
    return value.every((piece) => isRecord(piece) && own(piece, 'value') === first);
  });
}
