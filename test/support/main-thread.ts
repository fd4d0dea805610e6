// The longest task of the page's main thread while something happens, from Chrome's own trace of the
// renderer, beside the longest gap of instrument()'s MessageChannel probe. On a machine whose cores other
// processes share, a task's wall time (Chrome's long-task measure) and the probe's gaps also hold the time
// the thread waited for a core, and the trace's thread clock now and then gives a task of under a
// millisecond a CPU time of a hundred; a task blocks the page for as long as both its wall and its CPU
// time say, the smaller of the two.
import type { Page } from 'playwright-core';

type TraceEvent = { name: string; ph: string; pid: number; tid: number; dur?: number; tdur?: number; args?: any };

/** milliseconds: the longest task by wall time, the longest by the smaller of wall and CPU time, the probe's gap */
export type MainThread = { task: number; blocking: number; probe: number };

export async function mainThreadWhile(page: Page, during: () => Promise<void>): Promise<MainThread> {
  const client = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  client.on('Tracing.dataCollected', ({ value }) => {
    for (const event of value as unknown as TraceEvent[]) events.push(event);
  });
  const complete = new Promise((resolve) => client.once('Tracing.tracingComplete', resolve));
  await client.send('Tracing.start', { categories: 'devtools.timeline,toplevel', transferMode: 'ReportEvents' });
  await page.evaluate(() => ((window as unknown as { __longest: number }).__longest = 0));
  await during();
  const probe = await page.evaluate(() => (window as unknown as { __longest: number }).__longest);
  await client.send('Tracing.end');
  await complete;
  await client.detach();
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const tasks = events.filter(
    (e) => e.ph === 'X' && e.pid === main?.pid && e.tid === main?.tid && /RunTask/.test(e.name),
  );
  const most = (time: (task: TraceEvent) => number) =>
    tasks.reduce((longest, task) => Math.max(longest, time(task)), 0) / 1000;
  return {
    task: most((task) => task.dur ?? 0),
    blocking: most((task) => Math.min(task.dur ?? 0, task.tdur ?? 0)),
    probe,
  };
}
