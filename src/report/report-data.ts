// What a report holds, computed by any simulator (the command line's threads, the page's workers):
// the results, the same designs under the global null (their type I error, same seed), each
// design's size at the target power (the solver, at its own precision) and power against size
// for the chart (at the charts' replicates, as the page draws it).
import { type Curves, powerBySize } from '../app/chart-data.js';
import { globalNull } from '../engine/planning/global-null.js';
import { type PopulationTarget, type Simulator, type Solution, solve } from '../engine/planning/solve.js';
import type { DesignResult } from '../engine/results.js';
import type { Scenario } from '../engine/scenario/types.js';

export type ReportData = {
  scenario: Scenario;
  target: PopulationTarget;
  results: DesignResult[];
  /** the designs simulated with no effect anywhere */
  globalNull: DesignResult[];
  solutions: Solution[];
  bySize: Curves;
};

export async function computeReport(
  scenario: Scenario,
  target: PopulationTarget,
  simulate: Simulator,
  onStep: (step: string) => void = () => undefined,
): Promise<ReportData> {
  onStep('the results');
  const results = await simulate(scenario);
  onStep('the type I error under the global null');
  const nullResults = await simulate(globalNull(scenario));
  onStep('the size at the target power');
  const solutions = await solve(scenario, target, simulate);
  onStep('power against size');
  const bySize = await powerBySize(scenario, simulate);
  return { scenario, target, results, globalNull: nullResults, solutions, bySize };
}
