// The design map's cells: ties between designs listed as ties, the winner for the target's own
// hypothesis, and progress after every point.
import { describe, expect, it } from 'vitest';
import { designMap } from '../../../src/engine/planning/design-map.js';
import { simulate } from '../../../src/engine/simulate.js';
import { continuousEndpoint, scenarioFrom } from '../../support/scenarios.js';

// continuous z with fixed strata: every size comes from the closed form, so the map is quick and exact
const scenario = scenarioFrom({
  population: { prevalence: 0.3 },
  endpoint: continuousEndpoint(0.5, 0.1),
  analysis: { statistic: 'z', strata: 'fixed', stratified: false },
  trial: { costs: { perScreened: 1000, perRandomized: 10000 } },
  designs: [
    { id: 'all', type: 'all-comers', n: 100 },
    { id: 'enriched', type: 'enriched', n: 100 },
    { id: 'enriched-again', type: 'enriched', n: 100 },
  ],
  simulation: { replicates: 500 },
});

describe('designMap', () => {
  it('lists every design at the fewest whole randomised patients and least cost: identical designs tie', async () => {
    const map = await designMap(scenario, [0.2, 0.8], [0, 1], { power: 0.8, hypothesis: 'any' }, simulate);
    for (const cell of map.cells) {
      const least = Math.min(...Object.values(cell.randomized).map((n) => Math.round(n ?? Infinity)));
      const expected = Object.keys(cell.randomized).filter((id) => Math.round(cell.randomized[id] ?? -1) === least);
      expect(cell.winners.randomized).toEqual(expected);
      expect(cell.fewestRandomized).toBe(cell.winners.randomized[0]);
      expect(cell.leastCost).toBe(cell.winners.cost[0]);
    }
    // effect− = 0 at prevalence 0.2: enrichment wins, and its two copies tie
    const enrichedWins = map.cells.find((cell) => cell.prevalence === 0.2 && cell.ratio === 0)!;
    expect(enrichedWins.winners.randomized).toEqual(['enriched', 'enriched-again']);
    expect(enrichedWins.winners.cost).toEqual(['enriched', 'enriched-again']);
    // equal effects: all-comers needs no screening and wins alone on cost
    const equal = map.cells.find((cell) => cell.prevalence === 0.2 && cell.ratio === 1)!;
    expect(equal.winners.cost).toEqual(['all']);
  });

  it("ranks by the target's hypothesis: for H_F the enriched designs are out of reach and never win", async () => {
    const map = await designMap(scenario, [0.2], [0, 1], { power: 0.8, hypothesis: 'F' }, simulate);
    for (const cell of map.cells) {
      expect(cell.randomized.enriched).toBeNull();
      expect(cell.winners.randomized).toEqual(['all']);
    }
  });

  it('says when no design reaches the target: empty lists and null winners', async () => {
    const enrichedOnly = { ...scenario, designs: scenario.designs.slice(1) };
    const map = await designMap(enrichedOnly, [0.5], [1], { power: 0.8, hypothesis: 'F' }, simulate);
    expect(map.cells[0].winners).toEqual({ randomized: [], cost: [] });
    expect(map.cells[0].fewestRandomized).toBeNull();
    expect(map.cells[0].leastCost).toBeNull();
  });

  it('reports progress after every point', async () => {
    const progress: [number, number][] = [];
    await designMap(scenario, [0.2, 0.5, 0.8], [0.5], { power: 0.8, hypothesis: 'any' }, simulate, {
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(progress).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
  });
});
