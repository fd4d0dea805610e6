// The scenarios of the rpact reference cases are valid as written.
import { describe, expect, it } from 'vitest';
import cases from '../../fixtures/reference/rpact-cases.json';
import { parseScenario } from '../../../src/engine/scenario/parse.js';

describe('rpact reference scenarios', () => {
  it.each(cases.map((reference) => [reference.id, reference.scenario] as const))('%s parses', (_, scenario) => {
    const parsed = parseScenario(scenario);
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
  });
});
