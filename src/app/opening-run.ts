// Whether the page runs a scenario by itself when it opens. A link can ask for 10⁷ replicates of
// eight designs, minutes of every core that nobody asked this browser for, so above a size the page
// asks first. 10⁶ simulated trials take about 0.4 s on two cores here (`npm run bench`: four designs ×
// 10⁶ and their global null, 8·10⁶ trials, in 3.1 s at the realistic analysis), so a phone or an old
// laptop ten times slower still opens a link of that size within seconds.
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
