// The fields designs share or carry (docs/scenario.md, "Designs"): intersection tests, efficacy
// stops, interim information rates, the adaptive selection rule and sample-size recalculation.
import { child, inRange, item, mustBe, numberIn, oneOf, optional, orNull, rangeWords } from './checks.js';
import type { Field, Issues } from './checks.js';
import { object } from './record.js';
import type { ObjectField } from './record.js';
import type { Interims, Recalculation, Selection } from './types.js';
import { EVENT_LIMIT, PATIENT_LIMIT } from './sizes.js';
import { MAX_ANALYSES } from '../tally.js';

/** the one-marker form's, which the form offers (design-populations.ts reads each form's) */
export const INTERSECTIONS = [
  'bonferroni',
  'simes',
  'sidak',
  'spiessens-debois',
  'hierarchical-S',
  'hierarchical-F',
] as const;
/**
 * a two-stage closed combination test needs an intersection p-value at each stage, which
 * fixed-sequence testing has not
 */
export const ADAPTIVE_INTERSECTIONS = ['bonferroni', 'simes', 'sidak', 'spiessens-debois'] as const;
/**
 * the several-populations form's: `dunnett` is the max-z test of any number of populations (and
 * `spiessens-debois` stays its name), `hierarchical` tests in the design's `order`
 */
export const SEVERAL_INTERSECTIONS = [
  'bonferroni',
  'simes',
  'sidak',
  'dunnett',
  'spiessens-debois',
  'hierarchical',
] as const;
export const SEVERAL_ADAPTIVE_INTERSECTIONS = ['bonferroni', 'simes', 'sidak', 'dunnett', 'spiessens-debois'] as const;
export const EFFICACY = ['none', 'obrien-fleming', 'pocock'] as const;

const RATE = { min: 0, minOpen: true, max: 1 } as const;
const MIN_RATES = 2;
const MAX_RATES = MAX_ANALYSES;

/** Cumulative information fractions of the analyses: strictly increasing in (0, 1], the last 1. */
const RATES_ALLOWED = `${MIN_RATES} to ${MAX_RATES} numbers > 0 and ≤ 1, strictly increasing, the last 1`;

export const informationRates: Field<number[]> = {
  allowed: RATES_ALLOWED,
  read(value, path, issues) {
    if (!Array.isArray(value) || value.length < MIN_RATES || value.length > MAX_RATES) {
      return mustBe(issues, path, RATES_ALLOWED, value);
    }
    const before = issues.length;
    value.forEach((rate: unknown, index) => {
      const at = item(path, index);
      if (typeof rate !== 'number' || !Number.isFinite(rate) || !inRange(rate, RATE))
        mustBe(issues, at, rangeWords(RATE), rate);
      else if (index > 0 && typeof value[index - 1] === 'number' && rate <= value[index - 1]) {
        mustBe(issues, at, `greater than the rate before it (${value[index - 1]})`, rate);
      } else if (index === value.length - 1 && rate !== 1) mustBe(issues, at, '1 (the final analysis)', rate);
    });
    return issues.length === before ? [...(value as number[])] : undefined;
  },
};

export const INTERIMS: ObjectField<Interims> = object<Interims>({
  informationRates,
  efficacy: oneOf(EFFICACY, 'obrien-fleming'),
});

/** rbest's r: at most the four populations rpact selects among */
const KEPT = numberIn({ integer: true, min: 1 }, undefined, { max: 4, why: 'at most four populations' });

export const SELECTION: ObjectField<Selection> = object<Selection>(
  {
    rule: oneOf(['best', 'rbest', 'epsilon', 'all'], 'best'),
    r: optional(KEPT),
    measure: oneOf(['effect', 'z'], 'effect'),
    epsilon: numberIn({ min: 0 }, 0.1),
    threshold: orNull(numberIn({})),
  },
  (value, path, issues: Issues) => {
    if (value.rule === 'rbest' && value.r === undefined)
      issues.push(`${child(path, 'r')}: required with rule "rbest", must be ${KEPT.allowed}`);
    if (value.rule !== undefined && value.rule !== 'rbest' && value.r !== undefined)
      issues.push(`${child(path, 'r')}: only with rule "rbest" (rule is "${value.rule}")`);
  },
);

/**
 * The effect stage 2 is sized for: a mean or response-rate difference > 0, or for survival a
 * hazard ratio in (0, 1) (rpact's thetaH1).
 */
const assumedEffect: Field<number> = {
  allowed: 'a number > 0 (for survival a hazard ratio > 0 and < 1)',
  read(value, path, issues, context) {
    const survival = context.endpointType === 'survival';
    const range = survival ? { min: 0, minOpen: true, max: 1, maxOpen: true } : { min: 0, minOpen: true };
    if (typeof value === 'number' && Number.isFinite(value) && inRange(value, range)) return value;
    const words = survival ? 'a hazard ratio > 0 and < 1 for a survival endpoint' : rangeWords(range);
    return mustBe(issues, path, words, value);
  },
};

/** stage 2's re-sized patients (events for survival), within the largest trial */
const STAGE2_PATIENTS = numberIn({ integer: true, min: 1 }, undefined, PATIENT_LIMIT);
const STAGE2_EVENTS = numberIn({ integer: true, min: 1 }, undefined, EVENT_LIMIT);
const stage2Size: Field<number> = {
  allowed: STAGE2_PATIENTS.allowed,
  read: (value, path, issues, context) =>
    (context.endpointType === 'survival' ? STAGE2_EVENTS : STAGE2_PATIENTS).read(value, path, issues, context),
};

export const RECALCULATION: ObjectField<Recalculation> = object<Recalculation>(
  {
    conditionalPower: numberIn({ min: 0, minOpen: true, max: 1, maxOpen: true }),
    minStage2: stage2Size,
    maxStage2: stage2Size,
    assumedEffect,
  },
  (value, path, issues: Issues) => {
    const { minStage2, maxStage2 } = value;
    if (minStage2 !== undefined && maxStage2 !== undefined && maxStage2 < minStage2) {
      mustBe(issues, child(path, 'maxStage2'), `an integer ≥ minStage2 (${minStage2})`, maxStage2);
    }
  },
);
