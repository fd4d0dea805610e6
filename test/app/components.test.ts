// @vitest-environment happy-dom
// Each of the page's elements mounted alone under a provider of a store of its own (the context
// protocol), on the engine in this thread: no page, no workers. Each renders from the store and
// acts through it.
import { ContextProvider } from '@lit/context';
import type { LitElement } from 'lit';
import { afterEach, describe, expect, it } from 'vitest';
import '../../src/app/components/boundaries-panel.js';
import '../../src/app/components/chart-panel.js';
import '../../src/app/components/design-cards.js';
import '../../src/app/components/map-panel.js';
import '../../src/app/components/results-table.js';
import '../../src/app/components/run-panel.js';
import '../../src/app/components/scenario-panel.js';
import '../../src/app/components/share-panel.js';
import '../../src/app/components/target-controls.js';
import type { Draft } from '../../src/app/draft.js';
import { storeContext } from '../../src/app/state/store-context.js';
import type { Store } from '../../src/app/state/store.js';
import { openedStore, SMALL } from '../support/opened-store.js';

afterEach(() => {
  document.body.replaceChildren();
});

/** `tag` alone under a provider of a fresh store opened on `draft` */
async function mount<T extends LitElement>(tag: string, draft: Draft = SMALL): Promise<{ element: T; store: Store }> {
  const { store } = openedStore(draft);
  const provider = document.createElement('div');
  new ContextProvider(provider, { context: storeContext, initialValue: store });
  document.body.append(provider);
  const element = document.createElement(tag) as T;
  provider.append(element);
  await element.updateComplete;
  return { element, store };
}

const settle = async (element: LitElement) => {
  await new Promise((resolve) => setTimeout(resolve, 0));
  await element.updateComplete;
};

async function ran(store: Store, element: LitElement): Promise<void> {
  store.simulate();
  while (store.tasks.run !== 'done')
    await new Promise((resolve) => store.addEventListener('change', resolve, { once: true }));
  store.cancel(); // the charts that follow a run are not these tests' business
  await settle(element);
}

describe('components mounted alone with a store from context', () => {
  it('scenario-panel: the contract’s fields for the endpoint, edits through the store, problems marked', async () => {
    const { element, store } = await mount('scenario-panel');
    const prevalence = element.querySelector<HTMLInputElement>('[name="population.prevalence"]')!;
    expect(prevalence.value).toBe('0.3');
    expect(element.querySelector('label[for="f-population-prevalence"]')?.textContent).toContain('Prevalence');
    // the range the contract allows, in the form's notation
    expect(element.textContent).toContain('0.001 ≤ x ≤ 0.999');
    expect(element.querySelector('[name="analysis.statistic"]')).not.toBeNull();
    prevalence.value = '2';
    prevalence.dispatchEvent(new Event('change'));
    await settle(element);
    expect(store.valid).toBe(false);
    expect(element.querySelector('[name="population.prevalence"]')?.getAttribute('aria-invalid')).toBe('true');
    expect(element.querySelector('.error')?.textContent).toMatch(/< 1/);
  });

  it('scenario-panel: binary hides the statistic; survival with an imperfect assay stays valid', async () => {
    const { element, store } = await mount('scenario-panel', {
      ...SMALL,
      population: { prevalence: 0.3, sensitivity: 0.9, specificity: 0.9 },
    });
    const type = element.querySelector<HTMLSelectElement>('[name="endpoint.type"]')!;
    type.value = 'binary';
    type.dispatchEvent(new Event('change'));
    await settle(element);
    expect(store.valid).toBe(true);
    expect(element.querySelector('[name="analysis.statistic"]')).toBeNull();
    const again = element.querySelector<HTMLSelectElement>('[name="endpoint.type"]')!;
    again.value = 'survival';
    again.dispatchEvent(new Event('change'));
    await settle(element);
    expect(store.errors).toEqual([]);
    expect(store.scenario?.simulation.method).toBe('patient');
    const methods = [...element.querySelectorAll('[name="simulation.method"] option')].map((o) => o.textContent);
    expect(methods).toEqual(['Patient level']);
  });

  it('scenario-panel: survival hazards as pieces, each piece marked, the method kept valid', async () => {
    const survival: Draft = {
      ...SMALL,
      endpoint: { type: 'survival', controlMedian: { pos: 12, neg: 12 }, hazardRatio: { pos: 0.6, neg: 0.9 } },
      designs: [{ id: 'all', type: 'all-comers', n: 200, events: 150 }],
      simulation: { method: 'asymptotic', replicates: 1000 },
    };
    const { element, store } = await mount('scenario-panel', survival);
    const pick = async (id: string, value: string) => {
      const select = element.querySelector<HTMLSelectElement>(`#${id}`)!;
      select.value = value;
      select.dispatchEvent(new Event('change'));
      await settle(element);
    };
    await pick('ratio-form-pos', 'pieces');
    // one piece is still proportional hazards
    expect(store.errors).toEqual([]);
    expect(store.scenario?.endpoint).toMatchObject({ hazardRatio: { pos: [{ from: 0, value: 0.6 }] } });
    [...element.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Add a piece')!.click();
    await settle(element);
    const second = element.querySelector<HTMLInputElement>('[name="endpoint.hazardRatio.pos[1].value"]')!;
    second.value = '0.8';
    second.dispatchEvent(new Event('change'));
    await settle(element);
    // two values are not: the asymptotic law is ruled out and the method follows, so the scenario stays valid
    expect(store.errors).toEqual([]);
    expect(store.scenario?.simulation.method).toBe('patient');
    const value = element.querySelector<HTMLInputElement>('[name="endpoint.hazardRatio.pos[1].value"]')!;
    value.value = '-1';
    value.dispatchEvent(new Event('change'));
    await settle(element);
    const marked = element.querySelector('[name="endpoint.hazardRatio.pos[1].value"]');
    expect(marked?.getAttribute('aria-invalid')).toBe('true');
    expect(element.querySelector(`#${marked?.getAttribute('aria-describedby')}`)?.textContent).toMatch(/> 0/);
    await pick('control-form-neg', 'pieces');
    expect(store.draft.endpoint).toMatchObject({ controlHazard: { neg: [{ from: 0, value: 0.05776 }] } });
    await pick('control-form-neg', 'median');
    expect(store.draft.endpoint).toMatchObject({ controlMedian: { neg: 12 } });
    // the weighted log-rank: a keyword, or Fleming–Harrington's two weights
    await pick('f-analysis-survivalTest', 'fh');
    expect(store.draft.analysis).toMatchObject({ survivalTest: { fh: [0, 1] } });
    expect(element.querySelector<HTMLSelectElement>('#f-analysis-survivalTest')?.value).toBe('fh');
    const gamma = element.querySelector<HTMLInputElement>('[name="analysis.survivalTest.fh[1]"]')!;
    gamma.value = '3';
    gamma.dispatchEvent(new Event('change'));
    await settle(element);
    expect(element.querySelector('[name="analysis.survivalTest.fh[1]"]')?.getAttribute('aria-invalid')).toBe('true');
    await pick('f-analysis-survivalTest', 'maxcombo');
    expect(store.draft.analysis).toMatchObject({ survivalTest: 'maxcombo' });
    await pick('f-analysis-survivalTest', 'logrank');
    expect((store.draft.analysis as Record<string, unknown>).survivalTest).toBeUndefined();
  });

  it('design-cards: a new card gets a readable name and its type’s fields', async () => {
    const { element, store } = await mount('design-cards');
    const add = [...element.querySelectorAll('button')].find((b) => b.textContent === 'Add design')!;
    add.click();
    await settle(element);
    const designs = store.scenario!.designs;
    expect(designs).toHaveLength(3);
    expect(designs[2].label).toBe('Enriched');
    add.click();
    await settle(element);
    expect(store.scenario!.designs[3].label).toBe('Enriched 2');
    expect([...element.querySelectorAll('li.card h3')].map((h) => h.textContent)).toEqual([
      'All',
      'Enr',
      'Enriched',
      'Enriched 2',
    ]);
  });

  it('design-cards: a survival design’s analyses at events in a population, or at calendar months', async () => {
    const survival: Draft = {
      ...SMALL,
      endpoint: { type: 'survival', controlMedian: { pos: 12, neg: 12 }, hazardRatio: { pos: 0.6, neg: 0.9 } },
      designs: [
        { id: 'all', type: 'all-comers', n: 200, events: 150 },
        { id: 'ae', type: 'adaptive-enrichment', n: [100, 200], events: [60, 150] },
      ],
      simulation: { method: 'asymptotic', replicates: 1000 },
    };
    const { element, store } = await mount('design-cards', survival);
    const pick = async (selector: string, value: string) => {
      const select = element.querySelector<HTMLSelectElement>(selector)!;
      select.value = value;
      select.dispatchEvent(new Event('change'));
      await settle(element);
    };
    await pick('#designs-0--timing', 'months');
    expect(store.errors).toEqual([]);
    expect(store.scenario!.designs[0]).toMatchObject({ months: 24 });
    expect(store.scenario!.designs[0].events).toBeUndefined();
    expect(element.querySelector('[name="designs[0].months"]')).not.toBeNull();
    await pick('#designs-1--timing', 'months');
    expect(store.scenario!.designs[1]).toMatchObject({ months: [12, 24] });
    expect(element.querySelector('[name="designs[1].months[1]"]')).not.toBeNull();
    await pick('[name="designs[0].eventsIn"]', 'S');
    expect(store.scenario!.designs[0]).toMatchObject({ eventsIn: 'S' });
    await pick('[name="designs[0].eventsIn"]', '');
    expect(store.scenario!.designs[0]).not.toHaveProperty('eventsIn');
    await pick('#designs-0--timing', 'events');
    expect(store.scenario!.designs[0]).toMatchObject({ events: 140 });
    expect(store.scenario!.designs[0].months).toBeUndefined();
  });

  it('results-table: survival designs list each analysis with its month and events', async () => {
    const survival: Draft = {
      ...SMALL,
      endpoint: { type: 'survival', controlMedian: { pos: 12, neg: 12 }, hazardRatio: { pos: 0.6, neg: 0.9 } },
      designs: [{ id: 'cal', type: 'all-comers', n: 200, months: 30 }],
      simulation: { method: 'asymptotic', replicates: 1000 },
    };
    const { element, store } = await mount('results-table', survival);
    await ran(store, element);
    const row = [...element.querySelectorAll('tbody tr')].find(
      (tr) => tr.querySelector('th')?.textContent?.trim() === 'Analyses',
    );
    const events = store.tasks.shown!.results[0].analyses![0].events!;
    expect(row?.querySelector('td')?.textContent?.trim()).toBe(`month 30.0, ${Math.round(events)} events`);
  });

  it('run-panel: Run runs, the status says when it is done; Run is disabled on a bad scenario', async () => {
    const { element, store } = await mount('run-panel');
    const run = [...element.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Run')!;
    run.click();
    while (store.tasks.run !== 'done') await new Promise((r) => store.addEventListener('change', r, { once: true }));
    store.cancel();
    await settle(element);
    expect(element.querySelector('.status')?.textContent).toMatch(/^Done in|Charts cancelled/);
    store.edit('population.prevalence', -1);
    await settle(element);
    expect(run.disabled).toBe(true);
    expect(element.textContent).toContain('1 problem');
  });

  it('results-table: the type I error row, current results, then out of date after an edit', async () => {
    const { element, store } = await mount('results-table');
    await ran(store, element);
    const rows = [...element.querySelectorAll('tbody tr')].map((tr) => tr.querySelector('th')?.textContent?.trim());
    expect(rows).toContain('Type I error');
    expect(element.querySelector('.stale')).toBeNull();
    expect(element.querySelector('caption')?.textContent).toBe('Results by design');
    // every row label links to its explanation
    for (const th of element.querySelectorAll('tbody th'))
      expect(th.querySelector('a')?.getAttribute('href')).toMatch(/^#how-/);
    store.edit('population.prevalence', 0.4);
    await settle(element);
    expect(element.querySelector('.stale')?.textContent).toMatch(/^Out of date/);
    expect(element.querySelector('caption')?.textContent).toBe('Results by design, out of date');
  });

  it('boundaries-panel: each look of a group-sequential design with critical z, nominal p and α spent', async () => {
    const { element, store } = await mount('boundaries-panel');
    await ran(store, element);
    const cells = [...element.querySelectorAll('table.looks tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim()),
    );
    const looks = store.tasks.shown!.results[0].boundaries!.looks;
    expect(cells).toHaveLength(2);
    expect(cells[1][2]).toBe(looks[1].critical!.toFixed(4));
    expect(cells[1][4]).toBe(looks[1].spent.toFixed(5));
  });

  it('target-controls: power and hypothesis go to the store', async () => {
    const { element, store } = await mount('target-controls');
    const hypothesis = element.querySelector<HTMLSelectElement>('#target-hypothesis')!;
    hypothesis.value = 'both';
    hypothesis.dispatchEvent(new Event('change'));
    const power = element.querySelector<HTMLInputElement>('#target-power')!;
    power.value = '0.9';
    power.dispatchEvent(new Event('change'));
    expect(store.target).toEqual({ power: 0.9, hypothesis: 'both' });
    power.value = '3';
    power.dispatchEvent(new Event('change'));
    await settle(element);
    expect(store.target.power).toBe(0.9);
    // the field is marked, and says what it takes
    expect(element.querySelector('#target-power')?.getAttribute('aria-invalid')).toBe('true');
    expect(element.querySelector('#target-power-error')?.textContent).toMatch(/must be a number from 0.5 to 0.99/);
  });

  it('chart-panel and map-panel: nothing before a run; after it the flow and the map button', async () => {
    const { element, store } = await mount('chart-panel');
    expect(element.textContent?.trim()).toBe('');
    await ran(store, element);
    await settle(element.querySelector<LitElement>('map-panel')!);
    expect(element.querySelector('#chart-flow svg')).not.toBeNull();
    const button = [...element.querySelectorAll('button')].find((b) => b.textContent === 'Compute design map');
    expect(button?.disabled).toBe(false);
  });

  it('share-panel: saving over a name asks first; Delete removes the chosen one', async () => {
    localStorage.clear();
    const { element, store } = await mount('share-panel');
    const name = element.querySelector<HTMLInputElement>('#save-name')!;
    const button = (text: string) =>
      [...element.querySelectorAll('button')].find((b) => b.textContent?.trim() === text);
    for (const saved of ['one', 'two']) {
      name.value = saved;
      name.dispatchEvent(new Event('input'));
      await settle(element);
      button('Save')!.click();
      await settle(element);
    }
    store.edit('title', 'changed');
    name.value = 'one';
    name.dispatchEvent(new Event('input'));
    await settle(element);
    button('Save')!.click();
    await settle(element);
    expect(element.querySelector('.confirm')?.textContent).toContain('“one” is saved already');
    button('Replace')!.click();
    await settle(element);
    const saved = element.querySelector<HTMLSelectElement>('#saved')!;
    saved.value = 'two';
    saved.dispatchEvent(new Event('change'));
    await settle(element);
    button('Delete “two”')!.click();
    await settle(element);
    const left = JSON.parse(localStorage.getItem('stratum.saved.v1') ?? '{}') as Record<string, Draft>;
    expect(Object.keys(left)).toEqual(['one']);
    expect(left.one.title).toBe('changed');
  });
});
