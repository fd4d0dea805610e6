// The endpoint: its type decides its fields. Values are per true marker status (pos/neg), or per
// subgroup in the several-populations form (subgroup-maps.ts).
import { numberIn, oneOf, optional } from './checks.js';
import type { Field, Issues } from './checks.js';
import { DEFAULTS } from './defaults.js';
import { numberOrPieces, pieces } from './pieces.js';
import { object, readField, readFields, recordAt, reportUnknown } from './record.js';
import type { Fields } from './record.js';
import { readSubgroupEndpoint } from './subgroup-maps.js';
import { checkSurvivalControl, PAIR_WORDS } from './survival-rules.js';
import type { Endpoint, EndpointType } from './types.js';

const perStatus = <T>(field: Field<T>) => object<{ pos: T; neg: T }>({ pos: field, neg: field });
/**
 * a pair whose statuses may each be left out (the survival endpoint's rules say which must be there);
 * an empty pair reads as absent, so that a filled scenario has one form and a share link keeps it
 */
function eitherStatus<T>(field: Field<T>): Field<{ pos?: T; neg?: T } | undefined> {
  const pair = optional(object<{ pos?: T; neg?: T }>({ pos: optional(field), neg: optional(field) }));
  return {
    ...pair,
    read(value, path, issues, context) {
      const read = pair.read(value, path, issues, context);
      return read && Object.keys(read).length > 0 ? read : undefined;
    },
  };
}

// Outcome scales a trial can have: far from where squares and sums overflow or lose their digits.
const SCALE = { min: 1e-6, max: 1e6, why: 'choose units that keep the outcome between 10⁻⁶ and 10⁶' };
const EFFECT = { min: -1e6, max: 1e6, why: SCALE.why };
/** control medians from three days to a hundred years (months); hazard ratios within a factor of 100 */
const MEDIAN = numberIn({ min: 0, minOpen: true }, undefined, {
  min: 0.1,
  max: 1200,
  why: 'from three days to a hundred years',
});
const HAZARD_RATIO = numberIn({ min: 0, minOpen: true }, undefined, {
  min: 0.01,
  max: 100,
  why: 'no treatment changes a hazard a hundredfold',
});
/** control hazards whose medians lie between about two days and six hundred years */
const HAZARD = numberIn({ min: 0, minOpen: true }, undefined, {
  min: 1e-4,
  max: 10,
  why: 'from one event in 10,000 patient-months to ten a month',
});
/** Weibull shapes from a hazard falling as t^−0.8 to one rising as t⁴: every survival curve in trials */
const SHAPE = numberIn({ min: 0, minOpen: true }, undefined, {
  min: 0.2,
  max: 5,
  why: 'hazards falling as steeply as t^−0.8 or rising as t⁴',
});
const probability = numberIn({ min: 0, minOpen: true, max: 1, maxOpen: true });

type EndpointFields = { [T in EndpointType]: Fields<Omit<Extract<Endpoint, { type: T }>, 'type'>> };

export const ENDPOINT_FIELDS: EndpointFields = {
  continuous: {
    sd: perStatus(numberIn({ min: 0, minOpen: true }, DEFAULTS.endpoint.sd, SCALE)),
    effect: perStatus(numberIn({}, undefined, EFFECT)),
  },
  binary: {
    control: perStatus(probability),
    treatment: perStatus(probability),
  },
  survival: {
    controlMedian: eitherStatus(MEDIAN),
    controlHazard: eitherStatus(pieces(HAZARD)),
    shape: eitherStatus(SHAPE),
    hazardRatio: perStatus(numberOrPieces(HAZARD_RATIO)),
    dropoutPerYear: numberIn({ min: 0, max: 1, maxOpen: true }, DEFAULTS.endpoint.dropoutPerYear),
  },
};

export const ENDPOINT_TYPES = Object.keys(ENDPOINT_FIELDS) as EndpointType[];
export const ENDPOINT_TYPE = oneOf(ENDPOINT_TYPES);

/**
 * The endpoint (when all is well) and its type (whenever the type itself is readable). With `subgroups`
 * (the several-populations form) its maps are read per subgroup.
 */
export function readEndpoint(
  value: unknown,
  path: string,
  issues: Issues,
  subgroups?: readonly string[],
): { type?: EndpointType; endpoint?: Endpoint } {
  // an absent endpoint reads as {}, so the message names the missing `endpoint.type`
  const record = value === undefined ? {} : recordAt(value, path, issues);
  if (record === undefined) return {};
  const type = readField(record, 'type', ENDPOINT_TYPE, path, issues, {});
  if (type === undefined) return {}; // which fields belong here depends on the type
  const fields = ENDPOINT_FIELDS[type] as Fields<Record<string, unknown>>;
  reportUnknown(record, ['type', ...Object.keys(fields)], path, issues, (key) => {
    const owner = ENDPOINT_TYPES.find((other) => Object.hasOwn(ENDPOINT_FIELDS[other], key));
    return owner === undefined ? undefined : `not a field of ${type} endpoints (it belongs to ${owner})`;
  });
  if (subgroups !== undefined) {
    const read = readSubgroupEndpoint(record, fields as Record<string, Field<unknown>>, subgroups, path, issues);
    return read ? { type, endpoint: { type, ...read } as Endpoint } : { type };
  }
  const { value: read, complete } = readFields(record, fields, path, issues, {});
  const before = issues.length;
  if (type === 'survival') checkSurvivalControl(record, path, ['pos', 'neg'], PAIR_WORDS(MEDIAN.allowed), issues);
  // complete: every field of this endpoint type is present and in range, and they agree
  return complete && issues.length === before ? { type, endpoint: { type, ...read } as Endpoint } : { type };
}
