// The design map (Simon & Maitournam, Clin Cancer Res 10 (2004) 6759): over a grid of prevalence
// × the marker-negative effect as a fraction of the marker-positive one, which design reaches the
// target power with the fewest randomised patients, and which at the least cost. Designs whose whole
// numbers of randomised patients (or whole costs) are equal tie: a cell lists every winner. The fraction
// scales the mean difference (continuous), the difference in response rates (binary) or the log
// hazard ratio (survival). Each point is solved (from closed forms where they exist) at the scenario's
// replicates. With several populations the grid is over any two parameters of a sweep (parameter.ts:
// `subgroups.<id>.share`, `effect.<id>`, …), the target a population's hypothesis.
import { parseScenario } from '../scenario/parse.js';
import type { Scenario } from '../scenario/types.js';
import { type Varied, withParameter } from './parameter.js';
import { type PopulationTarget, solve, type Simulator, type Target } from './solve.js';

/** which design wins at one point of a map */
export type MapOutcome = {
  /** per design id: randomised patients and cost at the target power (null: out of reach) */
  randomized: Record<string, number | null>;
  cost: Record<string, number | null>;
  /** the first of `winners.randomized`, or null when no design reaches the target */
  fewestRandomized: string | null;
  leastCost: string | null;
  /** every design at the fewest whole randomised patients and at the least whole cost, in the scenario's order */
  winners: { randomized: string[]; cost: string[] };
};

export type MapCell = { prevalence: number; ratio: number } & MapOutcome;

export type DesignMap = { target: Target; prevalences: number[]; ratios: number[]; cells: MapCell[] };

/** an axis of a map over parameters: a parameter a sweep can vary and its values */
export type MapAxis = { parameter: string; values: number[] };

/** a cell of a map over parameters: `at` holds each axis's parameter and value */
export type ParameterCell = { at: Record<string, number> } & MapOutcome;

export type ParameterMap = { target: PopulationTarget; axes: [MapAxis, MapAxis]; cells: ParameterCell[] };

/** points of a map solved side by side: with four designs each, enough to keep 16 workers busy */
const POINTS_AT_ONCE = 4;

export type DesignMapOptions = {
  /** after each point: points done and the grid's number of points */
  onProgress?: (done: number, total: number) => void;
};

export async function designMap(
  scenario: Scenario,
  prevalences: number[],
  ratios: number[],
  target: Target,
  simulate: Simulator,
  options: DesignMapOptions = {},
): Promise<DesignMap> {
  const grid = prevalences.flatMap((prevalence) => ratios.map((ratio) => ({ prevalence, ratio })));
  const points = grid.map(
    ({ prevalence, ratio }) =>
      () =>
        mapPoint(scenario, prevalence, ratio),
  );
  const outcomes = await solvePoints(scenario, points, target, simulate, options);
  return { target, prevalences, ratios, cells: grid.map((at, i) => ({ ...at, ...outcomes[i] })) };
}

/**
 * the map over two parameters (each value of the first, then each of the second), for scenarios with
 * several populations; a value the contract refuses is an error naming the parameter and the value
 */
export async function parameterMap(
  scenario: Scenario,
  axes: [MapAxis, MapAxis],
  target: PopulationTarget,
  simulate: Simulator,
  options: DesignMapOptions = {},
): Promise<ParameterMap> {
  const [rows, columns] = axes;
  const grid = rows.values.flatMap((row) => columns.values.map((column) => [row, column] as const));
  const errors: string[] = [];
  const scenarios = grid.map((values) => {
    const varied = parameterPoint(scenario, axes, values);
    if (!varied.ok) errors.push(...varied.errors);
    return varied.ok ? varied.scenario : scenario;
  });
  if (errors.length > 0) throw new Error([...new Set(errors)].join('\n'));
  const outcomes = await solvePoints(
    scenario,
    scenarios.map((point) => () => point),
    target,
    simulate,
    options,
  );
  const cells = grid.map(([row, column], i) => ({
    at: { [rows.parameter]: row, [columns.parameter]: column },
    ...outcomes[i],
  }));
  return { target, axes, cells };
}

/** the scenario at one point of a map over parameters: each axis's parameter at its value, or every problem */
export function parameterPoint(
  scenario: Scenario,
  axes: [MapAxis, MapAxis],
  values: readonly [number, number],
): Varied {
  let point = scenario;
  const errors: string[] = [];
  axes.forEach(({ parameter }, i) => {
    const varied = withParameter(point, parameter, values[i]);
    if (!varied.ok) errors.push(...varied.errors);
    else point = varied.scenario;
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, scenario: point };
}

/** each point solved for every design, at the scenario's own replicates */
async function solvePoints(
  scenario: Scenario,
  points: (() => Scenario)[],
  target: PopulationTarget,
  simulate: Simulator,
  options: DesignMapOptions,
): Promise<MapOutcome[]> {
  let done = 0;
  const outcome = async (point: () => Scenario): Promise<MapOutcome> => {
    // at the scenario's own replicates: 36 points × every design, where a ranking needs less precision
    const replicates = scenario.simulation.replicates;
    const solutions = await solve(point(), target, simulate, { replicates, sizeError: false });
    const randomized: Record<string, number | null> = {};
    const cost: Record<string, number | null> = {};
    for (const solution of solutions) {
      randomized[solution.id] = 'size' in solution ? solution.expected.randomized : null;
      cost[solution.id] = 'size' in solution ? solution.expected.cost : null;
    }
    const ids = solutions.map((solution) => solution.id);
    const winners = { randomized: smallest(ids, randomized), cost: smallest(ids, cost) };
    options.onProgress?.(++done, points.length);
    return {
      randomized,
      cost,
      fewestRandomized: winners.randomized[0] ?? null,
      leastCost: winners.cost[0] ?? null,
      winners,
    };
  };
  // a few points at a time, so that a simulator with several workers keeps them all busy
  const outcomes: MapOutcome[] = new Array(points.length);
  let next = 0;
  const lane = async () => {
    while (next < points.length) {
      const at = next++;
      outcomes[at] = await outcome(points[at]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(POINTS_AT_ONCE, points.length) }, lane));
  return outcomes;
}

/**
 * the scenario at one point of the map: this prevalence, and effect− at `ratio` of effect+ (a hazard
 * ratio given as pieces: each piece's log hazard ratio so scaled)
 */
export function mapPoint(scenario: Scenario, prevalence: number, ratio: number): Scenario {
  const endpoint = scenario.endpoint;
  if (endpoint.type === 'survival' && typeof endpoint.hazardRatio.pos !== 'number') {
    const neg = endpoint.hazardRatio.pos.map((piece) => ({ from: piece.from, value: piece.value ** ratio }));
    const parsed = parseScenario({
      ...scenario,
      population: { ...scenario.population, prevalence },
      endpoint: { ...endpoint, hazardRatio: { ...endpoint.hazardRatio, neg } },
    });
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    return parsed.scenario;
  }
  const negative =
    endpoint.type === 'continuous'
      ? ratio * endpoint.effect.pos
      : endpoint.type === 'binary'
        ? endpoint.control.neg + ratio * (endpoint.treatment.pos - endpoint.control.pos)
        : (endpoint.hazardRatio.pos as number) ** ratio;
  for (const [parameter, value] of [
    ['prevalence', prevalence],
    ['effect.neg', negative],
  ] as const) {
    const varied = withParameter(scenario, parameter, value);
    if (!varied.ok) throw new Error(varied.errors.join('\n'));
    scenario = varied.scenario;
  }
  return scenario;
}

/** the ids at the smallest whole value, in `ids`' order: values less than one apart are no real difference */
function smallest(ids: string[], values: Record<string, number | null>): string[] {
  const whole = ids.map((id) => ({ id, value: values[id] === null ? Infinity : Math.round(values[id]) }));
  const least = Math.min(...whole.map((entry) => entry.value));
  return whole.filter((entry) => entry.value === least && least < Infinity).map((entry) => entry.id);
}
