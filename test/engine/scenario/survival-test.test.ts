// analysis.survivalTest (docs/scenario.md): "logrank" when absent, "maxcombo" or { "fh": [ρ, γ] };
// survival endpoints only; refused with the asymptotic method, with group-sequential looks, and
// maxcombo with Spiessens–Debois; described for the form and `stratum fields` as a keyword with the
// pair analysis.survivalTest.fh; carried by share links, an old link opening and encoding as before.
import { describe, expect, it } from 'vitest';
import { fieldPaths, fieldView } from '../../../src/engine/scenario/field-docs.js';
import { parseScenario } from '../../../src/engine/scenario/parse.js';
import { decodeScenarioQuery, encodeScenarioQuery } from '../../../src/share/url-codec.js';
import { continuousDocument, survivalDocument } from './documents.js';

type Document = Record<string, unknown>;
const withTest = (document: Document, survivalTest: unknown): Document => ({
  ...document,
  analysis: { ...(document.analysis as Document | undefined), survivalTest },
});
const errors = (document: Document): string[] => {
  const parsed = parseScenario(document);
  return parsed.ok ? [] : parsed.errors;
};

describe('analysis.survivalTest', () => {
  it('is absent from the filled scenario when not given, and kept as given', () => {
    const parsed = parseScenario(survivalDocument());
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    expect('survivalTest' in parsed.scenario.analysis).toBe(false);
    for (const test of ['logrank', 'maxcombo', { fh: [0, 1] }, { fh: [2, 0.5] }]) {
      const read = parseScenario(withTest(survivalDocument(), test));
      if (!read.ok) throw new Error(read.errors.join('\n'));
      expect(read.scenario.analysis.survivalTest).toEqual(test);
    }
  });

  it('names the field when the value or the endpoint is wrong', () => {
    expect(errors(withTest(continuousDocument(), 'logrank'))).toEqual([
      'analysis.survivalTest: not a field of continuous endpoints (it belongs to survival)',
    ]);
    const allowed = 'must be "logrank", "maxcombo" or { "fh": [ρ, γ] } with ρ and γ from 0 to 2';
    expect(errors(withTest(survivalDocument(), 'fh'))).toEqual([`analysis.survivalTest: ${allowed}, got "fh"`]);
    expect(errors(withTest(survivalDocument(), { fh: [0, 2.5] }))).toEqual([
      'analysis.survivalTest.fh[1]: must be a number ≥ 0 and ≤ 2, got 2.5',
    ]);
    expect(errors(withTest(survivalDocument(), { fh: [-1, 0] }))).toEqual([
      'analysis.survivalTest.fh[0]: must be a number ≥ 0 and ≤ 2, got -1',
    ]);
    expect(errors(withTest(survivalDocument(), { fh: [1] }))).toEqual([
      'analysis.survivalTest.fh: must be two numbers [ρ, γ], each from 0 to 2, got [1]',
    ]);
    expect(errors(withTest(survivalDocument(), { fh: [0, 1], rho: 0 }))).toEqual([
      'analysis.survivalTest.rho: unknown field (allowed: fh)',
    ]);
  });

  it('refuses the combinations whose law it does not have, naming the field', () => {
    const document = (test: unknown, designs: unknown[], method?: string): Document => ({
      ...withTest(survivalDocument(), test),
      designs,
      ...(method ? { simulation: { method } } : {}),
    });
    const looks = { id: 'gs', type: 'all-comers', n: 400, events: 250, interims: { informationRates: [0.5, 1] } };
    expect(errors(document({ fh: [0, 1] }, [looks]))).toEqual([
      'designs[0].interims: group-sequential looks need analysis.survivalTest "logrank", got {"fh":[0,1]} ' +
        '(the boundaries assume information that grows with the events, which a weighted statistic’s does not)',
    ]);
    const stratified = { id: 'st', type: 'stratified', n: 400, events: 250, intersection: 'spiessens-debois' };
    const adaptive = { ...stratified, id: 'ad', type: 'adaptive-enrichment', n: [200, 400], events: [125, 250] };
    expect(errors(document('maxcombo', [stratified, adaptive]))).toEqual(
      [0, 1].map(
        (i) =>
          `designs[${i}].intersection: must not be "spiessens-debois" with analysis.survivalTest "maxcombo" ` +
          '(two maxcombo statistics have no single correlation to adjust for)',
      ),
    );
    expect(errors(document({ fh: [1, 0] }, [stratified, { ...adaptive, efficacy: 'obrien-fleming' }]))).toEqual([]);
    expect(errors(document('logrank', [looks, stratified]))).toEqual([]);
    expect(errors(document('maxcombo', [{ ...stratified, intersection: 'simes' }], 'asymptotic'))).toEqual([
      'simulation.method: must be "patient" for analysis.survivalTest "maxcombo" ' +
        '(the asymptotic method draws the log-rank statistics’ normal law), got "asymptotic"',
    ]);
  });

  it('is described for the form and stratum fields: a keyword and the pair of weights', () => {
    expect(fieldPaths('survival')).toEqual(
      expect.arrayContaining(['analysis.survivalTest', 'analysis.survivalTest.fh']),
    );
    expect(fieldPaths('continuous').some((path) => path.startsWith('analysis.survivalTest'))).toBe(false);
    const keyword = fieldView('analysis.survivalTest', 'survival');
    expect(keyword?.options?.map(([value]) => value)).toEqual(['logrank', 'fh', 'maxcombo']);
    expect(keyword?.optional).toBe(true);
    expect(fieldView('analysis.survivalTest.fh', 'survival')?.range).toBe('two numbers [ρ, γ], each from 0 to 2');
    expect(fieldView('analysis.survivalTest', 'binary')).toBeUndefined();
    expect(fieldView('analysis.survivalTest.fh', 'continuous')).toBeUndefined();
  });
});

describe('share links with a survival test', () => {
  // a link as Stratum made it before analysis.survivalTest existed
  const OLD_LINK =
    '?version=1&title=&alpha=0.025&population.prevalence=0.4&population.sensitivity=1&population.specificity=1' +
    '&endpoint.type=survival&endpoint.controlMedian.pos=12&endpoint.controlMedian.neg=12' +
    '&endpoint.hazardRatio.pos=0.6&endpoint.hazardRatio.neg=0.9&endpoint.dropoutPerYear=0&trial.allocation=1' +
    '&trial.screeningRate=20&trial.endpointDelay=0&trial.costs.perScreened=0&trial.costs.perRandomized=0' +
    '&trial.costs.perMonth=0&trial.costs.fixed=0&analysis.statistic=t&analysis.strata=random' +
    '&analysis.stratified=true&designs.0.id=st&designs.0.label=&designs.0.type=stratified&designs.0.n=400' +
    '&designs.0.events=250&designs.0.intersection=simes&simulation.replicates=10000&simulation.seed=stratum' +
    '&simulation.method=patient';
  const document = {
    population: { prevalence: 0.4 },
    endpoint: { type: 'survival', controlMedian: { pos: 12, neg: 12 }, hazardRatio: { pos: 0.6, neg: 0.9 } },
    designs: [{ id: 'st', type: 'stratified', n: 400, events: 250 }],
  };

  it('an old link opens the same scenario, with no survival test, and encodes to the same link', () => {
    const decoded = decodeScenarioQuery(OLD_LINK);
    expect(decoded).toEqual(parseScenario(document));
    if (!decoded.ok) throw new Error(decoded.errors.join('\n'));
    expect('survivalTest' in decoded.scenario.analysis).toBe(false);
    expect(encodeScenarioQuery(decoded.scenario)).toBe(OLD_LINK);
  });

  it('a keyword or the pair of weights round-trips; a bad weight is named by its field', () => {
    for (const [test, key] of [
      ['maxcombo', '&analysis.survivalTest=maxcombo&'],
      [{ fh: [0, 1] }, '&analysis.survivalTest.fh=0,1&'],
      [{ fh: [0.5, 1.5] }, '&analysis.survivalTest.fh=0.5,1.5&'],
    ] as const) {
      const parsed = parseScenario(withTest(document, test));
      if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
      const query = encodeScenarioQuery(parsed.scenario);
      expect(query).toContain(key);
      expect(decodeScenarioQuery(query)).toEqual(parsed);
    }
    const tampered = decodeScenarioQuery(`${OLD_LINK}&analysis.survivalTest.fh=0,7`);
    expect(tampered.ok).toBe(false);
    if (!tampered.ok)
      expect(tampered.errors).toEqual(['analysis.survivalTest.fh[1]: must be a number ≥ 0 and ≤ 2, got 7']);
  });
});
