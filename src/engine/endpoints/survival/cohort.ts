// The patients of one simulated survival trial, patient by patient, in typed arrays reused from
// trial to trial. Patients are screened one every 1/screeningRate months; a screened patient's
// cell is drawn (random strata) or assigned so that every cell keeps its expected share (fixed
// strata, the largest deficit first); the patients the design takes are randomised in turn so
// that the arms keep the r : 1 ratio (within each cell with fixed strata: their cells come in a
// fixed cycle, which alternating arms over everyone would confound with the arms, e.g. all of one
// cell treated when two cells of equal share alternate), and get event times by inverting their slot's cumulative
// hazard at a standard exponential draw (hazards.ts) and exponential dropout times. A stage takes
// the patients the assay classifies into a mask of subgroups (a population, or the union of those an
// adaptive design kept); the others are screened and not randomised.
import type { CellLayout } from '../../population-model.js';
import { treatmentShare } from '../../population.js';
import type { Sampler } from '../../random/sampler.js';
import type { Scenario } from '../../scenario/types.js';
import type { PatientRecorder } from '../../trace/recorder.js';
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
  /** each slot's classified subgroup: who is in which population */
  readonly slotClassified: Uint8Array;
  /** patients screened so far (with fixed strata and a population taken, n / its share exactly) */
  screened = 0;
  private readonly share: number;
  private readonly fixed: boolean;
  private readonly count: number;
  private readonly cells: Float64Array;
  private readonly cellClassified: Uint8Array;
  /** per mask of classified subgroups, the patients screened per one of them: 1 / P(classified into it) */
  private readonly screenedPerPatient: Float64Array;
  private readonly cumulative: Float64Array;
  private readonly cellCount: Float64Array;
  /** patients randomised and treated so far: over everyone (random strata) or per cell (fixed strata) */
  private treated = 0;
  private readonly cellTreated: Float64Array;
  private readonly cellTaken: Float64Array;
  private readonly interval: number;

  constructor(
    scenario: Scenario,
    layout: CellLayout,
    private readonly hazards: SurvivalHazards,
    /** a trace's recorder of every patient screened; null when simulating blocks */
    private readonly recorder: PatientRecorder | null = null,
  ) {
    this.share = treatmentShare(scenario.trial.allocation);
    this.fixed = scenario.analysis.strata === 'fixed';
    const count = layout.cells;
    this.count = count;
    this.cells = layout.cellProbability;
    this.cellClassified = layout.cellClassified;
    this.screenedPerPatient = Float64Array.from({ length: 1 << layout.subgroupIds.length }, (_, mask) => {
      if (mask === layout.populationMask[layout.full]) return 1;
      let share = 0;
      layout.classifiedShare.forEach((p, j) => {
        if ((mask >> j) & 1) share += p;
      });
      return 1 / share;
    });
    this.cumulative = new Float64Array(count);
    this.cellCount = new Float64Array(count);
    this.cellTreated = new Float64Array(count);
    this.cellTaken = new Float64Array(count);
    this.slotClassified = slotClassified(layout);
    // the last cell anyone falls into closes the distribution at 1 (rounding leaves the sum just below)
    let last = 0;
    let running = 0;
    for (let cell = 0; cell < count; cell++) {
      this.cumulative[cell] = running += this.cells[cell];
      if (this.cells[cell] > 0) last = cell;
    }
    this.cumulative.fill(1, last);
    this.interval = 1 / scenario.trial.screeningRate;
  }

  /** start a trial */
  clear(): void {
    this.size = 0;
    this.screened = 0;
    this.treated = 0;
    this.cellTreated.fill(0);
    this.cellTaken.fill(0);
    this.cellCount.fill(0);
  }

  /** screen until `n` more patients classified into `mask` (of subgroups) are randomised */
  recruit(mask: number, n: number, sampler: Sampler): void {
    this.reserve(this.size + n);
    const hazards = this.hazards;
    const dropout = hazards.dropout;
    const cells = this.count;
    for (let taken = 0; taken < n; ) {
      const cell = this.nextCell(mask, sampler);
      if (((mask >> this.cellClassified[cell]) & 1) === 0) {
        this.recorder?.entered(cell, -1, this.screened * this.interval, Infinity, Infinity);
        continue;
      }
      const i = this.size++;
      const arm = this.nextArm(cell, i);
      const slot = arm * cells + cell;
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
  private nextCell(mask: number, sampler: Sampler): number {
    const cells = this.count;
    if (!this.fixed) {
      this.screened++;
      const u = sampler.uniform();
      let cell = 0;
      while (cell < cells - 1 && u >= this.cumulative[cell]) cell++;
      return cell;
    }
    // fixed strata: the cell furthest behind its expected share among those this stage takes
    this.screened += this.screenedPerPatient[mask];
    let best = -1;
    let deficit = -Infinity;
    for (let cell = 0; cell < cells; cell++) {
      if (((mask >> this.cellClassified[cell]) & 1) === 0) continue;
      const behind = this.cells[cell] * this.screened - this.cellCount[cell];
      if (behind > deficit) {
        deficit = behind;
        best = cell;
      }
    }
    this.cellCount[best]++;
    return best;
  }

  /** the arm of the i-th patient randomised, of cell `cell`: r : 1 in turn, within the cell with fixed strata */
  private nextArm(cell: number, i: number): number {
    if (!this.fixed) {
      const arm = this.treated < this.share * (i + 1) - 1e-9 ? TREATMENT : CONTROL;
      if (arm === TREATMENT) this.treated++;
      return arm;
    }
    const taken = ++this.cellTaken[cell];
    const arm = this.cellTreated[cell] < this.share * taken - 1e-9 ? TREATMENT : CONTROL;
    if (arm === TREATMENT) this.cellTreated[cell]++;
    return arm;
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

/** per slot (arm × cell, as hazards.ts numbers them), its cell's classified subgroup */
export function slotClassified(layout: CellLayout): Uint8Array {
  return Uint8Array.from({ length: 2 * layout.cells }, (_, slot) => layout.cellClassified[slot % layout.cells]);
}
