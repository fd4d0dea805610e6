// How big a design is: `n` randomised patients and, for survival, `events` (an event-driven
// analysis happens when its events are reached). One-stage designs give totals; adaptive designs
// give cumulative [stage 1, total] pairs. Which are required depends on the endpoint and method.
import { child, item, mustBe, numberIn, own } from './checks.js';
import type { Context, Field, Issues, Limit } from './checks.js';

export type Size = number | [number, number];
export type Sizes = { n?: Size; events?: Size };
type Presence = 'required' | 'optional' | 'forbidden';

// The smallest trials whose statistics are defined: two patients per arm; two events for a
// one-stage log-rank test, and one at an interim.
const MIN_PATIENTS = 4;
const MIN_EVENTS = 2;
const MIN_EVENTS_STAGE1 = 1;
// The largest a trial can be: far beyond any real one, small enough that a patient-level run's
// memory (a few arrays of n) and time stay bounded.
export const MAX_PATIENTS = 1_000_000;
export const MAX_EVENTS = 100_000;
export const PATIENT_LIMIT: Limit = { max: MAX_PATIENTS, why: 'the largest trial Stratum simulates' };
export const EVENT_LIMIT: Limit = { max: MAX_EVENTS, why: 'the most events Stratum simulates' };

/** `n`: required unless survival is simulated from the asymptotic law, which needs only events */
function presence(context: Context): { n: Presence; events: Presence } {
  const { endpointType, method } = context;
  if (endpointType === undefined) return { n: 'optional', events: 'optional' };
  if (endpointType !== 'survival') return { n: 'required', events: 'forbidden' };
  return { n: method === 'patient' ? 'required' : 'optional', events: 'required' };
}

/** the keys only survival designs have: their events, and when their analyses happen (timing.ts) */
const SURVIVAL_KEYS = ['events', 'months', 'eventsIn'];

/** The size and timing keys a design may have under `context` (for the unknown-field message). */
export function sizeKeys(context: Context): string[] {
  return presence(context).events === 'forbidden' ? ['n'] : ['n', ...SURVIVAL_KEYS];
}

/** Why `events`, `months` or `eventsIn` is not a field here, or undefined when it is one. */
export function misplacedSize(key: string, context: Context): string | undefined {
  if (!SURVIVAL_KEYS.includes(key) || presence(context).events !== 'forbidden') return undefined;
  const why = key === 'events' ? 'count events; give n' : 'wait for events or a month';
  return `not a field for a ${context.endpointType} endpoint (only survival designs ${why})`;
}

/** cumulative [stage 1, total] pairs of `stage`'s values, the first below the second */
export function stagePair<T extends number>(stage: Field<T>, minWords: string, names: [string, string]): Field<[T, T]> {
  const [first, total] = names;
  const allowed = `[${first}, ${total}], cumulative ${minWords} ${first} < ${total}`;
  return {
    allowed,
    read(value, path, issues, context) {
      if (!Array.isArray(value) || value.length !== 2) return mustBe(issues, path, allowed, value);
      const firstSize = stage.read(value[0], item(path, 0), issues, context);
      const totalSize = stage.read(value[1], item(path, 1), issues, context);
      if (firstSize === undefined || totalSize === undefined) return undefined;
      if (firstSize >= totalSize) return mustBe(issues, path, allowed, value);
      return [firstSize, totalSize];
    },
  };
}

const wholeStages = (min: number, limit: Limit, names: [string, string]) =>
  stagePair(numberIn({ integer: true, min }, undefined, limit), `integers with ${min} ≤`, names);

const FIELDS = {
  1: {
    n: numberIn({ integer: true, min: MIN_PATIENTS }, undefined, PATIENT_LIMIT),
    events: numberIn({ integer: true, min: MIN_EVENTS }, undefined, EVENT_LIMIT),
  },
  2: {
    n: wholeStages(MIN_PATIENTS, PATIENT_LIMIT, ['n1', 'N']),
    events: wholeStages(MIN_EVENTS_STAGE1, EVENT_LIMIT, ['e1', 'E']),
  },
} as const;

/** What `n` and `events` accept for a design of 1 or 2 stages (for messages and help texts). */
export const sizeFields = (stages: 1 | 2): { n: Field<Size>; events: Field<Size> } => FIELDS[stages];

export function readSizes(
  record: Record<string, unknown>,
  path: string,
  stages: 1 | 2,
  context: Context,
  issues: Issues,
): Sizes {
  const rules = presence(context);
  const sizes: Sizes = {};
  for (const key of ['n', 'events'] as const) {
    const value = own(record, key);
    const at = child(path, key);
    const field = sizeFields(stages)[key];
    if (value === undefined) {
      // a survival design's analyses come at events or at calendar months (timing.ts)
      const atMonths = key === 'events' && own(record, 'months') !== undefined;
      if (rules[key] === 'required' && !atMonths) {
        const reason =
          key === 'n' && context.endpointType === 'survival' ? ` with simulation.method "${context.method}"` : '';
        const orMonths = key === 'events' ? ' (or months)' : '';
        issues.push(`${at}: required${reason}${orMonths}, must be ${field.allowed}`);
      }
    } else if (rules[key] !== 'forbidden') {
      const read = field.read(value, at, issues, context);
      if (read !== undefined) sizes[key] = read;
    } // a forbidden `events` is reported with the unknown fields
  }
  const { n, events } = sizes;
  // every event is a randomised patient's
  if (typeof n === 'number' && typeof events === 'number' && events > n) {
    mustBe(issues, child(path, 'events'), `an integer ≤ n (${n})`, events);
  } else if (Array.isArray(n) && Array.isArray(events) && events[1] > n[1]) {
    mustBe(issues, item(child(path, 'events'), 1), `an integer ≤ N (${n[1]})`, events[1]);
  }
  return sizes;
}
