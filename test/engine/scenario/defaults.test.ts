// A minimal scenario comes back with every default of docs/scenario.md filled in.
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/engine/scenario/parse.js';
import type { Scenario } from '../../../src/engine/scenario/types.js';
import { binaryDocument, continuousDocument, survivalDocument } from './documents.js';

function filled(document: unknown): Scenario {
  const parsed = parseScenario(document);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.scenario;
}

const scenarioDefaults = {
  version: 1,
  title: '',
  alpha: 0.025,
  trial: {
    allocation: 1,
    screeningRate: 20,
    endpointDelay: 0,
    costs: { perScreened: 0, perRandomized: 0, perMonth: 0, fixed: 0 },
  },
  analysis: { statistic: 't', strata: 'random', stratified: true },
};

describe('defaults', () => {
  it('fills every default of a minimal continuous scenario with all four design types', () => {
    expect(filled(continuousDocument())).toStrictEqual({
      ...scenarioDefaults,
      population: { prevalence: 0.3, sensitivity: 1, specificity: 1 },
      endpoint: { type: 'continuous', sd: { pos: 1, neg: 1 }, effect: { pos: 0.5, neg: 0.1 } },
      designs: [
        { id: 'ac', label: '', type: 'all-comers', n: 200 },
        { id: 'en', label: '', type: 'enriched', n: 100 },
        { id: 'st', label: '', type: 'stratified', n: 300, intersection: 'simes' },
        {
          id: 'ad',
          label: '',
          type: 'adaptive-enrichment',
          n: [150, 300],
          intersection: 'simes',
          combination: 'inverse-normal',
          selection: { rule: 'best', measure: 'effect', epsilon: 0.1, threshold: null },
          efficacy: 'none',
        },
      ],
      simulation: { replicates: 10000, seed: 'stratum', method: 'sufficient' },
    });
  });

  it('fills a minimal binary scenario', () => {
    expect(filled(binaryDocument())).toStrictEqual({
      ...scenarioDefaults,
      population: { prevalence: 0.35, sensitivity: 1, specificity: 1 },
      endpoint: { type: 'binary', control: { pos: 0.2, neg: 0.2 }, treatment: { pos: 0.45, neg: 0.25 } },
      designs: [{ id: 'st', label: '', type: 'stratified', n: 300, intersection: 'simes' }],
      simulation: { replicates: 10000, seed: 'stratum', method: 'sufficient' },
    });
  });

  it('fills a minimal survival scenario: patient-level simulation, no dropout', () => {
    expect(filled(survivalDocument())).toStrictEqual({
      ...scenarioDefaults,
      population: { prevalence: 0.4, sensitivity: 1, specificity: 1 },
      endpoint: {
        type: 'survival',
        controlMedian: { pos: 12, neg: 12 },
        hazardRatio: { pos: 0.6, neg: 0.9 },
        dropoutPerYear: 0,
      },
      designs: [
        { id: 'ac', label: '', type: 'all-comers', n: 400, events: 300 },
        {
          id: 'ad',
          label: '',
          type: 'adaptive-enrichment',
          n: [200, 400],
          events: [150, 300],
          intersection: 'simes',
          combination: 'inverse-normal',
          selection: { rule: 'best', measure: 'effect', epsilon: 0.1, threshold: null },
          efficacy: 'none',
        },
      ],
      simulation: { replicates: 10000, seed: 'stratum', method: 'patient' },
    });
  });

  it('fills the defaults inside optional objects that are present', () => {
    const document = continuousDocument();
    (document.designs as Record<string, unknown>[])[0]!.interims = { informationRates: [0.5, 1] };
    (document.designs as Record<string, unknown>[])[3]!.selection = { rule: 'epsilon' };
    const scenario = filled(document);
    expect(scenario.designs[0]).toStrictEqual({
      id: 'ac',
      label: '',
      type: 'all-comers',
      n: 200,
      interims: { informationRates: [0.5, 1], efficacy: 'obrien-fleming' },
    });
    expect(scenario.designs[3]).toMatchObject({
      selection: { rule: 'epsilon', measure: 'effect', epsilon: 0.1, threshold: null },
    });
  });

  it('leaves n out for survival simulated asymptotically when it is not given', () => {
    const document = survivalDocument();
    document.simulation = { method: 'asymptotic' };
    document.designs = [{ id: 'ad', type: 'adaptive-enrichment', events: [150, 300] }];
    const scenario = filled(document);
    expect(scenario.simulation.method).toBe('asymptotic');
    expect(scenario.designs[0]).not.toHaveProperty('n');
    expect(scenario.designs[0]).toMatchObject({ events: [150, 300] });
  });

  it('keeps given values over defaults, and a filled scenario parses to itself', () => {
    const once = filled(continuousDocument());
    const twice = filled(JSON.parse(JSON.stringify(once)));
    expect(twice).toStrictEqual(once);
  });
});
