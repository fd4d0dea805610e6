// The app's main journeys in headless Chromium against the built page: open → results; edit →
// run; share link → reopen → the same numbers, byte-identical to `stratum simulate`; cancel; a
// tampered link; exports and import; reload; keyboard only; axe-core. Timings go to
// test-output/app-metrics.json for the closing note (they are measured here, not asserted).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, PRESETS } from '../../src/app/presets.js';
import { parseScenario, parseScenarioText } from '../../src/engine/scenario/parse.js';
import { decodeScenarioQuery, encodeScenarioQuery } from '../../src/share/url-codec.js';
import { runCli } from '../support/cli.js';
import { instrument, SCREENSHOTS, startApp, type App } from '../support/browser.js';
import { serveFolder } from '../support/static-server.js';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const metrics: Record<string, number | string> = {};
let app: App;

beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  writeFileSync('test-output/app-metrics.json', JSON.stringify(metrics, null, 2) + '\n');
  await app?.close();
});

async function open(
  path = '',
  context?: BrowserContext,
  base = app.url,
): Promise<{ page: Page; errors: string[]; context: BrowserContext }> {
  const ctx =
    context ?? (await app.browser.newContext({ acceptDownloads: true, viewport: { width: 1400, height: 900 } }));
  const page = await ctx.newPage();
  const errors = await instrument(page);
  await page.goto(base + path);
  return { page, errors, context: ctx };
}

const done = (page: Page) =>
  page.waitForFunction(() => /^Done in/.test(document.querySelector('.status')?.textContent ?? ''), null, {
    timeout: 60_000,
  });
/** the run's duration as the page reports it: "Done in 310 ms." → "310 ms" */
const reportedTime = async (page: Page) =>
  (await page.locator('.status').textContent())?.match(/^Done in ([\d.]+ m?s)/)?.[1] ?? '?';
const chartsDone = (page: Page) =>
  page.waitForFunction(() => document.querySelector('#chart-at-target svg') !== null, null, { timeout: 120_000 });
const tableText = (page: Page) => page.locator('table.results').innerText();

/** the scenario's text field whose label holds `label` (charts above the fields have labels too) */
const textField = (page: Page, label: string) => page.getByRole('textbox', { name: label }).first();

async function setField(page: Page, label: string, value: string): Promise<void> {
  const input = textField(page, label);
  await input.fill(value);
  await input.press('Tab');
}

/** the title a preset sets, from the page's own list of presets */
const presetTitle = (name: string) => String(PRESETS.find((preset) => preset.name === name)?.scenario.title ?? '');

async function downloaded(page: Page, button: string): Promise<{ download: Download; text: string; bytes: Buffer }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button, exact: true }).first().click(),
  ]);
  const path = await download.path();
  const bytes = readFileSync(path);
  return { download, text: bytes.toString('utf8'), bytes };
}

/** axe-core's violations on the page as it stands, one line each */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (context: Document) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> };
      }
    ).axe;
    const result = await axe.run(document);
    return result.violations.map(
      (v) =>
        `${v.id}: ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(', ')}`,
    );
  });
}

describe('the app in a browser', () => {
  it('opens, runs the default comparison and draws every chart', async () => {
    const { page, errors, context } = await open();
    await done(page);
    metrics['first run, on opening the page (as the page reports it)'] = await reportedTime(page);
    expect(await page.locator('table.results thead th').count()).toBe(5); // quantity + 4 designs
    await chartsDone(page);
    for (const id of ['power-size', 'power-prevalence', 'at-target', 'flow']) {
      const svg = page.locator(`#chart-${id} svg`);
      await expect(svg.getAttribute('role')).resolves.toBe('img');
      expect(await svg.locator('title').first().textContent()).not.toBe('');
      expect(await svg.locator('desc').first().textContent()).not.toBe('');
    }
    await page.screenshot({ path: `${SCREENSHOTS}/app-top.png` });
    await page.locator('#chart-power-size').screenshot({ path: `${SCREENSHOTS}/chart-power-size.png` });
    await page.locator('#chart-at-target').screenshot({ path: `${SCREENSHOTS}/chart-at-target.png` });
    await page.locator('#chart-flow').screenshot({ path: `${SCREENSHOTS}/chart-flow.png` });

    // time from Run to final results, and the longest main-thread task while it runs
    const timings: number[] = [];
    const appTimings: string[] = [];
    for (let k = 0; k < 3; k++) {
      await page.evaluate(() => ((window as unknown as { __longest: number }).__longest = 0));
      const start = Date.now();
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      await page.waitForFunction(
        () =>
          document.querySelector('.status')?.textContent?.startsWith('Simulating') ||
          /^Done in/.test(document.querySelector('.status')?.textContent ?? ''),
      );
      await done(page);
      timings.push(Date.now() - start);
      appTimings.push(await reportedTime(page));
      metrics[`longest main-thread task during run ${k + 1} (ms)`] = await page.evaluate(
        () => (window as unknown as { __longest: number }).__longest,
      );
      await chartsDone(page);
    }
    metrics['Run → final results, default 4 designs × 10⁴ (ms, three runs, click to text seen by the test)'] =
      timings.join(', ');
    metrics['the same, as the page reports it'] = appTimings.join(', ');
    // the probe works: a deliberate 80 ms task is seen
    await page.evaluate(() => {
      const end = performance.now() + 80;
      while (performance.now() < end);
    });
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __longest: number }).__longest))
      .toBeGreaterThanOrEqual(75);
    metrics['hardwareConcurrency'] = await page.evaluate(() => navigator.hardwareConcurrency);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('design cards: duplicate, rename, remove, at most eight; the design map draws and re-ranks by cost', async () => {
    const { page, errors, context } = await open();
    await done(page);
    const cards = page.locator('li.card');
    expect(await cards.count()).toBe(4);
    await page.getByRole('button', { name: 'Duplicate Enriched', exact: true }).click();
    expect(await cards.count()).toBe(5);
    await expect.poll(() => page.url()).toContain('designs.2.id=enriched-copy');
    const name = cards.nth(2).getByLabel('Name', { exact: false });
    await name.fill('Enriched again');
    await name.press('Tab');
    await expect.poll(() => cards.nth(2).locator('h3').innerText()).toBe('Enriched again');
    for (let k = 5; k < 8; k++) await page.getByRole('button', { name: 'Add design', exact: true }).click();
    expect(await cards.count()).toBe(8);
    expect(await page.getByRole('button', { name: 'Add design', exact: true }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Duplicate Enriched again', exact: true }).isDisabled()).toBe(true);
    // back to two designs, so the map (every design solved at 36 points) is quick
    while ((await cards.count()) > 2)
      await cards
        .nth(2)
        .getByRole('button', { name: /^Remove / })
        .click();
    expect(await cards.locator('h3').allInnerTexts()).toEqual(['All-comers', 'Enriched']);
    await setField(page, 'Replicates', '1000');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await done(page);
    expect(await page.locator('table.results thead th').count()).toBe(3);
    await chartsDone(page);
    await page.getByRole('button', { name: 'Compute design map', exact: true }).click();
    await page.waitForFunction(() => document.querySelector('#chart-design-map svg') !== null, null, {
      timeout: 120_000,
    });
    const map = page.locator('#chart-design-map svg');
    expect(await map.locator('title').first().textContent()).toBe('Design needing the fewest randomised patients');
    expect(await map.locator('rect').count()).toBeGreaterThanOrEqual(36);
    await page.locator('#chart-design-map').screenshot({ path: `${SCREENSHOTS}/chart-design-map.png` });
    await page.getByLabel('Winner by').selectOption('cost');
    await expect.poll(() => map.locator('title').first().textContent()).toBe('Least costly design at the target power');
    // a cell loads its point: prevalence 25%, effect− at 40% of effect+ (0.4 × 0.5)
    await map.locator('g[data-prevalence="0.25"][data-ratio="0.4"]').click();
    await expect.poll(() => textField(page, 'Prevalence').inputValue()).toBe('0.25');
    await expect.poll(() => page.url()).toContain('endpoint.effect.neg=0.2');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('an adaptive card takes a futility threshold and stage-2 re-sizing, and runs them', async () => {
    const { page, errors, context } = await open();
    await done(page);
    const adaptive = page.locator('li.card').nth(3);
    const randomisedBefore = (await page.locator('table.results tr', { hasText: 'E[randomised]' }).innerText()).trim();
    const threshold = adaptive.getByLabel('Futility threshold');
    await threshold.fill('0.05');
    await threshold.press('Tab');
    await expect.poll(() => page.url()).toContain('designs.3.selection.threshold=0.05');
    await adaptive.getByLabel('Re-size stage 2 for a conditional power').check();
    await expect.poll(() => page.url()).toContain('designs.3.recalculation.conditionalPower=0.8');
    // the effect in S (perfect assay: the marker+ effect)
    expect(await adaptive.getByLabel('Assumed effect').inputValue()).toBe('0.5');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.waitForFunction(
      () =>
        document.querySelector('.status')?.textContent?.startsWith('Simulating') ||
        /^Done in/.test(document.querySelector('.status')?.textContent ?? ''),
    );
    await done(page);
    // stage 2 is re-sized now, so the adaptive design's expected size changes
    await expect
      .poll(async () => (await page.locator('table.results tr', { hasText: 'E[randomised]' }).innerText()).trim())
      .not.toBe(randomisedBefore);
    // an emptied threshold means none
    await threshold.fill('');
    await threshold.press('Tab');
    expect(await threshold.getAttribute('aria-invalid')).toBe('false');
    await expect.poll(() => page.url()).not.toContain('selection.threshold=0.05');
    expect(await page.getByRole('button', { name: 'Run', exact: true }).isDisabled()).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a survival card times its analyses by months or by S’s events, and the results list each', async () => {
    const survival = parseScenario({
      title: 'Analysis timing',
      population: { prevalence: 0.4 },
      endpoint: { type: 'survival', controlMedian: { pos: 12, neg: 12 }, hazardRatio: { pos: 0.6, neg: 0.9 } },
      trial: { screeningRate: 20 },
      designs: [
        { id: 'all', label: 'All-comers', type: 'all-comers', n: 300, events: 200 },
        { id: 'ae', label: 'Adaptive', type: 'adaptive-enrichment', n: [150, 300], events: [80, 200] },
      ],
      simulation: { replicates: 2000, method: 'patient' },
    });
    if (!survival.ok) throw new Error(survival.errors.join('\n'));
    const { page, errors, context } = await open(encodeScenarioQuery(survival.scenario));
    await done(page);
    const card = page.locator('li.card').first();
    await card.getByLabel('Analyses at').selectOption('months');
    await expect.poll(() => page.url()).toContain('designs.0.months=24');
    await card.getByLabel('Events counted in').selectOption('S');
    await expect.poll(() => page.url()).toContain('designs.0.eventsIn=S');
    const adaptive = page.locator('li.card').nth(1);
    await adaptive.getByLabel('Analyses at').selectOption('months');
    await expect.poll(() => page.url()).toContain('designs.1.months=12,24');
    await adaptive.scrollIntoViewIfNeeded();
    await adaptive.screenshot({ path: `${SCREENSHOTS}/card-analysis-timing.png` });
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await done(page);
    const row = (await page.locator('table.results tr', { hasText: 'Analyses' }).innerText()).replace(/\s+/g, ' ');
    expect(row).toMatch(/month 24\.0, [\d,]+ events/);
    expect(row).toMatch(/month 12\.0, [\d,]+ events month 24\.0, [\d,]+ events/);
    await page.locator('table.results').screenshot({ path: `${SCREENSHOTS}/results-analyses.png` });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('cautions when a design tests few patients per arm', async () => {
    const { page, errors, context } = await open();
    await done(page);
    expect(await page.locator('.caution').count()).toBe(0);
    await setField(page, 'Prevalence', '0.05');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.waitForFunction(() => document.querySelector('.caution') !== null, null, { timeout: 60_000 });
    await done(page);
    // 360 · 0.05 / 2 = 9 per arm in S for the stratified design; 180 · 0.05 / 2 = 4.5 at the adaptive interim
    const caution = await page.locator('.caution').innerText();
    expect(caution).toContain('Stratified (Simes) about 9 patients in S');
    expect(caution).toContain('Adaptive enrichment about 5 patients in S at the interim');
    expect(caution).not.toContain('Enriched about');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('every teaching preset runs by itself, and its results and charts are then current', async () => {
    const { page, errors, context } = await open();
    await done(page);
    const preset = page.getByLabel('Preset', { exact: true });
    const names = (await preset.locator('option').allInnerTexts()).slice(1);
    expect(names.length).toBeGreaterThanOrEqual(4);
    for (const name of names) {
      await preset.selectOption({ label: name });
      // no Run pressed: loading a preset runs it; until its charts are drawn the old ones stay, dimmed
      await page.waitForFunction(
        (title) =>
          /^Done in [\d.]+ m?s\.( Charts: [^…]*)?$/.test(
            document.querySelector('.status')?.textContent?.trim() ?? '',
          ) &&
          document.querySelector('.stale, .dimmed') === null &&
          (document.querySelector<HTMLInputElement>('[name="title"]')?.value ?? '') === title,
        presetTitle(name),
        { timeout: 120_000 },
      );
      expect((await page.locator('.status').textContent())?.trim(), name).toMatch(/^Done in [\d.]+ m?s\.$/);
      // with several populations power against a subgroup's share stands where one marker's prevalence does
      const population: object = PRESETS.find((entry) => entry.name === name)?.scenario.population ?? {};
      const several = 'subgroups' in population;
      const charts = ['power-size', several ? 'power-share' : 'power-prevalence', 'at-target', 'flow'];
      for (const id of charts) expect(await page.locator(`#chart-${id} svg`).count(), `${name}: ${id}`).toBe(1);
      expect(await page.locator('.one-marker').count(), name).toBe(0);
      if (!several) expect(await page.locator('#chart-at-target').innerText(), name).not.toMatch(/does not reach/);
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  it('fits a phone: nothing wider than a 360 px screen but the results table, scrolling in its own box', async () => {
    const context = await app.browser.newContext({ viewport: { width: 360, height: 740 } });
    const { page, errors } = await open('', context);
    await done(page);
    await chartsDone(page);
    const overflowing = await page.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter(
          (element) => element.getBoundingClientRect().right > innerWidth + 1 && !element.closest('.table-scroll'),
        )
        .map((element) => `${element.tagName.toLowerCase()}.${element.className}`),
    );
    expect(overflowing).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: `${SCREENSHOTS}/app-phone.png` });
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('edit a field → the link and the derived line follow → run → new results', async () => {
    const { page, context } = await open();
    await done(page);
    const before = await tableText(page);
    expect(await page.locator('.stale').count()).toBe(0);
    await setField(page, 'Prevalence', '0.5');
    await expect.poll(() => page.url()).toContain('population.prevalence=0.5');
    await expect.poll(() => page.locator('.derived').innerText()).toContain('P(assay+) 50.0%');
    // the results and charts of 0.3 stay, marked out of date, until Run
    await expect.poll(() => page.locator('results-table .stale').innerText()).toMatch(/^Out of date/);
    expect(await page.locator('table.results caption').innerText()).toBe('Results by design, out of date');
    expect(await page.locator('chart-panel .stale').first().innerText()).toMatch(/^Out of date/);
    expect(await page.locator('chart-panel .charts.dimmed').count()).toBe(1);
    await page.screenshot({ path: `${SCREENSHOTS}/app-out-of-date.png` });
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await done(page);
    await expect.poll(() => tableText(page)).not.toBe(before);
    expect(await page.locator('table.results caption').innerText()).toBe('Results by design');
    await chartsDone(page);
    await expect.poll(() => page.locator('.stale, .dimmed').count()).toBe(0);

    // a wrong value is marked at its field with what is allowed, Run is disabled, results stay
    const keptBody = await page.locator('table.results tbody').innerText();
    await setField(page, 'Prevalence', '1.5');
    const input = textField(page, 'Prevalence');
    await expect(input.getAttribute('aria-invalid')).resolves.toBe('true');
    expect(await page.locator('.field.invalid .error').first().innerText()).toMatch(/0 < x < 1|< 1/);
    expect(await page.getByRole('button', { name: 'Run', exact: true }).isDisabled()).toBe(true);
    // the last good results stay, marked out of date for eyes and for screen readers
    expect(await page.locator('table.results tbody').innerText()).toBe(keptBody);
    expect(await page.locator('table.results caption').innerText()).toBe('Results by design, out of date');
    expect(await page.locator('results-table .stale').innerText()).toMatch(/^Out of date/);
    await page.screenshot({ path: `${SCREENSHOTS}/app-invalid-field.png` });
    await context.close();
  });

  it('a shared link reopens the exact scenario and numbers, byte-identical to the command line', async () => {
    const { page, context } = await open();
    await done(page);
    await setField(page, 'Replicates', '3000');
    await setField(page, 'Seed', 'share-test');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await done(page);
    // the target goes with the link, in its fragment; a term's link does not take it away
    await page.locator('#target-hypothesis').selectOption('S');
    await page.locator('#target-power').fill('0.9');
    await page.locator('#target-power').press('Tab');
    await expect.poll(() => page.url()).toMatch(/#power=0\.9&hypothesis=S$/);
    await page.locator('table.results a[href="#how-H_S"]').click();
    await expect.poll(() => page.url()).toMatch(/#power=0\.9&hypothesis=S$/);
    const link = page.url();
    const first = await tableText(page);
    const { text } = await downloaded(page, 'Results JSON');
    await context.close();

    const other = await open(link.slice(app.url.length));
    await done(other.page);
    expect(await tableText(other.page)).toBe(first);
    expect(await other.page.locator('#target-hypothesis').inputValue()).toBe('S');
    expect(await other.page.locator('#target-power').inputValue()).toBe('0.9');
    const again = await downloaded(other.page, 'Results JSON');
    expect(again.text).toBe(text);
    await other.context.close();

    // The simulated numbers are the command line's, bit for bit. The closed forms are computed
    // where the results are gathered, and Chromium's V8 and Node's round Math.exp/log/pow
    // differently in the last bit, so those may differ by an ulp or two.
    type Result = { analytic?: { reject: Record<string, number> } };
    const { scenario, results } = JSON.parse(text) as { scenario: unknown; results: Result[] };
    const cli = runCli(['simulate', '-', '--workers', '2', '--null'], JSON.stringify(scenario));
    expect(cli.status).toBe(0);
    const expected = (JSON.parse(cli.stdout) as { results: Result[] }).results;
    const simulated = (list: Result[]) => JSON.stringify(list.map(({ analytic: _, ...rest }) => rest));
    expect(simulated(results)).toBe(simulated(expected));
    results.forEach((result, d) => {
      for (const [key, value] of Object.entries(result.analytic?.reject ?? {}))
        expect(Math.abs(value - expected[d].analytic!.reject[key])).toBeLessThan(1e-14);
      expect(Object.keys(result.analytic?.reject ?? {})).toEqual(Object.keys(expected[d].analytic?.reject ?? {}));
    });
  });

  it('Cancel stops a long run at once and keeps the page usable', async () => {
    const { page, context, errors } = await open();
    await done(page);
    await setField(page, 'Replicates', '3000000');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.waitForFunction(() => Number(document.querySelector('progress')?.getAttribute('value') ?? 0) > 2, null, {
      timeout: 30_000,
    });
    const stopped = await page.evaluate(async () => {
      const start = performance.now();
      const cancel = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Cancel')!;
      cancel.click();
      while (!document.querySelector('.status')?.textContent?.startsWith('Cancelled'))
        await new Promise((r) => setTimeout(r, 5));
      return performance.now() - start;
    });
    metrics['Cancel → stopped (ms)'] = Math.round(stopped);
    const value = await page.locator('progress').getAttribute('value');
    await page.waitForTimeout(400);
    expect(await page.locator('progress').getAttribute('value')).toBe(value); // no block lands after Cancel
    await setField(page, 'Replicates', '2000');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await done(page);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a tampered link opens with a message and the defaults, and injects nothing', async () => {
    const evil =
      '?version=1&title=%3Cimg%20src%3Dx%20onerror%3D%22window.__pwned%3D1%22%3E' +
      '&population.prevalence=abc&__proto__.x=1';
    const { page, errors, context } = await open(evil);
    const notice = page.locator('.notice');
    await expect(notice.innerText()).resolves.toMatch(/could not be opened/);
    await expect(notice.innerText()).resolves.toMatch(/population\.prevalence/);
    await done(page); // the defaults run
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('img').count()).toBe(0);
    await page.screenshot({ path: `${SCREENSHOTS}/app-tampered-link.png` });

    // markup in a valid link's text fields is shown as text
    const markup = await open(
      '?version=1&title=%3Cb%20id%3Dinjected%3Ebold%3C%2Fb%3E&population.prevalence=0.3' +
        '&endpoint.type=continuous&endpoint.sd.pos=1&endpoint.sd.neg=1&endpoint.effect.pos=0.5&endpoint.effect.neg=0' +
        '&designs.0.id=x&designs.0.label=%3Cscript%3Ewindow.__pwned%3D2%3C%2Fscript%3E&designs.0.type=enriched' +
        '&designs.0.n=100',
      context,
    );
    await done(markup.page);
    expect(await markup.page.locator('#injected').count()).toBe(0);
    expect(await markup.page.getByLabel('Title').inputValue()).toBe('<b id=injected>bold</b>');
    expect(await markup.page.locator('table.results thead').innerText()).toContain('<script>');
    expect(await markup.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('exports parse, charts download as SVG and PNG, and a scenario file imports', async () => {
    const { page, context } = await open();
    await done(page);
    await chartsDone(page);
    const csv = await downloaded(page, 'Results CSV');
    const [header, ...rows] = csv.text.trim().split('\n');
    expect(header.split(',')).toEqual(expect.arrayContaining(['id', 'reject.any', 'mcse.any', 'expected.cost']));
    expect(rows).toHaveLength(4);
    const json = JSON.parse((await downloaded(page, 'Results JSON')).text) as {
      results: { reject: { any: number } }[];
    };
    expect(json.results).toHaveLength(4);
    expect(csv.text).toContain(String(json.results[0].reject.any));
    const scenarioFile = await downloaded(page, 'Export scenario');
    expect(parseScenarioText(scenarioFile.text).ok).toBe(true);

    const [svgDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#chart-power-size button', { hasText: 'SVG' }).click(),
    ]);
    const svgText = readFileSync(await svgDownload.path(), 'utf8');
    expect(svgText).toMatch(/^<\?xml[\s\S]*<svg[\s\S]*Power against sample size[\s\S]*<\/svg>$/);
    const [pngDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#chart-flow button', { hasText: 'PNG' }).click(),
    ]);
    const png = readFileSync(await pngDownload.path());
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    // twice the chart's own width: it is laid out for the width the page gives it
    const width = await page.locator('#chart-flow svg').evaluate((svg) => (svg as SVGSVGElement).viewBox.baseVal.width);
    expect(png.readUInt32BE(16)).toBe(2 * width);

    // import: a good file replaces the scenario; a bad one is refused with the contract's words
    const imported = { ...JSON.parse(scenarioFile.text), title: 'Imported scenario' };
    await page.locator('input[type=file]').setInputFiles({
      name: 'good.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(imported)),
    });
    await expect.poll(() => page.getByLabel('Title').inputValue()).toBe('Imported scenario');
    await page.locator('input[type=file]').setInputFiles({
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"population":{"prevalence":2}}'),
    });
    await expect
      .poll(() => page.locator('.share .message').innerText())
      .toMatch(/bad\.json was not imported: .*population\.prevalence/);
    expect(await page.getByLabel('Title').inputValue()).toBe('Imported scenario');
    await context.close();
  });

  it('a reload keeps the scenario, even a half-typed invalid one; saved scenarios reopen', async () => {
    const { page, context } = await open();
    await done(page);
    await setField(page, 'Title', 'Kept across reloads');
    await page.getByLabel('Save as').fill('my case');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await setField(page, 'Prevalence', '7');
    await page.reload();
    expect(await page.getByLabel('Title').inputValue()).toBe('Kept across reloads');
    expect(await textField(page, 'Prevalence').inputValue()).toBe('7');
    await expect(textField(page, 'Prevalence').getAttribute('aria-invalid')).resolves.toBe('true');
    await page.getByLabel('Saved').selectOption('my case');
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await expect.poll(() => textField(page, 'Prevalence').inputValue()).toBe('0.3');
    await context.close();
  });

  it('keyboard alone: Run within 5 Tab stops, run, edit a field, run again, open a map cell', async () => {
    const { page, context } = await open();
    await done(page);
    const press = async (key: string, predicate: string, most = 300) => {
      for (let k = 1; k <= most; k++) {
        await page.keyboard.press(key);
        if (await page.evaluate(predicate)) return k;
      }
      throw new Error(`never reached ${predicate} with ${key} in ${most} presses`);
    };
    const onRun = `document.activeElement?.textContent?.trim() === 'Run'`;
    // from the top of the page
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    metrics['tabStopsToRun'] = await press('Tab', onRun, 5);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /^Simulating|^Done/.test(document.querySelector('.status')?.textContent ?? ''));
    await done(page);
    const before = await tableText(page);
    await press('Tab', `document.activeElement?.getAttribute('name') === 'endpoint.effect.neg'`);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('0.3');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.locator('results-table .stale').count()).toBe(1);
    await press('Shift+Tab', onRun, 400);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('results-table .stale') === null);
    await done(page);
    await expect.poll(() => tableText(page)).not.toBe(before);
    expect(page.url()).toContain('endpoint.effect.neg=0.3');
    // the design map: its button and then a cell, each reached and pressed from the keyboard
    await chartsDone(page);
    await press('Tab', `document.activeElement?.textContent?.trim() === 'Compute design map'`);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('#chart-design-map .map-cell') !== null, null, {
      timeout: 120_000,
    });
    await press('Shift+Tab', `document.activeElement?.classList.contains('map-cell') ?? false`, 80);
    const cell = await page.evaluate(() => document.activeElement?.getAttribute('data-prevalence'));
    await page.keyboard.press('Enter');
    await expect.poll(() => textField(page, 'Prevalence').inputValue()).toBe(cell);
    await context.close();
  });

  it('Cancel while the charts are drawn keeps the charts already drawn, labelled partial', async () => {
    const { page, context, errors } = await open();
    await done(page);
    await chartsDone(page);
    // patient-level simulation makes the charts slow enough to cancel half-way
    await page.getByLabel('Method').selectOption('patient');
    await setField(page, 'Replicates', '2000');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    // the first chart of this run is drawn once the status moves on to the next one
    await page.waitForFunction(
      () => /Charts: power against prevalence/.test(document.querySelector('.status')?.textContent ?? ''),
      null,
      {
        timeout: 60_000,
      },
    );
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect.poll(() => page.locator('.status').innerText()).toMatch(/Charts cancelled/);
    expect(await page.locator('#chart-power-size svg').count()).toBe(1);
    expect(await page.locator('chart-panel .stale').innerText()).toMatch(/^Partial charts/);
    expect(await page.locator('chart-panel .placeholder').first().innerText()).toBe(
      'Cancelled before this chart was drawn.',
    );
    // the results themselves are complete and current
    expect(await page.locator('results-table .stale').count()).toBe(0);
    await page.screenshot({ path: `${SCREENSHOTS}/app-partial-charts.png` });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the type I error beside power and flags a liberal design (binary, 18 patients an arm)', async () => {
    // an enriched design's pooled z test of two response rates of 0.44 with 18 an arm: its exact size is
    // 0.0317 (binomial enumeration, test/engine/type-one-error-block.test.ts), above α = 0.025 by far more
    // than the Monte Carlo error at 20,000 trials
    const liberal = parseScenario({
      title: 'Small binary trial',
      population: { prevalence: 0.4 },
      endpoint: { type: 'binary', control: { pos: 0.44, neg: 0.3 }, treatment: { pos: 0.7, neg: 0.35 } },
      analysis: { statistic: 'z', strata: 'fixed' },
      designs: [
        { id: 'small', label: 'Small', type: 'enriched', n: 36 },
        { id: 'large', label: 'Large', type: 'stratified', n: 400, intersection: 'simes' },
      ],
      simulation: { replicates: 20000, seed: 'liberal' },
    });
    if (!liberal.ok) throw new Error(liberal.errors.join('\n'));
    const { page, context, errors } = await open(encodeScenarioQuery(liberal.scenario));
    await done(page);
    const row = page.locator('table.results tr', { hasText: 'Type I error' });
    const [small, large] = await row.locator('td').allInnerTexts();
    expect(small).toMatch(/^0\.03\d ± 0\.001 above α$/);
    expect(large).not.toMatch(/above α/);
    await page.locator('results-table').screenshot({ path: `${SCREENSHOTS}/app-type-one-error.png` });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('axe-core finds no violations on the page with results and charts', async () => {
    const { page, context } = await open();
    await done(page);
    await chartsDone(page);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOTS}/app-1400.png`, fullPage: true });
    await context.close();
  });

  it('several populations fit a phone and axe-core finds no violations, the assay table open', async () => {
    const preset = PRESETS.find((entry) => entry.name === 'Two markers')!;
    const parsed = parseScenario({ ...preset.scenario, simulation: { replicates: 2000 } });
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const phone = await app.browser.newContext({ viewport: { width: 360, height: 740 } });
    const { page, errors, context } = await open(encodeScenarioQuery(parsed.scenario), phone);
    await done(page);
    await page.getByRole('checkbox', { name: /Imperfect assay/ }).check();
    await expect.poll(() => page.locator('table.assay').count()).toBe(1);
    // run again, so that nothing is dimmed as out of date (its contrast is lower on purpose)
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.waitForFunction(() => document.querySelector('.stale, .dimmed') === null, null, { timeout: 60_000 });
    await done(page);
    const overflowing = await page.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter(
          (element) => element.getBoundingClientRect().right > innerWidth + 1 && !element.closest('.table-scroll'),
        )
        .map((element) => `${element.tagName.toLowerCase()}.${element.className}`),
    );
    expect(overflowing).toEqual([]);
    await page.locator('population-editor').screenshot({ path: `${SCREENSHOTS}/populations-phone-editor.png` });
    await page.locator('#chart-flow').screenshot({ path: `${SCREENSHOTS}/populations-phone-flow.png` });
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a 390 px phone: Run and results first, chart text ≥ 11 px, axe clean with the explanations open', async () => {
    const phone = await app.browser.newContext({ viewport: { width: 390, height: 844 } });
    const { page, context } = await open('', phone);
    await done(page);
    await chartsDone(page);
    const top = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((e) => e.getBoundingClientRect().top);
    expect(await top('button.primary')).toBeLessThan(844);
    expect(await top('results-table')).toBeLessThan(await top('scenario-panel'));
    // each chart is laid out for its width: text × (rendered width / viewBox width) is at least 11 px
    const smallest = await page.evaluate(() =>
      Math.min(
        ...[...document.querySelectorAll<SVGSVGElement>('.chart svg')].flatMap((svg) => {
          const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
          return [...svg.querySelectorAll('text')].map((text) => scale * parseFloat(getComputedStyle(text).fontSize));
        }),
      ),
    );
    metrics['smallest chart text at 390 px (px)'] = Math.round(10 * smallest) / 10;
    expect(smallest).toBeGreaterThanOrEqual(11);
    await page.locator('how-to-read summary').first().click();
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOTS}/app-390.png`, fullPage: true });
    await context.close();
  });

  it('six designs at 1400 px: every column in view, none cut off', async () => {
    const six = parseScenario({
      ...DEFAULT_SCENARIO,
      designs: [
        ...(DEFAULT_SCENARIO.designs as object[]),
        {
          id: 'enriched-gs',
          label: 'Enriched, two looks',
          type: 'enriched',
          n: 200,
          interims: { informationRates: [0.5, 1] },
        },
        { id: 'bonferroni', label: 'Stratified (Bonferroni)', type: 'stratified', n: 360, intersection: 'bonferroni' },
      ],
      simulation: { replicates: 2000 },
    });
    if (!six.ok) throw new Error(six.errors.join('\n'));
    const { page, context } = await open(encodeScenarioQuery(six.scenario));
    await done(page);
    const box = page.locator('results-table .table-scroll');
    const [scrollWidth, clientWidth] = await box.evaluate((e) => [e.scrollWidth, e.clientWidth]);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    expect(await page.locator('table.results thead th').count()).toBe(7);
    await page.locator('results-table').screenshot({ path: `${SCREENSHOTS}/app-six-designs.png` });
    await context.close();
  });
});

describe('what the page reads and runs when it opens', () => {
  /** the default scenario's link with `simulation` changed */
  const linkWith = (simulation: Record<string, unknown>) => {
    const base = DEFAULT_SCENARIO.simulation as object;
    const parsed = parseScenario({ ...DEFAULT_SCENARIO, simulation: { ...base, ...simulation } });
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    return encodeScenarioQuery(parsed.scenario);
  };

  it('a stored draft with a null design opens with its valid card and names what was left out', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1400, height: 900 } });
    const stored = {
      title: 'Kept with a hole',
      population: { prevalence: 0.3 },
      endpoint: { type: 'continuous', sd: { pos: 1, neg: 1 }, effect: { pos: 0.5, neg: 0.1 } },
      designs: [null, { id: 'kept', label: 'Kept design', type: 'enriched', n: 120 }],
      simulation: { replicates: 1000 },
    };
    // before every load, so the reload meets the same storage again
    await context.addInitScript((draft) => {
      localStorage.setItem('stratum.draft.v1', JSON.stringify({ query: '', draft }));
      localStorage.setItem('stratum.saved.v1', JSON.stringify({ 'with a hole': draft, unreadable: null }));
    }, stored);
    const { page, errors } = await open('', context);
    for (const step of ['opened', 'reloaded']) {
      if (step === 'reloaded') await page.reload();
      await done(page);
      const heading = page.locator('design-cards h2');
      await expect.poll(() => heading.innerText(), { message: step }).toMatch(/^Designs \(1 of 8\)/);
      expect(await page.locator('li.card h3').allInnerTexts(), step).toEqual(['Kept design']);
      expect(await page.getByLabel('Title').inputValue(), step).toBe('Kept with a hole');
      const notice = await page.locator('.notice').innerText();
      expect(notice, step).toContain('Left out of what this browser kept');
      expect(notice, step).toContain('designs[0]: must be an object, got null');
      expect(notice, step).toContain('saved “with a hole”: designs[0]: must be an object, got null');
      expect(notice, step).toContain('saved “unreadable”: (root): must be an object, got null');
    }
    await page.getByLabel('Saved').selectOption('with a hole');
    await expect.poll(() => page.locator('li.card h3').allInnerTexts()).toEqual(['Kept design']);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a link asking for 10⁷ replicates waits for Run in the page instead of starting by itself', async () => {
    const { page, errors, context } = await open(linkWith({ replicates: 10_000_000 }));
    const ask = page.locator('.notice.ask');
    const asked =
      /simulates 80,000,000 trials \(10,000,000 replicates of\s+4 designs, each as given and under no effect\)/;
    await expect.poll(() => ask.innerText()).toMatch(asked);
    await page.waitForTimeout(1000);
    expect(await page.locator('.status').innerText()).toBe('');
    expect(await page.locator('progress').getAttribute('value')).toBe('0');
    expect(await page.locator('results-table').innerText()).toMatch(/Press Run/);
    await page.screenshot({ path: `${SCREENSHOTS}/app-ask-before-run.png` });
    expect(await axeViolations(page)).toEqual([]);

    await ask.getByRole('button', { name: 'Not now', exact: true }).click();
    expect(await ask.count()).toBe(0);
    expect(await page.locator('.status').innerText()).toBe('');

    // opened again, the answer is Run: it starts, and Cancel stops it
    await page.reload();
    await ask.getByRole('button', { name: 'Run', exact: true }).click();
    await page.waitForFunction(() => document.querySelector('.status')?.textContent?.startsWith('Simulating'));
    expect(await ask.count()).toBe(0);
    await page.locator('.run').getByRole('button', { name: 'Cancel', exact: true }).click();
    await page.waitForFunction(() => document.querySelector('.status')?.textContent?.startsWith('Cancelled'));

    // at the limit it still runs by itself: 4 designs × 125,000, twice (with the null) = 10⁶ trials
    const limit = await open(linkWith({ replicates: 125_000 }), context);
    await limit.page.waitForFunction(() => document.querySelector('.status')?.textContent?.startsWith('Simulating'));
    expect(await limit.page.locator('.notice.ask').count()).toBe(0);
    await limit.page.locator('.run').getByRole('button', { name: 'Cancel', exact: true }).click();
    expect([...errors, ...limit.errors]).toEqual([]);
    await context.close();
  });

  it('a tampered link with hundreds of problems lists the first few and how many more', async () => {
    const link = '?' + Array.from({ length: 300 }, (_, i) => `trial.k${i}=1`).join('&');
    const decoded = decodeScenarioQuery(link);
    const total = decoded.ok ? 0 : decoded.errors.length;
    expect(total).toBeGreaterThan(300);
    const { page, errors, context } = await open(link);
    const notice = await page.locator('.notice').innerText();
    expect(notice).toMatch(/^This link could not be opened/);
    expect(notice).toContain(`; … and ${total - 6} more problems`);
    expect(notice).not.toContain('trial.k6:');
    await done(page); // the defaults run
    expect(errors).toEqual([]);
    await context.close();
  });

  it('imports a file in the several-populations form and runs it, results by population', async () => {
    const { page, errors, context } = await open();
    await done(page);
    const [reference] = JSON.parse(readFileSync('test/fixtures/reference/rpact-populations.json', 'utf8'));
    const file = {
      name: 'two-markers.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(reference.scenario)),
    };
    await page.locator('input[type=file]').setInputFiles(file);
    await expect.poll(() => page.locator('.share .message').innerText()).toBe('Imported two-markers.json.');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await done(page);
    const ids = parseScenario(reference.scenario);
    if (!ids.ok || !('populations' in ids.scenario.population)) throw new Error('the fixture has several populations');
    for (const { id } of ids.scenario.population.populations)
      await expect.poll(() => tableText(page)).toContain(`P(reject H${id})`);
    await page.screenshot({ path: `${SCREENSHOTS}/import-populations.png` });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('imports a scenario file that starts with a byte-order mark, as the command line reads it', async () => {
    const { page, context } = await open();
    await done(page);
    const marked = '\uFEFF' + JSON.stringify({ ...DEFAULT_SCENARIO, title: 'Marked file' });
    const file = { name: 'marked.json', mimeType: 'application/json', buffer: Buffer.from(marked) };
    await page.locator('input[type=file]').setInputFiles(file);
    await expect.poll(() => page.getByLabel('Title').inputValue()).toBe('Marked file');
    expect(await page.locator('.share .message').innerText()).toBe('Imported marked.json.');
    await context.close();
  });
});

describe('the built folder', () => {
  it('works from a sub-path and, once loaded, without a network', async () => {
    const server = await serveFolder('test-output/app', '/teaching/trials/stratum/');
    const { page, errors, context } = await open('', undefined, server.url);
    await done(page);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
    await setField(page, 'Prevalence', '0.3');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await done(page);
    const online = await tableText(page);
    const link = page.url();
    expect(errors).toEqual([]);
    await server.close();
    expect(
      await page.evaluate(() =>
        fetch('./not-kept.txt').then(
          () => 'reached',
          () => 'unreachable',
        ),
      ),
    ).toBe('unreachable');
    const before = errors.length; // the probe's own refused connection
    await page.goto(link);
    await done(page);
    expect(await tableText(page)).toBe(online);
    expect(errors.slice(before)).toEqual([]);
    await context.close();
  });

  it('has no absolute asset paths', () => {
    const html = readFileSync('test-output/app/index.html', 'utf8');
    expect(html).not.toMatch(/(src|href)="\//);
    const scripts = readdirSync('test-output/app/assets').filter((name) => name.endsWith('.js'));
    expect(scripts.some((name) => name.startsWith('engine.worker'))).toBe(true);
    for (const name of scripts)
      expect(readFileSync(`test-output/app/assets/${name}`, 'utf8')).not.toMatch(/["'`]\/assets\//);
  });
});
