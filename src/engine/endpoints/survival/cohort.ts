// The patients of one simulated survival trial, patient by patient, in typed arrays reused from
// trial to trial. Patients are screened one every 1/screeningRate months; a screened patient's
// cell is drawn (random strata) or assigned so that every cell keeps its expected share (fixed
// strata, the largest deficit first); the patients the design takes are randomised in turn so
// that the arms keep the r : 1 ratio, and get event times by inverting their slot's cumulative
// hazard at a standard exponential draw (hazards.ts) and exponential dropout times.
import { CELLS, CELL_IN_S, treatmentShare, type PopulationSummary } from '../../population.js';
import type { Sampler } from '../../random/sampler.js';
import type { Scenario } from '../../scenario/types.js';
import type { PatientRecorder } from '../../trace/recorder.js';
import type { TestedPopulation } from '../outcome-model.js';
import { CONTROL, TREATMENT } from '../stage.js';
import type { SurvivalHazards } from './hazards.js';

export class Cohort {
  size = 0;
  /** calendar month of randomisation */
  entry = new Float64Array(0);
  /** arm × cell */
  slot = new Uint8Array(0);
  /** calendar month of the event and of dropout (∞ without dropout) */
  event = new Float64Array(0);
  dropout = new Float64Array(0);
  /** patients screened so far (with fixed strata and only S taken, n / P(assay+) exactly) */
  screened = 0;
  private readonly share: number;
  private readonly fixed: boolean;
  private readonly cells: Float64Array;
  private readonly cumulative = new Float64Array(CELLS);
  private readonly cellCount = new Float64Array(CELLS);
  private treated = 0;
  private readonly interval: number;
  private readonly assayPositive: number;

  constructor(
    scenario: Scenario,
    population: PopulationSummary,
    private readonly hazards: SurvivalHazards,
    /** a trace's recorder of every patient screened; null when simulating blocks */
    private readonly recorder: PatientRecorder | null = null,
  ) {
    this.share = treatmentShare(scenario.trial.allocation);
    this.fixed = scenario.analysis.strata === 'fixed';
    this.cells = Float64Array.from(population.cellProbabilities);
    let running = 0;
    for (let cell = 0; cell < CELLS; cell++) this.cumulative[cell] = running += this.cells[cell];
    this.cumulative[CELLS - 1] = 1;
    this.interval = 1 / scenario.trial.screeningRate;
    this.assayPositive = population.assayPositive;
  }

  /** start a trial */
  clear(): void {
    this.size = 0;
    this.screened = 0;
    this.treated = 0;
    this.cellCount.fill(0);
  }

  /** screen until `n` more patients from `from` are randomised */
  recruit(from: TestedPopulation, n: number, sampler: Sampler): void {
    this.reserve(this.size + n);
    const hazards = this.hazards;
    const dropout = hazards.dropout;
    for (let taken = 0; taken < n; ) {
      const cell = this.nextCell(from, sampler);
      if (from === 'S' && !CELL_IN_S[cell]) {
        this.recorder?.entered(cell, -1, this.screened * this.interval, Infinity, Infinity);
        continue;
      }
      const i = this.size++;
      const arm = this.treated < this.share * (i + 1) - 1e-9 ? TREATMENT : CONTROL;
      if (arm === TREATMENT) this.treated++;
      const slot = arm * CELLS + cell;
      const entry = this.screened * this.interval;
      this.entry[i] = entry;
      this.slot[i] = slot;
      this.event[i] = entry + hazards.eventTime(slot, sampler.standardExponential());
      this.dropout[i] = dropout > 0 ? entry + sampler.exponential(dropout) : Infinity;
      this.recorder?.entered(cell, slot, entry, this.event[i], this.dropout[i]);
      taken++;
    }
  }

  /** screen the next patient: their cell */
  private nextCell(from: TestedPopulation, sampler: Sampler): number {
    if (!this.fixed) {
      this.screened++;
      const u = sampler.uniform();
      let cell = 0;
      while (cell < CELLS - 1 && u >= this.cumulative[cell]) cell++;
      return cell;
    }
    // fixed strata: the cell furthest behind its expected share among those this stage takes
    this.screened += from === 'S' ? 1 / this.assayPositive : 1;
    let best = -1;
    let deficit = -Infinity;
    for (let cell = 0; cell < CELLS; cell++) {
      if (from === 'S' && !CELL_IN_S[cell]) continue;
      const behind = this.cells[cell] * this.screened - this.cellCount[cell];
      if (behind > deficit) {
        deficit = behind;
        best = cell;
      }
    }
    this.cellCount[best]++;
    return best;
  }

  private reserve(capacity: number): void {
    if (capacity <= this.entry.length) return;
    const grown = Math.max(capacity, 2 * this.entry.length);
    const copy = <T extends Float64Array | Uint8Array>(old: T, fresh: T) => (fresh.set(old), fresh);
    this.entry = copy(this.entry, new Float64Array(grown));
    this.slot = copy(this.slot, new Uint8Array(grown));
    this.event = copy(this.event, new Float64Array(grown));
    this.dropout = copy(this.dropout, new Float64Array(grown));
  }
}
