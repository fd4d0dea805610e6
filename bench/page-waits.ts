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
import { median, REPEATS } from './repeats.js';

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

/** what the page shows at the moments a bench times */
type Mark = 'half' | 'done' | 'map';

/**
 * the milliseconds from clicking `button` until the page first shows each of `marks`, timed in the page
 * (a click listener and a MutationObserver): polling from here (every 20 ms, or every frame) kept the
 * renderer's main thread and this process busy, and took CPU from the two workers
 */
async function clickAndTime(page: Page, button: string, marks: readonly Mark[]): Promise<number[]> {
  await page.evaluate((marks) => {
    const shows: Record<Mark, () => boolean> = {
      half: () => {
        const bar = document.querySelector<HTMLProgressElement>('progress[aria-label="Simulation progress"]');
        return bar !== null && bar.max > 1 && 2 * bar.value >= bar.max;
      },
      done: () => /^Done in/.test(document.querySelector('.status')?.textContent?.trim() ?? ''),
      map: () => document.querySelector('#chart-design-map svg') !== null,
    };
    const times = marks.map(() => Number.NaN);
    let start = Number.NaN;
    (window as unknown as { __times: number[] }).__times = times;
    const observer = new MutationObserver(() => {
      marks.forEach((mark, i) => {
        if (Number.isNaN(times[i]) && shows[mark]()) times[i] = performance.now() - start;
      });
      if (times.every((time) => !Number.isNaN(time))) observer.disconnect();
    });
    document.addEventListener(
      'click',
      () => {
        start = performance.now();
        observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      },
      { capture: true, once: true },
    );
  }, marks);
  await page.getByRole('button', { name: button, exact: true }).first().click();
  await page.waitForFunction(
    () => (window as unknown as { __times: number[] }).__times.every((time) => !Number.isNaN(time)),
    null,
    { timeout: 300_000, polling: 250 },
  );
  return page.evaluate(() => (window as unknown as { __times: number[] }).__times);
}

/**
 * Run pressed and its "Done in …" seen: the milliseconds until the progress bar is half full, when the
 * designs as given are done and their results shown (the global null's half is left), and until done
 */
async function run(page: Page): Promise<{ half: number; whole: number }> {
  const [half, whole] = await clickAndTime(page, 'Run', ['half', 'done']);
  return { half, whole };
}

/** the results table's text, every design's every figure */
const resultsTable = (page: Page) => page.locator('table.results').innerText();

/** the design map computed and drawn: its milliseconds */
async function map(page: Page): Promise<number> {
  const [drawn] = await clickAndTime(page, 'Compute design map', ['map']);
  return drawn;
}

export async function benchPageWaits(): Promise<void> {
  console.log("\nwaits in the page: the built app in headless Chromium, the page's default scenario");
  const app = await startApp('test-output/app-bench');
  try {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const workers = await page.evaluate(() => navigator.hardwareConcurrency);
    // the same Run on one worker: the page sizes its pool by navigator.hardwareConcurrency
    const single = await app.browser.newContext({ viewport: { width: 1280, height: 800 } });
    await single.addInitScript(() =>
      Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => 1 }),
    );
    const alone = await single.newPage();
    const million = { replicates: 1_000_000 };
    const realistic = { ...DEFAULT_SCENARIO, analysis: { statistic: 't', strata: 'random', stratified: true } };
    const rpactLike = { ...DEFAULT_SCENARIO, analysis: { statistic: 'z', strata: 'fixed', stratified: true } };
    // as in the CLI's figures: medians of runs made in turn, the scaling the median of paired ratios
    const two: { half: number; whole: number }[] = [];
    const one: { half: number; whole: number }[] = [];
    const same: boolean[] = [];
    for (let i = 0; i < REPEATS; i++) {
      await opened(page, app.url, { ...realistic, simulation: million }, false);
      two.push(await run(page));
      const table = await resultsTable(page);
      await opened(alone, app.url, { ...realistic, simulation: million }, false);
      one.push(await run(alone));
      same.push((await resultsTable(alone)) === table);
    }
    await single.close();
    const blocking = async (scenario: object) => {
      await opened(page, app.url, { ...scenario, simulation: million }, false);
      return (await mainThreadWhile(page, async () => void (await run(page)))).blocking.toFixed(0);
    };
    const halves = (runs: { half: number }[]) => runs.map((r) => (r.half / 1000).toFixed(2)).join(', ');
    console.log(
      `Run, four designs × 10⁶, t and random strata, median of ${REPEATS}: their results in ` +
        `${s(median(two.map((r) => r.half)))} on ${workers} workers (runs ${halves(two)}; target < 3 s), ` +
        `with the global null's 4 × 10⁶ for the type I error ${s(median(two.map((r) => r.whole)))}; ` +
        `longest blocking main-thread task ${await blocking(realistic)} ms (target < 50 ms)`,
    );
    console.log(
      `the same Run on 1 worker: its results in ${s(median(one.map((r) => r.half)))} (runs ${halves(one)}), ` +
        `${same.every(Boolean) ? 'the same results table' : 'A DIFFERENT RESULTS TABLE'}; ${workers} workers ` +
        `${median(one.map((r, i) => r.half / two[i].half)).toFixed(2)}× faster (target ≥ 1.8×)`,
    );
    await opened(page, app.url, { ...rpactLike, simulation: million }, false);
    const baseline = await run(page);
    console.log(
      `Run, rpact's conventions (z, fixed strata), the baseline, on ${workers} workers: their results in ` +
        `${s(baseline.half)}, with the global null ${s(baseline.whole)}; longest blocking main-thread task ` +
        `${await blocking(rpactLike)} ms`,
    );
    await opened(page, app.url, { ...realistic, simulation: { replicates: 2000 } }, true);
    const mapped = await map(page);
    const cells = await page.locator('#chart-design-map g.map-cell').count();
    const mapBlocking = (await mainThreadWhile(page, async () => void (await map(page)))).blocking;
    console.log(
      `design map, ${cells} points × 4 designs at 2,000 replicates: ${s(mapped)} (target < 5 s); ` +
        `longest blocking main-thread task ${mapBlocking.toFixed(0)} ms`,
    );
  } finally {
    await app.close();
  }
}
