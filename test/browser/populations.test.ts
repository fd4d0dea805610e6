// Several populations in headless Chromium against the built page: the "Two markers" preset runs and
// shows its results per population; a share link in the new form opens as it was made; a link whose
// shares add up to 0.9 opens the default with a message naming the field; the population editor marks
// a share that breaks the sum and keeps the last results; its Report button downloads the report
// `stratum report` makes of the same scenario. Screenshots go to test-output/screenshots.
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRESETS } from '../../src/app/presets.js';
import { parseScenario } from '../../src/engine/scenario/parse.js';
import { encodeScenarioQuery } from '../../src/share/url-codec.js';
import { instrument, SCREENSHOTS, startApp, type App } from '../support/browser.js';
import { runCli } from '../support/cli.js';

let app: App;

beforeAll(async () => {
  app = await startApp('test-output/app-populations');
});
afterAll(async () => {
  await app?.close();
});

async function open(path = '') {
  const context = await app.browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const errors = await instrument(page);
  await page.goto(app.url + path);
  return { page, errors, context };
}

const done = (page: Page) =>
  page.waitForFunction(() => /^Done in/.test(document.querySelector('.status')?.textContent ?? ''), null, {
    timeout: 60_000,
  });
const rowLabels = (page: Page) => page.locator('table.results tbody th').allInnerTexts();
const TWO_MARKERS = PRESETS.findIndex((preset) => preset.name === 'Two markers');
const twoMarkers = (replicates = 4000) => {
  const parsed = parseScenario({ ...PRESETS[TWO_MARKERS].scenario, simulation: { replicates } });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.scenario;
};

describe('several populations in a browser', () => {
  it('the "Two markers" preset runs and shows its results per population', async () => {
    const { page, errors, context } = await open();
    await done(page);
    await page.locator('#preset').selectOption(String(TWO_MARKERS));
    await expect.poll(() => page.getByLabel('Title').inputValue()).toBe(PRESETS[TWO_MARKERS].scenario.title);
    await done(page);
    const labels = await rowLabels(page);
    for (const label of ['P(reject HSA)', 'P(reject HSB)', 'P(reject HF)', 'P(reject any)', 'P(continue in SA)'])
      expect(labels).toContain(label);
    expect(await page.locator('table.results thead th').count()).toBe(4); // quantity + 3 designs
    expect(await page.locator('.one-marker').count()).toBe(0);
    expect(await page.locator('#chart-flow svg text', { hasText: 'A+B-' }).count()).toBe(1);
    await page.screenshot({ path: `${SCREENSHOTS}/populations-results.png` });
    await page.locator('chart-panel').screenshot({ path: `${SCREENSHOTS}/populations-charts.png` });
    await page.locator('design-cards').screenshot({ path: `${SCREENSHOTS}/populations-designs.png` });
    await page
      .locator('scenario-panel > fieldset')
      .first()
      .screenshot({ path: `${SCREENSHOTS}/populations-endpoint.png` });
    await page.locator('population-editor').screenshot({ path: `${SCREENSHOTS}/populations-editor.png` });
    await page.locator('#chart-flow').screenshot({ path: `${SCREENSHOTS}/populations-flow.png` });
    // a share that breaks the sum is marked, and the results stay, out of date
    const share = page.getByRole('textbox', { name: 'Share of A+B+' });
    await share.fill('0.05');
    await share.press('Tab');
    await expect
      .poll(() => page.locator('population-editor [role=alert]').first().innerText())
      .toBe('the shares must add up to 1, they add up to 0.9');
    expect(await page.getByRole('textbox', { name: 'Share of A-B-' }).getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.stale').first().innerText()).toMatch(/^Out of date/);
    expect(await rowLabels(page)).toContain('P(reject HSA)');
    await page.locator('population-editor').screenshot({ path: `${SCREENSHOTS}/populations-bad-share.png` });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens a share link in the new form as it was made, and runs it', async () => {
    const scenario = twoMarkers();
    const { page, errors, context } = await open(encodeScenarioQuery(scenario));
    await done(page);
    expect(await page.getByLabel('Title').inputValue()).toBe(scenario.title);
    expect(await page.getByRole('textbox', { name: 'Subgroup 2' }).inputValue()).toBe('A+B-');
    expect(await page.locator('.notice').count()).toBe(0);
    expect(await rowLabels(page)).toContain('P(reject HSB)');
    // the address bar holds the same scenario; each population's share of the screened is said
    expect(new URL(page.url()).search).toBe(encodeScenarioQuery(scenario));
    expect(await page.locator('.derived').innerText()).toBe('P(in SA) 35.0% · P(in SB) 35.0% of those screened');
    // a reload keeps it, even half edited
    const share = page.getByRole('textbox', { name: 'Share of A-B-' });
    await share.fill('0.5');
    await share.press('Tab');
    await page.reload();
    await expect.poll(() => page.getByRole('textbox', { name: 'Share of A-B-' }).inputValue()).toBe('0.5');
    expect(await page.getByRole('textbox', { name: 'Subgroup 1' }).inputValue()).toBe('A+B+');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a link whose shares add up to 0.9 opens the default with a message naming the field', async () => {
    const query = encodeScenarioQuery(twoMarkers()).replace(
      'population.subgroups.0.share=0.15',
      'population.subgroups.0.share=0.05',
    );
    const { page, errors, context } = await open(query);
    const notice = await page.locator('.notice').innerText();
    expect(notice).toMatch(/^This link could not be opened, so the default scenario is shown\./);
    expect(notice).toContain('population.subgroups: the shares must add up to 1, they add up to 0.9');
    await done(page);
    await page.screenshot({ path: `${SCREENSHOTS}/populations-bad-link.png` });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('Report downloads the report `stratum report` makes of the same scenario', async () => {
    // the report simulates every design many times over: fewer trials, the same comparison
    const scenario = twoMarkers(1000);
    const context = await app.browser.newContext({ acceptDownloads: true, viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    const errors = await instrument(page);
    await page.goto(app.url + encodeScenarioQuery(scenario));
    await done(page);
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 300_000 }),
      page.getByRole('button', { name: 'Report', exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/-report\.html$/);
    const fromPage = readFileSync(await download.path(), 'utf8');
    expect(await page.locator('.report-message').textContent()).toBe('Report downloaded.');
    for (const id of ['SA', 'SB', 'A+B-']) expect(fromPage).toContain(id);

    mkdirSync('test-output/report', { recursive: true });
    const file = resolve('test-output/report/populations-cli-report.html');
    const made = runCli(['report', '-', '-o', file, '--app-url', app.url, '--workers', '2'], JSON.stringify(scenario));
    expect(made.status, made.stderr).toBe(0);
    // the same text but for closed forms' last bits (Chromium's and Node's Math.exp may differ there)
    const text = (html: string) =>
      html.replace(/data-value="[^"]*"/g, '').replace(/<script type="application\/json"[\s\S]*?<\/script>/, '');
    expect(text(fromPage)).toBe(text(readFileSync(file, 'utf8')));
    expect(errors).toEqual([]);
    await context.close();
  });
});
