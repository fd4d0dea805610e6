// @vitest-environment happy-dom
// The page's elements on a scenario with several populations, on the engine in this thread: results by
// population id, F and any; the planning charts and their target by population (no one-marker line);
// the population editor's edits, a bad share marked while the last results stay.
import { ContextProvider } from '@lit/context';
import type { LitElement } from 'lit';
import { afterEach, describe, expect, it } from 'vitest';
import '../../src/app/components/boundaries-panel.js';
import '../../src/app/components/chart-panel.js';
import '../../src/app/components/design-cards.js';
import '../../src/app/components/results-table.js';
import '../../src/app/components/scenario-panel.js';
import type { Draft } from '../../src/app/draft.js';
import { PRESETS } from '../../src/app/presets.js';
import { storeContext } from '../../src/app/state/store-context.js';
import type { Store } from '../../src/app/state/store.js';
import { openedStore } from '../support/opened-store.js';

const TWO_MARKERS: Draft = {
  ...structuredClone(PRESETS.find((preset) => preset.name === 'Two markers')!.scenario),
  simulation: { replicates: 2000, seed: 'two' },
};

afterEach(() => {
  document.body.replaceChildren();
});

async function mount(tags: string[]): Promise<{ elements: LitElement[]; store: Store }> {
  const { store } = openedStore(TWO_MARKERS);
  const provider = document.createElement('div');
  new ContextProvider(provider, { context: storeContext, initialValue: store });
  document.body.append(provider);
  const elements = tags.map((tag) => provider.appendChild(document.createElement(tag)) as LitElement);
  await Promise.all(elements.map((element) => element.updateComplete));
  return { elements, store };
}

const settle = async (elements: LitElement[]) => {
  await new Promise((resolve) => setTimeout(resolve, 0));
  await Promise.all(elements.map((element) => element.updateComplete));
};

async function ran(store: Store, elements: LitElement[]): Promise<void> {
  store.simulate();
  while (store.tasks.run !== 'done')
    await new Promise((resolve) => store.addEventListener('change', resolve, { once: true }));
  await settle(elements);
}

const rowLabels = (table: Element) =>
  [...table.querySelectorAll('tbody th')].map((th) => th.textContent?.replace(/\s+/g, ' ').trim());

describe('several populations on the page', () => {
  it('runs and shows a row per population, F and any, and P(continue) in each', async () => {
    const { elements, store } = await mount(['results-table', 'chart-panel', 'boundaries-panel']);
    expect(store.valid).toBe(true);
    await ran(store, elements);
    const [table, charts, rules] = elements;
    // the adaptive design's rule in the report's words, by population
    expect(rules.textContent).toContain('The trial tests H_SA, no benefit in SA');
    expect(rowLabels(table)).toEqual(
      expect.arrayContaining([
        'P(reject HSA)',
        'P(reject HSB)',
        'P(reject HF)',
        'P(reject any)',
        'Type I error',
        'P(continue in SA)',
        'P(continue in SB)',
      ]),
    );
    expect(rowLabels(table)).not.toContain('P(reject both)');
    const cells = [...table.querySelectorAll('tbody tr')].find((tr) => tr.textContent?.includes('reject HSA'));
    expect(cells?.querySelectorAll('td')[0].textContent).toMatch(/^0\.\d{3} ± /);
    // no feature says it is one marker's: the target offers the populations, the charts follow the run
    expect(charts.querySelectorAll('.one-marker').length).toBe(0);
    const options = [...charts.querySelectorAll('#target-hypothesis option')].map((o) => o.textContent);
    expect(options).toEqual(['H_SA (A+B+, A+B-)', 'H_SB (A+B+, A-B+)', 'H_F (everyone)', 'any hypothesis']);
    expect(charts.querySelector('#chart-flow svg')).not.toBeNull();
    expect(store.tasks.chartWork).toBe('running');
    store.cancel();
  });

  it('edits subgroups and populations; shares that do not add up are marked, the last results stay', async () => {
    const { elements, store } = await mount(['scenario-panel', 'results-table']);
    await ran(store, elements);
    const [panel, table] = elements;
    expect(panel.querySelector('[name="endpoint.treatment.A+B-"]')).not.toBeNull();
    const share = panel.querySelector<HTMLInputElement>('[name="population.subgroups[0].share"]')!;
    share.value = '0.05';
    share.dispatchEvent(new Event('change'));
    await settle(elements);
    expect(store.valid).toBe(false);
    const shares = [...panel.querySelectorAll('input[name$="].share"]')].map((input) =>
      input.getAttribute('aria-invalid'),
    );
    expect(shares).toEqual(['true', 'true', 'true', 'true']);
    expect(panel.textContent).toContain('the shares must add up to 1, they add up to 0.9');
    expect(table.textContent).toContain('Out of date');
    expect(table.textContent).toContain('P(reject HSA)');
    // a subgroup's id renamed: its fields follow, its population keeps it
    const id = panel.querySelector<HTMLInputElement>('[name="population.subgroups[1].id"]')!;
    id.value = 'A+ only';
    id.dispatchEvent(new Event('change'));
    await settle(elements);
    expect(store.errors.join('\n')).toMatch(/population\.subgroups\[1\]\.id: must be 1–20 letters/);
    id.value = 'A+B-x';
    id.dispatchEvent(new Event('change'));
    share.value = '0.15';
    share.dispatchEvent(new Event('change'));
    await settle(elements);
    expect(store.errors).toEqual([]);
    expect(panel.querySelector('[name="endpoint.control.A+B-x"]')).not.toBeNull();
    // a checkbox per subgroup makes SB hold A+B-x too
    const member = [...panel.querySelectorAll<HTMLInputElement>('.population:nth-child(2) input[type=checkbox]')];
    member[1].checked = true;
    member[1].dispatchEvent(new Event('change'));
    await settle(elements);
    expect(store.scenario?.population).toMatchObject({
      populations: [{ id: 'SA' }, { id: 'SB', subgroups: ['A+B+', 'A+B-x', 'A-B+'] }],
    });
  });

  it('the assay table: rows that do not add up are marked; one marker back with a click', async () => {
    const { elements, store } = await mount(['scenario-panel', 'design-cards']);
    const [panel, cards] = elements;
    // an adaptive design's stage 1 may randomise one population
    const stage1 = cards.querySelector<HTMLSelectElement>('[name="designs[2].stage1"]')!;
    expect([...stage1.options].map((o) => o.textContent)).toEqual(['all comers (F)', 'SA', 'SB']);
    stage1.value = 'SA';
    stage1.dispatchEvent(new Event('change'));
    await settle(elements);
    expect(store.errors).toEqual([]);
    expect(store.scenario?.designs[2]).toMatchObject({ stage1: 'SA' });
    const imperfect = [...panel.querySelectorAll<HTMLInputElement>('input[type=checkbox]')].find((box) =>
      box.parentElement?.textContent?.includes('Imperfect assay'),
    )!;
    imperfect.checked = true;
    imperfect.dispatchEvent(new Event('change'));
    await settle(elements);
    const cell = panel.querySelector<HTMLInputElement>('[name="population.assay.A+B+.A-B+"]')!;
    cell.value = '0.1';
    cell.dispatchEvent(new Event('change'));
    await settle(elements);
    expect(store.errors).toEqual(['population.assay.A+B+: the row must add up to 1, it adds up to 1.1']);
    expect(panel.textContent).toContain('the row must add up to 1, it adds up to 1.1');
    expect(panel.querySelector('table.assay tr.invalid th')?.textContent).toBe('A+B+');
    // the design cards offer the populations and the several-populations tests
    expect([...cards.querySelectorAll('[name="designs[0].population"] option')].map((o) => o.textContent)).toEqual([
      'SA',
      'SB',
    ]);
    expect(cards.querySelector<HTMLInputElement>('[name="designs[1].order"]')?.value).toBe('SA, SB, F');
    const oneMarker = [...panel.querySelectorAll<HTMLInputElement>('input[name=population-form]')][0];
    oneMarker.checked = true;
    oneMarker.dispatchEvent(new Event('change'));
    await settle(elements);
    expect(store.errors).toEqual([]);
    expect(panel.querySelector('[name="population.prevalence"]')).not.toBeNull();
    expect(store.scenario?.designs[1]).toMatchObject({ intersection: 'hierarchical-S' });
  });

  it('a survival endpoint: fields per subgroup, events named by population', async () => {
    const { elements, store } = await mount(['scenario-panel', 'design-cards']);
    const [panel, cards] = elements;
    const type = panel.querySelector<HTMLSelectElement>('[name="endpoint.type"]')!;
    type.value = 'survival';
    type.dispatchEvent(new Event('change'));
    await settle(elements);
    expect(store.errors).toEqual([]);
    for (const id of ['A+B+', 'A-B-']) {
      expect(panel.querySelector(`[name="endpoint.controlMedian.${id}"]`)).not.toBeNull();
      expect(panel.querySelector(`[name="endpoint.hazardRatio.${id}"]`)).not.toBeNull();
    }
    const eventsIn = [...cards.querySelectorAll('[name="designs[1].eventsIn"] option')].map((o) => o.textContent);
    expect(eventsIn).toEqual(['the tested one', 'SA', 'SB', 'F (everyone)']);
  });
});
