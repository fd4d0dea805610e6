// @vitest-environment happy-dom
// "Watch one trial" mounted alone under a store from context, with a trace port in this thread: a
// replicate by number is the engine's trace of it; stepping forward, back and restarting; the steps
// announced in a live region; a replicate out of range marked at its field with nothing else
// changed; "one that stopped early" finds one, and is offered only for a design with an interim.
import { ContextProvider } from '@lit/context';
import { afterEach, describe, expect, it } from 'vitest';
import '../../src/app/components/watch-trial.js';
import type { WatchTrial } from '../../src/app/components/watch-trial.js';
import type { Draft } from '../../src/app/draft.js';
import { storeContext } from '../../src/app/state/store-context.js';
import { Store } from '../../src/app/state/store.js';
import { traceReplicate } from '../../src/engine/trace/trace.js';
import { ThreadEngine } from '../support/thread-engine.js';
import { ThreadTracePort } from '../support/thread-trace-port.js';

const DRAFT: Draft = {
  title: 'watch',
  population: { prevalence: 0.3, sensitivity: 0.9, specificity: 0.85 },
  endpoint: { type: 'continuous', sd: { pos: 1, neg: 1 }, effect: { pos: 0.6, neg: 0.1 } },
  trial: { screeningRate: 20, endpointDelay: 1 },
  designs: [
    { id: 'enr', label: 'Enriched', type: 'enriched', n: 40 },
    { id: 'gs', label: 'Group-sequential', type: 'all-comers', n: 90, interims: { informationRates: [0.5, 1] } },
  ],
  simulation: { replicates: 400, seed: 'watch' },
};

afterEach(() => {
  document.body.replaceChildren();
});

async function mount(): Promise<{ element: WatchTrial; store: Store; port: ThreadTracePort }> {
  const store = new Store(new ThreadEngine());
  const kept = { query: '', draft: structuredClone(DRAFT) };
  store.open({ query: '', hash: '', kept, dropped: [], droppedSaved: [] });
  const provider = document.createElement('div');
  new ContextProvider(provider, { context: storeContext, initialValue: store });
  document.body.append(provider);
  const element = document.createElement('watch-trial');
  const port = new ThreadTracePort();
  element.port = port;
  provider.append(element);
  await element.updateComplete;
  return { element, store, port };
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
const live = (element: WatchTrial) => element.querySelector('[aria-live="polite"]')?.textContent ?? '';

async function choose(element: WatchTrial, options: { design?: string; which?: string; replicate?: string }) {
  if (options.design) {
    const select = element.querySelector<HTMLSelectElement>('#watch-design')!;
    select.value = options.design;
    select.dispatchEvent(new Event('change'));
  }
  if (options.which) {
    const radio = element.querySelector<HTMLInputElement>(`input[name="watch-which"][value="${options.which}"]`)!;
    radio.checked = true;
    radio.dispatchEvent(new Event('change'));
  }
  if (options.replicate !== undefined) {
    const input = element.querySelector<HTMLInputElement>('#watch-replicate')!;
    input.value = options.replicate;
    input.dispatchEvent(new Event('change'));
  }
  await settle(element);
}

async function watch(element: WatchTrial): Promise<void> {
  button(element, 'Watch').click();
  await settle(element);
  await settle(element);
}

describe('watch-trial mounted alone', () => {
  it('traces the replicate asked for, as the engine does, and steps through it', async () => {
    const { element, store } = await mount();
    await choose(element, { design: 'gs', which: 'number', replicate: '7' });
    await watch(element);
    expect(JSON.stringify(element.trace)).toBe(JSON.stringify(traceReplicate(store.scenario!, 'gs', 7)));
    expect(live(element)).toMatch(/Step 1 of \d+: Before the trial/);
    expect(live(element)).toContain('Replicate 7 of 400');
    button(element, 'Step forward').click();
    await settle(element);
    expect(live(element)).toMatch(/Step 2 of \d+: Months 0.0–/);
    expect(live(element)).toMatch(/patients screened; the assay calls \d+ positive/);
    expect(element.querySelector('.watch-timeline svg')).not.toBeNull();
    button(element, 'Step back').click();
    await settle(element);
    expect(live(element)).toMatch(/Step 1 of/);
    // the slider goes to the last step: the trial's result
    const slider = element.querySelector<HTMLInputElement>('input[type="range"]')!;
    slider.value = slider.max;
    slider.dispatchEvent(new Event('input'));
    await settle(element);
    expect(live(element)).toMatch(/The trial’s result/);
    expect(live(element)).toMatch(/The patient-level run’s results count replicate 7 this way/);
    button(element, 'Restart').click();
    await settle(element);
    expect(live(element)).toMatch(/Step 1 of/);
  });

  it('plays at the chosen speed and pauses', async () => {
    const { element } = await mount();
    await choose(element, { which: 'number', replicate: '3' });
    await watch(element);
    const speed = element.querySelector<HTMLSelectElement>('.watch-speed select')!;
    speed.value = '4';
    speed.dispatchEvent(new Event('change'));
    button(element, 'Play').click();
    await new Promise((resolve) => setTimeout(resolve, 700));
    await settle(element);
    expect(Number(/Step (\d+) of/.exec(live(element))?.[1])).toBeGreaterThanOrEqual(3);
    button(element, 'Pause').click();
    await settle(element);
    const paused = live(element);
    await new Promise((resolve) => setTimeout(resolve, 400));
    await settle(element);
    expect(live(element)).toBe(paused);
  });

  it('a replicate out of range is marked at its field, and nothing else changes', async () => {
    const { element, port } = await mount();
    await choose(element, { which: 'number', replicate: '12' });
    await watch(element);
    button(element, 'Step forward').click();
    await settle(element);
    const before = { trace: JSON.stringify(element.trace), text: live(element), asked: port.asked.length };
    for (const bad of ['401', '0', '2.5', 'ten']) {
      await choose(element, { replicate: bad });
      const input = element.querySelector<HTMLInputElement>('#watch-replicate')!;
      expect(input.getAttribute('aria-invalid')).toBe('true');
      expect(element.querySelector('#watch-replicate-error')?.textContent).toContain('from 1 to 400');
      await watch(element);
      expect(port.asked.length).toBe(before.asked);
      expect(JSON.stringify(element.trace)).toBe(before.trace);
      expect(live(element)).toBe(before.text);
    }
    await choose(element, { replicate: '400' });
    expect(element.querySelector('#watch-replicate')?.getAttribute('aria-invalid')).toBe('false');
  });

  it('finds one that stopped early for a design with an interim; not offered without one', async () => {
    const { element } = await mount();
    expect(element.querySelector<HTMLInputElement>('input[value="early"]')?.disabled).toBe(true);
    await choose(element, { design: 'gs' });
    expect(element.querySelector<HTMLInputElement>('input[value="early"]')?.disabled).toBe(false);
    await choose(element, { which: 'early' });
    await watch(element);
    expect(element.trace?.outcome.stopped).toBe('efficacy');
    expect(live(element)).toMatch(/The first of replicates 1 to 400 that stops early/);
    await choose(element, { which: 'failed' });
    await watch(element);
    expect(element.trace?.outcome.rejectF).toBe(false);
    await choose(element, { which: 'typical' });
    await watch(element);
    expect(live(element)).toMatch(/A typical trial: of replicates 1 to 400, \d+ ended as this one does/);
  });
});
