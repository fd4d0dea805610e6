// @vitest-environment happy-dom
// "Watch one trial" of a scenario with several populations, mounted alone with a trace port in this
// thread: every design type (group-sequential all-comers, enriched, stratified, adaptive) and a survival
// endpoint is watched, its trace the engine's, and played step by step to its result: each step's text
// names the populations by id (never H_S∩H_F, never an undefined number), each analysis shows its figure,
// and the closed test its intersections row by row.
import { ContextProvider } from '@lit/context';
import { afterEach, describe, expect, it } from 'vitest';
import '../../src/app/components/watch-trial.js';
import type { WatchTrial } from '../../src/app/components/watch-trial.js';
import type { Draft } from '../../src/app/draft.js';
import { storeContext } from '../../src/app/state/store-context.js';
import { Store } from '../../src/app/state/store.js';
import { traceAnyReplicate } from '../../src/engine/trace/trace.js';
import { NESTED_MISREAD } from '../support/population-scenarios.js';
import { ThreadEngine } from '../support/thread-engine.js';
import { ThreadTracePort } from '../support/thread-trace-port.js';

const CONTINUOUS = {
  title: 'watch populations',
  population: NESTED_MISREAD,
  endpoint: { type: 'continuous', effect: { high: 0.7, low: 0.4, neg: 0.05 }, sd: { high: 1, low: 1, neg: 1 } },
  trial: { screeningRate: 20, endpointDelay: 1 },
  designs: [
    { id: 'gs', label: 'Two looks', type: 'all-comers', n: 120, interims: { informationRates: [0.5, 1] } },
    { id: 'enr', label: 'Enriched in S2', type: 'enriched', n: 60, population: 'S2' },
    { id: 'str', label: 'Stratified', type: 'stratified', n: 120, intersection: 'dunnett' },
    {
      id: 'ae',
      label: 'Adaptive',
      type: 'adaptive-enrichment',
      n: [60, 120],
      intersection: 'simes',
      efficacy: 'pocock',
      selection: { rule: 'best', measure: 'z' },
    },
  ],
  simulation: { replicates: 100, seed: 'watch populations' },
};
const SURVIVAL = {
  ...CONTINUOUS,
  endpoint: {
    type: 'survival',
    controlMedian: { high: 10, low: 12, neg: 14 },
    hazardRatio: { high: 0.5, low: 0.7, neg: 0.95 },
  },
  designs: [
    { id: 'str', label: 'Stratified', type: 'stratified', n: 120, events: 60, intersection: 'bonferroni' },
    {
      id: 'ae',
      label: 'Adaptive',
      type: 'adaptive-enrichment',
      n: [80, 160],
      events: [30, 60],
      intersection: 'bonferroni',
      selection: { rule: 'epsilon', epsilon: 0.2 },
    },
  ],
  simulation: { replicates: 60, seed: 'watch populations survival' },
};

afterEach(() => {
  document.body.replaceChildren();
});

async function mount(draft: object): Promise<{ element: WatchTrial; store: Store }> {
  const store = new Store(new ThreadEngine());
  store.open({
    query: '',
    hash: '',
    kept: { query: '', draft: structuredClone(draft) as Draft },
    dropped: [],
    droppedSaved: [],
  });
  const provider = document.createElement('div');
  new ContextProvider(provider, { context: storeContext, initialValue: store });
  document.body.append(provider);
  const element = document.createElement('watch-trial');
  element.port = new ThreadTracePort();
  provider.append(element);
  await element.updateComplete;
  return { element, store };
}

const settle = async (element: WatchTrial) => {
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await element.updateComplete;
    await element.querySelector('trial-player')?.updateComplete;
  }
};
const button = (element: WatchTrial, name: string) =>
  [...element.querySelectorAll('button')].find((b) => b.textContent?.trim() === name) as HTMLButtonElement;
const live = (element: WatchTrial) =>
  (element.querySelector('[aria-live="polite"]')?.textContent ?? '').replace(/\s+/g, ' ').trim();
/** the figure's text (its title, description and labels), '' when the step has none */
const figure = (element: WatchTrial) =>
  (element.querySelector('.watch-figure svg')?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** watch replicate `replicate` of `design` and play it step by step: each step's text and figure */
async function play(element: WatchTrial, design: string, replicate: number): Promise<[string, string][]> {
  const select = element.querySelector<HTMLSelectElement>('#watch-design')!;
  select.value = design;
  select.dispatchEvent(new Event('change'));
  const input = element.querySelector<HTMLInputElement>('#watch-replicate')!;
  input.value = String(replicate);
  input.dispatchEvent(new Event('change'));
  await settle(element);
  button(element, 'Watch').click();
  await settle(element);
  await settle(element);
  const seen: [string, string][] = [];
  for (;;) {
    seen.push([live(element), figure(element)]);
    const next = button(element, 'Step forward');
    if (next.disabled) return seen;
    next.click();
    await settle(element);
  }
}

describe('watch-trial with several populations', () => {
  for (const [name, draft, designs] of [
    ['continuous', CONTINUOUS, ['gs', 'enr', 'str', 'ae']],
    ['survival', SURVIVAL, ['str', 'ae']],
  ] as const)
    it(`${name}: every design type is watched and played to its result`, async () => {
      const { element, store } = await mount(draft);
      expect(element.querySelector('#watch-title')?.textContent).toBe('Watch one trial');
      for (const design of designs) {
        const steps = await play(element, design, 2);
        expect(JSON.stringify(element.trace)).toBe(JSON.stringify(traceAnyReplicate(store.scenario!, design, 2)));
        const texts = steps.map(([text]) => text);
        expect(texts[0]).toMatch(/its colour is its true subgroup/);
        expect(texts.some((text) => /the assay puts \d+ in (high|low|neg)/.test(text))).toBe(true);
        expect(texts[texts.length - 1]).toMatch(/The trial’s result.*results count replicate 2 this way/);
        for (const text of texts) expect(text).not.toMatch(/undefined|NaN|H_S∩H_F|null/);
        // every analysis step has its figure; a closed test, its intersections row by row
        for (const [text, shown] of steps)
          if (/^Step \d+ of \d+: (Look|Analysis|Interim|Final)/.test(text) && !/stopped at the interim/.test(text))
            expect(shown, text).not.toBe('');
        const rows = steps.filter(([text]) => /Closed test: /.test(text));
        if (design === 'str' || design === 'ae') {
          expect(rows).toHaveLength(3);
          expect(rows[2][1]).toMatch(/The closed test rejects/);
        } else expect(rows).toHaveLength(0);
      }
    });
});
