// The calendar month of a simulated cohort's `target`-th event (in S only, or in everyone): the
// last event's when there are fewer.
import { CELLS, CELL_IN_S } from '../../population.js';
import type { Cohort } from './cohort.js';

export class EventClock {
  private scratch = new Float64Array(0);

  month(cohort: Cohort, target: number, onlyS: boolean): number {
    if (this.scratch.length < cohort.size) this.scratch = new Float64Array(Math.max(cohort.size, 2 * this.scratch.length));
    const scratch = this.scratch;
    let m = 0;
    for (let i = 0; i < cohort.size; i++) {
      if (onlyS && !CELL_IN_S[cohort.slot[i] % CELLS]) continue;
      if (cohort.event[i] <= cohort.dropout[i]) scratch[m++] = cohort.event[i];
    }
    if (m === 0) return cohort.size > 0 ? cohort.entry[cohort.size - 1] : 0;
    const events = scratch.subarray(0, m).sort();
    return events[Math.min(target, m) - 1];
  }
}
