// "Watch one trial" in headless Chromium against the built page: a trial of each design type played
// to the end (and a survival one), a step back, "one that stopped early", a replicate out of range
// marked at its field; the page's trace equal to `stratum trace`'s; axe-core clean at 1280 × 720 and
// 390 × 844; no main-thread task blocking over 50 ms while a trial plays (Chrome's trace of the renderer's
// main thread, the smaller of a task's wall and CPU time: test/support/main-thread.ts; the MessageChannel
// probe of app.test.ts is recorded beside it); screenshots in
// test-output/screenshots/. Timings go to test-output/watch-trial-metrics.json.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/engine/scenario/parse.js';
import type { Scenario } from '../../src/engine/scenario/types.js';
import { encodeScenarioQuery } from '../../src/share/url-codec.js';
import { type App, instrument, SCREENSHOTS, startApp } from '../support/browser.js';
import { runCli } from '../support/cli.js';
import { sameTrial } from '../support/same-trial.js';
import { type MainThread, mainThreadWhile } from '../support/main-thread.js';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const LONGEST_TASK_MS = 50;
const metrics: Record<string, number | string> = {};
let app: App;

const FOUR = {
  title: 'Watch one trial',
  population: { prevalence: 0.3, sensitivity: 0.9, specificity: 0.85 },
  endpoint: { type: 'continuous', sd: { pos: 1, neg: 1 }, effect: { pos: 0.5, neg: 0.1 } },
  trial: { screeningRate: 20, endpointDelay: 1 },
  designs: [
    {
      id: 'sequential',
      label: 'All-comers, two looks',
      type: 'all-comers',
      n: 240,
      interims: { informationRates: [0.5, 1], efficacy: 'pocock' },
    },
    { id: 'enriched', label: 'Enriched', type: 'enriched', n: 120 },
    { id: 'stratified', label: 'Stratified (Simes)', type: 'stratified', n: 240, intersection: 'simes' },
    {
      id: 'adaptive',
      label: 'Adaptive enrichment',
      type: 'adaptive-enrichment',
      n: [120, 240],
      intersection: 'simes',
      selection: { rule: 'epsilon', measure: 'effect', epsilon: 0.1 },
    },
  ],
  simulation: { replicates: 2000, seed: 'watch-e2e' },
};

const SURVIVAL = {
  title: 'Watch a survival trial',
  population: { prevalence: 0.4, sensitivity: 0.9, specificity: 0.9 },
  endpoint: {
    type: 'survival',
    controlMedian: { pos: 12, neg: 12 },
    hazardRatio: { pos: 0.6, neg: 0.9 },
    dropoutPerYear: 0.05,
  },
  trial: { screeningRate: 15 },
  designs: [
    {
      id: 'adaptive',
      label: 'Adaptive enrichment',
      type: 'adaptive-enrichment',
      n: [150, 300],
      events: [60, 120],
      intersection: 'simes',
      selection: { rule: 'epsilon', epsilon: 0.1 },
    },
  ],
  simulation: { replicates: 1000, seed: 'watch-survival' },
};

function filled(document: object): Scenario {
  const parsed = parseScenario(document);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.scenario;
}

beforeAll(async () => {
  app = await startApp('test-output/app-watch');
});
afterAll(async () => {
  writeFileSync('test-output/watch-trial-metrics.json', `${JSON.stringify(metrics, null, 2)}\n`);
  await app?.close();
});

/** the page opened on `scenario`, with the longest-task probe, at a viewport */
async function open(scenario: Scenario, width: number, height: number): Promise<{ page: Page; errors: string[] }> {
  const page = await app.browser.newPage({ viewport: { width, height } });
  const errors = await instrument(page);
  await page.goto(app.url + encodeScenarioQuery(scenario));
  // the page runs its scenario on opening, then draws its charts: let the run finish and stop the
  // charts, so that what is measured while a trial plays is the trial's own work
  await page.waitForFunction(() => /^Done in/.test(document.querySelector('.status')?.textContent ?? ''), null, {
    timeout: 120_000,
  });
  const cancel = page.getByRole('button', { name: 'Cancel', exact: true });
  if (await cancel.isEnabled()) await cancel.click();
  await page.locator('#watch-title').scrollIntoViewIfNeeded();
  return { page, errors };
}

const text = (page: Page) => page.locator('watch-trial .watch-text').innerText();
const stepOf = async (page: Page) => {
  const match = /Step (\d+) of (\d+)/.exec(await text(page));
  return { step: Number(match?.[1]), of: Number(match?.[2]) };
};

/** pick a design and a trial, press Watch, and wait for its first step */
async function watch(page: Page, design: string, which: string, replicate?: number): Promise<void> {
  await page.locator('#watch-design').selectOption(design);
  await page.locator(`input[name="watch-which"][value="${which}"]`).check();
  if (replicate !== undefined) {
    await page.locator('#watch-replicate').fill(String(replicate));
    await page.locator('#watch-replicate').press('Tab');
  }
  const before = await page.evaluate(() => JSON.stringify(document.querySelector('watch-trial')?.trace ?? null));
  await page.getByRole('button', { name: 'Watch', exact: true }).click();
  await page.waitForFunction(
    (old) => {
      const trace = document.querySelector('watch-trial')?.trace;
      return trace && JSON.stringify(trace) !== old;
    },
    before,
    { timeout: 60_000 },
  );
  await expect.poll(() => text(page)).toMatch(/^Step 1 of/);
}

function record(name: string, measured: MainThread): void {
  metrics[`${name}: longest main-thread task (ms, Chrome's trace)`] = Math.round(measured.task);
  metrics[`${name}: longest blocking task, the smaller of wall and CPU time (ms)`] = Math.round(measured.blocking);
  metrics[`${name}: longest gap of the MessageChannel probe (ms)`] = Math.round(measured.probe);
  expect(measured.blocking, `${name}: a main-thread task over ${LONGEST_TASK_MS} ms`).toBeLessThan(LONGEST_TASK_MS);
}

/** play at 4 steps a second to the last step, measuring the main thread meanwhile */
async function playToEnd(page: Page, name: string): Promise<void> {
  await page.locator('.watch-speed select').selectOption('4');
  const measured = await mainThreadWhile(page, async () => {
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await page.waitForFunction(
      () => /The trial’s result/.test(document.querySelector('.watch-text')?.textContent ?? ''),
      null,
      { timeout: 60_000 },
    );
  });
  record(name, measured);
}

/** scroll `selector` to the top of the window, below the page's header where it sticks */
async function scrollBelowHeader(page: Page, selector: string): Promise<void> {
  await page.evaluate((target) => {
    document.querySelector(target)?.scrollIntoView();
    const header = document.querySelector('header');
    const sticky = header && getComputedStyle(header).position === 'sticky';
    window.scrollBy(0, sticky ? -header.getBoundingClientRect().height - 8 : -8);
  }, selector);
}

async function pageTrace(page: Page): Promise<string> {
  return page.evaluate(() => JSON.stringify(document.querySelector('watch-trial')?.trace));
}

/** axe-core's violations within the view, one line each */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (context: Element) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document.querySelector('watch-trial') as Element);
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

describe('Watch one trial in a browser', () => {
  it('plays a trial of each design type to the end, the page’s trace equal to the CLI’s; steps back', async () => {
    const scenario = filled(FOUR);
    const { page, errors } = await open(scenario, 1280, 720);
    for (const [design, replicate] of [
      ['sequential', 1500],
      ['enriched', 7],
      ['stratified', 12],
      ['adaptive', 3],
    ] as const) {
      await watch(page, design, 'number', replicate);
      await playToEnd(page, `playing ${design} replicate ${replicate}`);
      const { step, of } = await stepOf(page);
      expect(step).toBe(of);
      expect(await text(page)).toContain(`results count replicate ${replicate.toLocaleString('en-US')} this way`);
      await page.getByRole('button', { name: 'Step back', exact: true }).click();
      expect(await stepOf(page)).toEqual({ step: of - 1, of });
      // the page's trial is the command line's
      const cli = runCli(
        ['trace', '-', '--design', design, '--replicate', String(replicate)],
        JSON.stringify(scenario),
      );
      expect(cli.status).toBe(0);
      const { differing, numbers } = sameTrial(await pageTrace(page), cli.stdout);
      metrics[`${design} replicate ${replicate}: numbers of the page's trace that differ from the CLI's`] =
        `${differing} of ${numbers}`;
      if (design === 'adaptive') {
        // back to the interim's decision for the projector-size screenshot
        await page.getByRole('button', { name: 'Restart', exact: true }).click();
        while (!/The interim’s decision|Interim at month/.test(await text(page)))
          await page.getByRole('button', { name: 'Step forward', exact: true }).click();
        // a projector: the player full screen
        await page.getByRole('button', { name: 'Full screen', exact: true }).click();
        await page.waitForFunction(() => document.fullscreenElement?.localName === 'trial-player');
        await page.waitForTimeout(300); // the charts re-laid out for the screen's width
        await page.screenshot({ path: `${SCREENSHOTS}/watch-trial-1280x720.png` });
        while (!/Closed test: H_S\s/.test(await text(page)))
          await page.getByRole('button', { name: 'Step forward', exact: true }).click();
        await page.screenshot({ path: `${SCREENSHOTS}/watch-trial-1280x720-closed-test.png` });
        // (Escape leaves it in a browser with its own interface; headless, the button again)
        await page.getByRole('button', { name: 'Full screen', exact: true }).click();
        await page.waitForFunction(() => document.fullscreenElement === null);
        // and in the page, the controls just below its sticky header
        await scrollBelowHeader(page, 'watch-trial .watch-controls');
        await page.screenshot({ path: `${SCREENSHOTS}/watch-trial-1280x720-in-page.png` });
      }
    }
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('finds one that stopped early; a replicate out of range is marked at its field, nothing else moves', async () => {
    const scenario = filled(FOUR);
    const { page, errors } = await open(scenario, 1280, 720);
    await expect(page.locator('input[name="watch-which"][value="early"]')).toBeDefined();
    await page.locator('#watch-design').selectOption('enriched');
    expect(await page.locator('input[name="watch-which"][value="early"]').isDisabled()).toBe(true);
    await watch(page, 'sequential', 'early');
    expect(await text(page)).toMatch(/The first of replicates 1 to 1,000 that stops early/);
    const trace = JSON.parse(await pageTrace(page));
    expect(trace.outcome.stopped).toBe('efficacy');
    const cli = runCli(
      ['trace', '-', '--design', 'sequential', '--replicate', String(trace.replicate)],
      JSON.stringify(scenario),
    );
    sameTrial(await pageTrace(page), cli.stdout);
    await playToEnd(page, 'playing one that stopped early');
    expect(await text(page)).toContain('It stopped early for efficacy');

    // out of range: the field is marked, the trial and its step stay
    await page.getByRole('button', { name: 'Step back', exact: true }).click();
    const before = { trace: await pageTrace(page), text: await text(page) };
    const field = page.locator('#watch-replicate');
    await field.fill('2001');
    await field.press('Tab');
    await page.getByRole('button', { name: 'Watch', exact: true }).click();
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#watch-replicate-error').textContent()).toMatch(/from 1 to 2000.*got “2001”/);
    await page.waitForTimeout(300);
    expect(await pageTrace(page)).toBe(before.trace);
    expect(await text(page)).toBe(before.text);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('on a phone, 390 × 844: a survival trial plays, keyboard only, axe clean', async () => {
    const scenario = filled(SURVIVAL);
    const { page, errors } = await open(scenario, 390, 844);
    await watch(page, 'adaptive', 'typical');
    expect(await text(page)).toMatch(/A typical trial: of replicates 1 to 1,000/);
    // keyboard only: the slider steps with the arrow keys, Play starts with the space bar
    await page.locator('.watch-scrub input').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect((await stepOf(page)).step).toBe(3);
    await page.keyboard.press('End');
    expect(await text(page)).toMatch(/The trial’s result/);
    await page.keyboard.press('Home');
    await page.getByRole('button', { name: 'Play', exact: true }).focus();
    const measured = await mainThreadWhile(page, async () => {
      await page.keyboard.press('Space');
      await page.waitForFunction(
        () => /Interim at month/.test(document.querySelector('.watch-text')?.textContent ?? ''),
        null,
        { timeout: 60_000 },
      );
      await page.getByRole('button', { name: 'Pause', exact: true }).press('Space');
    });
    record('playing survival on a phone', measured);
    const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scroll).toBeLessThanOrEqual(390);
    await scrollBelowHeader(page, 'watch-trial .watch-controls');
    await page.screenshot({ path: `${SCREENSHOTS}/watch-trial-390x844.png` });
    await page.locator('watch-trial').screenshot({ path: `${SCREENSHOTS}/watch-trial-390-whole.png` });
    expect(await axeViolations(page)).toEqual([]);
    const cli = runCli(
      ['trace', '-', '--design', 'adaptive', '--replicate', String(JSON.parse(await pageTrace(page)).replicate)],
      JSON.stringify(scenario),
    );
    const { differing, numbers } = sameTrial(await pageTrace(page), cli.stdout);
    metrics["survival: numbers of the page's trace that differ from the CLI's"] = `${differing} of ${numbers}`;
    expect(errors).toEqual([]);
    await page.close();
  });
});
