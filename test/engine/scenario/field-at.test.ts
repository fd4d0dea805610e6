// The form's ranges come from the contract's fields: each says what the validator accepts.
import { describe, expect, it } from 'vitest';
import { rangeOf, scenarioField } from '../../../src/engine/scenario/field-at.js';
import { parseScenario } from '../../../src/engine/scenario/parse.js';

describe("a field by its path, and its range in the form's words", () => {
  it.each([
    ['population.prevalence', 'continuous', '0.001 ≤ x ≤ 0.999'],
    ['trial.screeningRate', 'continuous', '0.01 ≤ x ≤ 10⁶'],
    ['trial.costs.perMonth', 'binary', '0 ≤ x ≤ 10¹²'],
    ['endpoint.sd.pos', 'continuous', '10⁻⁶ ≤ x ≤ 10⁶'],
    ['endpoint.effect.neg', 'continuous', '−10⁶ ≤ x ≤ 10⁶'],
    ['endpoint.control.pos', 'binary', '0 < x < 1'],
    ['endpoint.hazardRatio.pos', 'survival', '0.01 ≤ x ≤ 100'],
    ['alpha', 'continuous', '10⁻⁶ ≤ x ≤ 0.2'],
    ['simulation.replicates', 'continuous', 'integer, 1 to 10⁷'],
    ['title', 'continuous', '≤ 200 characters'],
  ] as const)('%s (%s): %s', (path, endpoint, words) => {
    expect(rangeOf(path, endpoint)).toBe(words);
  });

  it('is the field the validator reads: its bounds are accepted, just beyond them refused', () => {
    const document = (prevalence: number) => ({
      population: { prevalence },
      endpoint: { type: 'continuous', effect: { pos: 0.5, neg: 0 } },
      designs: [{ id: 'a', type: 'all-comers', n: 100 }],
    });
    const field = scenarioField('population.prevalence', 'continuous') as unknown as {
      range: { min: number; max: number };
    };
    expect(parseScenario(document(field.range.min)).ok).toBe(true);
    expect(parseScenario(document(field.range.max)).ok).toBe(true);
    expect(parseScenario(document(field.range.min / 2)).ok).toBe(false);
  });

  it('names a path that is no field', () => {
    expect(() => rangeOf('population.colour', 'continuous')).toThrow(/no scenario field at population.colour/);
  });
});
