// `stratum rcode` with several populations against rpact (test/fixtures/reference/rpact-rcode-populations.json,
// made by make-rpact-rcode-populations.mjs running the script's own calls in R): the script still writes
// the stored calls, character for character, and Stratum's simulation of each scenario agrees with rpact's
// numbers within 4·√(se² + se_rpact²), se from the binomial Monte Carlo error (the expected size's from
// P(stop early), as the script computes it). Where rpact has no counterpart the script says so and
// writes no call.
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/engine/scenario/parse.js';
import type { Scenario } from '../../src/engine/scenario/types.js';
import { simulate } from '../../src/engine/simulate.js';
import { rScript } from '../../src/report/r/rcode.js';
import cases from '../fixtures/reference/rpact-rcode-populations.json';

const REPLICATES = 50_000;
const TARGET = { power: 0.8, hypothesis: 'any' };

const scenarioOf = (document: unknown, replicates?: number): Scenario => {
  const parsed = parseScenario(document);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  if (replicates === undefined) return parsed.scenario;
  return { ...parsed.scenario, simulation: { ...parsed.scenario.simulation, replicates } };
};

/** the script for a scenario; its calls do not depend on the numbers, so a few replicates give them */
const scriptOf = (scenario: Scenario) =>
  rScript({
    scenario,
    results: simulate({ ...scenario, simulation: { ...scenario.simulation, replicates: 200 } }),
    target: TARGET,
    version: 'test',
  });

/** the first design's rpact statements, from its design object to its simulation call */
const callsOf = (text: string) => {
  const lines = text.split('\n');
  const first = lines.findIndex((line) => line.startsWith('design_1 <- '));
  const last = lines.findIndex((line, i) => i > first && line.startsWith('add('));
  return lines.slice(first, last).join('\n');
};

/** a result's value at a quantity of the script (`reject.S1`, `continue.F`, `earlyStop`, `expected.randomized`) */
function valueAt(result: ReturnType<typeof simulate>[number], quantity: string): number | undefined {
  if (quantity === 'earlyStop') return result.earlyStop ? result.earlyStop.efficacy + result.earlyStop.futility : 0;
  const [group, key] = quantity.split('.');
  const values = (result as unknown as Record<string, Record<string, number> | undefined>)[group];
  return values?.[key];
}

describe('stratum rcode with several populations agrees with rpact', () => {
  it('has nested and overlapping, one- and two-stage, means and rates cases', () => {
    expect(cases.length).toBe(3);
    expect(new Set(cases.map((c) => c.scenario.endpoint.type))).toEqual(new Set(['continuous', 'binary']));
  });

  for (const reference of cases) {
    it(`${reference.id}: ${reference.note}`, () => {
      const stored = reference.source.replace(/^rpact [\d.]+, the calls `stratum rcode` writes: /, '');
      const script = scriptOf(scenarioOf(reference.scenario));
      expect(callsOf(script.text)).toBe(stored);
      expect(script.approximate).toEqual([]);

      const [result] = simulate(scenarioOf(reference.scenario, REPLICATES));
      const [first, total] = ([] as number[]).concat(reference.scenario.designs[0].n);
      const stop = valueAt(result, 'earlyStop') ?? 0;
      for (const [quantity, rpact] of Object.entries(reference.rpact)) {
        const ours = valueAt(result, quantity);
        expect(ours, quantity).toBeDefined();
        const se =
          quantity === 'expected.randomized'
            ? ((total ?? first) - first) * Math.sqrt((stop * (1 - stop)) / REPLICATES)
            : Math.sqrt((ours! * (1 - ours!)) / REPLICATES);
        const bound = 4 * Math.sqrt(se ** 2 + rpact.se ** 2);
        expect(Math.abs(ours! - rpact.value), `${quantity}: ours ${ours}, rpact ${rpact.value}`).toBeLessThanOrEqual(
          bound,
        );
      }
    });
  }
});

describe('what rpact cannot express, the script says and calls nothing', () => {
  const [nested] = cases;
  it.each([
    ['a Dunnett test of three hypotheses', { id: 'ae', type: 'stratified', n: 400, intersection: 'dunnett' }],
    [
      'a hierarchical test',
      { id: 'ae', type: 'stratified', n: 400, intersection: 'hierarchical', order: ['S1', 'S2', 'F'] },
    ],
  ])('%s', (_, changed) => {
    const scenario = scenarioOf({ ...nested.scenario, designs: [changed] });
    const script = scriptOf(scenario);
    expect(script.approximate.map((entry) => entry.id)).toEqual(['ae']);
    expect(script.text).toMatch(/# Approximation: rpact/);
    expect(script.text).not.toContain('getSimulationEnrichment');
  });

  it('an imperfect assay: the closest call, marked approximate', () => {
    const assay = { high: { high: 0.9, low: 0.1 }, low: { low: 0.95, neg: 0.05 } };
    const scenario = scenarioOf({ ...nested.scenario, population: { ...nested.scenario.population, assay } });
    const script = scriptOf(scenario);
    expect(script.approximate).toHaveLength(1);
    expect(script.text).toContain('# Approximation: the assay is imperfect (population.assay)');
    expect(script.text).toContain('getSimulationEnrichmentMeans');
    expect(script.text).toMatch(/ours\("ae", "reject.S1", [\d.e-]+, [\d.e-]+, TRUE\)/);
  });
});
