// Expected recruitment and event timing of a survival trial (used by the asymptotic method, whose
// statistics carry no times, and as the closed form the patient-level simulator is checked
// against). Screening runs at `screeningRate`; a population's patients arrive at that rate times
// their share of the screened, until `n` are randomised; one who arrived at t has had the event
// by τ with probability λ/κ·(1 − e^{−κ(τ − t)}), κ = λ + δ (event and dropout hazards), so a
// segment of arrivals at rate a from s to e adds a·λ/κ·[(u − s) − (e^{−κ(τ − u)} − e^{−κ(τ − s)})/κ]
// events by τ, u = min(e, τ).
import { CELLS, CELL_IN_S, type PopulationSummary } from '../../population.js';
import type { Scenario } from '../../scenario/types.js';
import type { TestedPopulation } from '../outcome-model.js';
import type { SurvivalHazards } from './hazards.js';

export interface Segment {
  start: number;
  end: number;
  /** arrivals per month per slot */
  rates: Float64Array;
}

export class Accrual {
  readonly segments: Segment[] = [];
  private readonly share: number;

  constructor(
    private readonly scenario: Scenario,
    private readonly population: PopulationSummary,
    private readonly hazards: SurvivalHazards,
  ) {
    this.share = scenario.trial.allocation / (1 + scenario.trial.allocation);
  }

  /** randomise `n` patients from `from` starting at month `start` (n = ∞: until any analysis); returns the end month */
  recruit(from: TestedPopulation, n: number, start: number): number {
    const cells = this.population.cellProbabilities;
    const rates = new Float64Array(2 * CELLS);
    let total = 0;
    for (let cell = 0; cell < CELLS; cell++) {
      if (from === 'S' && !CELL_IN_S[cell]) continue;
      const rate = this.scenario.trial.screeningRate * cells[cell];
      rates[cell] = rate * this.share;
      rates[CELLS + cell] = rate * (1 - this.share);
      total += rate;
    }
    const end = start + n / total;
    this.segments.push({ start, end, rates });
    return end;
  }

  /** expected events by month τ among patients of the given cells (all when `onlyS` is false) */
  events(tau: number, onlyS: boolean): number {
    let events = 0;
    const dropout = this.hazards.dropout;
    for (const { start, end, rates } of this.segments) {
      if (tau <= start) continue;
      const until = Math.min(end, tau);
      for (let slot = 0; slot < rates.length; slot++) {
        if (rates[slot] === 0 || (onlyS && !CELL_IN_S[slot % CELLS])) continue;
        const lambda = this.hazards.event[slot];
        const kappa = lambda + dropout;
        events += ((rates[slot] * lambda) / kappa) * (until - start - (Math.exp(-kappa * (tau - until)) - Math.exp(-kappa * (tau - start))) / kappa);
      }
    }
    return events;
  }

  /** the month by which `target` events are expected (∞ if never) */
  eventMonth(target: number, onlyS: boolean): number {
    let high = 1;
    while (this.events(high, onlyS) < target) {
      high *= 2;
      if (high > 1e7) return Infinity;
    }
    let low = 0;
    for (let i = 0; i < 200 && high - low > 1e-12 * high; i++) {
      const middle = 0.5 * (low + high);
      if (this.events(middle, onlyS) < target) low = middle;
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
