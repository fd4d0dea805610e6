// One design's part of the R script: what it says about the design, its rpact calls, and the
// quantities it compares with Stratum's.
import type { PopulationTarget, Solution } from '../../engine/planning/solve.js';
import type { DesignResult } from '../../engine/results.js';
import type { Design, Scenario } from '../../engine/scenario/types.js';

export type Comparison = {
  /** a field of the results (`reject.S`, `expected.events`, `analytic.reject.F`) or `size` */
  quantity: string;
  /** Stratum's value; undefined where rpact's stands alone (a size, when no size was solved) */
  ours?: number;
  /** its standard error: 0 for an exact value, undefined where it has none */
  oursSe?: number;
  /** rpact's value, an R expression */
  rpact: string;
  /** rpact's standard error: a probability's from its iterations, or an R expression ('0', 'NA', …) */
  rpactSe: { iterations: number } | { expression: string };
  /** rpact's value is another law's even where the design is rpact's own (a size by a normal approximation) */
  approximate?: boolean;
};

export type DesignBlock = {
  /** comment lines: what rpact is asked, and why it is only an approximation where it is */
  comments: string[];
  /** R statements */
  code: string[];
  comparisons: Comparison[];
  /** rpact cannot express this design exactly: its numbers are the closest call's */
  approximate: boolean;
};

export type BlockContext = {
  scenario: Scenario;
  design: Design;
  /** 1, 2, …: names the design's R variables (design_1, sim_1, …) */
  index: number;
  result: DesignResult;
  solution?: Solution;
  target: PopulationTarget;
  /** rpact's maxNumberOfIterations: Stratum's replicates */
  iterations: number;
  /** rpact's seed */
  seed: number;
};

/** a number the design's results hold (a design that tests S has reject.S); a result without it is a bug */
export function known(value: number | null | undefined, what: string): number {
  if (value === undefined || value === null)
    throw new Error(`the design has no ${what} (the scenario contract requires it)`);
  return value;
}
