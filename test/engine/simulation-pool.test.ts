// The pool that runs many simulations at once on a few workers: the same results as one simulation
// alone on one thread, whatever runs beside it; a small simulation stays on the worker that took it
// (its scenario sent once); a failing or cancelled simulation stops alone, and the others finish.
import { describe, expect, it } from 'vitest';
import type { BlockTask } from '../../src/engine/blocks.js';
import { Cancelled } from '../../src/engine/schedule.js';
import { parseScenario } from '../../src/engine/scenario/parse.js';
import type { Scenario } from '../../src/engine/scenario/types.js';
import { simulate } from '../../src/engine/simulate.js';
import { simulateBlock } from '../../src/engine/simulate-block.js';
import { MOST_AT_ONCE, type ScenarioWorker, SimulationPool } from '../../src/engine/simulation-pool.js';

function scenarioOf(replicates: number, n = 200): Scenario {
  const parsed = parseScenario({
    population: { prevalence: 0.3 },
    endpoint: { type: 'continuous', sd: { pos: 1, neg: 1 }, effect: { pos: 0.5, neg: 0.1 } },
    designs: [
      { id: 'all-comers', type: 'all-comers', n },
      { id: 'adaptive', type: 'adaptive-enrichment', n: [n / 2, n], intersection: 'simes' },
    ],
    simulation: { replicates },
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.scenario;
}

/** an in-thread worker that answers after a pause (random by default, so blocks come back out of order) */
class FakeWorker implements ScenarioWorker {
  readonly held = new Map<number, Scenario>();
  loads = 0;
  blocks = 0;
  /** blocks asked for and not yet answered, now and at most */
  inFlight = 0;
  mostInFlight = 0;
  /** the most blocks asked for in one run */
  mostAtOnce = 0;
  constructor(
    private readonly fails: (scenario: Scenario) => boolean = () => false,
    private readonly pause = () => Math.random() * 3,
  ) {}
  load(id: number, scenario: Scenario) {
    this.loads++;
    this.held.set(id, structuredClone(scenario));
  }
  forget(id: number) {
    this.held.delete(id);
  }
  async run(id: number, tasks: readonly BlockTask[]) {
    this.mostInFlight = Math.max(this.mostInFlight, ++this.inFlight);
    this.mostAtOnce = Math.max(this.mostAtOnce, tasks.length);
    await new Promise((resolve) => setTimeout(resolve, this.pause()));
    this.inFlight--;
    const scenario = this.held.get(id);
    if (!scenario) throw new Error(`simulation ${id} not held`);
    if (this.fails(scenario)) throw new Error('this worker cannot simulate it');
    this.blocks += tasks.length;
    return tasks.map((task) => simulateBlock(scenario, task.design, task.block));
  }
}

describe('SimulationPool', () => {
  it('gives every simulation asked for at once the results it has alone, and forgets each when done', async () => {
    const workers = [new FakeWorker(), new FakeWorker(), new FakeWorker()];
    const pool = new SimulationPool(workers);
    const scenarios = [scenarioOf(5000), scenarioOf(2000, 120), scenarioOf(1000, 80), scenarioOf(7300, 300)];
    const results = await Promise.all(scenarios.map((scenario) => pool.simulate(scenario)));
    for (const [i, result] of results.entries()) expect(result).toEqual(simulate(scenarios[i]));
    for (const worker of workers) expect(worker.held.size).toBe(0);
    // every worker took part
    for (const worker of workers) expect(worker.blocks).toBeGreaterThan(0);
  });

  it('keeps small simulations on the worker that took them: each scenario sent once', async () => {
    // blocks of equal length, so that the order they come back in is fixed
    const workers = [new FakeWorker(undefined, () => 2), new FakeWorker(undefined, () => 2)];
    const pool = new SimulationPool(workers);
    // 12 simulations of 2 blocks each (one design at 2,000 replicates), 4 at a time, as a map's solver asks
    const scenarios = Array.from({ length: 12 }, (_, i) => {
      const scenario = scenarioOf(2000, 100 + 10 * i);
      return { ...scenario, designs: [scenario.designs[0]] };
    });
    for (let i = 0; i < scenarios.length; i += 4)
      await Promise.all(scenarios.slice(i, i + 4).map((scenario) => pool.simulate(scenario)));
    const loads = workers.reduce((sum, worker) => sum + worker.loads, 0);
    expect(loads).toBe(12);
  });

  it('keeps each worker the runs of blocks ahead it was given: two by default, none waiting a round trip', async () => {
    for (const ahead of [1, 2, 3]) {
      const workers = [new FakeWorker(), new FakeWorker()];
      const pool = ahead === 2 ? new SimulationPool(workers) : new SimulationPool(workers, ahead);
      const scenario = scenarioOf(20000);
      expect(await pool.simulate(scenario)).toEqual(simulate(scenario));
      for (const worker of workers) expect(worker.mostInFlight).toBe(ahead);
    }
  });

  it('asks for runs of up to MOST_AT_ONCE blocks, shorter as the blocks run out', async () => {
    const workers = [new FakeWorker(), new FakeWorker()];
    // 200 blocks of two designs: the first runs take the most, the last ones a block each
    const scenario = scenarioOf(100_000, 120);
    const sizes: number[] = [];
    const counted = workers.map((worker) => {
      const run = worker.run.bind(worker);
      worker.run = (id, tasks) => (sizes.push(tasks.length), run(id, tasks));
      return worker;
    });
    expect(await new SimulationPool(counted).simulate(scenario)).toEqual(simulate(scenario));
    expect(Math.max(...sizes)).toBe(MOST_AT_ONCE);
    expect(sizes.at(-1)).toBe(1);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(200);
  });

  it('rejects a failing simulation alone; the others beside it finish with their own results', async () => {
    const broken = scenarioOf(3000, 150);
    const workers = [new FakeWorker((s) => s.designs[0].n === 150), new FakeWorker((s) => s.designs[0].n === 150)];
    const pool = new SimulationPool(workers);
    const fine = scenarioOf(4000);
    const [bad, good] = await Promise.allSettled([pool.simulate(broken), pool.simulate(fine)]);
    expect(bad.status).toBe('rejected');
    expect(good).toEqual({ status: 'fulfilled', value: simulate(fine) });
  });

  it('ends a cancelled simulation with Cancelled, and runs the shard of blocks asked for', async () => {
    const pool = new SimulationPool([new FakeWorker()]);
    await expect(pool.simulate(scenarioOf(5000), { cancelled: () => true })).rejects.toBeInstanceOf(Cancelled);
    // a shard's tallies go out one by one (engine/shard.ts merges them)
    const tallies: string[] = [];
    await pool.simulate(scenarioOf(5000), {
      blocks: (block) => block % 2 === 0,
      onTally: (task) => tallies.push(`${task.design}:${task.block}`),
    });
    expect(tallies.sort()).toEqual(['0:0', '0:2', '0:4', '1:0', '1:2', '1:4']);
  });
});
