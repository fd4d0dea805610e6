// How a stage's patients arrive: screened, assigned to a cell (true × classified subgroup) and an arm.
// A stage enrols from a union of classified subgroups (a bit mask: a population, or the union of the
// populations an adaptive design kept); patients the assay puts elsewhere are screened and not
// randomised. `random` strata draw every patient's cell (multinomial, or patient by patient); `fixed`
// strata give every arm × cell exactly its expected share (rpact's convention). Like rpact, continuous
// outcomes then use the unrounded share (a cell mean of m patients is N(μ, σ²/m) for any m > 0),
// and binary ones draw Binomial(round(m), π) responders, rounded half to even as R does, while
// dividing by the unrounded m; patient-level simulation needs whole patients and rounds. With
// random strata arms get round(n·r/(1 + r)) and the rest, as with blocked randomisation.
import type { CellLayout } from '../population-model.js';
import { roundHalfEven, treatmentShare } from '../population.js';
import type { Sampler } from '../random/sampler.js';
import type { Scenario } from '../scenario/types.js';
import type { PatientRecorder } from '../trace/recorder.js';
import type { OutcomeModel } from './outcome-model.js';
import { clearOccupied, CONTROL, copySlots, TREATMENT, type StageData } from './stage.js';

/** what enrolling from one mask of classified subgroups needs, made once per mask */
type Source = {
  /** the cells of the mask, increasing */
  cells: Uint8Array;
  /** those of positive probability, and theirs: fixed strata place patients only there */
  occupied: Uint8Array;
  occupiedProbabilities: Float64Array;
  /** P(cell | in the mask), in that order */
  probabilities: Float64Array;
  /** P(in the mask) for a screened patient */
  share: number;
  /** the multinomial draw's counts, one per cell of the mask */
  drawn: Float64Array;
  /** fixed strata: the n last placed (−1: none yet), and its count and size of every slot */
  placedN: number;
  placedCount: Float64Array;
  placedSize: Float64Array;
};

export class Enrolment {
  private readonly share: number;
  private readonly fixed: boolean;
  private readonly patientLevel: boolean;
  /** binary endpoints with fixed strata count unrounded arm sizes in their statistics, as rpact does */
  private readonly unroundedSizes: boolean;
  /** fixed strata with draws that need whole patients (binary responders, or patient-level) */
  private readonly wholeFixedCounts: boolean;
  private readonly cells: number;
  private readonly full: number;
  /** by mask of classified subgroups, made when first enrolled from */
  private readonly sources: (Source | undefined)[];
  private readonly cumulativeCells: Float64Array;

  constructor(
    scenario: Scenario,
    private readonly layout: CellLayout,
    private readonly model: OutcomeModel,
    /** a trace's recorder of every patient screened (patient level); null when simulating blocks */
    private readonly recorder: PatientRecorder | null = null,
  ) {
    this.share = treatmentShare(scenario.trial.allocation);
    this.fixed = scenario.analysis.strata === 'fixed';
    this.patientLevel = scenario.simulation.method === 'patient';
    this.unroundedSizes = this.fixed && scenario.endpoint.type === 'binary';
    this.wholeFixedCounts = scenario.endpoint.type === 'binary' || this.patientLevel;
    this.cells = layout.cells;
    this.full = layout.populationMask[layout.full];
    this.sources = new Array(this.full + 1);
    this.cumulativeCells = new Float64Array(this.cells);
    let running = 0;
    for (let cell = 0; cell < this.cells; cell++) {
      running += layout.cellProbability[cell];
      this.cumulativeCells[cell] = running;
    }
    // from the last cell of positive probability on, 1: a uniform draw never lands on a cell of none
    for (let cell = this.cells - 1; cell >= 0; cell--) {
      this.cumulativeCells[cell] = 1;
      if (layout.cellProbability[cell] > 0) break;
    }
  }

  /** the mask of classified subgroups of population k, for `enrol` */
  maskOf(population: number): number {
    return this.layout.populationMask[population];
  }

  /** Randomise n patients from the classified subgroups in `from` (a bit mask) into `stage`. */
  enrol(stage: StageData, from: number, n: number, sampler: Sampler): void {
    // fixed strata set every slot's count and size; the sufficient draws set every slot's sums
    if (this.fixed) this.placeFixed(stage, from, n);
    else {
      stage.unplace();
      clearOccupied(stage.count, stage.occupied);
      if (!this.patientLevel) this.placeRandom(stage, from, n, sampler);
    }
    if (this.patientLevel) {
      clearOccupied(stage.sum, stage.occupied);
      clearOccupied(stage.sumSquares, stage.occupied);
      if (this.fixed) this.drawPatientsInPlace(stage, sampler);
      else this.drawPatients(stage, from, n, sampler);
      this.model.finishPatients(stage);
    } else {
      this.model.drawSufficient(stage, sampler);
    }
    if (!this.fixed) copySlots(stage.size, stage.count, stage.occupied);
  }

  /** the cells of `mask` and their probabilities within it; the whole population's are the layout's own */
  private source(mask: number): Source {
    let source = this.sources[mask];
    if (source !== undefined) return source;
    const layout = this.layout;
    const cells: number[] = [];
    let share = 0;
    for (let cell = 0; cell < this.cells; cell++) {
      if (!(mask & (1 << layout.cellClassified[cell]))) continue;
      cells.push(cell);
      share += layout.cellProbability[cell];
    }
    const whole = mask === this.full;
    const probabilities = Float64Array.from(cells, (cell) =>
      whole ? layout.cellProbability[cell] : layout.cellProbability[cell] / share,
    );
    const occupied = cells.flatMap((_, i) => (probabilities[i] > 0 ? [i] : []));
    source = {
      cells: Uint8Array.from(cells),
      probabilities,
      occupied: Uint8Array.from(occupied, (i) => cells[i]),
      occupiedProbabilities: Float64Array.from(occupied, (i) => probabilities[i]),
      share: whole ? 1 : share,
      drawn: new Float64Array(cells.length),
      placedN: -1,
      placedCount: new Float64Array(2 * this.cells),
      placedSize: new Float64Array(2 * this.cells),
    };
    this.sources[mask] = source;
    return source;
  }

  /**
   * every slot's count and size: the expected share of n, the same for every trial of a design, so made once
   * and placed into a stage, which copies it only when it holds another (an adaptive design's stages each keep
   * their own data: 545 → 505 ns a trial of the adaptive design)
   */
  private placeFixed(stage: StageData, from: number, n: number): void {
    const source = this.source(from);
    if (source.placedN !== n) {
      const { occupied, occupiedProbabilities } = source;
      source.placedCount.fill(0);
      source.placedSize.fill(0);
      for (let i = 0; i < occupied.length; i++) {
        for (let arm = TREATMENT; arm <= CONTROL; arm++) {
          const slot = arm * this.cells + occupied[i];
          const expected = n * (arm === TREATMENT ? this.share : 1 - this.share) * occupiedProbabilities[i];
          source.placedCount[slot] = this.wholeFixedCounts ? roundHalfEven(expected) : expected;
          // the statistics divide by the whole count, but by the unrounded size for binary endpoints (rpact)
          source.placedSize[slot] = this.unroundedSizes ? expected : source.placedCount[slot];
        }
      }
      source.placedN = n;
    }
    stage.place(source, n, source.placedCount, source.placedSize);
    stage.screened = from === this.full ? n : n / source.share;
  }

  /** the treatment arm's patients of n, with random strata */
  private treatmentCount(n: number): number {
    return roundHalfEven(n * this.share);
  }

  private placeRandom(stage: StageData, from: number, n: number, sampler: Sampler): void {
    const nT = this.treatmentCount(n);
    const nC = n - nT;
    const { count } = stage;
    const { cells, probabilities, share, drawn: out } = this.source(from);
    sampler.multinomial(nT, probabilities, out);
    for (let i = 0; i < cells.length; i++) count[cells[i]] = out[i];
    sampler.multinomial(nC, probabilities, out);
    for (let i = 0; i < cells.length; i++) count[this.cells + cells[i]] = out[i];
    // those the assay puts elsewhere are screened too: negative binomial failures before n successes
    stage.screened = from === this.full ? n : n + sampler.negativeBinomial(n, share);
  }

  /**
   * patient by patient: screen, keep those the stage takes, and give the arms in turn, n_T of the n to
   * treatment spread evenly through the stage (the i-th patient treated while fewer than n_T·i/n are),
   * as a trial randomises in blocks; the patients' cells are independent of the order, so any fixed order
   * of n_T and n_C gives the same law, and a trace shows both arms recruiting side by side
   */
  private drawPatients(stage: StageData, from: number, n: number, sampler: Sampler): void {
    const nT = this.treatmentCount(n);
    const recorder = this.recorder;
    let randomised = 0;
    let treated = 0;
    let screened = 0;
    while (randomised < n) {
      screened++;
      const cell = this.drawCell(sampler);
      if (!(from & (1 << this.layout.cellClassified[cell]))) {
        recorder?.screened(cell, -1, Number.NaN);
        continue;
      }
      const arm = treated < (nT * (randomised + 1)) / n - 1e-9 ? TREATMENT : CONTROL;
      if (arm === TREATMENT) treated++;
      const slot = arm * this.cells + cell;
      stage.count[slot]++;
      const outcome = this.model.drawPatient(stage, slot, sampler);
      recorder?.screened(cell, slot, outcome);
      randomised++;
    }
    stage.screened = screened;
  }

  private drawPatientsInPlace(stage: StageData, sampler: Sampler): void {
    const recorder = this.recorder;
    for (let slot = 0; slot < stage.slots; slot++) {
      for (let i = 0; i < stage.count[slot]; i++) {
        const outcome = this.model.drawPatient(stage, slot, sampler);
        recorder?.screened(slot % this.cells, slot, outcome);
      }
    }
  }

  private drawCell(sampler: Sampler): number {
    const u = sampler.uniform();
    let cell = 0;
    while (cell < this.cells - 1 && u >= this.cumulativeCells[cell]) cell++;
    return cell;
  }
}
