// Designs and methods in either population form (docs/populations.md, "Designs"): an enriched design's
// `population`, `dunnett`, `hierarchical` with its `order`, each refusal with its exact message; the
// one-marker form keeps its keywords and fields and reads `dunnett` as `spiessens-debois`.
import { describe, expect, it } from 'vitest';
import { suitableMethods } from '../../../src/engine/scenario/method.js';
import { parseScenario } from '../../../src/engine/scenario/parse.js';
import type { Design, Scenario } from '../../../src/engine/scenario/types.js';
import { continuous, errorsOf, survival } from './documents.js';

type Document = Record<string, unknown>;

/** one marker read at two cutoffs: S1 = high ⊂ S2 = high or low */
const cutoffs = (...designs: Document[]): Document => ({
  population: {
    subgroups: [
      { id: 'high', share: 0.25 },
      { id: 'low', share: 0.35 },
      { id: 'neg', share: 0.4 },
    ],
    populations: [
      { id: 'S1', subgroups: ['high'] },
      { id: 'S2', subgroups: ['high', 'low'] },
    ],
  },
  endpoint: { type: 'continuous', effect: { high: 0.6, low: 0.3, neg: 0 } },
  designs,
});

/** one population besides F, in the new form */
const onePopulation = (...designs: Document[]): Document => ({
  ...cutoffs(...designs),
  population: {
    subgroups: [
      { id: 'pos', share: 0.3 },
      { id: 'neg', share: 0.7 },
    ],
    populations: [{ id: 'P', subgroups: ['pos'] }],
  },
  endpoint: { type: 'binary', control: { pos: 0.2, neg: 0.2 }, treatment: { pos: 0.4, neg: 0.25 } },
});

const stratified = (fields: Document = {}): Document => ({ id: 'st', type: 'stratified', n: 400, ...fields });
const enriched = (fields: Document = {}): Document => ({ id: 'en', type: 'enriched', n: 200, ...fields });
const adaptive = (fields: Document = {}): Document => ({
  id: 'ad',
  type: 'adaptive-enrichment',
  n: [200, 400],
  ...fields,
});

function parsed(document: unknown): Scenario {
  const result = parseScenario(document);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.scenario;
}

const designsOf = (document: unknown): Design[] => parsed(document).designs;

describe('designs with several populations', () => {
  it('take an enriched design’s population, dunnett, and hierarchical with an order, as written', () => {
    const designs = designsOf(
      cutoffs(
        enriched({ population: 'S2' }),
        stratified({ intersection: 'dunnett' }),
        { ...stratified({ intersection: 'hierarchical', order: ['S2', 'F', 'S1'] }), id: 'hi' },
        { ...stratified({ intersection: 'spiessens-debois' }), id: 'sd' },
        adaptive({ intersection: 'dunnett' }),
      ),
    );
    expect(designs[0]).toEqual({ id: 'en', label: '', type: 'enriched', n: 200, population: 'S2' });
    expect(designs[1]).toEqual({ id: 'st', label: '', type: 'stratified', n: 400, intersection: 'dunnett' });
    expect(designs[2]).toEqual({
      id: 'hi',
      label: '',
      type: 'stratified',
      n: 400,
      intersection: 'hierarchical',
      order: ['S2', 'F', 'S1'],
    });
    expect(designs[3]).toMatchObject({ intersection: 'spiessens-debois' });
    expect(designs[4]).toMatchObject({ intersection: 'dunnett', combination: 'inverse-normal' });
  });

  it('fill in an enriched design’s one population when it is left out', () => {
    expect(designsOf(onePopulation(enriched()))[0]).toEqual({
      id: 'en',
      label: '',
      type: 'enriched',
      n: 200,
      population: 'P',
    });
  });

  it('are simulated sufficiently or patient by patient, for continuous and binary endpoints', () => {
    for (const method of ['sufficient', 'patient'] as const) {
      for (const document of [cutoffs(stratified()), onePopulation(stratified())]) {
        expect(parsed({ ...document, simulation: { method } }).simulation.method).toBe(method);
      }
    }
    expect(parsed(cutoffs(stratified())).simulation.method).toBe('sufficient');
  });

  const refusals: [mistake: string, document: Document, messages: string[]][] = [
    [
      'an enriched design’s unknown population',
      cutoffs(enriched({ population: 'S3' })),
      ['designs[0].population: no population "S3" (the populations are S1, S2)'],
    ],
    [
      'F as an enriched design’s population',
      cutoffs(enriched({ population: 'F' })),
      ['designs[0].population: no population "F" (the populations are S1, S2)'],
    ],
    [
      'a population that is no id',
      cutoffs(enriched({ population: 2 })),
      ['designs[0].population: must be a population id (S1, S2), got 2'],
    ],
    [
      'an enriched design without its population among two',
      cutoffs(enriched()),
      ['designs[0].population: required with several populations, must be one of "S1" or "S2"'],
    ],
    [
      'hierarchical without an order',
      cutoffs(stratified({ intersection: 'hierarchical' })),
      [
        'designs[0].order: required with intersection "hierarchical", ' +
          'must be a list of S1, S2 and F, each once, first tested first',
      ],
    ],
    [
      'an order with an unknown id',
      cutoffs(stratified({ intersection: 'hierarchical', order: ['S1', 'S3', 'S2', 'F'] })),
      ['designs[0].order[1]: no population "S3" (the populations are S1, S2 and F)'],
    ],
    [
      'an order with an id twice',
      cutoffs(stratified({ intersection: 'hierarchical', order: ['S1', 'F', 'S2', 'S1'] })),
      ['designs[0].order[3]: "S1" is listed already (designs[0].order[0])'],
    ],
    [
      'an order without F',
      cutoffs(stratified({ intersection: 'hierarchical', order: ['S2', 'S1'] })),
      ['designs[0].order: "F" is missing, must be a list of S1, S2 and F, each once, first tested first'],
    ],
    [
      'an order that is no list',
      cutoffs(stratified({ intersection: 'hierarchical', order: 'S1,S2,F' })),
      ['designs[0].order: must be a list of S1, S2 and F, each once, first tested first, got "S1,S2,F"'],
    ],
    [
      'an order with another intersection test',
      cutoffs(stratified({ intersection: 'simes', order: ['S1', 'S2', 'F'] })),
      ['designs[0].order: only with intersection "hierarchical" (intersection is "simes")'],
    ],
    [
      'an order with the default intersection test',
      cutoffs(stratified({ order: ['S1', 'S2', 'F'] })),
      ['designs[0].order: only with intersection "hierarchical" (intersection is "simes")'],
    ],
    [
      'the one-marker form’s hierarchical-S',
      cutoffs(stratified({ intersection: 'hierarchical-S' })),
      [
        `designs[0].intersection: "hierarchical-S" is the one-marker form's order of S and F; with several ` +
          'populations use "hierarchical" with an order, e.g. "order": ["S1", "S2", "F"]',
      ],
    ],
    [
      'the one-marker form’s hierarchical-F',
      cutoffs(stratified({ intersection: 'hierarchical-F' })),
      [
        `designs[0].intersection: "hierarchical-F" is the one-marker form's order of S and F; with several ` +
          'populations use "hierarchical" with an order, e.g. "order": ["S1", "S2", "F"]',
      ],
    ],
    [
      'an unknown intersection test',
      cutoffs(stratified({ intersection: 'holm' })),
      [
        'designs[0].intersection: must be one of "bonferroni", "simes", "sidak", "dunnett", ' +
          '"spiessens-debois", "hierarchical", got "holm"',
      ],
    ],
    [
      'an adaptive design’s hierarchical test',
      cutoffs(adaptive({ intersection: 'hierarchical' })),
      [
        'designs[0].intersection: must be one of "bonferroni", "simes", "sidak", "dunnett", ' +
          '"spiessens-debois", got "hierarchical"',
      ],
    ],
    [
      'an adaptive design’s hierarchical-S',
      cutoffs(adaptive({ intersection: 'hierarchical-S' })),
      [
        'designs[0].intersection: must be one of "bonferroni", "simes", "sidak", "dunnett", ' +
          '"spiessens-debois", got "hierarchical-S"',
      ],
    ],
    [
      'the asymptotic method for a continuous endpoint',
      { ...cutoffs(stratified()), simulation: { method: 'asymptotic' } },
      [
        'simulation.method: must be "sufficient" or "patient" for a continuous endpoint ' +
          '("asymptotic" is for survival only), got "asymptotic"',
      ],
    ],
  ];

  it.each(refusals)('refuse %s', (_, document, messages) => {
    expect(errorsOf(document)).toEqual(messages);
  });

  it('check the rest of a design as in the one-marker form', () => {
    expect(errorsOf(cutoffs(stratified({ n: 3, events: 10 }), adaptive({ selection: { rule: 'rbest' } })))).toEqual([
      'designs[0].events: not a field for a continuous endpoint (only survival designs count events; give n)',
      'designs[0].n: must be an integer ≥ 4, got 3',
      'designs[1].selection.r: required with rule "rbest", must be an integer ≥ 1',
    ]);
  });
});

describe('the one-marker form keeps its keywords and fields', () => {
  it('reads dunnett as spiessens-debois, the same max-z test of S and F', () => {
    const document = continuous(['designs[2].intersection', 'dunnett'], ['designs[3].intersection', 'dunnett']);
    const designs = designsOf(document);
    expect(designs[2]).toMatchObject({ type: 'stratified', intersection: 'spiessens-debois' });
    expect(designs[3]).toMatchObject({ type: 'adaptive-enrichment', intersection: 'spiessens-debois' });
    const written = continuous(
      ['designs[2].intersection', 'spiessens-debois'],
      ['designs[3].intersection', 'spiessens-debois'],
    );
    expect(designsOf(written)).toEqual(designs);
  });

  it.each<[mistake: string, document: Document, messages: string[]]>([
    [
      'hierarchical',
      continuous(['designs[2].intersection', 'hierarchical']),
      [
        'designs[2].intersection: "hierarchical" tests several populations in an order; ' +
          'with one marker use "hierarchical-S" (S first) or "hierarchical-F" (F first)',
      ],
    ],
    [
      'an order',
      continuous(['designs[2].intersection', 'hierarchical-S'], ['designs[2].order', ['S', 'F']]),
      [
        'designs[2].order: only with several populations (population.subgroups); ' +
          'with one marker use intersection "hierarchical-S" or "hierarchical-F"',
      ],
    ],
    [
      'an enriched design’s population',
      continuous(['designs[1].population', 'S']),
      [
        'designs[1].population: only with several populations (population.subgroups); ' +
          'a one-marker enriched design enrols S',
      ],
    ],
    [
      'an adaptive design’s hierarchical test',
      continuous(['designs[3].intersection', 'hierarchical']),
      [
        'designs[3].intersection: must be one of "bonferroni", "simes", "sidak", "spiessens-debois", ' +
          'got "hierarchical"',
      ],
    ],
    [
      'a population field on another design type',
      continuous(['designs[0].population', 'S']),
      ['designs[0].population: not a field of all-comers designs'],
    ],
    [
      'dunnett with the maxcombo test, as spiessens-debois',
      survival(['analysis', { survivalTest: 'maxcombo' }], ['designs[1].intersection', 'dunnett']),
      [
        'designs[1].intersection: must not be "dunnett" with analysis.survivalTest "maxcombo" ' +
          '(two maxcombo statistics have no single correlation to adjust for)',
      ],
    ],
  ])('refuses %s', (_, document, messages) => {
    expect(errorsOf(document)).toEqual(messages);
  });
});

describe('suitable methods', () => {
  const withAssay = (assay?: Record<string, Record<string, number>>) => ({
    subgroups: [
      { id: 'pos', share: 0.3 },
      { id: 'neg', share: 0.7 },
    ],
    populations: [{ id: 'S', subgroups: ['pos'] }],
    ...(assay ? { assay } : {}),
  });

  it('an assay is imperfect when some entry off its diagonal is above 0', () => {
    const perfect = { pos: { pos: 1, neg: 0 }, neg: { neg: 1 } };
    expect(suitableMethods('survival', withAssay())).toEqual(['asymptotic', 'patient']);
    expect(suitableMethods('survival', withAssay(perfect))).toEqual(['asymptotic', 'patient']);
    expect(suitableMethods('survival', withAssay({ pos: { pos: 0.9, neg: 0.1 } }))).toEqual(['patient']);
    expect(suitableMethods('binary', withAssay({ pos: { pos: 0.9, neg: 0.1 } }))).toEqual(['sufficient', 'patient']);
  });

  it('in the one-marker form as before', () => {
    expect(suitableMethods('survival', { prevalence: 0.3 })).toEqual(['asymptotic', 'patient']);
    expect(suitableMethods('survival', { prevalence: 0.3, sensitivity: 0.9 })).toEqual(['patient']);
    expect(suitableMethods('survival', { specificity: 0.95 })).toEqual(['patient']);
    expect(suitableMethods('continuous', { sensitivity: 0.9 })).toEqual(['sufficient', 'patient']);
  });
});
