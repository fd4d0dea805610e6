// The scenario's own fields with their ranges and defaults (docs/scenario.md, "Scenario fields").
// The endpoint, the designs and simulation.method depend on other fields and have files of
// their own.
import { DEFAULTS } from './defaults.js';
import { flag, numberIn, oneOf, optional, text } from './checks.js';
import { object } from './record.js';
import { SURVIVAL_TEST } from './survival-test.js';
import type { Fields } from './record.js';
import type { Costs, Scenario } from './types.js';

export const SCENARIO_KEYS = [
  'version',
  'title',
  'alpha',
  'population',
  'endpoint',
  'trial',
  'analysis',
  'designs',
  'simulation',
] as const;

export const HEADER_FIELDS: Fields<Pick<Scenario, 'version' | 'title' | 'alpha'>> = {
  version: oneOf([1], DEFAULTS.version),
  title: text(200, DEFAULTS.title),
  alpha: numberIn({ min: 0, minOpen: true, max: 0.2 }, DEFAULTS.alpha, {
    min: 1e-6,
    why: "smaller levels are no trial's",
  }),
};

// An assay no better than a coin is no assay: accuracy must exceed 1/2.
const accuracy = (defaultValue: number) => numberIn({ min: 0.5, minOpen: true, max: 1 }, defaultValue);

export const POPULATION_FIELDS: Fields<Scenario['population']> = {
  prevalence: numberIn({ min: 0, minOpen: true, max: 1, maxOpen: true }, undefined, {
    min: 0.001,
    max: 0.999,
    why: 'a marker in fewer than 1 in 1,000 screened patients, or in all but those, is no enrichment question',
  }),
  sensitivity: accuracy(DEFAULTS.population.sensitivity),
  specificity: accuracy(DEFAULTS.population.specificity),
};

/** a trillion in any currency: beyond any trial, and far from where sums lose their digits */
const COST_LIMIT = { max: 1e12, why: 'more than any trial costs' };
const cost = (defaultValue: number) => numberIn({ min: 0 }, defaultValue, COST_LIMIT);
const { costs } = DEFAULTS.trial;

export const COSTS_FIELDS: Fields<Costs> = {
  perScreened: cost(costs.perScreened),
  perRandomized: cost(costs.perRandomized),
  perMonth: cost(costs.perMonth),
  fixed: cost(costs.fixed),
};

export const TRIAL_FIELDS: Fields<Scenario['trial']> = {
  allocation: numberIn({ min: 0.2, max: 5 }, DEFAULTS.trial.allocation),
  screeningRate: numberIn({ min: 0, minOpen: true }, DEFAULTS.trial.screeningRate, {
    min: 0.01,
    max: 1e6,
    why: 'from one patient in 100 months to a million a month',
  }),
  endpointDelay: numberIn({ min: 0 }, DEFAULTS.trial.endpointDelay, { max: 600, why: 'fifty years' }),
  costs: object(COSTS_FIELDS),
  // the code alone, as a spreadsheet or Intl.NumberFormat takes it; a well-formed code never makes Intl throw
  currency: optional(
    text(3, undefined, {
      regex: /^[A-Z]{3}$/,
      words: 'an ISO 4217 currency code, three capital letters such as "EUR", "USD" or "CHF"',
    }),
  ),
};

export const ANALYSIS_FIELDS: Fields<Scenario['analysis']> = {
  statistic: oneOf(['t', 'z'], DEFAULTS.analysis.statistic),
  strata: oneOf(['random', 'fixed'], DEFAULTS.analysis.strata),
  stratified: flag(DEFAULTS.analysis.stratified),
  survivalTest: SURVIVAL_TEST,
};

export const METHODS = ['sufficient', 'patient', 'asymptotic'] as const;

/** simulation.method is read here; whether it suits the endpoint and assay is method.ts's rule */
export const SIMULATION_FIELDS: Fields<
  Omit<Scenario['simulation'], 'method'> & { method?: Scenario['simulation']['method'] }
> = {
  replicates: numberIn({ integer: true, min: 1, max: 10_000_000 }, DEFAULTS.simulation.replicates),
  seed: text(100, DEFAULTS.simulation.seed),
  method: optional(oneOf(METHODS)),
};
