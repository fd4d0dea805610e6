// Gathers block tallies as they finish, in any order, and folds them in block order, so the
// floating-point sums — and so the results — are identical whatever the number of workers.
// Memory holds only the blocks that arrived ahead of a missing one.
import { blockCount } from './blocks.js';
import { designResult, scenarioAnalytics, scenarioBoundaries, type DesignResult } from './results.js';
import type { AnalyticResult } from './analytic/design-analytic.js';
import type { Boundaries } from './designs/boundaries.js';
import type { Scenario } from './scenario/types.js';
import { emptyTally, TALLY_SIZE } from './tally.js';

export class ResultCollector {
  private readonly totals: Float64Array[];
  private readonly nextBlock: number[];
  private readonly waiting: Map<number, Float64Array>[];
  private readonly blocks: number;
  private readonly analytics: (AnalyticResult | undefined)[];
  private readonly boundaries: (Boundaries | undefined)[];
  private folded = 0;

  constructor(private readonly scenario: Scenario) {
    const designs = scenario.designs.length;
    this.totals = Array.from({ length: designs }, emptyTally);
    this.nextBlock = new Array<number>(designs).fill(0);
    this.waiting = Array.from({ length: designs }, () => new Map());
    this.blocks = blockCount(scenario.simulation.replicates);
    this.analytics = scenarioAnalytics(scenario);
    this.boundaries = scenarioBoundaries(scenario);
  }

  add(design: number, block: number, tally: Float64Array): void {
    if (block < this.nextBlock[design] || this.waiting[design].has(block) || block >= this.blocks) {
      throw new Error(`block ${block} of design ${design} arrived twice or does not exist`);
    }
    this.waiting[design].set(block, tally);
    for (;;) {
      const ready = this.waiting[design].get(this.nextBlock[design]);
      if (ready === undefined) break;
      this.waiting[design].delete(this.nextBlock[design]);
      const total = this.totals[design];
      for (let slot = 0; slot < TALLY_SIZE; slot++) total[slot] += ready[slot];
      this.nextBlock[design]++;
      this.folded++;
    }
  }

  /** fraction of all blocks folded so far */
  get progress(): number {
    return this.folded / (this.blocks * this.scenario.designs.length);
  }

  get complete(): boolean {
    return this.folded === this.blocks * this.scenario.designs.length;
  }

  /** results of the blocks folded so far (the final results once complete) */
  results(): DesignResult[] {
    return this.scenario.designs.map((design, index) =>
      designResult(this.scenario, design, this.totals[index], this.analytics[index], this.boundaries[index]),
    );
  }
}
