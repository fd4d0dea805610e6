// The built start page in headless Chromium: it loads without errors and says what Stratum is.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, SCREENSHOTS, startApp, type App } from '../support/browser.js';

let app: App;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

describe('start page', () => {
  it('loads without errors and names the tool', async () => {
    const { page, errors } = await openPage(app);
    await expect(page.title()).resolves.toMatch(/Stratum/);
    expect(await page.locator('h1').textContent()).toBe('Stratum');
    await page.screenshot({ path: `${SCREENSHOTS}/start-page.png`, fullPage: true });
    expect(errors).toEqual([]);
  });
});
