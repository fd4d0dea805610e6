// The survival endpoint beyond one hazard ratio (docs/scenario.md, "Endpoints"): hazard ratios and
// control hazards as pieces, a Weibull shape beside the median, the rules between them, and the
// asymptotic method refused for non-proportional hazards. Every bad input gives exactly the messages
// that name its field.
import { describe, expect, it } from 'vitest';
import { fieldView } from '../../../src/engine/scenario/field-docs.js';
import { suitableMethods } from '../../../src/engine/scenario/method.js';
import { parseScenario } from '../../../src/engine/scenario/parse.js';
import { type Edit, errorsOf, survival } from './documents.js';

const delayed = [
  { from: 0, value: 1 },
  { from: 4, value: 0.6 },
];

describe('pieces are read', () => {
  it('a hazard ratio as pieces, a control hazard as pieces, a Weibull shape beside a median', () => {
    const parsed = parseScenario(
      survival(
        ['endpoint.hazardRatio', { pos: delayed, neg: 0.9 }],
        ['endpoint.controlMedian', { pos: 12 }],
        [
          'endpoint.controlHazard',
          {
            neg: [
              { from: 0, value: 0.05 },
              { from: 6, value: 0.03 },
            ],
          },
        ],
        ['endpoint.shape', { pos: 1.4 }],
      ),
    );
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    expect(parsed.scenario.endpoint).toEqual({
      type: 'survival',
      controlMedian: { pos: 12 },
      controlHazard: {
        neg: [
          { from: 0, value: 0.05 },
          { from: 6, value: 0.03 },
        ],
      },
      shape: { pos: 1.4 },
      hazardRatio: { pos: delayed, neg: 0.9 },
      dropoutPerYear: 0,
    });
  });

  it('an old scenario is filled exactly as before: nothing added', () => {
    const parsed = parseScenario(survival());
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    expect(parsed.scenario.endpoint).toEqual({
      type: 'survival',
      controlMedian: { pos: 12, neg: 12 },
      hazardRatio: { pos: 0.6, neg: 0.9 },
      dropoutPerYear: 0,
    });
    expect(Object.keys(parsed.scenario.endpoint)).toEqual(['type', 'controlMedian', 'hazardRatio', 'dropoutPerYear']);
  });
});

type Case = [rule: string, document: Record<string, unknown>, messages: string[]];

const ratio = (pos: unknown) => survival(['endpoint.hazardRatio.pos', pos]);
const HR = 'endpoint.hazardRatio.pos';
const cases: Case[] = [
  [
    'pieces out of order',
    ratio([...delayed, { from: 2, value: 0.8 }]),
    [`${HR}[2].from: must be greater than the previous piece's from (4): pieces in order of their months, got 2`],
  ],
  [
    'a repeated month',
    ratio([...delayed, { from: 4, value: 0.8 }]),
    [`${HR}[2].from: must be greater than the previous piece's from (4): pieces in order of their months, got 4`],
  ],
  [
    'a first piece not from 0',
    ratio([{ from: 1, value: 0.7 }]),
    [`${HR}[0].from: must be 0 (the first piece starts at randomisation), got 1`],
  ],
  ['a hazard ratio of zero', ratio([{ from: 0, value: 0 }]), [`${HR}[0].value: must be a number > 0, got 0`]],
  [
    'a hazard ratio beyond the limits',
    ratio([
      { from: 0, value: 1 },
      { from: 3, value: 200 },
    ]),
    [`${HR}[1].value: must be a number ≥ 0.01 and ≤ 100 (no treatment changes a hazard a hundredfold), got 200`],
  ],
  [
    'a piece after a hundred years',
    ratio([
      { from: 0, value: 1 },
      { from: 1300, value: 0.5 },
    ]),
    [`${HR}[1].from: must be a number ≤ 1200 (a hundred years), got 1300`],
  ],
  [
    'too many pieces',
    ratio(Array.from({ length: 21 }, (_, i) => ({ from: i, value: 1 }))),
    [`${HR}: must be at most 20 pieces, got 21`],
  ],
  [
    'an empty list',
    ratio([]),
    [`${HR}: must be a number > 0, or a list of 1 to 20 pieces [{ "from": 0, "value": … }, …], got []`],
  ],
  ['a piece without its value', ratio([{ from: 0 }]), [`${HR}[0].value: required, must be a number > 0`]],
  [
    'a piece with a stray field',
    ratio([{ from: 0, value: 0.7, until: 3 }]),
    [`${HR}[0].until: unknown field (allowed: from, value)`],
  ],
  [
    'a negative control hazard',
    survival(['endpoint.controlMedian', { pos: 12 }], ['endpoint.controlHazard', { neg: [{ from: 0, value: -0.1 }] }]),
    ['endpoint.controlHazard.neg[0].value: must be a number > 0, got -0.1'],
  ],
  [
    'a zero control hazard in a later piece',
    survival(
      ['endpoint.controlMedian', { pos: 12 }],
      [
        'endpoint.controlHazard',
        {
          neg: [
            { from: 0, value: 0.1 },
            { from: 12, value: 0 },
          ],
        },
      ],
    ),
    ['endpoint.controlHazard.neg[1].value: must be a number > 0, got 0'],
  ],
  [
    'both a median and a hazard for one status',
    survival(['endpoint.controlHazard', { pos: [{ from: 0, value: 0.05 }] }]),
    ['endpoint.controlHazard.pos: not with endpoint.controlMedian.pos: the control arm has a median or a hazard'],
  ],
  [
    'neither for one status',
    survival(['endpoint.controlMedian', { pos: 12 }]),
    ['endpoint.controlMedian.neg: required unless endpoint.controlHazard.neg is given, must be a number > 0'],
  ],
  [
    'a shape with a hazard',
    survival(
      ['endpoint.controlMedian', { pos: 12 }],
      ['endpoint.controlHazard', { neg: [{ from: 0, value: 0.05 }] }],
      ['endpoint.shape', { neg: 1.5 }],
    ),
    [
      'endpoint.shape.neg: only with endpoint.controlMedian.neg: ' +
        'a Weibull control arm is given by its median and shape, not by a hazard',
    ],
  ],
  [
    'a shape beyond the limits',
    survival(['endpoint.shape', { pos: 8 }]),
    [
      'endpoint.shape.pos: must be a number ≥ 0.2 and ≤ 5 ' +
        '(hazards falling as steeply as t^−0.8 or rising as t⁴), got 8',
    ],
  ],
  [
    'the asymptotic method for non-proportional hazards',
    survival(['endpoint.hazardRatio.pos', delayed], ['simulation', { method: 'asymptotic' }]),
    [
      'simulation.method: must be "patient" for non-proportional hazards ' +
        '(the asymptotic law needs one hazard ratio per marker status), got "asymptotic"',
    ],
  ],
];

describe('bad input names its field', () => {
  it.each(cases)('%s', (_rule, document, messages) => expect(errorsOf(document)).toEqual(messages));
});

describe('what is allowed', () => {
  const asymptotic: [string, Edit[]][] = [
    [
      'pieces of one value',
      [
        [
          'endpoint.hazardRatio.pos',
          [
            { from: 0, value: 0.7 },
            { from: 6, value: 0.7 },
          ],
        ],
      ],
    ],
    ['a Weibull control (proportional hazards still)', [['endpoint.shape', { pos: 1.5, neg: 0.7 }]]],
    [
      'a control hazard in pieces',
      [
        ['endpoint.controlMedian', { neg: 12 }],
        [
          'endpoint.controlHazard',
          {
            pos: [
              { from: 0, value: 0.06 },
              { from: 8, value: 0.04 },
            ],
          },
        ],
      ],
    ],
  ];
  it.each(asymptotic)('the asymptotic method with %s', (_rule, edits) => {
    expect(errorsOf(survival(...edits, ['simulation', { method: 'asymptotic' }]))).toEqual([]);
  });

  it('offers the asymptotic method only for proportional hazards, as the validator allows it', () => {
    const perfect = { sensitivity: 1, specificity: 1 };
    expect(suitableMethods('survival', perfect)).toEqual(['asymptotic', 'patient']);
    expect(suitableMethods('survival', perfect, { hazardRatio: { pos: 0.7, neg: 0.9 } })).toEqual([
      'asymptotic',
      'patient',
    ]);
    expect(suitableMethods('survival', perfect, { hazardRatio: { pos: delayed, neg: 0.9 } })).toEqual(['patient']);
    // a draft half written is not judged here: its fields' own messages say what is wrong
    expect(suitableMethods('survival', perfect, { hazardRatio: { pos: 'x' } })).toEqual(['asymptotic', 'patient']);
  });

  it('describes the new fields for the form, with the pieces’ limits', () => {
    expect(fieldView('endpoint.hazardRatio.pos', 'survival')).toMatchObject({
      kind: 'number',
      range: '0.01 ≤ x ≤ 100',
      pieces: { max: 20, range: '0.01 ≤ x ≤ 100', fromRange: '0 ≤ x ≤ 1200' },
    });
    expect(fieldView('endpoint.controlHazard.neg', 'survival')).toMatchObject({
      kind: 'pieces',
      optional: true,
      pieces: { max: 20, range: '10⁻⁴ ≤ x ≤ 10' },
    });
    expect(fieldView('endpoint.shape.pos', 'survival')).toMatchObject({ range: '0.2 ≤ x ≤ 5', optional: true });
    expect(fieldView('endpoint.controlMedian.pos', 'survival')?.optional).toBe(true);
  });
});
