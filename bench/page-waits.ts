// The waits users see in the page (issue "Fast where users wait"): the built app in Debian's headless
// Chromium, as the browser tests drive it. Run with the default scenario at 10⁶ replicates (the page
// simulates each design as given and under the global null, for its type I error: twice the trials of
// `stratum simulate`), at the realistic analysis and, as the baseline, at rpact's conventions; the
// realistic Run again on one worker (navigator.hardwareConcurrency set to 1), for the workers' scaling,
// its results table compared with the two workers'; the design map at 2,000 replicates a point. Beside
// each, the longest main-thread task that blocked the page (the smaller of its wall and CPU time,
// test/support/main-thread.ts): the simulations are the workers', so it should stay < 50 ms.
// The browser tests' probe of main-thread gaps (a MessageChannel ping-pong) is left out: it keeps the main
// thread busy enough to slow the workers.
import type { Page } from 'playwright-core';
import { DEFAULT_SCENARIO } from '../src/app/presets.js';
import { parseScenario } from '../src/engine/scenario/parse.js';
import { encodeScenarioQuery } from '../src/share/url-codec.js';
import { startApp } from '../test/support/browser.js';
import { mainThreadWhile } from '../test/support/main-thread.js';

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

const finished = (page: Page) =>
  page.waitForFunction(() => /^Done in/.test(document.querySelector('.status')?.textContent?.trim() ?? ''), null, {
    timeout: 300_000,
  });

/** the page opened on `scenario`; a large one waits for Run (the page asks first), a small one runs at once */
async function opened(page: Page, url: string, scenario: object, runsAtOnce: boolean): Promise<void> {
  const parsed = parseScenario(scenario);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  await page.goto(url + encodeScenarioQuery(parsed.scenario));
  if (runsAtOnce) {
    await finished(page);
    await page.waitForFunction(() => document.querySelector('.stale, .dimmed') === null, null, { timeout: 300_000 });
  } else await page.getByRole('button', { name: 'Not now', exact: true }).click();
}

/**
 * what `act` measured (in ms) and how long it took, untraced (Chrome's trace slows the page), and the
 * longest blocking main-thread task of a second, traced, time
 */
async function timedTwice<T>(page: Page, act: () => Promise<T>): Promise<{ ms: number; value: T; blocking: number }> {
  const started = Date.now();
  const value = await act();
  const ms = Date.now() - started;
  const measured = await mainThreadWhile(page, async () => void (await act()));
  return { ms, value, blocking: measured.blocking };
}

/**
 * Run pressed and its "Done in …" seen; the milliseconds until the progress bar is half full, when the
 * designs as given are done and their results shown (the global null's half is left)
 */
async function run(page: Page): Promise<number> {
  const started = Date.now();
  await page.getByRole('button', { name: 'Run', exact: true }).first().click();
  await page.waitForFunction(
    () => {
      const bar = document.querySelector<HTMLProgressElement>('progress[aria-label="Simulation progress"]');
      return bar !== null && bar.max > 1 && 2 * bar.value >= bar.max;
    },
    null,
    { timeout: 300_000, polling: 20 },
  );
  const half = Date.now() - started;
  await finished(page);
  return half;
}

/** the results table's text, every design's every figure */
const resultsTable = (page: Page) => page.locator('table.results').innerText();

/** the design map computed and drawn */
async function map(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Compute design map', exact: true }).click();
  await page.waitForFunction(() => document.querySelector('#chart-design-map svg') !== null, null, {
    timeout: 300_000,
  });
}

export async function benchPageWaits(): Promise<void> {
  console.log("\nwaits in the page: the built app in headless Chromium, the page's default scenario");
  const app = await startApp('test-output/app-bench');
  try {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const workers = await page.evaluate(() => navigator.hardwareConcurrency);
    const million = { replicates: 1_000_000 };
    const realistic = { statistic: 't', strata: 'random', stratified: true };
    const rpactLike = { statistic: 'z', strata: 'fixed', stratified: true };
    let table = '';
    let both = 0;
    for (const [name, analysis] of [
      ['t and random strata', realistic],
      ["rpact's conventions (z, fixed strata), the baseline", rpactLike],
    ] as const) {
      await opened(page, app.url, { ...DEFAULT_SCENARIO, analysis, simulation: million }, false);
      const ran = await timedTwice(page, () => run(page));
      if (analysis === realistic) [table, both] = [await resultsTable(page), ran.value];
      console.log(
        `Run, four designs × 10⁶, ${name}, on ${workers} workers: their results in ${s(ran.value)} ` +
          `(target < 3 s), and with the global null's 4 × 10⁶ for the type I error ${s(ran.ms)}; ` +
          `longest blocking main-thread task ${ran.blocking.toFixed(0)} ms (target < 50 ms)`,
      );
    }
    // the same Run on one worker: the page sizes its pool by navigator.hardwareConcurrency
    const single = await app.browser.newContext({ viewport: { width: 1280, height: 800 } });
    await single.addInitScript(() =>
      Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => 1 }),
    );
    const alone = await single.newPage();
    await opened(alone, app.url, { ...DEFAULT_SCENARIO, analysis: realistic, simulation: million }, false);
    const one = await run(alone);
    const same = (await resultsTable(alone)) === table ? 'the same results' : 'DIFFERENT RESULTS';
    await single.close();
    console.log(
      `the same Run, t and random strata, on 1 worker: its results in ${s(one)}, ${same} ` +
        `(${workers} workers ${(one / both).toFixed(2)}× faster; target ≥ 1.8×)`,
    );
    await opened(page, app.url, { ...DEFAULT_SCENARIO, analysis: realistic, simulation: { replicates: 2000 } }, true);
    const mapped = await timedTwice(page, () => map(page));
    const cells = await page.locator('#chart-design-map g.map-cell').count();
    console.log(
      `design map, ${cells} points × 4 designs at 2,000 replicates: ${s(mapped.ms)} (target < 5 s); ` +
        `longest blocking main-thread task ${mapped.blocking.toFixed(0)} ms`,
    );
  } finally {
    await app.close();
  }
}
