// The calendar month of a simulated cohort's `target`-th event among the patients classified into a
// mask of subgroups (a population): the last event's when there are fewer. A selection, not a sort:
// O(n) per analysis.
import type { Cohort } from './cohort.js';

export class EventClock {
  private scratch = new Float64Array(0);

  month(cohort: Cohort, target: number, mask: number): number {
    if (this.scratch.length < cohort.size)
      this.scratch = new Float64Array(Math.max(cohort.size, 2 * this.scratch.length));
    const scratch = this.scratch;
    const classified = cohort.slotClassified;
    let m = 0;
    for (let i = 0; i < cohort.size; i++) {
      if (((mask >> classified[cohort.slot[i]]) & 1) === 0) continue;
      if (cohort.event[i] <= cohort.dropout[i]) scratch[m++] = cohort.event[i];
    }
    if (m === 0) return cohort.size > 0 ? cohort.entry[cohort.size - 1] : 0;
    return select(scratch, m, Math.min(target, m) - 1);
  }
}

/** the k-th smallest (from 0) of values[0..m), by Hoare's quickselect with a median-of-three pivot; reorders values */
function select(values: Float64Array, m: number, k: number): number {
  let low = 0;
  let high = m - 1;
  while (high > low) {
    const middle = (low + high) >> 1;
    const a = values[low],
      b = values[middle],
      c = values[high];
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = low;
    let j = high;
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) {
        const swap = values[i];
        values[i] = values[j];
        values[j] = swap;
        i++;
        j--;
      }
    }
    if (k <= j) high = j;
    else if (k >= i) low = i;
    else return values[k];
  }
  return values[k];
}
