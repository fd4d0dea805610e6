// A sweep: one parameter over a list of values, every design simulated at every value. The seed
// stays the same, so every point uses the same random streams (common random numbers): curves
// are smooth and differences between points have small Monte Carlo variance.
import type { DesignResult } from '../results.js';
import type { Scenario } from '../scenario/types.js';
import { withParameter, type Parameter } from './parameter.js';

export type SweepPoint = { value: number; results: DesignResult[] };

/** the scenarios of a sweep, or every problem with its values */
export function sweepScenarios(
  scenario: Scenario,
  parameter: Parameter,
  values: readonly number[],
): { ok: true; scenarios: Scenario[] } | { ok: false; errors: string[] } {
  const scenarios: Scenario[] = [];
  const errors: string[] = [];
  for (const value of values) {
    const varied = withParameter(scenario, parameter, value);
    if (varied.ok) scenarios.push(varied.scenario);
    else errors.push(...varied.errors);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, scenarios };
}

/** run a sweep with any simulator (this thread, worker threads or Web Workers) */
export async function sweep(
  scenario: Scenario,
  parameter: Parameter,
  values: readonly number[],
  simulate: (scenario: Scenario) => DesignResult[] | Promise<DesignResult[]>,
): Promise<SweepPoint[]> {
  const planned = sweepScenarios(scenario, parameter, values);
  if (!planned.ok) throw new Error(planned.errors.join('\n'));
  const points: SweepPoint[] = [];
  for (let i = 0; i < values.length; i++)
    points.push({ value: values[i], results: await simulate(planned.scenarios[i]) });
  return points;
}
