// A page store opened on a small scenario, on the engine in this thread: what the store and
// component tests start from.
import type { Draft } from '../../src/app/draft.js';
import { Store } from '../../src/app/state/store.js';
import { ThreadEngine } from './thread-engine.js';

/** two quick designs, one of them group-sequential (so it has boundaries) */
export const SMALL: Draft = {
  title: 'small',
  population: { prevalence: 0.3 },
  endpoint: { type: 'continuous', sd: { pos: 1, neg: 1 }, effect: { pos: 0.5, neg: 0.1 } },
  trial: { screeningRate: 20 },
  designs: [
    { id: 'all', label: 'All', type: 'all-comers', n: 120, interims: { informationRates: [0.5, 1] } },
    { id: 'enr', label: 'Enr', type: 'enriched', n: 60 },
  ],
  simulation: { replicates: 2000, seed: 'small' },
};

export function openedStore(draft: Draft = SMALL): { store: Store; engine: ThreadEngine } {
  const engine = new ThreadEngine();
  const store = new Store(engine);
  store.open({
    query: '',
    hash: '',
    kept: { query: '', draft: structuredClone(draft) },
    dropped: [],
    droppedSaved: [],
  });
  return { store, engine };
}
