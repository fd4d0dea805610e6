// Log-rank tests of one survival trial at calendar month τ, for each population asked for, in one
// pass over the patients' observed times sorted once. A population's strata are the subgroups the assay
// classifies its patients into (S alone in the one-marker form, S and R for F). Each event contributes
// O − E = [treated] − n_T/n and V = n_T·n_C/n² with the risk sets of its stratum (stratified) or of the
// population's patients (pooled); z = (E − O)/√V is positive when treatment lowers the hazard. V, about
// c·events, is the information: √(V_S/V_F) is the correlation of nested populations' z statistics, and
// the strata's own V give that of overlapping ones. The test chosen by `analysis.survivalTest` weights
// each event (test-weights.ts) by the pooled Kaplan–Meier estimate Ŝ(t−) of its stratum, kept through the
// same pass (as R's survdiff does with strata), or of the population for the pooled test; the log-rank is
// the weight 1 and needs no estimate. weighted-scores.ts adds up each population's scores and forms z.
//
// Sorting without objects or comparators: the flags (treated, event, and the 3-bit stratum) ride in the
// lowest five mantissa bits of each observed time (a relative change below 10⁻¹⁴), and the times are
// sorted by a bucket pass (counting sort on ⌊time/max·m⌋) finished by insertion sort, which is O(m) for
// the smooth distributions of follow-up times and allocates nothing.
import type { CellLayout } from '../../population-model.js';
import type { SurvivalTest } from '../../scenario/types.js';
import { MAX_POPULATIONS } from '../../tally.js';
import { type Cohort, slotClassified } from './cohort.js';
import { testWeights } from './test-weights.js';
import { WeightedScores } from './weighted-scores.js';

const TREATED = 1;
const EVENT = 2;
const STRATUM_SHIFT = 2;
const FLAGS = 31;
/** the most strata: the most subgroups (population-model.ts) */
const STRATA = 8;

/** the patients a test reads: entry, arm × cell, event and dropout months */
export type Patients = Pick<Cohort, 'size' | 'entry' | 'slot' | 'event' | 'dropout'>;

export class LogRank {
  /** per population (indexed as in the layout), its scores at the last analysis that asked for it */
  readonly scores: WeightedScores[];
  /** per stratum: events by τ, and Σ V (its log-rank information) */
  readonly stratumEvents = new Float64Array(STRATA);
  readonly stratumInformation = new Float64Array(STRATA);
  private readonly needsSurvival: boolean;
  private readonly cells: number;
  private readonly slotStratum: Uint8Array;
  private readonly masks: Uint8Array;
  /** per population, whether it has one stratum (pooled and stratified are then the same test) */
  private readonly single: boolean[];
  /** per stratum, the populations analysed that hold it (a mask), set by each analysis */
  private readonly members = new Uint8Array(STRATA);
  private keys = new Float64Array(0);
  private bits = new Uint32Array(0);
  private sorted = new Float64Array(0);
  private sortedBits = new Uint32Array(0);
  private buckets = new Uint32Array(0);
  /** patients at risk per stratum (treated, control) and per population (treated, control) */
  private readonly atRisk = new Float64Array(2 * STRATA);
  private readonly populationAtRisk = new Float64Array(2 * MAX_POPULATIONS);
  /** Kaplan–Meier estimates Ŝ(t−) per stratum and per population */
  private readonly stratumSurvival = new Float64Array(STRATA);
  private readonly populationSurvival = new Float64Array(MAX_POPULATIONS);
  /** little-endian hosts keep a double's low mantissa word first */
  private readonly low = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 0 : 1;

  constructor(
    private readonly stratified: boolean,
    test: SurvivalTest,
    layout: CellLayout,
  ) {
    const weights = testWeights(test);
    this.masks = layout.populationMask;
    this.scores = Array.from(layout.populationMask, () => new WeightedScores(weights));
    this.single = Array.from(layout.populationMask, (mask) => (mask & (mask - 1)) === 0);
    this.needsSurvival = weights.needsSurvival;
    this.cells = layout.cells;
    this.slotStratum = slotClassified(layout);
  }

  /** events by τ among the patients classified into `mask` (of strata) */
  events(mask: number): number {
    let events = 0;
    for (let j = 0; j < STRATA; j++) if ((mask >> j) & 1) events += this.stratumEvents[j];
    return events;
  }

  /**
   * the tests at month τ of the populations in `populations` (a mask of their indices), over the patients
   * in them and in `alsoRead` (a mask of strata whose events are counted too)
   */
  analyse(patients: Patients, tau: number, populations: number, alsoRead = 0): LogRank {
    this.reserve(patients.size);
    const { keys, bits, low, masks, members, atRisk, populationAtRisk, slotStratum, cells } = this;
    let read = alsoRead;
    members.fill(0);
    for (let k = 0; k < masks.length; k++) {
      if (((populations >> k) & 1) === 0) continue;
      read |= masks[k];
      for (let j = 0; j < STRATA; j++) if ((masks[k] >> j) & 1) members[j] |= 1 << k;
    }
    atRisk.fill(0);
    populationAtRisk.fill(0);
    const { entry, slot, event, dropout } = patients;
    let m = 0;
    for (let i = 0; i < patients.size; i++) {
      const entered = entry[i];
      if (entered >= tau) continue;
      const stratum = slotStratum[slot[i]];
      if (((read >> stratum) & 1) === 0) continue;
      // slots below the cell count are treated
      const treated = slot[i] < cells;
      const eventMonth = event[i];
      const end = Math.min(eventMonth, dropout[i], tau);
      keys[m] = end - entered;
      const word = 2 * m + low;
      const flags = (treated ? TREATED : 0) | (eventMonth <= end ? EVENT : 0) | (stratum << STRATUM_SHIFT);
      bits[word] = (bits[word] & ~FLAGS) | flags;
      const arm = treated ? 0 : 1;
      atRisk[2 * stratum + arm]++;
      for (let held = members[stratum], k = 0; held !== 0; held >>= 1, k++)
        if (held & 1) populationAtRisk[2 * k + arm]++;
      m++;
    }
    this.sort(m);
    this.pass(m, populations);
    return this;
  }

  /** the scores of the sorted patients */
  private pass(m: number, populations: number): void {
    const { sortedBits, scores, stratified, needsSurvival, low, members, atRisk, populationAtRisk, single } = this;
    const { stratumSurvival, populationSurvival, stratumEvents, stratumInformation } = this;
    for (let k = 0; k < scores.length; k++) if ((populations >> k) & 1) scores[k].reset();
    stratumEvents.fill(0);
    stratumInformation.fill(0);
    stratumSurvival.fill(1);
    populationSurvival.fill(1);
    for (let i = 0; i < m; i++) {
      const flags = sortedBits[2 * i + low] & FLAGS;
      const stratum = flags >> STRATUM_SHIFT;
      const treated = (flags & TREATED) !== 0;
      const arm = treated ? 0 : 1;
      if (flags & EVENT) {
        const nT = atRisk[2 * stratum];
        const nC = atRisk[2 * stratum + 1];
        const n = nT + nC;
        const observed = treated ? 1 : 0;
        const observedMinusExpected = observed - nT / n;
        const variance = (nT * nC) / (n * n);
        stratumEvents[stratum]++;
        stratumInformation[stratum] += variance;
        for (let held = members[stratum], k = 0; held !== 0; held >>= 1, k++) {
          if ((held & 1) === 0) continue;
          const scoresK = scores[k];
          scoresK.events++;
          if (stratified || single[k]) {
            scoresK.add(stratumSurvival[stratum], observedMinusExpected, variance);
            continue;
          }
          const allT = populationAtRisk[2 * k];
          const all = allT + populationAtRisk[2 * k + 1];
          scoresK.add(populationSurvival[k], observed - allT / all, (allT * (all - allT)) / (all * all));
          if (needsSurvival) populationSurvival[k] *= 1 - 1 / all;
        }
        if (needsSurvival) stratumSurvival[stratum] *= 1 - 1 / n;
      }
      atRisk[2 * stratum + arm]--;
      for (let held = members[stratum], k = 0; held !== 0; held >>= 1, k++)
        if (held & 1) populationAtRisk[2 * k + arm]--;
    }
    for (let k = 0; k < scores.length; k++) if ((populations >> k) & 1) scores[k].finish();
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
