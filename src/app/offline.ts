// Registers the service worker the production build writes beside index.html
// (scripts/offline-plugin.ts), so the page and its workers load again without a network.
// A failure only costs offline use: the page works as before, and the console says why.
export function keepForOffline(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('./sw.js').catch((error: unknown) => {
    console.warn('Stratum will not work offline:', error);
  });
}
