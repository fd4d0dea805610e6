// What every patient-level survival source (the looks of a fixed or group-sequential design, the
// stages of an adaptive one) reports of its trial: sizes and duration, read off its patient run.
import type { SurvivalHazards } from '../endpoints/survival/hazards.js';
import { SurvivalRun } from '../endpoints/survival/survival-run.js';
import type { CellLayout } from '../population-model.js';
import type { Scenario } from '../scenario/types.js';
import type { PatientRecorder } from '../trace/recorder.js';

export abstract class PatientRunSource {
  events = 0;
  protected readonly run: SurvivalRun;

  constructor(scenario: Scenario, layout: CellLayout, hazards: SurvivalHazards, recorder: PatientRecorder | null) {
    this.run = new SurvivalRun(scenario, layout, hazards, recorder);
  }

  get randomized(): number {
    return this.run.randomized;
  }

  get screened(): number {
    return this.run.screened;
  }

  get months(): number {
    return this.run.months;
  }
}
