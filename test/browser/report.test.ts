// The report in headless Chromium. The file `stratum report` writes: every section is there, every
// number of its tables is the value at its path in the numbers it carries, and those numbers are
// the ones `stratum simulate`, `simulate` of the global null, `solve` and `boundaries` print for
// the same scenario; the title's markup stays text; opening it makes no request; it passes axe;
// it prints to A4 and Letter PDFs, whose pages become PNGs (pdftoppm) in test-output/report/.
// The page: its Report button downloads the same report, and its Code panel copies the script
// `stratum rcode` prints.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { globalNull } from '../../src/engine/planning/global-null.js';
import { type ReportNumbers, valueAt } from '../../src/report/numbers.js';
import { encodeScenarioQuery } from '../../src/share/url-codec.js';
import { type App, startApp } from '../support/browser.js';
import { runCli } from '../support/cli.js';
import { displayedMatches } from '../support/displayed-number.js';
import { HOSTILE_TITLE, REPORT_DOCUMENT, REPORT_SECTIONS, reportScenario } from '../support/report-scenario.js';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const OUT = 'test-output/report';
const SECTIONS = REPORT_SECTIONS;
let app: App;

beforeAll(async () => {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

const json = <T>(args: string[], input: string): T => {
  const run = runCli(args, input);
  if (run.status !== 0) throw new Error(`stratum ${args.join(' ')}: ${run.stderr}`);
  return JSON.parse(run.stdout) as T;
};

/** the numbers the report carries, each table number's path, raw value and text */
async function reportCells(
  page: Page,
): Promise<{ numbers: ReportNumbers; cells: { path: string; value: string; text: string }[] }> {
  return page.evaluate(() => ({
    numbers: JSON.parse(document.getElementById('report-numbers')?.textContent ?? 'null'),
    cells: [...document.querySelectorAll<HTMLElement>('td [data-path], dd [data-path]')].map((element) => ({
      path: element.dataset.path ?? '',
      value: element.dataset.value ?? '',
      text: element.textContent ?? '',
    })),
  }));
}

/** axe-core's violations, one line each; the report's policy allows no script, so axe is evaluated, not injected */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    type Axe = { run: (context: Document) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> };
    const result = await (window as unknown as { axe: Axe }).axe.run(document);
    return result.violations.map(
      (v) =>
        `${v.id}: ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(', ')}`,
    );
  });
}

describe('the report file', () => {
  it('has every section and the run’s numbers, asks for nothing, passes axe, prints to A4 and Letter', async () => {
    const input = JSON.stringify(REPORT_DOCUMENT);
    const file = resolve(OUT, 'report.html');
    const made = runCli(
      ['report', '-', '-o', file, '--app-url', 'https://example.org/stratum/', '--workers', '2'],
      input,
    );
    expect(made.status, made.stderr).toBe(0);

    // the same run by the other commands
    const scenario = reportScenario();
    const { results } = json<{ results: unknown[] }>(['simulate', '-', '--workers', '2'], input);
    const nulled = json<{ results: unknown[] }>(
      ['simulate', '-', '--workers', '2'],
      JSON.stringify(globalNull(scenario)),
    );
    const { solutions } = json<{ solutions: unknown[] }>(['solve', '-', '--power', '0.8', '--workers', '2'], input);

    const context = await app.browser.newContext({ viewport: { width: 1200, height: 900 } });
    const page = await context.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    const url = pathToFileURL(file).href;
    await page.route('**/*', (route) => {
      if (route.request().url() !== url) requests.push(route.request().url());
      return route.request().url() === url ? route.continue() : route.abort();
    });
    page.on('request', (request) => request.url() !== url && requests.push(request.url()));
    // a request the report's Content-Security-Policy stops never reaches the network: count it too
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __blocked: string[] }).__blocked = seen;
      document.addEventListener('securitypolicyviolation', (event) =>
        seen.push(`${event.violatedDirective} ${event.blockedURI}`),
      );
    });
    await page.goto(url);
    await page.waitForLoadState('networkidle');

    for (const id of SECTIONS) expect(await page.locator(`section#${id} > h2`).count(), id).toBe(1);
    expect(await page.locator('h1').textContent()).toBe(HOSTILE_TITLE);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('img, script:not([type="application/json"])').count()).toBe(0);
    expect(await page.locator('figure svg[role="img"]').count()).toBe(2 + scenario.designs.length);
    expect(await page.locator('h3').allTextContents()).toEqual(
      expect.arrayContaining(['A. The scenario', 'B. R code: the designs in rpact']),
    );

    const { numbers, cells } = await reportCells(page);
    expect(numbers.results).toEqual(results);
    expect(numbers.globalNull).toEqual(nulled.results);
    expect(numbers.solutions).toEqual(solutions);
    expect(JSON.parse((await page.locator('#scenario-json').textContent()) ?? '')).toEqual(scenario);
    for (const [id, boundaries] of Object.entries(numbers.boundaries)) {
      const design = scenario.designs.find((d) => d.id === id);
      if (design?.type !== 'all-comers' || !design.interims) continue;
      const { criticalValues } = json<{ criticalValues: (number | null)[] }>(
        ['boundaries', '--spending', design.interims.efficacy, '--rates', design.interims.informationRates.join(',')],
        '',
      );
      expect(boundaries.looks.map((look) => look.critical)).toEqual(criticalValues);
    }
    expect(cells.length).toBeGreaterThan(100);
    for (const cell of cells) {
      expect(valueAt(numbers, cell.path), cell.path).toBe(Number(cell.value));
      expect(displayedMatches(cell.text, Number(cell.value)), `${cell.path}: "${cell.text}" for ${cell.value}`).toBe(
        true,
      );
    }
    // no digit in a table cell outside a number with its path, or text from the scenario
    const bare = await page.evaluate(() =>
      [...document.querySelectorAll('td')]
        .map((td) => {
          const copy = td.cloneNode(true) as HTMLElement;
          for (const marked of copy.querySelectorAll('[data-path], [data-from]')) marked.remove();
          return copy.textContent ?? '';
        })
        .filter((text) => /\d/.test(text)),
    );
    expect(bare).toEqual([]);

    expect(await axeViolations(page)).toEqual([]);
    expect(requests).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __blocked: string[] }).__blocked)).toEqual([]);
    expect(errors).toEqual([]);

    for (const format of ['A4', 'Letter'] as const) {
      const pdf = resolve(OUT, `report-${format}.pdf`);
      await page.pdf({ path: pdf, format, printBackground: true });
      expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
      const pages = (readFileSync(pdf, 'latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      expect(pages, format).toBeGreaterThan(4);
      const converted = spawnSync('pdftoppm', ['-r', '60', '-png', pdf, resolve(OUT, `page-${format}`)]);
      if (converted.error) {
        console.log(
          `report.test: PDF pages not converted to PNG: pdftoppm is not installed (apt-get install -y poppler-utils)`,
        );
        continue;
      }
      expect(converted.status).toBe(0);
      expect(
        readdirSync(OUT).filter((name) => name.startsWith(`page-${format}`) && name.endsWith('.png')),
      ).toHaveLength(pages);
    }
    expect(requests).toEqual([]);
    await context.close();
  });
});

describe('the page', () => {
  const link = () => encodeScenarioQuery(reportScenario());

  it('Report downloads the report `stratum report` makes of the same scenario', async () => {
    const context = await app.browser.newContext({ acceptDownloads: true, viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(app.url + link());
    await page.waitForFunction(() => /^Done in/.test(document.querySelector('.status')?.textContent ?? ''), null, {
      timeout: 60_000,
    });
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 300_000 }),
      page.getByRole('button', { name: 'Report', exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^script-window-pwned-1-script-img-src-x-o.*-report\.html$/);
    const fromPage = readFileSync(await download.path(), 'utf8');
    writeFileSync(resolve(OUT, 'page-report.html'), fromPage);
    expect(await page.locator('.report-message').textContent()).toBe('Report downloaded.');

    const file = resolve(OUT, 'cli-report.html');
    const made = runCli(
      ['report', '-', '-o', file, '--app-url', app.url, '--workers', '2'],
      JSON.stringify(REPORT_DOCUMENT),
    );
    expect(made.status, made.stderr).toBe(0);
    const fromCli = readFileSync(file, 'utf8');
    // the same text, but for the last bits of closed forms (Chromium's and Node's Math.exp and
    // log may differ there), which only the raw values and the numbers' JSON show
    const raw = (html: string) => [...html.matchAll(/data-value="([^"]*)"/g)].map((m) => Number(m[1]));
    const text = (html: string) =>
      html.replace(/data-value="[^"]*"/g, '').replace(/<script type="application\/json"[\s\S]*?<\/script>/, '');
    expect(text(fromPage)).toBe(text(fromCli));
    const [a, b] = [raw(fromPage), raw(fromCli)];
    expect(a.length).toBe(b.length);
    for (const [i, value] of a.entries()) {
      expect(Math.abs(value - b[i])).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(b[i])));
    }
    expect(fromPage).toContain(`<a href="${(app.url + link()).replace(/&/g, '&amp;')}">`);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the Code panel shows the script `stratum rcode` prints, copies it, and passes axe', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1400, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.url).origin });
    const page = await context.newPage();
    await page.goto(app.url + link());
    await page.waitForFunction(() => /^Done in/.test(document.querySelector('.status')?.textContent ?? ''), null, {
      timeout: 60_000,
    });
    await page.getByText('Code: the designs in R with rpact').click();
    const shown = await page.locator('.code-panel pre').innerText();
    await page.getByRole('button', { name: 'Copy R code', exact: true }).click();
    await expect.poll(() => page.locator('.code-message').textContent()).toBe('R code copied.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const printed = runCli(['rcode', '-', '--workers', '2'], JSON.stringify(REPORT_DOCUMENT));
    expect(printed.status).toBe(0);
    expect(copied).toBe(printed.stdout);
    expect(shown.trim()).toBe(printed.stdout.trim());
    await page.locator('.code-panel').screenshot({ path: `${OUT}/code-panel.png` });
    await page.addScriptTag({ content: AXE });
    const violations = await page.evaluate(async () => {
      type Axe = { run: (context: Element) => Promise<{ violations: { id: string }[] }> };
      const panel = document.querySelector('.code-panel') as Element;
      return (await (window as unknown as { axe: Axe }).axe.run(panel)).violations.map((v) => v.id);
    });
    expect(violations).toEqual([]);
    await context.close();
  });
});
