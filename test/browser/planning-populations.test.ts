// The page's planning charts with several populations, in headless Chromium against the built page: the
// "PD-L1-like: two cutoffs" preset (S1 ⊂ S2 and F) with few replicates and three of its designs (the map
// solves each at 36 points), the target set to S2 in its
// select; the power curves by population, power against the share of the default subgroup, the sizes at
// the target (the engine's solve in Node with the same inputs gives the same sizes) and the R code
// (`stratum rcode`'s script); the design map over a subgroup's share × another's effect, with its
// progress bar, a cell loading its point; then the same at a phone's width. Screenshots go to
// test-output/screenshots.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartScenario } from '../../src/app/chart-data.js';
import { PRESETS } from '../../src/app/presets.js';
import { solve } from '../../src/engine/planning/solve.js';
import { parseScenario } from '../../src/engine/scenario/parse.js';
import { simulate } from '../../src/engine/simulate.js';
import { encodeScenarioQuery } from '../../src/share/url-codec.js';
import { instrument, SCREENSHOTS, startApp, type App } from '../support/browser.js';
import { runCli } from '../support/cli.js';
import { type MainThread, mainThreadWhile } from '../support/main-thread.js';

const REPLICATES = 300;
const TARGET = { power: 0.8, hypothesis: 'S2' };

let app: App;

beforeAll(async () => {
  app = await startApp('test-output/app-planning-populations');
});
afterAll(async () => {
  await app?.close();
});

/** the preset without its adaptive design, whose search at every point of the map is the slowest */
const twoCutoffs = () => {
  const preset = PRESETS.find((entry) => entry.name === 'PD-L1-like: two cutoffs')!;
  const designs = (preset.scenario.designs as { type: string }[]).filter((d) => d.type !== 'adaptive-enrichment');
  const parsed = parseScenario({ ...preset.scenario, designs, simulation: { replicates: REPLICATES } });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.scenario;
};

/** the run and every chart after it done, none of them out of date */
const chartsDone = (page: Page, hypothesis: string) =>
  page.waitForFunction(
    (what) =>
      /^Done in [\d.]+ m?s\.$/.test(document.querySelector('.status')?.textContent?.trim() ?? '') &&
      document.querySelector('.stale, .dimmed') === null &&
      (document.querySelector('#chart-at-target svg')?.textContent ?? '').includes(`power for ${what}`) &&
      document.querySelector('#chart-power-share svg') !== null,
    hypothesis,
    { timeout: 60_000 },
  );

/** no main-thread task blocks the page for 50 ms (the simulations are the workers'): main-thread.ts */
function expectResponsive(what: string, measured: MainThread): void {
  console.log(`main thread while ${what} (ms): ${JSON.stringify(measured)}`);
  expect(measured.blocking, `${what}: a main-thread task of ${measured.blocking} ms`).toBeLessThan(50);
}

/** the sizes the cost panel writes beside each reachable design's bar: "(n = 402 ± 12)" */
const pageSizes = async (page: Page) =>
  (await page.locator('#chart-at-target svg text').allTextContents()).flatMap((text) => {
    const size = /\((?:n|events) = (\d+)/.exec(text);
    return size ? [Number(size[1])] : [];
  });

describe('planning with several populations in a browser', () => {
  it('a population as the target: curves, share, sizes equal to the engine’s solve, R code and the map', async () => {
    const scenario = twoCutoffs();
    const context = await app.browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    const errors = await instrument(page);
    await page.goto(app.url + encodeScenarioQuery(scenario));
    await chartsDone(page, 'any hypothesis');
    const select = page.locator('#target-hypothesis');
    expect(await select.locator('option').allTextContents()).toEqual([
      'H_S1 (high)',
      'H_S2 (high, low)',
      'H_F (everyone)',
      'any hypothesis',
    ]);
    const charting = await mainThreadWhile(page, async () => {
      await select.selectOption('S2');
      await chartsDone(page, 'H_S2');
    });
    expectResponsive('the charts are drawn', charting);
    expect(new URL(page.url()).hash).toBe('#power=0.8&hypothesis=S2');
    expect(await page.locator('.one-marker').count()).toBe(0);

    const size = page.locator('#chart-power-size svg');
    expect(await size.locator('text', { hasText: 'P(reject H_S2)' }).count()).toBe(1);
    for (const label of ['All-comers (untested)', 'Enriched (S2)', 'target 80%'])
      expect(await size.locator('text', { hasText: label }).count(), label).toBe(1);
    const share = page.locator('#chart-power-share');
    expect(await share.locator('svg title').first().textContent()).toBe('Power against the share of high');
    expect(await share.locator('#share-subgroup').inputValue()).toBe('high');
    expect(await share.locator('svg text', { hasText: 'this scenario' }).count()).toBe(1);

    // the sizes at the target: the page's solve on its workers is the engine's in Node
    const solved = await solve(chartScenario(scenario), TARGET, simulate, { replicates: REPLICATES });
    const reached = solved.flatMap((solution) => ('size' in solution ? [solution.size] : []));
    expect(reached.length).toBeGreaterThan(0);
    expect(await pageSizes(page)).toEqual(reached);
    // the all-comers design does not test H_S2: said in the cost and in the duration panel
    expect(await page.locator('#chart-at-target svg text', { hasText: 'does not reach' }).count()).toBe(
      2 * (solved.length - reached.length),
    );

    // the R code is the script `stratum rcode` writes at the target
    await page.getByText('Code: the designs in R with rpact').click();
    const code = await page.locator('code-panel pre').textContent();
    const cli = runCli(
      ['rcode', '-', '--power', '0.8', '--hypothesis', 'S2', '--workers', '2'],
      JSON.stringify(scenario),
    );
    expect(cli.status, cli.stderr).toBe(0);
    expect(code).toBe(cli.stdout);
    expect(code).toContain('library(rpact)');
    expect(code).toContain('getSimulationMeans');

    await page.locator('#chart-power-size').screenshot({ path: `${SCREENSHOTS}/planning-populations-size.png` });
    // each hypothesis: a dash per population and F, named in the legend
    await page.getByLabel('each hypothesis').check();
    for (const label of ['H_S1', 'H_S2', 'H_F'])
      await expect
        .poll(() => size.locator('text', { hasText: new RegExp(`^${label}$`) }).count(), { message: label })
        .toBe(1);
    await page.locator('#chart-power-size').screenshot({ path: `${SCREENSHOTS}/planning-populations-each.png` });
    await page.getByLabel('each hypothesis').uncheck();
    await share.screenshot({ path: `${SCREENSHOTS}/planning-populations-share.png` });
    await page.locator('#chart-at-target').screenshot({ path: `${SCREENSHOTS}/planning-populations-target.png` });

    // the map: a progress bar while it runs, then the share of high × the effect in neg
    const mapping = await mainThreadWhile(page, async () => {
      await page.getByRole('button', { name: 'Compute design map', exact: true }).click();
      await page.locator('progress[aria-label="Design map progress"]').waitFor({ timeout: 10_000 });
      await page.waitForFunction(() => document.querySelector('#chart-design-map svg') !== null, null, {
        timeout: 60_000,
      });
    });
    expectResponsive('the map is computed', mapping);
    const map = page.locator('#chart-design-map svg');
    for (const label of ['share of high', 'mean difference in neg', '85%', '0.6'])
      expect(await map.locator('text', { hasText: label }).count(), label).toBeGreaterThanOrEqual(1);
    expect(await map.locator('g.map-cell').count()).toBe(36);
    expect(await map.locator('desc').textContent()).toContain('power for H_S2');
    await page.locator('#chart-design-map').screenshot({ path: `${SCREENSHOTS}/planning-populations-map.png` });
    // a cell loads its point: high's share 25%, the others in proportion, and neg's effect 0.24
    await map.locator('g[data-x="0.25"][data-y="0.24"]').click();
    await expect.poll(() => page.getByRole('textbox', { name: 'Share of high' }).inputValue()).toBe('0.25');
    await expect.poll(() => page.url()).toContain('endpoint.effect.neg=0.24');
    await page.locator('chart-panel').screenshot({ path: `${SCREENSHOTS}/planning-populations-charts.png` });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('fits a phone: the charts by population at 390 px, nothing wider than the screen', async () => {
    const scenario = twoCutoffs();
    const context = await app.browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const errors = await instrument(page);
    await page.goto(`${app.url}${encodeScenarioQuery(scenario)}#hypothesis=S1`);
    await chartsDone(page, 'H_S1');
    expect(await page.locator('#target-hypothesis').inputValue()).toBe('S1');
    const overflowing = await page.evaluate(() =>
      [...document.querySelectorAll('chart-panel *')]
        .filter((element) => element.getBoundingClientRect().right > innerWidth + 1)
        .map((element) => `${element.tagName.toLowerCase()}.${element.className}`),
    );
    expect(overflowing).toEqual([]);
    await page.locator('chart-panel').screenshot({ path: `${SCREENSHOTS}/planning-populations-phone.png` });
    expect(errors).toEqual([]);
    await context.close();
  });
});
