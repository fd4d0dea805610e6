// The several-populations form of `population` (docs/populations.md): read into the PopulationModel and
// the scenario, every mistake named at its field, the endpoint's maps by subgroup with their defaults
// filled, and a survival endpoint refused with the one "not simulated yet" message.
import { describe, expect, it } from 'vitest';
import type { PopulationModel } from '../../../src/engine/population-model.js';
import type { Issues } from '../../../src/engine/scenario/checks.js';
import { parseScenario } from '../../../src/engine/scenario/parse.js';
import { readPopulationForm } from '../../../src/engine/scenario/population-form.js';
import type { Scenario } from '../../../src/engine/scenario/types.js';
import cases from '../../fixtures/reference/rpact-populations.json';
import { errorsOf, setAt } from './documents.js';

type Document = Record<string, unknown>;

/** one marker read at two cutoffs: high ⊂ high-or-low, with an imperfect assay */
const cutoffs = (): Document => ({
  subgroups: [
    { id: 'high', share: 0.25 },
    { id: 'low', share: 0.35 },
    { id: 'neg', share: 0.4 },
  ],
  populations: [
    { id: 'S1', subgroups: ['high'] },
    { id: 'S2', subgroups: ['high', 'low'] },
  ],
  assay: { high: { high: 0.9, low: 0.1 }, low: { high: 0.05, low: 0.85, neg: 0.1 } },
});

/** two markers, overlapping populations, a perfect assay */
const twoMarkers = (): Document => ({
  subgroups: [
    { id: 'A+B+', share: 0.1 },
    { id: 'A+B-', share: 0.2 },
    { id: 'A-B+', share: 0.15 },
    { id: 'A-B-', share: 0.55 },
  ],
  populations: [
    { id: 'SA', subgroups: ['A+B+', 'A+B-'] },
    { id: 'SB', subgroups: ['A+B+', 'A-B+'] },
  ],
});

/** a continuous endpoint with an effect for each subgroup written with a well-formed id */
function effects(population: Document): Document {
  const written = Array.isArray(population.subgroups) ? population.subgroups : [];
  const ids = written.map((subgroup: { id?: unknown }) => subgroup.id);
  const wellFormed = ids.filter((id): id is string => typeof id === 'string' && /^[A-Za-z0-9_+-]{1,20}$/.test(id));
  return { type: 'continuous', effect: Object.fromEntries(wellFormed.map((id) => [id, 0.3])) };
}

const scenarioDocument = (population: Document, endpoint?: Document): Document => ({
  population,
  endpoint: endpoint ?? effects(population),
  designs: [{ id: 'st', type: 'stratified', n: 400, intersection: 'simes' }],
});

/** `document` with each edit applied (paths as documents.ts's setAt reads them) */
function edited(document: Document, ...edits: [path: string, value: unknown][]): Document {
  for (const [path, value] of edits) setAt(document, path, value);
  return document;
}

function read(value: unknown): { model?: PopulationModel; issues: Issues } {
  const issues: Issues = [];
  return { model: readPopulationForm(value, 'population', issues), issues };
}

function parsed(document: unknown): Scenario {
  const result = parseScenario(document);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.scenario;
}

/** a survival endpoint whose control arms mix medians and piecewise hazards */
const survival = (): Document => ({
  type: 'survival',
  controlMedian: { high: 12, low: 10 },
  shape: { high: 1.2 },
  controlHazard: { neg: [{ from: 0, value: 0.08 }] },
  hazardRatio: {
    high: 0.6,
    low: [
      { from: 0, value: 1 },
      { from: 3, value: 0.7 },
    ],
    neg: 0.95,
  },
});

describe('readPopulationForm reads the contract into the population model', () => {
  it('reads nested populations of one marker at two cutoffs, rows left out perfect', () => {
    expect(read(cutoffs())).toEqual({
      model: {
        subgroups: [
          { id: 'high', share: 0.25 },
          { id: 'low', share: 0.35 },
          { id: 'neg', share: 0.4 },
        ],
        populations: [
          { id: 'S1', subgroups: ['high'] },
          { id: 'S2', subgroups: ['high', 'low'] },
        ],
        assay: [
          [0.9, 0.1, 0],
          [0.05, 0.85, 0.1],
          [0, 0, 1],
        ],
      },
      issues: [],
    });
  });

  it('reads overlapping populations of two markers, the assay left out perfect', () => {
    expect(read(twoMarkers())).toEqual({
      model: {
        subgroups: [
          { id: 'A+B+', share: 0.1 },
          { id: 'A+B-', share: 0.2 },
          { id: 'A-B+', share: 0.15 },
          { id: 'A-B-', share: 0.55 },
        ],
        populations: [
          { id: 'SA', subgroups: ['A+B+', 'A+B-'] },
          { id: 'SB', subgroups: ['A+B+', 'A-B+'] },
        ],
        assay: [
          [1, 0, 0, 0],
          [0, 1, 0, 0],
          [0, 0, 1, 0],
          [0, 0, 0, 1],
        ],
      },
      issues: [],
    });
  });
});

describe('a valid scenario in the new form is accepted, every default filled in', () => {
  it('the cutoffs example: the assay as a full table by id, sd 1 for every subgroup', () => {
    const scenario = parsed(scenarioDocument(cutoffs()));
    expect(scenario.population).toEqual({
      subgroups: [
        { id: 'high', share: 0.25 },
        { id: 'low', share: 0.35 },
        { id: 'neg', share: 0.4 },
      ],
      populations: [
        { id: 'S1', subgroups: ['high'] },
        { id: 'S2', subgroups: ['high', 'low'] },
      ],
      assay: {
        high: { high: 0.9, low: 0.1, neg: 0 },
        low: { high: 0.05, low: 0.85, neg: 0.1 },
        neg: { high: 0, low: 0, neg: 1 },
      },
    });
    expect(scenario.endpoint).toEqual({
      type: 'continuous',
      sd: { high: 1, low: 1, neg: 1 },
      effect: { high: 0.3, low: 0.3, neg: 0.3 },
    });
    expect(scenario.designs).toEqual([{ id: 'st', label: '', type: 'stratified', n: 400, intersection: 'simes' }]);
    // the rest as in the one-marker form
    expect(scenario.simulation).toEqual({ replicates: 10_000, seed: 'stratum', method: 'sufficient' });
    expect(scenario.analysis).toEqual({ statistic: 't', strata: 'random', stratified: true });
  });

  it('the two-marker example, binary: an assay left out stays out (perfect)', () => {
    const rates = (a: number, b: number, c: number, d: number) => ({ 'A+B+': a, 'A+B-': b, 'A-B+': c, 'A-B-': d });
    const endpoint = { type: 'binary', control: rates(0.2, 0.2, 0.2, 0.2), treatment: rates(0.5, 0.4, 0.35, 0.25) };
    const scenario = parsed(scenarioDocument(twoMarkers(), endpoint));
    expect(scenario.population).toEqual(twoMarkers());
    expect('assay' in scenario.population).toBe(false);
    expect(scenario.endpoint).toEqual(endpoint);
  });

  it('the input is not touched, and the scenario shares nothing with it', () => {
    const document = scenarioDocument(cutoffs());
    const before = structuredClone(document);
    const scenario = parsed(document);
    expect(document).toEqual(before);
    (scenario.population as { subgroups: { share: number }[] }).subgroups[0].share = 0;
    expect(document).toEqual(before);
  });

  it('a survival endpoint is read by subgroup: medians, shapes, hazards and ratios as written', () => {
    const document = edited(scenarioDocument(cutoffs(), survival()), ['designs[0].events', 300]);
    const scenario = parsed(document);
    expect(scenario.endpoint).toMatchObject(survival());
  });

  it('eventsIn names a population or F', () => {
    const document = edited(scenarioDocument(cutoffs(), survival()), [
      'designs',
      [{ id: 'a', type: 'all-comers', n: 400, events: 300, eventsIn: 'S1' }],
    ]);
    expect(parsed(document).designs[0]).toMatchObject({ eventsIn: 'S1' });
    setAt(document, 'designs[0].eventsIn', 'S');
    expect(errorsOf(document)).toEqual(['designs[0].eventsIn: must be a population id or "F" (S1, S2, F), got "S"']);
  });

  it('the sd map may leave a subgroup to its default, as { pos } does today', () => {
    const given = parsed(edited(scenarioDocument(cutoffs()), ['endpoint.sd', { high: 2 }]));
    expect(given.endpoint).toMatchObject({ sd: { high: 2, low: 1, neg: 1 } });
    const none = parsed(edited(scenarioDocument(cutoffs()), ['endpoint.sd', undefined]));
    expect(none.endpoint).toMatchObject({ sd: { high: 1, low: 1, neg: 1 } });
  });

  // The rpact reference cases, written in the new form with rpact's subgroup names: the contract takes
  // every one (pop4-ae-sidak-rbest2's "rbest" selection with r = 2 included), its population, endpoint
  // and design as written.
  it.each(cases.map((reference) => [reference.id, reference.scenario] as const))('rpact case %s', (_, document) => {
    const scenario = parsed(document);
    expect(scenario.population).toEqual(document.population);
    expect(scenario.endpoint).toMatchObject(document.endpoint);
    expect(scenario.designs[0]).toMatchObject(document.designs[0]);
  });
});

describe('every mistake is named at its field', () => {
  const cases: [mistake: string, population: Document, message: string][] = [
    [
      'a population no one is classified into',
      edited(edited(cutoffs(), ['subgroups[0].share', 0], ['subgroups[1].share', 0.6]), ['assay', undefined]),
      "population.populations[0].subgroups: no screened patient is classified into S1 (its subgroups' shares, " +
        'read through the assay, add up to 0)',
    ],
    [
      'shares not adding up to 1',
      edited(cutoffs(), ['subgroups[2].share', 0.35]),
      'population.subgroups: the shares must add up to 1, they add up to 0.95',
    ],
    [
      'a share above 1',
      edited(cutoffs(), ['subgroups[0].share', 1.5]),
      'population.subgroups[0].share: must be a number ≥ 0 and ≤ 1, got 1.5',
    ],
    [
      'a share left out',
      edited(cutoffs(), ['subgroups[0].share', undefined]),
      'population.subgroups[0].share: required, must be a number ≥ 0 and ≤ 1',
    ],
    [
      'one subgroup',
      edited(cutoffs(), ['subgroups', [{ id: 'all', share: 1 }]]),
      'population.subgroups: must be an array of 2 to 8 subgroups { id, share }, got [{"id":"all","share":1}]',
    ],
    [
      'nine subgroups',
      edited(cutoffs(), ['subgroups', Array.from({ length: 9 }, (_, i) => ({ id: `g${i}`, share: 1 / 9 }))]),
      'population.subgroups: must be an array of 2 to 8 subgroups { id, share }, ' +
        'got [{"id":"g0","share":0.1111111111111111}…',
    ],
    [
      'an id with a space',
      edited(cutoffs(), ['subgroups[1].id', 'lo w']),
      'population.subgroups[1].id: must be 1–20 letters, digits, "-", "_" or "+", got "lo w"',
    ],
    [
      'an id of 21 characters',
      edited(cutoffs(), ['populations[0].id', 'x'.repeat(21)]),
      `population.populations[0].id: must be 1–20 letters, digits, "-", "_" or "+", got "${'x'.repeat(21)}"`,
    ],
    [
      'a subgroup named F',
      edited(twoMarkers(), ['subgroups[3].id', 'F'], ['populations[0].subgroups', ['A+B+']]),
      'population.subgroups[3].id: must be an id other than "F", "any" and "__proto__" ' +
        '(they name everyone screened, any rejection, and an object\'s prototype), got "F"',
    ],
    [
      'a population named any',
      edited(cutoffs(), ['populations[1].id', 'any']),
      'population.populations[1].id: must be an id other than "F", "any" and "__proto__" ' +
        '(they name everyone screened, any rejection, and an object\'s prototype), got "any"',
    ],
    [
      'a subgroup named __proto__',
      edited(cutoffs(), ['subgroups[2].id', '__proto__']),
      'population.subgroups[2].id: must be an id other than "F", "any" and "__proto__" ' +
        '(they name everyone screened, any rejection, and an object\'s prototype), got "__proto__"',
    ],
    [
      'two subgroups with one id',
      edited(twoMarkers(), ['subgroups[2].id', 'A+B-'], ['populations[1].subgroups', ['A+B+']]),
      'population.subgroups[2].id: must be unique across subgroups and populations ' +
        '(population.subgroups[1] has the same id), got "A+B-"',
    ],
    [
      'a population with a subgroup’s id',
      edited(cutoffs(), ['populations[1].id', 'low']),
      'population.populations[1].id: must be unique across subgroups and populations ' +
        '(population.subgroups[1] has the same id), got "low"',
    ],
    [
      'a population naming an unknown subgroup',
      edited(cutoffs(), ['populations[1].subgroups', ['mid', 'high']]),
      'population.populations[1].subgroups[0]: no subgroup "mid" (the subgroups are high, low, neg)',
    ],
    [
      'a population listing a subgroup twice',
      edited(cutoffs(), ['populations[1].subgroups', ['high', 'low', 'high']]),
      'population.populations[1].subgroups[2]: "high" is listed already (population.populations[1].subgroups[0])',
    ],
    [
      'a population with no subgroups',
      edited(cutoffs(), ['populations[0].subgroups', []]),
      'population.populations[0].subgroups: must be a non-empty list of subgroup ids, got []',
    ],
    [
      'a population of every subgroup',
      edited(cutoffs(), ['populations[1].subgroups', ['neg', 'high', 'low']]),
      'population.populations[1].subgroups: lists every subgroup, which is F (always a population, never listed)',
    ],
    [
      'two populations of the same subgroups',
      edited(cutoffs(), ['populations[1].subgroups', ['high']]),
      'population.populations[1].subgroups: the same subgroups as population.populations[0]: ' +
        'each population is listed once',
    ],
    [
      'more than 3 populations',
      edited(twoMarkers(), [
        'populations',
        [
          { id: 'P1', subgroups: ['A+B+'] },
          { id: 'P2', subgroups: ['A+B-'] },
          { id: 'P3', subgroups: ['A-B+'] },
          { id: 'P4', subgroups: ['A+B+', 'A+B-'] },
        ],
      ]),
      "population.populations: at most 3 populations besides F (rpact's limit of four in all), got 4",
    ],
    [
      'no populations',
      edited(cutoffs(), ['populations', undefined]),
      'population.populations: required, must be an array of 1 to 3 populations { id, subgroups }',
    ],
    [
      'an assay row not adding up to 1',
      edited(cutoffs(), ['assay.low', { high: 0.05, low: 0.85 }]),
      'population.assay.low: the row must add up to 1, it adds up to 0.9',
    ],
    [
      'an assay row for an unknown subgroup',
      edited(cutoffs(), ['assay.mid', { mid: 1 }]),
      'population.assay.mid: not a subgroup (the subgroups are high, low, neg)',
    ],
    [
      'an assay entry for an unknown subgroup',
      edited(cutoffs(), ['assay.high', { high: 0.9, mid: 0.1 }]),
      'population.assay.high.mid: not a subgroup (the subgroups are high, low, neg)',
    ],
    [
      'an assay entry above 1',
      edited(cutoffs(), ['assay.neg', { neg: 1.1 }]),
      'population.assay.neg.neg: must be a number ≥ 0 and ≤ 1, got 1.1',
    ],
    [
      'an unknown field',
      edited(cutoffs(), ['cutoff', 50]),
      'population.cutoff: unknown field (allowed: subgroups, populations, assay)',
    ],
    [
      'both forms at once',
      edited(cutoffs(), ['prevalence', 0.3], ['specificity', 0.9]),
      'population.subgroups: not with population.prevalence/sensitivity/specificity: a population is given by ' +
        'prevalence, sensitivity and specificity (one marker) or by subgroups and populations, not both',
    ],
  ];

  it.each(cases)('%s', (_, population, message) => {
    expect(read(population)).toEqual({ model: undefined, issues: [message] });
    expect(errorsOf(scenarioDocument(population))).toEqual([message]);
  });

  it('the one-marker fields beside subgroups give one message, whichever of them are there', () => {
    const population = edited(cutoffs(), ['sensitivity', 0.9]);
    expect(read(population).issues).toEqual([
      'population.subgroups: not with population.prevalence/sensitivity/specificity: a population is given by ' +
        'prevalence, sensitivity and specificity (one marker) or by subgroups and populations, not both',
    ]);
  });
});

describe("the endpoint's maps have one entry per subgroup", () => {
  const cases: [mistake: string, endpoint: Document, messages: string[]][] = [
    [
      'an effect missing for a subgroup',
      { type: 'continuous', effect: { high: 0.6, neg: 0.05 } },
      ['endpoint.effect: no entry for subgroup "low"'],
    ],
    [
      'an effect for no subgroup',
      { type: 'continuous', effect: { high: 0.6, low: 0.3, neg: 0.05, foo: 1 } },
      ['endpoint.effect.foo: not a subgroup (the subgroups are high, low, neg)'],
    ],
    [
      'the one-marker statuses',
      { type: 'continuous', effect: { pos: 0.6, neg: 0.05 } },
      [
        'endpoint.effect.pos: not a subgroup (the subgroups are high, low, neg)',
        'endpoint.effect: no entry for subgroup "high"',
        'endpoint.effect: no entry for subgroup "low"',
      ],
    ],
    [
      'no effect',
      { type: 'continuous' },
      ['endpoint.effect: required, must be an object with one entry per subgroup (high, low, neg)'],
    ],
    [
      'an effect that is no number',
      { type: 'continuous', effect: { high: '0.6', low: 0.3, neg: 0.05 } },
      ['endpoint.effect.high: must be a finite number, got "0.6"'],
    ],
    [
      'a rate of 1',
      { type: 'binary', control: { high: 0.2, low: 0.2, neg: 0.2 }, treatment: { high: 1, low: 0.3, neg: 0.2 } },
      ['endpoint.treatment.high: must be a number > 0 and < 1, got 1'],
    ],
    [
      'a hazard ratio missing, pieces out of order',
      {
        type: 'survival',
        controlMedian: { high: 12, low: 12, neg: 12 },
        hazardRatio: {
          high: [
            { from: 0, value: 0.6 },
            { from: 0, value: 0.7 },
          ],
          neg: 0.9,
        },
      },
      [
        "endpoint.hazardRatio.high[1].from: must be greater than the previous piece's from (0): " +
          'pieces in order of their months, got 0',
        'endpoint.hazardRatio: no entry for subgroup "low"',
      ],
    ],
    [
      'a control arm by both a median and a hazard, another by neither',
      {
        type: 'survival',
        controlMedian: { high: 12, low: 12 },
        controlHazard: { high: 0.05 },
        hazardRatio: { high: 0.6, low: 0.8, neg: 0.9 },
      },
      [
        'endpoint.controlHazard.high: must be a list of 1 to 20 pieces [{ "from": 0, "value": … }, …], ' +
          'each value a number > 0, got 0.05',
        'endpoint.controlHazard.high: not with endpoint.controlMedian.high: the control arm has a median or a hazard',
        'endpoint.controlMedian: no entry for subgroup "neg" (nor has endpoint.controlHazard)',
      ],
    ],
    [
      'a shape with a hazard',
      {
        type: 'survival',
        controlMedian: { high: 12, low: 12 },
        controlHazard: { neg: [{ from: 0, value: 0.05 }] },
        shape: { neg: 1.5 },
        hazardRatio: { high: 0.6, low: 0.8, neg: 0.9 },
      },
      [
        'endpoint.shape.neg: only with endpoint.controlMedian.neg: ' +
          'a Weibull control arm is given by its median and shape, not by a hazard',
      ],
    ],
    [
      'no control arm',
      { type: 'survival', hazardRatio: { high: 0.6, low: 0.8, neg: 0.9 } },
      ['endpoint.controlMedian: required (or endpoint.controlHazard), must be an object with one entry per subgroup'],
    ],
  ];

  it.each(cases)('%s', (_, endpoint, messages) => {
    const document = scenarioDocument(cutoffs(), endpoint);
    if (endpoint.type === 'survival') setAt(document, 'designs[0].events', 300);
    expect(errorsOf(document)).toEqual(messages);
  });

  it('a population in error still has its endpoint checked by its subgroups', () => {
    const population = edited(cutoffs(), ['subgroups[2].share', 0.35]);
    expect(errorsOf(scenarioDocument(population, { type: 'continuous', effect: { high: 0.6, low: 0.3 } }))).toEqual([
      'population.subgroups: the shares must add up to 1, they add up to 0.95',
      'endpoint.effect: no entry for subgroup "neg"',
    ]);
  });
});
