// The solver answers for the scenario's own analysis (t statistics, random strata, binomial
// counts, the patient-level log-rank), not for the z test its closed form describes: for every
// design type and endpoint, the solved size re-simulated at 10⁵ replicates with a fresh seed
// reaches the target within 2 standard errors, and one size less does not exceed it by more.
// The standard error combines the solver's confirmation (at 10⁵ replicates too) and the fresh run.
import { describe, expect, it } from 'vitest';
import { solve, SEARCH_REPLICATES, type Solution } from '../../../src/engine/planning/solve.js';
import { withParameter } from '../../../src/engine/planning/parameter.js';
import type { Scenario } from '../../../src/engine/scenario/types.js';
import { simulate } from '../../../src/engine/simulate.js';
import { proportionSe } from '../../support/monte-carlo.js';
import { binaryEndpoint, continuousEndpoint, REALISTIC, scenarioFrom } from '../../support/scenarios.js';

const POWER = 0.8;
const FRESH = 100_000;

const survival = {
  type: 'survival',
  controlMedian: { pos: 12, neg: 12 },
  hazardRatio: { pos: 0.6, neg: 0.8 },
  dropoutPerYear: 0.05,
};
const adaptive = { type: 'adaptive-enrichment', intersection: 'simes', selection: { rule: 'epsilon', epsilon: 0.1 } };

const endpoints: [string, Record<string, unknown>, Record<string, unknown>][] = [
  ['continuous', continuousEndpoint(0.4, 0.15), {}],
  ['binary', binaryEndpoint([0.2, 0.2], [0.4, 0.28]), {}],
  ['survival (asymptotic)', survival, { method: 'asymptotic' }],
];

const designs = (survivalEndpoint: boolean): Record<string, unknown>[] => {
  const events = (n: number | number[]) =>
    survivalEndpoint ? { events: Array.isArray(n) ? n.map((m) => m / 2) : n / 2 } : {};
  return [
    { id: 'all-comers', type: 'all-comers', n: 400, ...events(400) },
    { id: 'enriched', type: 'enriched', n: 200, ...events(200) },
    { id: 'stratified', type: 'stratified', n: 400, intersection: 'simes', ...events(400) },
    { id: 'adaptive', ...adaptive, n: [200, 400], ...events([200, 400]) },
  ];
};

const cases = endpoints.flatMap(([name, endpoint, simulation]) =>
  designs(name.startsWith('survival')).map((design) => ({
    name: `${name}, ${design.type}`,
    endpoint,
    simulation,
    design,
  })),
);
// the default survival method, the patient-level log-rank, for a one-analysis design (a large effect
// keeps the trial, and so the test's run time, small)
cases.push({
  name: 'survival (patient level), all-comers',
  endpoint: { ...survival, hazardRatio: { pos: 0.45, neg: 0.6 } },
  simulation: {},
  design: { id: 'all-comers', type: 'all-comers', n: 160, events: 80 },
});

function reject(scenario: Scenario): { power: number; se: number } {
  const [result] = simulate(scenario);
  return { power: result.reject.any, se: result.mcse.any };
}

describe("solved sizes reach the target under the scenario's own analysis", () => {
  it.each(cases)('$name', { timeout: 300_000 }, async ({ endpoint, simulation, design }) => {
    const scenario = scenarioFrom({
      population: { prevalence: 0.4 },
      endpoint,
      analysis: REALISTIC,
      designs: [design],
      simulation: { replicates: 10_000, seed: 'solve', ...simulation },
    });
    const [solution] = await solve(scenario, { power: POWER, hypothesis: 'any' }, simulate);
    if (!('size' in solution)) throw new Error(solution.unreachable);
    expect(solution.replicates).toBe(SEARCH_REPLICATES);
    if (solution.method === 'simulation') expect(solution.power).toBeGreaterThanOrEqual(POWER);
    const fresh = (size: number) => {
      const varied = withParameter(
        { ...scenario, simulation: { ...scenario.simulation, replicates: FRESH, seed: 'fresh' } },
        solution.unit,
        size,
      );
      if (!varied.ok) throw new Error(varied.errors.join('\n'));
      return reject(varied.scenario);
    };
    const se = (p: number) => Math.hypot(proportionSe(p, FRESH), solution.mcse);
    const atSize = fresh(solution.size);
    expect(atSize.power, `${describeSolution(solution)}: fresh power ${atSize.power}`).toBeGreaterThanOrEqual(
      POWER - 2 * se(atSize.power),
    );
    const oneLess = fresh(solution.size - 1);
    expect(oneLess.power, `${describeSolution(solution)}: fresh power one less ${oneLess.power}`).toBeLessThanOrEqual(
      POWER + 2 * se(oneLess.power),
    );
  });

  it('t statistics need more patients than the z closed form says (the defect this fixes)', async () => {
    const scenario = scenarioFrom({
      population: { prevalence: 0.4 },
      endpoint: continuousEndpoint(0.4, 0.15),
      analysis: REALISTIC,
      designs: [{ id: 'all-comers', type: 'all-comers', n: 400 }],
    });
    const [solution] = await solve(scenario, { power: POWER, hypothesis: 'any' }, simulate);
    if (!('size' in solution)) throw new Error(solution.unreachable);
    expect(solution.method).toBe('simulation');
    expect(solution.size).toBeGreaterThanOrEqual(solution.closedForm!.size);
  });
});

function describeSolution(solution: Extract<Solution, { size: number }>): string {
  return (
    `${solution.id} ${solution.unit} = ${solution.size} ` +
    `(closed form ${solution.closedForm?.size}, power ${solution.power} ± ${solution.mcse})`
  );
}
