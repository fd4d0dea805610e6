// How a stage's patients arrive: screened, assigned to a cell (marker × assay) and an arm.
// `random` strata draw every patient's cell (multinomial, or patient by patient); `fixed` strata
// give every arm × cell exactly its expected share (rpact's convention). Like rpact, continuous
// outcomes then use the unrounded share (a cell mean of m patients is N(μ, σ²/m) for any m > 0),
// and binary ones draw Binomial(round(m), π) responders, rounded half to even as R does, while
// dividing by the unrounded m; patient-level simulation needs whole patients and rounds. With
// random strata arms get round(n·r/(1 + r)) and the rest, as with blocked randomisation.
import { CELLS, CELL_IN_S, roundHalfEven, treatmentShare, type PopulationSummary } from '../population.js';
import type { Sampler } from '../random/sampler.js';
import type { Scenario } from '../scenario/types.js';
import type { PatientRecorder } from '../trace/recorder.js';
import type { OutcomeModel, TestedPopulation } from './outcome-model.js';
import { CONTROL, SLOTS, TREATMENT, type StageData } from './stage.js';

export class Enrolment {
  private readonly share: number;
  private readonly fixed: boolean;
  private readonly patientLevel: boolean;
  /** binary endpoints with fixed strata count unrounded arm sizes in their statistics, as rpact does */
  private readonly unroundedSizes: boolean;
  /** fixed strata with draws that need whole patients (binary responders, or patient-level) */
  private readonly wholeFixedCounts: boolean;
  private readonly cellsOfF: Float64Array;
  private readonly cellsOfS: Float64Array;
  private readonly cumulativeCells = new Float64Array(CELLS);
  private readonly assayPositive: number;
  private readonly ppv: number;
  private readonly multinomialOut = new Float64Array(CELLS);

  constructor(
    scenario: Scenario,
    population: PopulationSummary,
    private readonly model: OutcomeModel,
    /** a trace's recorder of every patient screened (patient level); null when simulating blocks */
    private readonly recorder: PatientRecorder | null = null,
  ) {
    this.share = treatmentShare(scenario.trial.allocation);
    this.fixed = scenario.analysis.strata === 'fixed';
    this.patientLevel = scenario.simulation.method === 'patient';
    this.unroundedSizes = this.fixed && scenario.endpoint.type === 'binary';
    this.wholeFixedCounts = scenario.endpoint.type === 'binary' || this.patientLevel;
    this.assayPositive = population.assayPositive;
    this.ppv = population.ppv;
    const cells = population.cellProbabilities;
    this.cellsOfF = Float64Array.from(cells);
    this.cellsOfS = Float64Array.from([population.ppv, 1 - population.ppv, 0, 0]);
    let running = 0;
    for (let cell = 0; cell < CELLS; cell++) {
      running += cells[cell];
      this.cumulativeCells[cell] = running;
    }
    this.cumulativeCells[CELLS - 1] = 1;
  }

  /** Randomise n patients from population S (assay+ only) or F (all comers) into `stage`. */
  enrol(stage: StageData, from: TestedPopulation, n: number, sampler: Sampler): void {
    stage.count.fill(0);
    stage.sum.fill(0);
    stage.sumSquares.fill(0);
    const nT = roundHalfEven(n * this.share);
    const nC = n - nT;
    if (this.fixed) this.placeFixed(stage, from, n);
    else if (!this.patientLevel) this.placeRandom(stage, from, n, nT, nC, sampler);
    if (this.patientLevel) {
      if (this.fixed) this.drawPatientsInPlace(stage, sampler);
      else this.drawPatients(stage, from, nT, nC, sampler);
      this.model.finishPatients(stage);
    } else {
      this.model.drawSufficient(stage, sampler);
    }
    if (!this.unroundedSizes) stage.size.set(stage.count);
  }

  private placeFixed(stage: StageData, from: TestedPopulation, n: number): void {
    const cells = from === 'S' ? this.cellsOfS : this.cellsOfF;
    for (let slot = 0; slot < SLOTS; slot++) {
      const arm = slot < CELLS ? TREATMENT : CONTROL;
      const expected = n * (arm === TREATMENT ? this.share : 1 - this.share) * cells[slot % CELLS];
      stage.size[slot] = expected;
      stage.count[slot] = this.wholeFixedCounts ? roundHalfEven(expected) : expected;
    }
    stage.screened = from === 'S' ? n / this.assayPositive : n;
  }

  private placeRandom(
    stage: StageData,
    from: TestedPopulation,
    n: number,
    nT: number,
    nC: number,
    sampler: Sampler,
  ): void {
    const { count } = stage;
    if (from === 'S') {
      count[0] = sampler.binomial(nT, this.ppv);
      count[1] = nT - count[0];
      count[CELLS] = sampler.binomial(nC, this.ppv);
      count[CELLS + 1] = nC - count[CELLS];
      stage.screened = n + sampler.negativeBinomial(n, this.assayPositive);
      return;
    }
    const out = this.multinomialOut;
    sampler.multinomial(nT, this.cellsOfF, out);
    for (let cell = 0; cell < CELLS; cell++) count[cell] = out[cell];
    sampler.multinomial(nC, this.cellsOfF, out);
    for (let cell = 0; cell < CELLS; cell++) count[CELLS + cell] = out[cell];
    stage.screened = n;
  }

  /** patient by patient: screen, keep those the stage takes, first n_T to treatment */
  private drawPatients(stage: StageData, from: TestedPopulation, nT: number, nC: number, sampler: Sampler): void {
    const n = nT + nC;
    const recorder = this.recorder;
    let randomised = 0;
    let screened = 0;
    while (randomised < n) {
      screened++;
      const cell = this.drawCell(sampler);
      if (from === 'S' && !CELL_IN_S[cell]) {
        recorder?.screened(cell, -1, Number.NaN);
        continue;
      }
      const slot = (randomised < nT ? TREATMENT : CONTROL) * CELLS + cell;
      stage.count[slot]++;
      const outcome = this.model.drawPatient(stage, slot, sampler);
      recorder?.screened(cell, slot, outcome);
      randomised++;
    }
    stage.screened = screened;
  }

  private drawPatientsInPlace(stage: StageData, sampler: Sampler): void {
    const recorder = this.recorder;
    for (let slot = 0; slot < SLOTS; slot++) {
      for (let i = 0; i < stage.count[slot]; i++) {
        const outcome = this.model.drawPatient(stage, slot, sampler);
        recorder?.screened(slot % CELLS, slot, outcome);
      }
    }
  }

  private drawCell(sampler: Sampler): number {
    const u = sampler.uniform();
    let cell = 0;
    while (cell < CELLS - 1 && u >= this.cumulativeCells[cell]) cell++;
    return cell;
  }
}
