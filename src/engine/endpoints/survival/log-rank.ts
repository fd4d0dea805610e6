// Log-rank tests of one survival trial at calendar month τ: for S (assay-positive patients), and
// for F stratified by S/R or pooled, in one pass over the patients' observed times sorted once.
// Each event contributes O − E = [treated] − n_T/n and V = n_T·n_C/n² with the risk sets of its
// stratum (stratified) or of everyone (pooled); z = (E − O)/√V is positive when treatment lowers
// the hazard. V, about c·events, is the information: √(V_S/V_F) is the correlation of z_S and z_F.
// The test chosen by `analysis.survivalTest` weights each event (test-weights.ts) by the pooled
// Kaplan–Meier estimate Ŝ(t−) of its stratum, kept through the same pass: within S and within R
// for the stratified test of F (as R's survdiff does with strata), over everyone for the pooled
// one; the log-rank is the weight 1 and needs no estimate. weighted-scores.ts adds up each
// population's scores and forms the test's z.
//
// Sorting without objects or comparators: the three flags (treated, event, in S) ride in the
// lowest three mantissa bits of each observed time (a relative change below 10⁻¹⁵), and the
// times are sorted by a bucket pass (counting sort on ⌊time/max·m⌋) finished by insertion sort,
// which is O(m) for the smooth distributions of follow-up times and allocates nothing.
import { CELLS } from '../../population.js';
import type { SurvivalTest } from '../../scenario/types.js';
import type { Cohort } from './cohort.js';
import { testWeights } from './test-weights.js';
import { WeightedScores } from './weighted-scores.js';

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

/** the patients a test reads: entry, arm × cell, event and dropout months */
export type Patients = Pick<Cohort, 'size' | 'entry' | 'slot' | 'event' | 'dropout'>;

export class LogRank implements LogRankResult {
  /** the scores of S, and of F (stratified or pooled) */
  readonly S: WeightedScores;
  readonly F: WeightedScores;
  private readonly needsSurvival: boolean;
  private keys = new Float64Array(0);
  private bits = new Uint32Array(0);
  private sorted = new Float64Array(0);
  private sortedBits = new Uint32Array(0);
  private buckets = new Uint32Array(0);
  /** patients at risk: S treated, S control, R treated, R control */
  private readonly atRisk = new Float64Array(4);
  /** little-endian hosts keep a double's low mantissa word first */
  private readonly low = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 0 : 1;

  constructor(
    private readonly stratified: boolean,
    test: SurvivalTest = 'logrank',
  ) {
    const weights = testWeights(test);
    this.S = new WeightedScores(weights);
    this.F = new WeightedScores(weights);
    this.needsSurvival = weights.needsSurvival;
  }

  get zS(): number {
    return this.S.z;
  }
  get zF(): number {
    return this.F.z;
  }
  get informationS(): number {
    return this.S.information;
  }
  get informationF(): number {
    return this.F.information;
  }
  get eventsS(): number {
    return this.S.events;
  }
  get eventsF(): number {
    return this.F.events;
  }

  /** the tests at month τ over `patients` (S patients only when `onlyS`) */
  analyse(patients: Patients, tau: number, onlyS: boolean): LogRank {
    this.reserve(patients.size);
    const { keys, bits, low } = this;
    const atRisk = this.atRisk;
    atRisk.fill(0);
    const { entry, slot, event, dropout } = patients;
    let m = 0;
    for (let i = 0; i < patients.size; i++) {
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
    const { sortedBits, S, F, stratified, needsSurvival } = this;
    S.reset();
    F.reset();
    let eventsS = 0;
    let eventsF = 0;
    // pooled Kaplan–Meier estimates Ŝ(t−) of S, R and everyone
    let survivalS = 1;
    let survivalR = 1;
    let survivalAll = 1;
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
        const survival = inS ? survivalS : survivalR;
        eventsF++;
        const observedMinusExpected = observed - nT / n;
        const variance = (nT * nC) / (n * n);
        if (inS) {
          eventsS++;
          S.add(survival, observedMinusExpected, variance);
        }
        if (stratified) F.add(survival, observedMinusExpected, variance);
        else {
          const allT = atRisk[0] + atRisk[2];
          const all = allT + atRisk[1] + atRisk[3];
          F.add(survivalAll, observed - allT / all, (allT * (all - allT)) / (all * all));
          if (needsSurvival) survivalAll *= 1 - 1 / all;
        }
        if (needsSurvival) {
          if (inS) survivalS *= 1 - 1 / n;
          else survivalR *= 1 - 1 / n;
        }
      }
      atRisk[stratum + (treated ? 0 : 1)]--;
    }
    S.events = eventsS;
    F.events = eventsF;
    S.finish();
    F.finish();
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
