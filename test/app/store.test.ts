// The page's store alone, on the engine in this thread: what is shown is always said to be of the
// scenario it belongs to. A run gives results and their type I error; any edit marks them out of
// date until the next run; a cancel keeps partial results, labelled; a new run aborts the old.
import { describe, expect, it } from 'vitest';
import { Store } from '../../src/app/state/store.js';
import { openedStore } from '../support/opened-store.js';
import { ThreadEngine } from '../support/thread-engine.js';
import { markerPopulation } from '../../src/engine/population.js';

const changed = (store: Store) => new Promise((resolve) => store.addEventListener('change', resolve, { once: true }));
async function until(store: Store, ready: () => boolean): Promise<void> {
  while (!ready()) await changed(store);
}

describe('the store', () => {
  it('runs every design, then the same designs under the global null, and says the results are current', async () => {
    const { store, engine } = openedStore();
    expect(store.valid).toBe(true);
    store.simulate();
    await until(store, () => store.tasks.run === 'done');
    const shown = store.tasks.shown!;
    expect(shown.partial).toBeNull();
    expect(store.current).toBe(true);
    // the second simulation is the global null: every effect 0, the same designs, sizes and seed
    const [, nullRun] = engine.runs;
    expect(nullRun.endpoint).toMatchObject({ effect: { pos: 0, neg: 0 } });
    expect(nullRun.designs).toEqual(shown.scenario.designs);
    expect(nullRun.simulation).toEqual(shown.scenario.simulation);
    for (const result of shown.results) expect(result.null?.replicates).toBe(2000);
    store.cancel();
  });

  it('marks the results out of date after any edit, and current again after Run', async () => {
    const { store } = openedStore();
    store.simulate();
    await until(store, () => store.tasks.run === 'done');
    store.cancel();
    store.edit('population.prevalence', 0.4);
    expect(store.current).toBe(false);
    store.edit('population.prevalence', 'x');
    expect(store.valid).toBe(false);
    expect(store.current).toBe(false);
    // the last good results stay on screen
    expect(markerPopulation(store.tasks.shown!.scenario.population).prevalence).toBe(0.3);
    store.edit('population.prevalence', 0.4);
    store.simulate();
    await until(store, () => store.tasks.run === 'done');
    expect(store.current).toBe(true);
    expect(markerPopulation(store.tasks.shown!.scenario.population).prevalence).toBe(0.4);
    store.cancel();
  });

  it('keeps partial results after Cancel, labelled with the blocks done', async () => {
    const { store } = openedStore();
    store.edit('simulation.replicates', 40_000);
    store.simulate();
    await until(store, () => (store.tasks.shown?.partial?.done ?? 0) >= 2);
    store.cancel();
    await until(store, () => store.tasks.run === 'cancelled');
    const partial = store.tasks.shown!.partial!;
    expect(partial.done).toBeGreaterThanOrEqual(2);
    expect(partial.done).toBeLessThan(partial.total);
    expect(store.current).toBe(false);
  });

  it('a new run aborts the one before: only the newer one is shown', async () => {
    const { store } = openedStore();
    store.edit('simulation.replicates', 40_000);
    store.simulate();
    await until(store, () => store.tasks.progress.done >= 1);
    store.edit('simulation.replicates', 1000);
    store.simulate();
    await until(store, () => store.tasks.run === 'done');
    expect(store.tasks.shown?.results[0].replicates).toBe(1000);
    expect(store.current).toBe(true);
    store.cancel();
  });

  it('reads the target from the link and names what it cannot read', () => {
    const store = new Store(new ThreadEngine());
    store.open({ query: '', hash: '#power=0.9&hypothesis=S', dropped: [], droppedSaved: [] });
    expect(store.target).toEqual({ power: 0.9, hypothesis: 'S' });
    const tampered = new Store(new ThreadEngine());
    tampered.open({ query: '', hash: '#power=7&hypothesis=Q', dropped: [], droppedSaved: [] });
    expect(tampered.target).toEqual({ power: 0.8, hypothesis: 'any' });
    expect(tampered.notice).toMatch(/power: must be a number from 0.5 to 0.99, got 7/);
    expect(tampered.notice).toMatch(/hypothesis: must be one of S, F, both, any, got Q/);
  });
});
