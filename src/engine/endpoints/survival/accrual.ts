// Expected recruitment and event timing of a survival trial (used by the asymptotic method, whose
// statistics carry no times, by planning, and as the closed form the patient-level simulator is
// checked against). Screening runs at `screeningRate`; a population's patients arrive at that rate
// times their share of the screened, until `n` are randomised; each slot's events by month τ are the
// sum over its law's pieces of the integrals in piece-events.ts. Populations are masks of the
// subgroups the assay classifies patients into: who is recruited, and whose events are counted.
import type { CellLayout } from '../../population-model.js';
import { treatmentShare } from '../../population.js';
import type { Scenario } from '../../scenario/types.js';
import { slotClassified } from './cohort.js';
import type { SurvivalHazards } from './hazards.js';
import { pieceEvents, pieceProbability } from './piece-events.js';
import { normalCdf } from '../../math/normal.js';

/** a target within this many sd of every event the patients will ever have is reached only sometimes */
const REACH_MARGIN_SD = 6;
/** a month beyond any analysis (some 800,000 years) */
const MAX_MONTH = 1e7;
/** P(no analysis yet) at the end of the integration */
const LAST_EVENT_TAIL = 1e-9;
/** Simpson intervals over the integration (each a pass over the accrual segments) */
const MONTH_INTERVALS = 200;
/** nodes and half-width (in sd) of the normal grid for the number of events that ever happen */
const COUNT_NODES = 21;
const COUNT_SPAN = 5;

export interface Segment {
  start: number;
  end: number;
  /** arrivals per month per slot */
  rates: Float64Array;
}

export class Accrual {
  readonly segments: Segment[] = [];
  /** shareGrid's, per mask of counted subgroups; valid once recruitment is complete */
  private readonly grids = new Map<number, { step: number; shares: Float64Array }>();
  private readonly share: number;
  private readonly slotClassified: Uint8Array;

  constructor(
    private readonly scenario: Scenario,
    private readonly layout: CellLayout,
    private readonly hazards: SurvivalHazards,
  ) {
    this.share = treatmentShare(scenario.trial.allocation);
    this.slotClassified = slotClassified(layout);
  }

  /**
   * randomise `n` patients classified into `mask` starting at month `start` (n = ∞: until any
   * analysis); returns the end month
   */
  recruit(mask: number, n: number, start: number): number {
    const { cellProbability: cells, cellClassified, cells: count } = this.layout;
    const rates = new Float64Array(2 * count);
    let total = 0;
    for (let cell = 0; cell < count; cell++) {
      if (((mask >> cellClassified[cell]) & 1) === 0) continue;
      const rate = this.scenario.trial.screeningRate * cells[cell];
      rates[cell] = rate * this.share;
      rates[count + cell] = rate * (1 - this.share);
      total += rate;
    }
    const end = start + n / total;
    this.segments.push({ start, end, rates });
    return end;
  }

  /**
   * expected events by month τ among patients classified into `mask`; with `byPiece`, each piece's
   * share is added to its entry (indexed as the law's pieces)
   */
  events(tau: number, mask: number, byPiece?: Float64Array): number {
    let events = 0;
    const law = this.hazards;
    for (const { start, end, rates } of this.segments) {
      if (tau <= start) continue;
      const until = Math.min(end, tau);
      for (let slot = 0; slot < rates.length; slot++) {
        if (rates[slot] === 0 || ((mask >> this.slotClassified[slot]) & 1) === 0) continue;
        for (let j = law.first[slot]; j < law.first[slot + 1]; j++) {
          const inPiece = pieceEvents(law, slot, j, rates[slot], start, until, tau);
          events += inPiece;
          if (byPiece) byPiece[j] += inPiece;
        }
      }
    }
    return events;
  }

  /** expected events by the end of follow-up (every event that will ever happen; ∞ without a size) */
  eventually(mask: number): number {
    let events = 0;
    const law = this.hazards;
    for (const { start, end, rates } of this.segments) {
      for (let slot = 0; slot < rates.length; slot++) {
        if (rates[slot] === 0 || ((mask >> this.slotClassified[slot]) & 1) === 0) continue;
        for (let j = law.first[slot]; j < law.first[slot + 1]; j++)
          events += pieceProbability(law, slot, j, rates[slot]) * (end - start);
      }
    }
    return events;
  }

  /**
   * The analysis planned at `target` events: its expected month and the events it reads. Where the
   * target is well within reach, the month by which `target` events are expected (rpact's timing).
   * Near or beyond what the recruited patients can ever have, a simulated trial analyses at its last
   * event when it falls short, so the month is E[T_(min(k, N))], N the events that ever happen. Given
   * N = m, the event months are m independent draws whose distribution function is π(τ) = E(τ)/E∞:
   * P(T > τ | m) = 1 − π^m when m < k, else P(Binomial(m, π) < k) (normal, with continuity
   * correction); N is Binomial(n, E∞/n), integrated on a normal grid.
   */
  analysis(target: number, mask: number): { months: number; events: number } {
    const total = this.eventually(mask);
    const patients = this.patients(mask);
    const sd = Math.sqrt(total * Math.max(0, 1 - total / patients));
    if (!(target > total - REACH_MARGIN_SD * sd - 1)) return { months: this.eventMonth(target, mask), events: target };
    const counts = new Float64Array(COUNT_NODES);
    const weights = new Float64Array(COUNT_NODES);
    let weightSum = 0;
    for (let j = 0; j < COUNT_NODES; j++) {
      const x = -COUNT_SPAN + (2 * COUNT_SPAN * j) / (COUNT_NODES - 1);
      counts[j] = Math.max(0, total + sd * x);
      weights[j] = Math.exp(-0.5 * x * x);
      weightSum += weights[j];
    }
    let events = 0;
    for (let j = 0; j < COUNT_NODES; j++) events += (weights[j] / weightSum) * Math.min(target, counts[j]);
    const { step, shares } = this.shareGrid(mask, total);
    let integral = 0;
    for (let i = 0; i < shares.length; i++) {
      const share = shares[i];
      let notYet = 0;
      for (let j = 0; j < COUNT_NODES; j++) {
        const m = counts[j];
        let later: number;
        if (m < target) later = 1 - share ** m;
        else if (share <= 0) later = 1;
        else if (share >= 1) later = 0;
        else later = normalCdf((target - 0.5 - m * share) / Math.sqrt(m * share * (1 - share)));
        notYet += weights[j] * later;
      }
      integral += (i === 0 || i === shares.length - 1 ? 1 : i % 2 === 1 ? 4 : 2) * notYet;
    }
    return { months: (integral * step) / (3 * weightSum), events: Math.max(1, events) };
  }

  /**
   * π(τ) = E(τ)/E∞ on Simpson's grid from 0 to where fewer than LAST_EVENT_TAIL events are still to
   * come (the same for every target, so made once)
   */
  private shareGrid(mask: number, total: number): { step: number; shares: Float64Array } {
    let grid = this.grids.get(mask);
    if (grid === undefined) {
      let horizon = 1;
      for (const { end } of this.segments) horizon = Math.max(horizon, end);
      // the integrals' own rounding may keep the difference above the tail: no horizon past MAX_MONTH
      while (total - this.events(horizon, mask) > LAST_EVENT_TAIL && horizon < MAX_MONTH) horizon *= 2;
      const intervals = 2 * MONTH_INTERVALS;
      const step = horizon / intervals;
      const shares = Float64Array.from({ length: intervals + 1 }, (_, i) =>
        Math.min(1, this.events(i * step, mask) / total),
      );
      grid = { step, shares };
      this.grids.set(mask, grid);
    }
    return grid;
  }

  /** patients recruited, of those classified into `mask` */
  private patients(mask: number): number {
    let patients = 0;
    for (const { start, end, rates } of this.segments) {
      for (let slot = 0; slot < rates.length; slot++)
        if ((mask >> this.slotClassified[slot]) & 1) patients += rates[slot] * (end - start);
    }
    return patients;
  }

  /** the month by which `target` events are expected (∞ if never) */
  eventMonth(target: number, mask: number): number {
    let high = 1;
    while (this.events(high, mask) < target) {
      high *= 2;
      if (high > MAX_MONTH) return Infinity;
    }
    let low = 0;
    for (let i = 0; i < 200 && high - low > 1e-12 * high; i++) {
      const middle = 0.5 * (low + high);
      if (this.events(middle, mask) < target) low = middle;
      else high = middle;
    }
    return 0.5 * (low + high);
  }

  /** patients randomised and screened by month τ */
  recruited(tau: number): { randomized: number; screened: number } {
    let randomized = 0;
    let screened = 0;
    for (const { start, end, rates } of this.segments) {
      if (tau <= start) continue;
      const months = Math.min(end, tau) - start;
      let rate = 0;
      for (let slot = 0; slot < rates.length; slot++) rate += rates[slot];
      randomized += rate * months;
      screened += this.scenario.trial.screeningRate * months;
    }
    return { randomized, screened };
  }
}
