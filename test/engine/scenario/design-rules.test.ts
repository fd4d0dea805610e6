// Every rule of the designs (docs/scenario.md, "Designs"): a value that breaks it gives exactly one
// error, at exactly the field's path.
import { describe, expect, it } from 'vitest';
import { binary, continuous, errorPaths, errorsOf, survival } from './documents.js';
import type { Edit } from './documents.js';

type Case = [rule: string, document: Record<string, unknown>, path: string];

const designs = (...list: Record<string, unknown>[]): Edit => ['designs', list];

const designCases: Case[] = [
  ['designs are required', continuous(['designs', undefined]), 'designs'],
  ['designs are an array', continuous(['designs', { id: 'a' }]), 'designs'],
  ['at least one design', continuous(['designs', []]), 'designs'],
  [
    'at most 8 designs',
    continuous(designs(...Array.from({ length: 9 }, (_, i) => ({ id: `d${i}`, type: 'enriched', n: 100 })))),
    'designs',
  ],
  ['a design is an object', continuous(['designs[2]', 'stratified']), 'designs[2]'],
  ['id is required', continuous(['designs[0].id', undefined]), 'designs[0].id'],
  ['id has no spaces', continuous(['designs[0].id', 'all comers']), 'designs[0].id'],
  ['id is not empty', continuous(['designs[0].id', '']), 'designs[0].id'],
  ['id ≤ 40 characters', continuous(['designs[0].id', 'x'.repeat(41)]), 'designs[0].id'],
  ['ids are unique', continuous(['designs[2].id', 'ac']), 'designs[2].id'],
  ['label ≤ 80 characters', continuous(['designs[1].label', 'l'.repeat(81)]), 'designs[1].label'],
  ['label is text', continuous(['designs[1].label', 7]), 'designs[1].label'],
  ['label has no lone surrogate', continuous(['designs[1].label', 'Enriched \uDFFF']), 'designs[1].label'],
  ['id has no lone surrogate', continuous(['designs[0].id', 'a\uD800']), 'designs[0].id'],
  ['type is required', continuous(['designs[0].type', undefined]), 'designs[0].type'],
  [
    'type is known; its other fields are then skipped',
    continuous(['designs[0].type', 'enrich'], ['designs[0].n', -1], ['designs[0].foo', 1]),
    'designs[0].type',
  ],
  ['n is an integer ≥ 4', continuous(['designs[1].n', -3]), 'designs[1].n'],
  ['n is not 3', continuous(['designs[1].n', 3]), 'designs[1].n'],
  ['n is an integer', continuous(['designs[1].n', 100.5]), 'designs[1].n'],
  ['n is a number', continuous(['designs[1].n', '100']), 'designs[1].n'],
  ['n is required (continuous)', continuous(['designs[0].n', undefined]), 'designs[0].n'],
  ['n is required (binary)', binary(['designs[0].n', undefined]), 'designs[0].n'],
  ['adaptive n is a pair', continuous(['designs[3].n', 300]), 'designs[3].n'],
  ['adaptive n has two entries', continuous(['designs[3].n', [150]]), 'designs[3].n'],
  ['adaptive n1 < N', continuous(['designs[3].n', [300, 150]]), 'designs[3].n'],
  ['adaptive n1 ≠ N', continuous(['designs[3].n', [150, 150]]), 'designs[3].n'],
  ['adaptive n1 ≥ 4', continuous(['designs[3].n', [3, 300]]), 'designs[3].n[0]'],
  ['adaptive N is an integer', continuous(['designs[3].n', [150, 300.5]]), 'designs[3].n[1]'],
  ['no events without survival', continuous(['designs[0].events', 100]), 'designs[0].events'],
  ['no events for binary', binary(['designs[0].events', 100]), 'designs[0].events'],
  ['survival: events required', survival(['designs[0].events', undefined]), 'designs[0].events'],
  ['survival: events ≥ 2', survival(['designs[0].events', 1]), 'designs[0].events'],
  ['survival: events ≤ n', survival(['designs[0].events', 401]), 'designs[0].events'],
  ['survival: n required with patient', survival(['designs[0].n', undefined]), 'designs[0].n'],
  ['survival: adaptive e1 ≥ 1', survival(['designs[1].events', [0, 300]]), 'designs[1].events[0]'],
  ['survival: adaptive e1 < E', survival(['designs[1].events', [300, 200]]), 'designs[1].events'],
  ['survival: adaptive E ≤ N', survival(['designs[1].events', [150, 401]]), 'designs[1].events[1]'],
  ['survival: adaptive events are a pair', survival(['designs[1].events', 300]), 'designs[1].events'],
  ['stratified intersection is known', continuous(['designs[2].intersection', 'holm']), 'designs[2].intersection'],
  [
    'adaptive intersection is not hierarchical',
    continuous(['designs[3].intersection', 'hierarchical-S']),
    'designs[3].intersection',
  ],
  ['combination is known', continuous(['designs[3].combination', 'product']), 'designs[3].combination'],
  ['selection is an object', continuous(['designs[3].selection', 'best']), 'designs[3].selection'],
  ['selection.rule is known', continuous(['designs[3].selection', { rule: 'first' }]), 'designs[3].selection.rule'],
  [
    'selection.measure is known',
    continuous(['designs[3].selection', { measure: 'p' }]),
    'designs[3].selection.measure',
  ],
  ['selection.epsilon ≥ 0', continuous(['designs[3].selection', { epsilon: -0.1 }]), 'designs[3].selection.epsilon'],
  [
    'selection.threshold is a number or null',
    continuous(['designs[3].selection', { threshold: '0' }]),
    'designs[3].selection.threshold',
  ],
  ['selection fields are known', continuous(['designs[3].selection', { rules: 'best' }]), 'designs[3].selection.rules'],
  ['efficacy is known', continuous(['designs[3].efficacy', 'haybittle']), 'designs[3].efficacy'],
  [
    'Fisher has no early efficacy stop',
    continuous(['designs[3].combination', 'fisher'], ['designs[3].efficacy', 'pocock']),
    'designs[3].efficacy',
  ],
];

const recalculation = { conditionalPower: 0.8, minStage2: 50, maxStage2: 300, assumedEffect: 0.4 };
const optionalObjectCases: Case[] = [
  [
    'recalculation needs all four fields',
    continuous(['designs[3].recalculation', { ...recalculation, assumedEffect: undefined }]),
    'designs[3].recalculation.assumedEffect',
  ],
  [
    'conditionalPower < 1',
    continuous(['designs[3].recalculation', { ...recalculation, conditionalPower: 1 }]),
    'designs[3].recalculation.conditionalPower',
  ],
  [
    'conditionalPower > 0',
    continuous(['designs[3].recalculation', { ...recalculation, conditionalPower: 0 }]),
    'designs[3].recalculation.conditionalPower',
  ],
  [
    'minStage2 ≥ 1',
    continuous(['designs[3].recalculation', { ...recalculation, minStage2: 0 }]),
    'designs[3].recalculation.minStage2',
  ],
  [
    'minStage2 is an integer',
    continuous(['designs[3].recalculation', { ...recalculation, minStage2: 2.5 }]),
    'designs[3].recalculation.minStage2',
  ],
  [
    'maxStage2 ≥ minStage2',
    continuous(['designs[3].recalculation', { ...recalculation, maxStage2: 40 }]),
    'designs[3].recalculation.maxStage2',
  ],
  [
    'assumedEffect > 0',
    continuous(['designs[3].recalculation', { ...recalculation, assumedEffect: 0 }]),
    'designs[3].recalculation.assumedEffect',
  ],
  [
    'assumedEffect is a hazard ratio < 1 for survival',
    survival(['designs[1].recalculation', { ...recalculation, assumedEffect: 1.2 }]),
    'designs[1].recalculation.assumedEffect',
  ],
  ['recalculation is an object', continuous(['designs[3].recalculation', true]), 'designs[3].recalculation'],
  [
    'informationRates has 2 or more',
    continuous(['designs[0].interims', { informationRates: [1] }]),
    'designs[0].interims.informationRates',
  ],
  [
    'informationRates has at most 10',
    continuous([
      'designs[0].interims',
      { informationRates: [...Array.from({ length: 10 }, (_, i) => (i + 1) / 11), 1] },
    ]),
    'designs[0].interims.informationRates',
  ],
  [
    'informationRates end at 1',
    continuous(['designs[1].interims', { informationRates: [0.5, 0.9] }]),
    'designs[1].interims.informationRates[1]',
  ],
  [
    'informationRates increase strictly',
    continuous(['designs[1].interims', { informationRates: [0.6, 0.6, 1] }]),
    'designs[1].interims.informationRates[1]',
  ],
  [
    'informationRates > 0',
    continuous(['designs[1].interims', { informationRates: [0, 1] }]),
    'designs[1].interims.informationRates[0]',
  ],
  [
    'informationRates ≤ 1',
    continuous(['designs[1].interims', { informationRates: [0.5, 1.5] }]),
    'designs[1].interims.informationRates[1]',
  ],
  [
    'informationRates are required',
    continuous(['designs[0].interims', { efficacy: 'pocock' }]),
    'designs[0].interims.informationRates',
  ],
  [
    'interims efficacy is known',
    continuous(['designs[0].interims', { informationRates: [0.5, 1], efficacy: 'asymmetric' }]),
    'designs[0].interims.efficacy',
  ],
  [
    'interims belong to all-comers and enriched only',
    continuous(['designs[2].interims', { informationRates: [0.5, 1] }]),
    'designs[2].interims',
  ],
  [
    'intersection is not a field of all-comers',
    continuous(['designs[0].intersection', 'simes']),
    'designs[0].intersection',
  ],
  [
    'selection is not a field of enriched',
    continuous(['designs[1].selection', { rule: 'best' }]),
    'designs[1].selection',
  ],
];

describe.each([
  ['designs', designCases],
  ['recalculation and interims', optionalObjectCases],
])('%s', (_, cases) => {
  it.each(cases)('%s', (_rule, document, path) => expect(errorPaths(document)).toEqual([path]));
});

describe('what is allowed', () => {
  const valid: [string, Record<string, unknown>][] = [
    ['stratified hierarchical-F', continuous(['designs[2].intersection', 'hierarchical-F'])],
    ['a numeric threshold', continuous(['designs[3].selection', { threshold: -0.5 }])],
    ['no threshold', continuous(['designs[3].selection', { threshold: null }])],
    ['Fisher without efficacy stop', continuous(['designs[3].combination', 'fisher'], ['designs[3].efficacy', 'none'])],
    [
      'interims without efficacy stop',
      continuous(['designs[0].interims', { informationRates: [0.3, 0.6, 1], efficacy: 'none' }]),
    ],
    [
      'ten information rates',
      continuous(['designs[0].interims', { informationRates: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1] }]),
    ],
    [
      'survival asymptotic without n',
      survival(['simulation.method', 'asymptotic'], ['designs', [{ id: 'a', type: 'enriched', events: 100 }]]),
    ],
    ['survival asymptotic with n', survival(['simulation.method', 'asymptotic'])],
    ['survival events = n', survival(['designs[0].events', 400])],
    ['survival adaptive e1 = 1', survival(['designs[1].events', [1, 300]])],
    [
      'survival hazard-ratio recalculation',
      survival(['designs[1].recalculation', { ...recalculation, assumedEffect: 0.7 }]),
    ],
    [
      'a mean-difference recalculation above 1',
      continuous(['designs[3].recalculation', { ...recalculation, assumedEffect: 1.5 }]),
    ],
    ['maxStage2 = minStage2', continuous(['designs[3].recalculation', { ...recalculation, maxStage2: 50 }])],
    [
      '8 designs',
      continuous(designs(...Array.from({ length: 8 }, (_, i) => ({ id: `d-${i}_X`, type: 'enriched', n: 100 })))),
    ],
    [
      'a 40-character id and an 80-character label',
      continuous(['designs[0].id', 'x'.repeat(40)], ['designs[0].label', 'l'.repeat(80)]),
    ],
  ];
  it.each(valid)('%s', (_, document) => expect(errorsOf(document)).toEqual([]));
});

describe('messages', () => {
  it('say what is allowed and what was given', () => {
    expect(errorsOf(continuous(['designs[1].n', -3]))).toEqual(['designs[1].n: must be an integer ≥ 4, got -3']);
    expect(errorsOf(continuous(['designs', undefined]))).toEqual([
      'designs: required, must be an array of 1 to 8 designs',
    ]);
  });

  it('list the allowed design types for an unknown one', () => {
    expect(errorsOf(continuous(['designs[0].type', 'enrich']))).toEqual([
      'designs[0].type: must be one of "all-comers", "enriched", "stratified", "adaptive-enrichment", got "enrich"',
    ]);
  });

  it('name the earlier design of a duplicate id', () => {
    expect(errorsOf(continuous(['designs[2].id', 'ac']))).toEqual([
      'designs[2].id: must be unique (designs[0] has the same id), got "ac"',
    ]);
  });

  it('say which design type a field belongs to elsewhere', () => {
    expect(errorsOf(continuous(['designs[0].intersection', 'simes']))).toEqual([
      'designs[0].intersection: not a field of all-comers designs',
    ]);
  });

  it('explain the Fisher combination has no efficacy stop', () => {
    expect(
      errorsOf(continuous(['designs[3].combination', 'fisher'], ['designs[3].efficacy', 'obrien-fleming'])),
    ).toEqual([
      'designs[3].efficacy: the Fisher combination has no early efficacy stop here; use "none" or inverse-normal',
    ]);
  });

  it('explain where sizes come from', () => {
    expect(errorsOf(continuous(['designs[0].events', 100]))).toEqual([
      'designs[0].events: not a field for a continuous endpoint (only survival designs count events; give n)',
    ]);
    expect(errorsOf(survival(['designs[0].n', undefined]))).toEqual([
      'designs[0].n: required with simulation.method "patient", must be an integer ≥ 4',
    ]);
    expect(errorsOf(survival(['designs[0].events', 500]))).toEqual([
      'designs[0].events: must be an integer ≤ n (400), got 500',
    ]);
    expect(errorsOf(continuous(['designs[3].n', [300, 150]]))).toEqual([
      'designs[3].n: must be [n1, N], cumulative integers with 4 ≤ n1 < N, got [300,150]',
    ]);
  });
});
