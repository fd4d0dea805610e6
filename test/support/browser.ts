// End-to-end tests drive Debian's headless Chromium (never a downloaded browser) through
// playwright-core against the built app served by `vite preview`. Without a browser they fail and
// say how to install one: they are never skipped silently.
import { existsSync, mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const OUT_DIR = 'test-output/app';
export const SCREENSHOTS = 'test-output/screenshots';

export interface App {
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

/** build the app, serve it and start the browser; `outDir`: where to build it (a test file of its own
 * may run beside another) */
export async function startApp(outDir = OUT_DIR): Promise<App> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `The browser tests need Chromium, and there is none at ${CHROMIUM}. ` +
        'Install it with `sudo apt-get install -y chromium` (Debian/Ubuntu), ' +
        'or set CHROMIUM_PATH to a Chromium binary.',
    );
  }
  // the production build, as `npm run build` makes it: vitest's NODE_ENV=test would otherwise give
  // Lit's development build and no service worker
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ mode: 'production', logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  const server: PreviewServer = await preview({
    logLevel: 'warn',
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1' },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report its address');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    url,
    browser,
    async close() {
      await browser.close();
      await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
    },
  };
}

/** a new page that records console errors and uncaught exceptions */
export async function openPage(app: App, path = ''): Promise<{ page: Page; errors: string[] }> {
  const page = await app.browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(app.url + path);
  return { page, errors };
}

/**
 * the page's console errors and uncaught exceptions, collected into the list returned, and a probe of
 * the longest main-thread task as `window.__longest`: the longest gap between ticks of a message loop
 * (headless Chromium reports no 'longtask' entries)
 */
export async function instrument(page: Page): Promise<string[]> {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.addInitScript(() => {
    const w = window as unknown as { __longest: number };
    w.__longest = 0;
    const channel = new MessageChannel();
    let last = performance.now();
    channel.port1.onmessage = () => {
      const now = performance.now();
      w.__longest = Math.max(w.__longest, now - last);
      last = now;
      setTimeout(() => channel.port2.postMessage(0), 0);
    };
    channel.port2.postMessage(0);
  });
  return errors;
}
