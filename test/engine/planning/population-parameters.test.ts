// The sweep parameters of the several-populations form: a subgroup's share (the others keep their
// proportions, the shares still add up to 1) and a subgroup's effect by its id.
import { describe, expect, it } from 'vitest';
import { withParameter } from '../../../src/engine/planning/parameter.js';
import { parseScenario } from '../../../src/engine/scenario/parse.js';
import type { Scenario, SubgroupPopulation } from '../../../src/engine/scenario/types.js';
import { NESTED } from '../../support/population-scenarios.js';

function nested(): Scenario {
  const parsed = parseScenario({
    population: NESTED,
    endpoint: {
      type: 'binary',
      control: { high: 0.2, low: 0.2, neg: 0.2 },
      treatment: { high: 0.4, low: 0.3, neg: 0.2 },
    },
    designs: [{ id: 'st', type: 'stratified', n: 200, intersection: 'simes' }],
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.scenario;
}

describe('several-populations sweep parameters', () => {
  it('a share: set, the others scaled in proportion, the sum 1', () => {
    const varied = withParameter(nested(), 'subgroups.high.share', 0.4);
    if (!varied.ok) throw new Error(varied.errors.join('\n'));
    const shares = (varied.scenario.population as SubgroupPopulation).subgroups.map((s) => s.share);
    expect(shares[0]).toBe(0.4);
    // low : neg was 0.35 : 0.40 and stays so
    expect(shares[1] / shares[2]).toBeCloseTo(0.35 / 0.4, 12);
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('a share of 1 leaves the others none, and from there they share the rest equally', () => {
    // every population holds `high`, so it may hold every patient
    const scenario = nested();
    (scenario.population as SubgroupPopulation).populations[1].subgroups = ['high', 'neg'];
    const all = withParameter(scenario, 'subgroups.high.share', 1);
    if (!all.ok) throw new Error(all.errors.join('\n'));
    const back = withParameter(all.scenario, 'subgroups.high.share', 0.5);
    if (!back.ok) throw new Error(back.errors.join('\n'));
    expect((back.scenario.population as SubgroupPopulation).subgroups.map((s) => s.share)).toEqual([0.5, 0.25, 0.25]);
  });

  it('an effect by subgroup id: the treatment rate of a binary endpoint', () => {
    const varied = withParameter(nested(), 'effect.low', 0.45);
    if (!varied.ok) throw new Error(varied.errors.join('\n'));
    const endpoint = varied.scenario.endpoint;
    expect(endpoint.type === 'binary' && endpoint.treatment.low).toBe(0.45);
  });

  it('refuses a share out of range and the one-marker parameters, naming the parameter', () => {
    const out = withParameter(nested(), 'subgroups.high.share', 1.5);
    expect(out.ok ? [] : out.errors).toEqual(['--param: subgroups.high.share: a share is from 0 to 1, got 1.5']);
    const marker = withParameter(nested(), 'sensitivity', 0.9);
    expect(marker.ok ? [] : marker.errors[0]).toMatch(/^--param: sensitivity is the one-marker form's/);
  });
});
