// "Watch one trial" of a scenario with several populations, in headless Chromium against the built
// page: a stratified trial played to the end, its patients by subgroup and its closed test over every
// intersection of S1, S2 and F row by row, the page's trace the one `stratum trace` prints; and an
// adaptive trial's interim, its selection by population id and its final closed test. Screenshots in
// test-output/screenshots/watch-populations-*.png.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/engine/scenario/parse.js';
import type { Scenario } from '../../src/engine/scenario/types.js';
import { encodeScenarioQuery } from '../../src/share/url-codec.js';
import { type App, instrument, SCREENSHOTS, startApp } from '../support/browser.js';
import { runCli } from '../support/cli.js';
import { NESTED_MISREAD } from '../support/population-scenarios.js';
import { sameTrial } from '../support/same-trial.js';

let app: App;

/** PD-L1-like cutoffs with an imperfect assay: S1 = high, S2 = high + low */
const NESTED = {
  title: 'Watch one trial of two cutoffs',
  population: NESTED_MISREAD,
  endpoint: { type: 'continuous', effect: { high: 0.6, low: 0.35, neg: 0.05 }, sd: { high: 1, low: 1, neg: 1 } },
  trial: { screeningRate: 20, endpointDelay: 1 },
  designs: [
    { id: 'stratified', label: 'Stratified (Simes)', type: 'stratified', n: 240, intersection: 'simes' },
    {
      id: 'adaptive',
      label: 'Adaptive enrichment',
      type: 'adaptive-enrichment',
      n: [120, 240],
      intersection: 'bonferroni',
      efficacy: 'obrien-fleming',
      selection: { rule: 'epsilon', measure: 'effect', epsilon: 0.1 },
    },
  ],
  simulation: { replicates: 500, seed: 'watch-populations' },
};

function filled(document: object): Scenario {
  const parsed = parseScenario(document);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.scenario;
}

beforeAll(async () => {
  app = await startApp('test-output/app-watch-populations');
});
afterAll(async () => {
  await app?.close();
});

async function open(scenario: Scenario): Promise<{ page: Page; errors: string[] }> {
  const page = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = await instrument(page);
  await page.goto(app.url + encodeScenarioQuery(scenario));
  await page.waitForFunction(() => /^Done in/.test(document.querySelector('.status')?.textContent ?? ''), null, {
    timeout: 120_000,
  });
  await page.locator('#watch-title').scrollIntoViewIfNeeded();
  return { page, errors };
}

const text = (page: Page) => page.locator('watch-trial .watch-text').innerText();
const pageTrace = (page: Page) => page.evaluate(() => JSON.stringify(document.querySelector('watch-trial')?.trace));
const forward = (page: Page) => page.getByRole('button', { name: 'Step forward', exact: true }).click();

async function watch(page: Page, design: string, replicate: number): Promise<void> {
  await page.locator('#watch-design').selectOption(design);
  await page.locator('input[name="watch-which"][value="number"]').check();
  await page.locator('#watch-replicate').fill(String(replicate));
  await page.locator('#watch-replicate').press('Tab');
  await page.getByRole('button', { name: 'Watch', exact: true }).click();
  await page.waitForFunction((id) => document.querySelector('watch-trial')?.trace?.design.id === id, design, {
    timeout: 60_000,
  });
  await expect.poll(() => text(page)).toMatch(/^Step 1 of/);
}

/** step forward until the running text matches */
async function stepTo(page: Page, words: RegExp): Promise<void> {
  for (let i = 0; i < 100 && !words.test(await text(page)); i++) await forward(page);
  expect(await text(page)).toMatch(words);
}

function cliTrace(scenario: Scenario, design: string, replicate: number): string {
  const run = runCli(['trace', '-', '--design', design, '--replicate', String(replicate)], JSON.stringify(scenario));
  expect(run.status).toBe(0);
  return run.stdout;
}

describe('Watch one trial with several populations in a browser', () => {
  it('a stratified trial: patients by subgroup, every intersection row by row, the CLI’s trace', async () => {
    const scenario = filled(NESTED);
    const { page, errors } = await open(scenario);
    await watch(page, 'stratified', 4);
    sameTrial(await pageTrace(page), cliTrace(scenario, 'stratified', 4));
    await stepTo(page, /the assay puts .* in high/);
    for (const id of ['high', 'low', 'neg'])
      expect(await page.locator('.watch-timeline svg text', { hasText: new RegExp(`^${id}$`) }).count()).toBe(1);
    await stepTo(page, /Closed test: intersections of 2/);
    expect(await page.locator('.watch-figure svg text', { hasText: 'S1∩F' }).count()).toBe(1);
    await page.locator('trial-player').screenshot({ path: `${SCREENSHOTS}/watch-populations-stratified.png` });
    await stepTo(page, /Closed test: each hypothesis/);
    expect(await text(page)).toMatch(/the closed test rejects|The closed test rejects nothing/);
    await stepTo(page, /The trial’s result/);
    expect(await text(page)).toContain('results count replicate 4 this way');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('an adaptive trial: the interim, its selection by population id, the final closed test', async () => {
    const scenario = filled(NESTED);
    const { page, errors } = await open(scenario);
    await watch(page, 'adaptive', 2);
    sameTrial(await pageTrace(page), cliTrace(scenario, 'adaptive', 2));
    await stepTo(page, /The interim’s decision/);
    expect(await text(page)).toMatch(/The selection rule keeps the largest estimated effect .*: S1 .*, S2 .*, F /);
    await page.locator('trial-player').screenshot({ path: `${SCREENSHOTS}/watch-populations-interim.png` });
    await stepTo(page, /Closed test: each hypothesis|The trial’s result/);
    await page.locator('trial-player').screenshot({ path: `${SCREENSHOTS}/watch-populations-adaptive.png` });
    await stepTo(page, /The trial’s result/);
    expect(errors).toEqual([]);
    await page.close();
  });
});
