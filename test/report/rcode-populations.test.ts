// `stratum rcode` with several populations against rpact (test/fixtures/reference/rpact-rcode-populations.json,
// made by make-rpact-rcode-populations.mjs running the script's own calls in R): the script still writes
// the stored calls, character for character, and Stratum's simulation of each scenario agrees with rpact's
// numbers within 4·√(se² + se_rpact²), se from the binomial Monte Carlo error (the expected size's or
// events' from P(stop early), as the script computes it). Where rpact has no counterpart the script says
// so and writes no call. A survival subgroup's hazard ratio in rpact's effectList is that of its true
// subgroup, or with an imperfect assay the mixture exp(Σ w·ln HR / Σ w), w = P(cell)·(1 + r·HR).
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/engine/scenario/parse.js';
import type { Scenario, SurvivalEndpoint } from '../../src/engine/scenario/types.js';
import { simulate } from '../../src/engine/simulate.js';
import { classifiedWeights, hazardsOfCells } from '../../src/report/r/populations.js';
import { rScript } from '../../src/report/r/rcode.js';
import { rpactSubgroups } from '../../src/report/r/rpact-subgroups.js';
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
  it('has nested and overlapping, one- and two-stage, means, rates and survival cases', () => {
    expect(cases.length).toBe(5);
    expect(new Set(cases.map((c) => c.scenario.endpoint.type))).toEqual(new Set(['continuous', 'binary', 'survival']));
  });

  for (const reference of cases) {
    it(`${reference.id}: ${reference.note}`, () => {
      const stored = reference.source.replace(/^rpact [\d.]+, the calls `stratum rcode` writes: /, '');
      const script = scriptOf(scenarioOf(reference.scenario));
      expect(callsOf(script.text)).toBe(stored);
      expect(script.approximate).toEqual([]);

      const [result] = simulate(scenarioOf(reference.scenario, REPLICATES));
      // a survival design's size is its events
      const design: { n?: number | number[]; events?: number | number[] } = reference.scenario.designs[0];
      const [first, total] = ([] as number[]).concat(design.events ?? design.n ?? []);
      const stop = valueAt(result, 'earlyStop') ?? 0;
      for (const [quantity, rpact] of Object.entries(reference.rpact)) {
        const ours = valueAt(result, quantity);
        expect(ours, quantity).toBeDefined();
        const se =
          quantity === 'expected.randomized' || quantity === 'expected.events'
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

describe("a survival subgroup's hazard ratio in rpact's effectList", () => {
  const nested = cases.find((c) => c.id === 'nested-survival-stratified-simes')!;
  const ratios = (scenario: Scenario) =>
    Object.fromEntries(
      rpactSubgroups(scenario).map((subgroup) => [
        subgroup.name,
        subgroup.share > 0
          ? hazardsOfCells(
              scenario as Scenario & { endpoint: SurvivalEndpoint },
              classifiedWeights(scenario, subgroup.classified),
            ).hazardRatio
          : 1,
      ]),
    );

  it("is the true subgroup's own with a perfect assay, and 1 where no one is", () => {
    const scenario = scenarioOf(nested.scenario);
    const found = ratios(scenario);
    // S1 holds no subgroup of its own (high is in S2 too), S2 holds low, S12 high, R neg
    expect(found.S1).toBe(1);
    expect(found.S2).toBeCloseTo(0.8, 14);
    expect(found.S12).toBeCloseTo(0.6, 14);
    expect(found.R).toBeCloseTo(0.95, 14);
    expect(scriptOf(scenario).text).toContain('hazardRatios = matrix(c(1, 0.8, 0.6, 0.95), nrow = 1)');
  });

  it("is the events-weighted log mixture of the cells' true subgroups with an imperfect assay", () => {
    const assay = {
      high: { high: 0.9, low: 0.1 },
      low: { high: 0.1, low: 0.85, neg: 0.05 },
      neg: { neg: 1 },
    };
    const scenario = scenarioOf({
      ...nested.scenario,
      population: { ...nested.scenario.population, assay },
      trial: { allocation: 2 },
      designs: [{ id: 'strat', type: 'stratified', n: 600, events: 300, intersection: 'simes' }],
      simulation: { replicates: 200, seed: '1' },
    });
    const hr = { high: 0.6, low: 0.8, neg: 0.95 };
    const r = 2;
    /** exp(Σ w·ln HR / Σ w), w = P(cell)·(1 + r·HR), over [P(cell), true subgroup] pairs */
    const mixture = (cells: [number, keyof typeof hr][]) => {
      const weights = cells.map(([p, id]) => p * (1 + r * hr[id]));
      const total = weights.reduce((sum, w) => sum + w, 0);
      return Math.exp(cells.reduce((sum, [, id], i) => sum + weights[i] * Math.log(hr[id]), 0) / total);
    };
    const found = ratios(scenario);
    // classified high (in S1 and S2: rpact's S12), classified low (S2 only), classified neg (R)
    expect(found.S12).toBeCloseTo(
      mixture([
        [0.25 * 0.9, 'high'],
        [0.35 * 0.1, 'low'],
      ]),
      13,
    );
    expect(found.S2).toBeCloseTo(
      mixture([
        [0.25 * 0.1, 'high'],
        [0.35 * 0.85, 'low'],
      ]),
      13,
    );
    expect(found.R).toBeCloseTo(
      mixture([
        [0.35 * 0.05, 'low'],
        [0.4, 'neg'],
      ]),
      13,
    );
    expect(found.S1).toBe(1);
  });
});
