// Whether the page runs a scenario by itself when it opens. A link can ask for 10⁷ replicates of
// eight designs, hours of work that nobody asked this browser for, so above a size the page asks
// first. The default comparison (4 designs × 10⁴ replicates) takes about 0.7 s to its results
// here (test/browser, "first run on opening the page"); 10⁶ simulated trials are then some 20 s,
// the most a page should spend unasked.
// A run simulates every design twice, as the scenario says and under the global null.
import type { Scenario } from '../engine/scenario/types.js';

export const MOST_TRIALS_UNASKED = 1_000_000;

/** every design's replicates, twice (as given, and under the global null for the type I error) */
export function trialsToSimulate(scenario: Scenario): number {
  return 2 * scenario.simulation.replicates * scenario.designs.length;
}

export function runsUnasked(scenario: Scenario): boolean {
  return trialsToSimulate(scenario) <= MOST_TRIALS_UNASKED;
}
