// Every rule of the scenario's own fields and of the endpoint (docs/scenario.md, "Scenario fields"):
// a value that breaks it gives exactly one error, at exactly the field's path.
import { describe, expect, it } from 'vitest';
import { binary, continuous, errorPaths, errorsOf, survival } from './documents.js';

type Case = [rule: string, document: Record<string, unknown>, path: string];

const scenarioCases: Case[] = [
  ['version is 1 only', continuous(['version', 2]), 'version'],
  ['version is a number', continuous(['version', '1']), 'version'],
  ['title ≤ 200 characters', continuous(['title', 'x'.repeat(201)]), 'title'],
  ['title is text', continuous(['title', 5]), 'title'],
  ['title has no lone high surrogate', continuous(['title', 'trial \uD800 one']), 'title'],
  ['title has no lone low surrogate', continuous(['title', '\uDC00']), 'title'],
  ['title has no surrogates in the wrong order', continuous(['title', '\uDE00\uD83D']), 'title'],
  ['alpha > 0', continuous(['alpha', 0]), 'alpha'],
  ['alpha ≤ 0.2', continuous(['alpha', 0.21]), 'alpha'],
  ['alpha is a number, not a numeric string', continuous(['alpha', '0.025']), 'alpha'],
  ['prevalence is required', continuous(['population.prevalence', undefined]), 'population.prevalence'],
  ['population is required', continuous(['population', undefined]), 'population.prevalence'],
  ['population is an object', continuous(['population', 0.3]), 'population'],
  ['prevalence > 0', continuous(['population.prevalence', 0]), 'population.prevalence'],
  ['prevalence < 1', continuous(['population.prevalence', 1]), 'population.prevalence'],
  ['prevalence is a number', continuous(['population.prevalence', '0.3']), 'population.prevalence'],
  ['prevalence is finite', continuous(['population.prevalence', Number.NaN]), 'population.prevalence'],
  ['sensitivity > 0.5', continuous(['population.sensitivity', 0.5]), 'population.sensitivity'],
  ['sensitivity ≤ 1', continuous(['population.sensitivity', 1.01]), 'population.sensitivity'],
  ['specificity > 0.5', continuous(['population.specificity', 0.4]), 'population.specificity'],
  ['allocation ≥ 0.2', continuous(['trial.allocation', 0.19]), 'trial.allocation'],
  ['allocation ≤ 5', continuous(['trial.allocation', 5.01]), 'trial.allocation'],
  ['screeningRate > 0', continuous(['trial.screeningRate', 0]), 'trial.screeningRate'],
  ['endpointDelay ≥ 0', continuous(['trial.endpointDelay', -1]), 'trial.endpointDelay'],
  ['costs.perScreened ≥ 0', continuous(['trial.costs.perScreened', -1]), 'trial.costs.perScreened'],
  ['costs.perRandomized ≥ 0', continuous(['trial.costs.perRandomized', -1]), 'trial.costs.perRandomized'],
  ['costs.perMonth ≥ 0', continuous(['trial.costs.perMonth', -0.5]), 'trial.costs.perMonth'],
  ['costs.fixed ≥ 0', continuous(['trial.costs.fixed', Number.NEGATIVE_INFINITY]), 'trial.costs.fixed'],
  ['costs is an object', continuous(['trial.costs', []]), 'trial.costs'],
  ['statistic is t or z', continuous(['analysis.statistic', 'w']), 'analysis.statistic'],
  ['strata is random or fixed', continuous(['analysis.strata', 'mixed']), 'analysis.strata'],
  ['stratified is a boolean', continuous(['analysis.stratified', 'yes']), 'analysis.stratified'],
  ['replicates ≥ 1', continuous(['simulation.replicates', 0]), 'simulation.replicates'],
  ['replicates ≤ 10⁷', continuous(['simulation.replicates', 10_000_001]), 'simulation.replicates'],
  ['replicates is an integer', continuous(['simulation.replicates', 100.5]), 'simulation.replicates'],
  ['seed ≤ 100 characters', continuous(['simulation.seed', 's'.repeat(101)]), 'simulation.seed'],
  ['seed is a string', continuous(['simulation.seed', 42]), 'simulation.seed'],
  ['seed has no lone surrogate', continuous(['simulation.seed', 'x\uD83D']), 'simulation.seed'],
  ['method is a known keyword', continuous(['simulation.method', 'exact']), 'simulation.method'],
  ['asymptotic is for survival only', continuous(['simulation.method', 'asymptotic']), 'simulation.method'],
  ['asymptotic is for survival only (binary)', binary(['simulation.method', 'asymptotic']), 'simulation.method'],
  ['sufficient is not available for survival', survival(['simulation.method', 'sufficient']), 'simulation.method'],
  [
    'asymptotic needs sensitivity 1',
    survival(['simulation.method', 'asymptotic'], ['population.sensitivity', 0.9]),
    'simulation.method',
  ],
  [
    'asymptotic needs specificity 1',
    survival(['simulation.method', 'asymptotic'], ['population.specificity', 0.9]),
    'simulation.method',
  ],
];

const endpointCases: Case[] = [
  ['endpoint is required', continuous(['endpoint', undefined]), 'endpoint.type'],
  ['endpoint is an object', continuous(['endpoint', 'continuous']), 'endpoint'],
  ['endpoint type is known', continuous(['endpoint.type', 'normal']), 'endpoint.type'],
  ['sd.pos > 0', continuous(['endpoint.sd', { pos: 0, neg: 1 }]), 'endpoint.sd.pos'],
  ['sd.neg > 0', continuous(['endpoint.sd', { pos: 1, neg: -1 }]), 'endpoint.sd.neg'],
  ['effect is required', continuous(['endpoint.effect', undefined]), 'endpoint.effect'],
  ['effect.pos is required', continuous(['endpoint.effect', { neg: 0.1 }]), 'endpoint.effect.pos'],
  [
    'effect.neg is a finite number',
    continuous(['endpoint.effect.neg', Number.POSITIVE_INFINITY]),
    'endpoint.effect.neg',
  ],
  ['effect.neg is a number', continuous(['endpoint.effect.neg', '0.1']), 'endpoint.effect.neg'],
  ['control.pos > 0', binary(['endpoint.control.pos', 0]), 'endpoint.control.pos'],
  ['control.neg < 1', binary(['endpoint.control.neg', 1]), 'endpoint.control.neg'],
  ['treatment.pos < 1', binary(['endpoint.treatment.pos', 1.2]), 'endpoint.treatment.pos'],
  ['treatment is required', binary(['endpoint.treatment', undefined]), 'endpoint.treatment'],
  ['controlMedian.neg > 0', survival(['endpoint.controlMedian.neg', 0]), 'endpoint.controlMedian.neg'],
  ['controlMedian is required', survival(['endpoint.controlMedian', undefined]), 'endpoint.controlMedian'],
  ['hazardRatio.pos > 0', survival(['endpoint.hazardRatio.pos', 0]), 'endpoint.hazardRatio.pos'],
  ['hazardRatio is required', survival(['endpoint.hazardRatio', undefined]), 'endpoint.hazardRatio'],
  ['dropoutPerYear < 1', survival(['endpoint.dropoutPerYear', 1]), 'endpoint.dropoutPerYear'],
  ['dropoutPerYear ≥ 0', survival(['endpoint.dropoutPerYear', -0.1]), 'endpoint.dropoutPerYear'],
  ['fields of another endpoint type', survival(['endpoint.sd', { pos: 1, neg: 1 }]), 'endpoint.sd'],
];

describe.each([
  ['scenario fields', scenarioCases],
  ['endpoints', endpointCases],
])('%s', (_, cases) => {
  it.each(cases)('%s', (_rule, document, path) => expect(errorPaths(document)).toEqual([path]));
});

describe('what is allowed', () => {
  const valid: [string, Record<string, unknown>][] = [
    ['alpha = 0.2', continuous(['alpha', 0.2])],
    ['allocation at both ends', continuous(['trial.allocation', 0.2], ['designs[0].n', 100])],
    [
      'sensitivity and specificity just above 0.5',
      continuous(['population.sensitivity', 0.51], ['population.specificity', 0.51]),
    ],
    ['replicates = 10⁷', continuous(['simulation.replicates', 10_000_000])],
    ['an empty seed', continuous(['simulation.seed', ''])],
    ['a negative effect', continuous(['endpoint.effect.neg', -0.3])],
    ['patient-level continuous', continuous(['simulation.method', 'patient'])],
    ['a 200-character title', continuous(['title', 't'.repeat(200)])],
    ['fields explicitly undefined count as absent', continuous(['title', undefined], ['designs[0].label', undefined])],
  ];
  it.each(valid)('%s', (_, document) => expect(errorsOf(document)).toEqual([]));
});

describe('messages', () => {
  it('say what is allowed and what was given', () => {
    expect(errorsOf(continuous(['population.prevalence', '0.3']))).toEqual([
      'population.prevalence: must be a number > 0 and < 1, got "0.3"',
    ]);
    expect(errorsOf(continuous(['alpha', 0.5]))).toEqual(['alpha: must be a number > 0 and ≤ 0.2, got 0.5']);
    expect(errorsOf(continuous(['analysis.statistic', 'w']))).toEqual([
      'analysis.statistic: must be "t" or "z", got "w"',
    ]);
    expect(errorsOf(continuous(['version', 2]))).toEqual(['version: must be 1, got 2']);
  });

  it('name a lone surrogate, which no share link can hold, and take paired ones', () => {
    expect(errorsOf(continuous(['title', 'trial \uD800']))).toEqual([
      'title: must be text of at most 200 characters without unpaired surrogates (U+D800–U+DFFF), ' +
        'got "trial \\ud800"',
    ]);
    expect(errorsOf(continuous(['title', 'trial 😀 ünï']))).toEqual([]);
  });

  it('name a missing field as required', () => {
    expect(errorsOf(continuous(['population.prevalence', undefined]))).toEqual([
      'population.prevalence: required, must be a number > 0 and < 1',
    ]);
  });

  it('show the value as JSON cut to about 40 characters', () => {
    const [message] = errorsOf(continuous(['title', 'x'.repeat(300)]));
    expect(message).toBe(`title: must be text of at most 200 characters, got "${'x'.repeat(38)}…`);
    expect(errorsOf(continuous(['alpha', Number.NaN]))).toEqual(['alpha: must be a number > 0 and ≤ 0.2, got NaN']);
    expect(errorsOf(continuous(['alpha', [1, 2]]))).toEqual(['alpha: must be a number > 0 and ≤ 0.2, got [1,2]']);
  });

  it('explain what the simulation methods need', () => {
    expect(errorsOf(survival(['simulation.method', 'asymptotic'], ['population.sensitivity', 0.9]))).toEqual([
      'simulation.method: "asymptotic" needs a perfect assay (sensitivity and specificity 1)',
    ]);
    expect(errorsOf(continuous(['simulation.method', 'asymptotic']))).toEqual([
      'simulation.method: must be "sufficient" or "patient" for a continuous endpoint ' +
        '("asymptotic" is for survival only), got "asymptotic"',
    ]);
    expect(errorsOf(survival(['simulation.method', 'sufficient']))).toEqual([
      'simulation.method: must be "patient" or "asymptotic" for a survival endpoint ' +
        '("sufficient" draws no event times), got "sufficient"',
    ]);
  });
});
