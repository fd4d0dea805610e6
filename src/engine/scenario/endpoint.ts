// The endpoint: its type decides its fields. Values are per true marker status (pos/neg).
import { numberIn, oneOf } from './checks.js';
import type { Field, Issues } from './checks.js';
import { DEFAULTS } from './defaults.js';
import { object, readField, readFields, recordAt, reportUnknown } from './record.js';
import type { Fields } from './record.js';
import type { Endpoint, EndpointType, PerStatus } from './types.js';

const perStatus = (field: Field<number>) => object<PerStatus>({ pos: field, neg: field });

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
    controlMedian: perStatus(MEDIAN),
    hazardRatio: perStatus(HAZARD_RATIO),
    dropoutPerYear: numberIn({ min: 0, max: 1, maxOpen: true }, DEFAULTS.endpoint.dropoutPerYear),
  },
};

export const ENDPOINT_TYPES = Object.keys(ENDPOINT_FIELDS) as EndpointType[];
export const ENDPOINT_TYPE = oneOf(ENDPOINT_TYPES);

/** The endpoint (when all is well) and its type (whenever the type itself is readable). */
export function readEndpoint(
  value: unknown,
  path: string,
  issues: Issues,
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
  const { value: read, complete } = readFields(record, fields, path, issues, {});
  // complete: every field of this endpoint type is present and in range
  return complete ? { type, endpoint: { type, ...read } as Endpoint } : { type };
}
