// Share links of the several-populations form: subgroups, populations, the assay and the endpoint's maps
// keyed by subgroup ids (which may hold `+`, `-`, `_`), an enriched design's population and a hierarchical
// order survive encode → decode exactly; a tampered link gives messages, never a throw.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/engine/scenario/parse.js';
import type { Scenario } from '../../src/engine/scenario/types.js';
import { decodeScenarioQuery, encodeScenarioQuery } from '../../src/share/url-codec.js';

const TWO_MARKERS = {
  title: 'Two markers',
  population: {
    subgroups: [
      { id: 'A+B+', share: 0.2 },
      { id: 'A+B-', share: 0.2 },
      { id: 'A-B+', share: 0.25 },
      { id: 'A-B-', share: 0.35 },
    ],
    populations: [
      { id: 'SA', subgroups: ['A+B+', 'A+B-'] },
      { id: 'SB', subgroups: ['A+B+', 'A-B+'] },
    ],
    assay: { 'A+B+': { 'A+B+': 0.9, 'A+B-': 0.1 }, 'A-B-': { 'A-B-': 0.95, 'A-B+': 0.05 } },
  },
  endpoint: {
    type: 'continuous',
    effect: { 'A+B+': 0.6, 'A+B-': 0.4, 'A-B+': 0.3, 'A-B-': 0 },
    sd: { 'A+B+': 1, 'A+B-': 1.2, 'A-B+': 1, 'A-B-': 1 },
  },
  designs: [
    { id: 'enriched-a', type: 'enriched', n: 200, population: 'SA' },
    { id: 'strat', type: 'stratified', n: 400, intersection: 'hierarchical', order: ['SB', 'SA', 'F'] },
    { id: 'dunnett', type: 'stratified', n: 400, intersection: 'dunnett' },
    { id: 'ae', type: 'adaptive-enrichment', n: [200, 400], intersection: 'simes' },
  ],
};

const NESTED_BINARY = {
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
  endpoint: {
    type: 'binary',
    control: { high: 0.2, low: 0.2, neg: 0.2 },
    treatment: { high: 0.45, low: 0.3, neg: 0.2 },
  },
  designs: [{ id: 'e', type: 'enriched', n: 150, population: 'S2' }],
};

function scenarioOf(document: unknown): Scenario {
  const parsed = parseScenario(document);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.scenario;
}

const roundTrips = (scenario: Scenario) =>
  expect(decodeScenarioQuery(encodeScenarioQuery(scenario))).toEqual({ ok: true, scenario });

describe('share links with several populations', () => {
  it('round-trip two overlapping markers with an assay, ids with + and -, population and order', () => {
    const scenario = scenarioOf(TWO_MARKERS);
    const query = encodeScenarioQuery(scenario);
    expect(query).toContain('&population.subgroups.0.id=A%2BB%2B&population.subgroups.0.share=0.2&');
    expect(query).toContain('&population.populations.1.subgroups=A%2BB%2B,A-B%2B&');
    expect(query).toContain('&population.assay.A%2BB%2B.A%2BB-=0.1&');
    expect(query).toContain('&endpoint.effect.A-B-=0&');
    expect(query).toContain('&designs.0.population=SA&');
    expect(query).toContain('&designs.1.order=SB,SA,F&');
    roundTrips(scenario);
  });

  it('round-trip nested populations with a binary endpoint, no assay', () => {
    const scenario = scenarioOf(NESTED_BINARY);
    expect(encodeScenarioQuery(scenario)).not.toContain('assay');
    roundTrips(scenario);
  });

  it('keep ids that look like numbers, words, keywords or field names as they are', () => {
    const ids = ['1', 'true', 'null', 'order', 'seed', 'constructor'];
    const document = {
      population: {
        subgroups: ids.map((id) => ({ id, share: 1 / ids.length })),
        populations: [{ id: '2', subgroups: ['1', 'constructor'] }],
        assay: { null: { null: 0.8, order: 0.2 } },
      },
      endpoint: { type: 'continuous', effect: Object.fromEntries(ids.map((id, k) => [id, k / 10])) },
      designs: [
        { id: 'e', type: 'enriched', n: 100, population: '2' },
        { id: 'a', type: 'adaptive-enrichment', n: [100, 200], intersection: 'simes', stage1: '2' },
      ],
    };
    roundTrips(scenarioOf(document));
    // a survival design's analyses at the events of a population named like a number
    const survival = {
      ...document,
      endpoint: {
        type: 'survival',
        controlMedian: Object.fromEntries(ids.map((id) => [id, 12])),
        hazardRatio: Object.fromEntries(
          ids.map((id, k) => [
            id,
            k === 0
              ? [
                  { from: 0, value: 1 },
                  { from: 4, value: 0.6 },
                ]
              : 0.8,
          ]),
        ),
        dropoutPerYear: 0,
      },
      designs: [{ id: 's', type: 'stratified', n: 300, events: 200, intersection: 'simes', eventsIn: '2' }],
      simulation: { method: 'patient' },
    };
    roundTrips(scenarioOf(survival));
  });

  // (`__proto__` is left out: the contract takes it as an id but its endpoint maps cannot hold it)
  it('round-trip any ids of the contract’s alphabet', () => {
    const id = fc
      .stringMatching(/^[A-Za-z0-9_+-]{1,20}$/)
      .filter((text) => !['F', 'any', 'P', '__proto__'].includes(text));
    fc.assert(
      fc.property(fc.uniqueArray(id, { minLength: 3, maxLength: 4 }), (ids) => {
        const [first, second] = ids;
        const scenario = scenarioOf({
          population: {
            subgroups: ids.map((subgroup, k) => ({ id: subgroup, share: k === 0 ? 0.5 : 0.5 / (ids.length - 1) })),
            populations: [{ id: 'P', subgroups: [first, second] }],
            assay: { [first]: { [first]: 0.7, [second]: 0.3 } },
          },
          endpoint: { type: 'continuous', effect: Object.fromEntries(ids.map((subgroup) => [subgroup, 0.3])) },
          designs: [{ id: 'e', type: 'enriched', n: 100, population: 'P' }],
        });
        roundTrips(scenario);
      }),
      { numRuns: 200, seed: 3 },
    );
  });

  it('names the problem in a tampered link', () => {
    const query = encodeScenarioQuery(scenarioOf(NESTED_BINARY));
    const cases: [string, RegExp][] = [
      [
        query.replace('subgroups.0.share=0.25', 'subgroups.0.share=0.15'),
        /shares must add up to 1, they add up to 0.9/,
      ],
      [query.replace('populations.1.subgroups=high,low', 'populations.1.subgroups=high,mid'), /no subgroup "mid"/],
      [query.replace('endpoint.control.low', 'endpoint.control.l%20w'), /"endpoint.control.l w": not a scenario/],
      [query + '&population.assay.A+B-.A+B-=1', /write it %2B/],
      [query + '&population.assay.high.low=0.5', /population\.assay\.high: the row must add up to 1/],
      [query + '&population.assay.__proto__.x=1', /population\.assay/],
      [query + '&endpoint.effect.__proto__=1', /endpoint/],
      [query + '&population.subgroups.9.id=x', /population\.subgroups/],
      [query + '&population.populations.0.subgroups.0=x', /not a scenario field/],
      [query + '&designs.0.order=S1,,F', /designs\[0\]/],
      [query.replace('designs.0.population=S2', 'designs.0.population=S9'), /designs\[0\]\.population/],
      [query + '&population.prevalence=0.3', /not both/],
    ];
    for (const [link, message] of cases) {
      const decoded = decodeScenarioQuery(link);
      expect(decoded.ok, link).toBe(false);
      if (!decoded.ok) expect(decoded.errors.join('\n'), link).toMatch(message);
    }
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('every mangling of a new-form link decodes to a valid scenario or to messages', () => {
    const base = encodeScenarioQuery(scenarioOf(TWO_MARKERS));
    const mangled = fc.oneof(
      fc
        .string({ maxLength: 40 })
        .chain((junk) =>
          fc.integer({ min: 0, max: base.length }).map((at) => base.slice(0, at) + junk + base.slice(at)),
        ),
      fc.integer({ min: 0, max: base.length }).map((at) => base.slice(0, at)),
      fc
        .tuple(fc.stringMatching(/^[a-zA-Z_.0-9+%-]{1,40}$/), fc.string({ maxLength: 20 }))
        .map(([key, value]) => `${base}&${key}=${encodeURIComponent(value)}`),
    );
    fc.assert(
      fc.property(mangled, (link) => {
        const decoded = decodeScenarioQuery(link);
        if (decoded.ok) expect(parseScenario(decoded.scenario)).toEqual(decoded);
        else for (const error of decoded.errors) expect(typeof error).toBe('string');
      }),
      { numRuns: 1000, seed: 5 },
    );
  });
});
