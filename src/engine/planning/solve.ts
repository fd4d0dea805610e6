// The sample-size solver: for each design, the smallest size (randomised patients, or events for
// event-driven survival designs) at which the chosen hypothesis is rejected with the target
// probability. Where a closed form exists (one-analysis designs, METHODS.md §5) it answers
// exactly and is inverted on whole patients; otherwise a monotone stochastic root-finder runs:
// bisection on whole sizes, every evaluation with the scenario's seed (common random numbers, so
// power is smooth and nearly monotone in the size), then the answer's Monte Carlo uncertainty
// from the power's standard error and its slope there. Either way the answer is simulated once
// more for its expected screened, months and cost.
import { designAnalytic } from '../analytic/design-analytic.js';
import { normalQuantile } from '../math/normal.js';
import { summarisePopulation } from '../population.js';
import type { DesignResult } from '../results.js';
import type { Design, Scenario } from '../scenario/types.js';
import { sizeKey, withParameter } from './parameter.js';

export type Hypothesis = 'S' | 'F' | 'any';
export type Target = { power: number; hypothesis: Hypothesis };
export type Simulator = (scenario: Scenario) => DesignResult[] | Promise<DesignResult[]>;

export type Solution =
  | {
      id: string;
      unit: 'n' | 'events';
      size: number;
      method: 'closed form' | 'simulation';
      /** Monte Carlo standard error of the size (simulation only) */
      sizeSe?: number;
      /** simulated at the size */
      power: number;
      mcse: number;
      expected: DesignResult['expected'];
    }
  | { id: string; unit: 'n' | 'events'; unreachable: string };

/** the smallest size searched; the largest */
const SMALLEST = 4;
const LARGEST = 1_000_000;

export async function solve(scenario: Scenario, target: Target, simulate: Simulator): Promise<Solution[]> {
  const solutions: Solution[] = [];
  for (const design of scenario.designs) solutions.push(await solveDesign({ ...scenario, designs: [design] }, design, target, simulate));
  return solutions;
}

async function solveDesign(single: Scenario, design: Design, target: Target, simulate: Simulator): Promise<Solution> {
  const unit = sizeKey(single, design);
  const at = (size: number) => {
    const varied = withParameter(single, unit, size);
    if (!varied.ok) throw new Error(varied.errors.join('\n'));
    return varied.scenario;
  };
  const probability = (result: DesignResult) => result.reject[target.hypothesis] ?? 0;
  const stages = Array.isArray(design[unit]) ? 2 : 1;
  const smallest = SMALLEST * stages;

  const closed = closedFormPower(single, target);
  if (closed) {
    const size = smallestSize(smallest, (size) => closed(at(size)) >= target.power);
    if (size === undefined) return { id: design.id, unit, unreachable: `the closed-form power stays below ${target.power} up to ${LARGEST}` };
    const [result] = await simulate(at(size));
    return { id: design.id, unit, size, method: 'closed form', power: probability(result), mcse: result.mcse[target.hypothesis] ?? 0, expected: result.expected };
  }

  const simulated = new Map<number, DesignResult>();
  const run = async (size: number) => {
    let result = simulated.get(size);
    if (!result) simulated.set(size, (result = (await simulate(at(size)))[0]));
    return result;
  };
  let low = smallest - 1;
  let high = Math.max(smallest, currentSize(design, unit));
  while (probability(await run(high)) < target.power) {
    low = high;
    high *= 2;
    if (high > LARGEST) return { id: design.id, unit, unreachable: `the simulated power stays below ${target.power} up to ${LARGEST}` };
  }
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (probability(await run(middle)) >= target.power) high = middle;
    else low = middle;
  }
  const result = await run(high);
  const power = probability(result);
  const mcse = result.mcse[target.hypothesis] ?? 0;
  // slope of power in size around the answer, over ±10%, for the size's uncertainty
  const spread = Math.max(2, Math.round(0.1 * high));
  const below = probability(await run(Math.max(smallest, high - spread)));
  const above = probability(await run(high + spread));
  const slope = (above - below) / (high + spread - Math.max(smallest, high - spread));
  return { id: design.id, unit, size: high, method: 'simulation', sizeSe: slope > 0 ? mcse / slope : Infinity, power, mcse, expected: result.expected };
}

/** the closed-form power of the single design as a function of its scenario, if one exists */
function closedFormPower(single: Scenario, target: Target): ((scenario: Scenario) => number) | undefined {
  const critical = normalQuantile(1 - single.alpha);
  const population = summarisePopulation(single.population);
  const power = (scenario: Scenario) => designAnalytic(scenario, population, scenario.designs[0], critical)?.reject[target.hypothesis];
  if (power(single) === undefined) return undefined;
  return (scenario) => power(scenario) ?? 0;
}

/** the smallest whole size ≥ `from` with `enough(size)`, for a monotone `enough` */
function smallestSize(from: number, enough: (size: number) => boolean): number | undefined {
  let low = from - 1;
  let high = from;
  while (!enough(high)) {
    low = high;
    high *= 2;
    if (high > LARGEST) return undefined;
  }
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (enough(middle)) high = middle;
    else low = middle;
  }
  return high;
}

function currentSize(design: Design, unit: 'n' | 'events'): number {
  const size = design[unit];
  return Array.isArray(size) ? size[1] : (size ?? SMALLEST);
}
