// The trace port in this thread, for tests that mount "Watch one trial" alone: the engine's own
// watchReplicate after a turn of the event loop, so a newer request can abort an older one.
import type { TracePort } from '../../src/app/state/trace-port.js';
import { Cancelled } from '../../src/engine/schedule.js';
import type { Scenario } from '../../src/engine/scenario/types.js';
import { type TracePick, type Watched, watchReplicate } from '../../src/engine/trace/find.js';

export class ThreadTracePort implements TracePort {
  /** what was asked for, in order */
  readonly asked: TracePick[] = [];

  async watch(scenario: Scenario, design: number, pick: TracePick, signal?: AbortSignal): Promise<Watched> {
    this.asked.push(pick);
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (signal?.aborted) throw new Cancelled();
    return watchReplicate(scenario, design, pick);
  }
}
