// The app's derived line and patient flow against hand calculations.
import { describe, expect, it } from 'vitest';
import { derivedQuantities } from '../../src/engine/derived.js';
import { patientFlow } from '../../src/engine/patient-flow.js';
import { parseScenario } from '../../src/engine/scenario/parse.js';
import { simulate } from '../../src/engine/simulate.js';

function scenarioOf(document: object) {
  const parsed = parseScenario(document);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.scenario;
}

describe('derived line', () => {
  it('imperfect assay, continuous: Bayes by hand', () => {
    const scenario = scenarioOf({
      population: { prevalence: 0.2, sensitivity: 0.9, specificity: 0.8 },
      endpoint: { type: 'continuous', sd: { pos: 1, neg: 1 }, effect: { pos: 0.6, neg: 0.1 } },
      designs: [{ id: 'a', type: 'enriched', n: 100 }],
    });
    const derived = derivedQuantities(scenario);
    // P(A+) = 0.2·0.9 + 0.8·0.2 = 0.34; PPV = 0.18/0.34; NPV = 0.64/0.66
    expect(derived.assayPositive).toBeCloseTo(0.34, 14);
    expect(derived.ppv).toBeCloseTo(0.18 / 0.34, 14);
    expect(derived.npv).toBeCloseTo(0.64 / 0.66, 14);
    expect(derived.effectS).toBeCloseTo((0.18 / 0.34) * 0.6 + (0.16 / 0.34) * 0.1, 14);
    expect(derived.effectF).toBeCloseTo(0.2 * 0.6 + 0.8 * 0.1, 14);
  });

  it('binary uses the difference in rates; survival a log-scale mix with event weights', () => {
    const binary = scenarioOf({
      population: { prevalence: 0.5 },
      endpoint: { type: 'binary', control: { pos: 0.2, neg: 0.3 }, treatment: { pos: 0.5, neg: 0.35 } },
      designs: [{ id: 'a', type: 'all-comers', n: 100 }],
    });
    expect(derivedQuantities(binary).effectS).toBeCloseTo(0.3, 14);
    expect(derivedQuantities(binary).effectF).toBeCloseTo(0.5 * 0.3 + 0.5 * 0.05, 14);
    const survival = scenarioOf({
      population: { prevalence: 0.4 },
      endpoint: { type: 'survival', controlMedian: { pos: 12, neg: 12 }, hazardRatio: { pos: 0.5, neg: 1 } },
      designs: [{ id: 'a', type: 'all-comers', n: 400, events: 200 }],
    });
    const d = derivedQuantities(survival);
    expect(d.effectS).toBeCloseTo(0.5, 14);
    const wPos = 0.4 * 1.5;
    const wNeg = 0.6 * 2;
    expect(d.effectF).toBeCloseTo(Math.exp((wPos * Math.log(0.5)) / (wPos + wNeg)), 14);
  });
});

describe('patient flow', () => {
  it('enriched: assay-positive patients equal the randomised ones within Monte Carlo error', () => {
    const scenario = scenarioOf({
      population: { prevalence: 0.25, sensitivity: 0.9, specificity: 0.85 },
      trial: { allocation: 2 },
      endpoint: { type: 'continuous', sd: { pos: 1, neg: 1 }, effect: { pos: 0.5, neg: 0 } },
      designs: [{ id: 'enriched', type: 'enriched', n: 120 }],
      simulation: { replicates: 4000 },
    });
    const [result] = simulate(scenario);
    const flow = patientFlow(scenario, result);
    // screened ~ n / P(A+) (negative binomial), sd of the mean = √(n(1−q))/q/√reps
    const q = 0.25 * 0.9 + 0.75 * 0.15;
    const se = Math.sqrt(120 * (1 - q)) / q / Math.sqrt(4000);
    expect(Math.abs(flow.screened - 120 / q)).toBeLessThan(4 * se);
    const [positive, negative] = flow.classified;
    expect(Math.abs(positive.count - 120)).toBeLessThan(4 * se * q);
    expect(flow.treatment).toBeCloseTo(80, 10);
    expect(flow.control).toBeCloseTo(40, 10);
    expect(flow.analysed).toBe(120);
    expect(flow.screened).toBeCloseTo(positive.count + negative.count, 9);
    expect([positive.label, positive.randomized, positive.turnedAway]).toEqual(['assay+', true, false]);
    expect([negative.label, negative.randomized, negative.turnedAway]).toEqual(['assay−', false, true]);
  });

  it("says where each subgroup's patients can go, by design and selection rule", () => {
    const population = {
      subgroups: [
        { id: 'high', share: 0.2 },
        { id: 'low', share: 0.3 },
        { id: 'neg', share: 0.5 },
      ],
      populations: [
        { id: 'S1', subgroups: ['high'] },
        { id: 'S2', subgroups: ['high', 'low'] },
      ],
    };
    const endpoint = { type: 'continuous', effect: { high: 0.5, low: 0.3, neg: 0 } };
    const adaptive = { type: 'adaptive-enrichment', n: [60, 120] };
    const scenario = scenarioOf({
      population,
      endpoint,
      designs: [
        { id: 'all', type: 'all-comers', n: 60 },
        { id: 'on-S2', type: 'enriched', population: 'S2', n: 60 },
        { id: 'best', ...adaptive, selection: { rule: 'best' } },
        { id: 'every', ...adaptive, selection: { rule: 'all' } },
        { id: 'every-above', ...adaptive, selection: { rule: 'all', threshold: 0 } },
        { id: 'two-best', ...adaptive, selection: { rule: 'rbest', r: 2 } },
        { id: 'from-S2', ...adaptive, stage1: 'S2', selection: { rule: 'all' } },
      ],
      simulation: { replicates: 1000 },
    });
    const routes = (id: string) => {
      const result = simulate(scenario).find((candidate) => candidate.id === id);
      if (result === undefined) throw new Error(id);
      const where = ({ randomized, turnedAway }: { randomized: boolean; turnedAway: boolean }) =>
        randomized && turnedAway ? 'both' : randomized ? 'in' : 'out';
      return patientFlow(scenario, result).classified.map(where);
    };
    expect(routes('all')).toEqual(['in', 'in', 'in']);
    expect(routes('on-S2')).toEqual(['in', 'in', 'out']);
    // S1 alone may be kept: low and neg may be turned away; every population kept: no one is
    expect(routes('best')).toEqual(['in', 'both', 'both']);
    expect(routes('every')).toEqual(['in', 'in', 'in']);
    expect(routes('every-above')).toEqual(['in', 'both', 'both']);
    // the two best of S1, S2 and F: S1 and S2 leave out neg
    expect(routes('two-best')).toEqual(['in', 'in', 'both']);
    expect(routes('from-S2')).toEqual(['in', 'in', 'out']);
  });
});
