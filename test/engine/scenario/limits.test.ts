// What a trial can be: values the contract's meaning allows but no trial has (an effect of 10³⁰⁸,
// a screening rate of 10⁻³⁰⁰ a month, 10¹² patients) are refused with the limit and its reason,
// and the most extreme accepted values give sensible, finite numbers.
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/engine/scenario/parse.js';
import { simulate } from '../../../src/engine/simulate.js';
import { proportionSe } from '../../support/monte-carlo.js';
import { continuousEndpoint, scenarioFrom } from '../../support/scenarios.js';

const base = () => ({
  population: { prevalence: 0.3 },
  endpoint: continuousEndpoint(0.5, 0.1),
  designs: [{ id: 'ac', type: 'all-comers', n: 200 }],
  simulation: { replicates: 2000 },
});

function errorsOf(change: (document: Record<string, any>) => void): string[] {
  const document: Record<string, any> = base();
  change(document);
  const parsed = parseScenario(document);
  return parsed.ok ? [] : parsed.errors;
}

describe('values beyond what a trial can be are refused, naming the field and the limit', () => {
  it.each([
    ['endpoint.effect.pos', (d: any) => (d.endpoint.effect.pos = 1e308), '≤ 1000000'],
    ['endpoint.sd.neg', (d: any) => (d.endpoint.sd.neg = 1e308), '≤ 1000000'],
    ['trial.costs.perMonth', (d: any) => (d.trial = { costs: { perMonth: 1e308 } }), '≤ 1000000000000'],
    ['trial.screeningRate', (d: any) => (d.trial = { screeningRate: 1e-300 }), '≥ 0.01'],
    ['population.prevalence', (d: any) => (d.population.prevalence = 1e-300), '≥ 0.001'],
    ['alpha', (d: any) => (d.alpha = 1e-300), '≥ 0.000001'],
    [
      'designs[0].n',
      (d: any) => (d.designs[0].n = 1e12),
      'an integer ≤ 1000000 \\(the largest trial Stratum simulates\\)',
    ],
    ['trial.endpointDelay', (d: any) => (d.trial = { endpointDelay: 1e9 }), '≤ 600'],
  ])('%s', (path, change, words) => {
    const errors = errorsOf(change);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(new RegExp(`^${path.replace(/[[\]]/g, '\\$&')}: must be .*(${words})`));
  });

  it('keeps the old words for values the meaning refuses (n: -3 hears "an integer ≥ 4")', () => {
    expect(errorsOf((d) => (d.designs[0].n = -3))).toEqual(['designs[0].n: must be an integer ≥ 4, got -3']);
  });

  it('bounds events, stage pairs and stage-2 re-sizing', () => {
    const survival = {
      population: { prevalence: 0.3 },
      endpoint: { type: 'survival', controlMedian: { pos: 12, neg: 12 }, hazardRatio: { pos: 0.7, neg: 0.9 } },
    };
    const parsed = parseScenario({
      ...survival,
      designs: [
        { id: 'a', type: 'all-comers', n: 1e12, events: 1e8 },
        {
          id: 'b',
          type: 'adaptive-enrichment',
          n: [100, 2e6],
          events: [50, 2e5],
          recalculation: { conditionalPower: 0.8, minStage2: 10, maxStage2: 1e9, assumedEffect: 0.7 },
        },
      ],
    });
    expect(parsed.ok).toBe(false);
    const errors = parsed.ok ? [] : parsed.errors;
    for (const path of [
      'designs[0].n',
      'designs[0].events',
      'designs[1].n[1]',
      'designs[1].events[1]',
      'designs[1].recalculation.maxStage2',
    ]) {
      expect(
        errors.some((error) => error.startsWith(`${path}: must be an integer ≤`)),
        `${path} in ${errors.join('\n')}`,
      ).toBe(true);
    }
  });
});

describe('the most extreme accepted values give sensible numbers', () => {
  it('an effect of 10⁶ sd-units of 10⁻⁶ is always found; 10⁻⁶ in sd 10⁶ rejects at α', () => {
    const strong = scenarioFrom({ ...base(), endpoint: continuousEndpoint(1e6, 1e6, 1e-6, 1e-6) });
    expect(simulate(strong)[0].reject.any).toBe(1);
    const weak = scenarioFrom({ ...base(), endpoint: continuousEndpoint(1e-6, 1e-6, 1e6, 1e6) });
    const [result] = simulate(weak);
    expect(Math.abs(result.reject.any - 0.025)).toBeLessThan(4 * proportionSe(0.025, 2000));
  });

  it('costs of 10¹² and a screening rate of 0.01 a month add up exactly', () => {
    const scenario = scenarioFrom({
      ...base(),
      trial: { screeningRate: 0.01, costs: { perScreened: 1e12, perRandomized: 1e12, perMonth: 1e12, fixed: 1e12 } },
    });
    const [result] = simulate(scenario);
    expect(result.expected.months).toBeCloseTo(200 / 0.01, 6);
    expect(result.expected.cost).toBeCloseTo(1e12 * (1 + 200 + 200 + 20_000), -3);
    expect(Number.isFinite(result.expected.cost)).toBe(true);
  });

  it('the largest trial runs patient by patient in bounded time and memory (one replicate)', () => {
    const scenario = scenarioFrom({
      ...base(),
      designs: [{ id: 'ac', type: 'all-comers', n: 1_000_000 }],
      simulation: { replicates: 1, method: 'patient' },
    });
    const started = performance.now();
    const [result] = simulate(scenario);
    expect(result.expected.randomized).toBe(1_000_000);
    expect(performance.now() - started).toBeLessThan(30_000);
  });
});

describe('messages', () => {
  it('cut a long value by characters, never through a surrogate pair', () => {
    const parsed = parseScenario({ ...base(), title: `${'a'.repeat(37)}😀${'b'.repeat(300)}` });
    const message = parsed.ok ? '' : parsed.errors[0];
    expect(message.startsWith('title:')).toBe(true);
    expect(message).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  });
});
