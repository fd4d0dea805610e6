// Log-rank tests of one survival trial at calendar month τ: for S (assay-positive patients), and
// for F stratified by S/R or pooled, in one pass over the patients' observed times sorted once.
// Each event contributes O − E = [treated] − n_T/n and V = n_T·n_C/n² with the risk sets of its
// stratum (stratified) or of everyone (pooled); z = (E − O)/√V is positive when treatment lowers
// the hazard. V, about c·events, is the information: √(V_S/V_F) is the correlation of z_S and z_F.
//
// Sorting without objects or comparators: the three flags (treated, event, in S) ride in the
// lowest three mantissa bits of each observed time (a relative change below 10⁻¹⁵), and the
// times are sorted by a bucket pass (counting sort on ⌊time/max·m⌋) finished by insertion sort,
// which is O(m) for the smooth distributions of follow-up times and allocates nothing.
import { CELLS } from '../../population.js';
import type { Cohort } from './cohort.js';

const TREATED = 1;
const EVENT = 2;
const IN_S = 4;
const FLAGS = 7;

export interface LogRankResult {
  zS: number;
  zF: number;
  informationS: number;
  informationF: number;
  /** events by τ in S and in F */
  eventsS: number;
  eventsF: number;
}

export class LogRank implements LogRankResult {
  zS = 0;
  zF = 0;
  informationS = 0;
  informationF = 0;
  eventsS = 0;
  eventsF = 0;
  private keys = new Float64Array(0);
  private bits = new Uint32Array(0);
  private sorted = new Float64Array(0);
  private sortedBits = new Uint32Array(0);
  private buckets = new Uint32Array(0);
  /** patients at risk: S treated, S control, R treated, R control */
  private readonly atRisk = new Float64Array(4);
  /** little-endian hosts keep a double's low mantissa word first */
  private readonly low = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 0 : 1;

  constructor(private readonly stratified: boolean) {}

  /** the tests at month τ over the patients of `cohort` (S patients only when `onlyS`) */
  analyse(cohort: Cohort, tau: number, onlyS: boolean): LogRankResult {
    this.reserve(cohort.size);
    const { keys, bits, low } = this;
    const atRisk = this.atRisk;
    atRisk.fill(0);
    const { entry, slot, event, dropout } = cohort;
    let m = 0;
    for (let i = 0; i < cohort.size; i++) {
      const entered = entry[i];
      if (entered >= tau) continue;
      // cells 0 and 1 (assay+) are S; slots below CELLS are treated
      const inS = (slot[i] & 2) === 0;
      if (onlyS && !inS) continue;
      const treated = slot[i] < CELLS;
      const eventMonth = event[i];
      const end = Math.min(eventMonth, dropout[i], tau);
      keys[m] = end - entered;
      const word = 2 * m + low;
      bits[word] = (bits[word] & ~FLAGS) | (treated ? TREATED : 0) | (eventMonth <= end ? EVENT : 0) | (inS ? IN_S : 0);
      atRisk[(inS ? 0 : 2) + (treated ? 0 : 1)]++;
      m++;
    }
    this.sort(m);
    const sortedBits = this.sortedBits;
    let oMinusES = 0,
      varS = 0,
      oMinusEF = 0,
      varF = 0,
      eventsS = 0,
      eventsF = 0;
    for (let k = 0; k < m; k++) {
      const flags = sortedBits[2 * k + low] & FLAGS;
      const inS = (flags & IN_S) !== 0;
      const treated = (flags & TREATED) !== 0;
      const stratum = inS ? 0 : 2;
      if (flags & EVENT) {
        const nT = atRisk[stratum];
        const nC = atRisk[stratum + 1];
        const n = nT + nC;
        const observed = treated ? 1 : 0;
        eventsF++;
        if (inS) {
          eventsS++;
          oMinusES += observed - nT / n;
          varS += (nT * nC) / (n * n);
        }
        if (this.stratified) {
          oMinusEF += observed - nT / n;
          varF += (nT * nC) / (n * n);
        } else {
          const allT = atRisk[0] + atRisk[2];
          const all = allT + atRisk[1] + atRisk[3];
          oMinusEF += observed - allT / all;
          varF += (allT * (all - allT)) / (all * all);
        }
      }
      atRisk[stratum + (treated ? 0 : 1)]--;
    }
    this.zS = varS > 0 ? -oMinusES / Math.sqrt(varS) : 0;
    this.zF = varF > 0 ? -oMinusEF / Math.sqrt(varF) : 0;
    this.informationS = varS;
    this.informationF = varF;
    this.eventsS = eventsS;
    this.eventsF = eventsF;
    return this;
  }

  /** sorted[0..m) ← keys[0..m) in increasing order */
  private sort(m: number): void {
    const { keys, sorted, buckets } = this;
    let largest = 0;
    for (let i = 0; i < m; i++) if (keys[i] > largest) largest = keys[i];
    const scale = largest > 0 ? (m - 1) / largest : 0;
    buckets.fill(0, 0, m + 1);
    for (let i = 0; i < m; i++) buckets[((keys[i] * scale) | 0) + 1]++;
    for (let b = 1; b <= m; b++) buckets[b] += buckets[b - 1];
    for (let i = 0; i < m; i++) sorted[buckets[(keys[i] * scale) | 0]++] = keys[i];
    for (let i = 1; i < m; i++) {
      const key = sorted[i];
      let j = i - 1;
      while (j >= 0 && sorted[j] > key) {
        sorted[j + 1] = sorted[j];
        j--;
      }
      sorted[j + 1] = key;
    }
  }

  private reserve(capacity: number): void {
    if (capacity <= this.keys.length) return;
    const size = Math.max(capacity, 2 * this.keys.length);
    this.keys = new Float64Array(size);
    this.bits = new Uint32Array(this.keys.buffer);
    this.sorted = new Float64Array(size);
    this.sortedBits = new Uint32Array(this.sorted.buffer);
    this.buckets = new Uint32Array(size + 1);
  }
}
