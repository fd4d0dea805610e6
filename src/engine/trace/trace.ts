// One replicate of the simulation, patient by patient: every patient screened (arrival month, true
// marker status, assay result, randomised or not, arm, outcome and when it is known; for survival the
// event and dropout months and how follow-up ended) and every decision (each look's statistics and
// thresholds, the interim's selection, stage 2, the closed test), for the `stratum trace` command
// and the page's "Watch one trial".
//
// The trace is the patient-level simulation itself, not a model of it: replicate K of design d is
// block ⌊(K − 1)/1000⌋, trial (K − 1) mod 1000 of that block, run from the block's sampler
// (simulate-block.ts) by the design's own runner with a recorder attached (recorder.ts). Each
// replicate's streams are seeded from its number alone (random/trial-streams.ts), so K is drawn
// without the replicates before it, and its decision is the one a patient-level run counts
// (test/engine/trace.test.ts, and trace-populations.test.ts with several populations, tally traced
// replicates into a run's results, byte for byte).
// Continuous and binary scenarios simulated by sufficient statistics are traced at patient level:
// the same law, drawn patient by patient, with the same seed and replicate number. With several
// populations (`traceAny`) the trace lists the `subgroups`, a patient's `marker` is its true subgroup's
// id and `assay` the subgroup the assay classifies it into, the outcome's `reject` (and an adaptive
// design's `kept`) is keyed by population id, and a closed test is recorded over every intersection of
// the populations' hypotheses and F's (recorder.ts's `populations-…` kinds); every design is traced.
import { BLOCK_SIZE } from '../blocks.js';
import { prepareDesign } from '../designs/prepare.js';
import type { DesignRunner } from '../designs/runner.js';
import type { CellLayout } from '../population-model.js';
import { layoutOf } from '../population.js';
import { type DesignType, type EndpointType, isMarkerPopulation, type Scenario } from '../scenario/types.js';
import { blockSampler } from '../simulate-block.js';
import { emptyTally } from '../tally.js';
import type { Decision, TraceRecorder } from './recorder.js';
import { outcomeOf, type TraceOutcome } from './outcome.js';

export type Status = 'pos' | 'neg';
export type Arm = 'treatment' | 'control';

/** `S`: a patient's true and classified status, `pos` or `neg` for one marker, subgroup ids with several */
export type TracedPatient<S extends string = Status> = {
  /** 1-based, in the order screened */
  number: number;
  /** the stage (group-sequential: the look) whose recruitment screened it */
  stage: number;
  /**
   * calendar month it was screened (and, when taken, randomised): the j-th patient at j/screeningRate,
   * the engine's clock; null with fixed strata, which place every arm × cell's share without a screening order
   */
  month: number | null;
  marker: S;
  assay: S;
  randomized: boolean;
  arm: Arm | null;
  /** continuous: the outcome; binary: 1 responded, 0 did not; null: not randomised, or survival */
  outcome: number | null;
  /** continuous and binary: the month the outcome is known, `month` + endpointDelay */
  observed: number | null;
  /** survival, randomised: the months of the event and of dropout as drawn (dropout null: none) */
  event?: number;
  dropout?: number | null;
  /** survival, randomised: how follow-up ended at the last analysis, and when */
  followUp?: { month: number; ending: 'event' | 'dropout' | 'censored' };
};

export type Trace<S extends string = Status> = {
  design: { id: string; label: string; type: DesignType };
  endpoint: EndpointType;
  seed: string;
  /** 1-based, of `replicates` */
  replicate: number;
  replicates: number;
  /** where the simulation's blocks hold it: block `block` (from 0), trial `index` (from 0) */
  block: number;
  index: number;
  screeningRate: number;
  endpointDelay: number;
  /** several populations: the subgroups' ids, in the scenario's order (a patient's `marker` and `assay` are one) */
  subgroups?: string[];
  patients: TracedPatient<S>[];
  /** survival: patients drawn for recruitment who would have entered after the last analysis, so never did */
  notEntered: number;
  /** in the order the trial takes them */
  decisions: Decision[];
  outcome: TraceOutcome;
};

/** a scenario, design or replicate the trace cannot follow; the message starts with its path */
export class TraceError extends Error {}

/** the scenario simulated patient by patient: what a trace follows */
export function patientLevel(scenario: Scenario): Scenario {
  if (scenario.simulation.method === 'patient') return scenario;
  return { ...scenario, simulation: { ...scenario.simulation, method: 'patient' } };
}

/** replicate K's place in the blocks: block ⌊(K − 1)/1000⌋, trial (K − 1) mod 1000 */
export function replicatePlace(replicate: number): { block: number; index: number } {
  return { block: Math.floor((replicate - 1) / BLOCK_SIZE), index: (replicate - 1) % BLOCK_SIZE };
}

/** the index of the design with this id, or a TraceError naming the ids there are */
export function designIndexOf(scenario: Scenario, id: string): number {
  const index = scenario.designs.findIndex((design) => design.id === id);
  if (index < 0) {
    const ids = scenario.designs.map((design) => JSON.stringify(design.id)).join(', ');
    throw new TraceError(`design: no design has the id ${JSON.stringify(id)} (the scenario's: ${ids})`);
  }
  return index;
}

/** the problem with a replicate number, or undefined when the scenario has that replicate */
export function replicateProblem(scenario: Scenario, replicate: number): string | undefined {
  const most = scenario.simulation.replicates;
  if (Number.isInteger(replicate) && replicate >= 1 && replicate <= most) return undefined;
  return `must be a whole number from 1 to ${most} (the scenario's replicates), got ${replicate}`;
}

/** traces replicates of one design, one at a time, in any order */
export class Tracer {
  readonly scenario: Scenario;
  private readonly recorder: TraceBuilder;
  private readonly runner: DesignRunner;
  private readonly tally = emptyTally();

  constructor(
    scenario: Scenario,
    readonly designIndex: number,
  ) {
    this.scenario = patientLevel(scenario);
    const design = this.scenario.designs[designIndex];
    if (design === undefined) throw new TraceError(`design: no design ${designIndex} in the scenario`);
    if (scenario.endpoint.type === 'survival' && design.n === undefined)
      throw new TraceError(
        `designs[${designIndex}].n: required to trace patient by patient (the patients to recruit); ` +
          'the asymptotic method runs without it',
      );
    this.recorder = new TraceBuilder(this.scenario);
    this.runner = prepareDesign(this.scenario, design, this.recorder);
  }

  /** a one-marker trial's replicate */
  trace(replicate: number): Trace {
    if (!isMarkerPopulation(this.scenario.population))
      throw new TraceError('population.subgroups: a trial of several populations is traced by traceAny');
    // the one-marker layout's subgroups are pos and neg (population-model.ts)
    return this.traceAny(replicate) as Trace;
  }

  /** a replicate of either form */
  traceAny(replicate: number): Trace<string> {
    const problem = replicateProblem(this.scenario, replicate);
    if (problem) throw new TraceError(`replicate: ${problem}`);
    const { block, index } = replicatePlace(replicate);
    const sampler = blockSampler(this.scenario, this.designIndex, block);
    sampler.startTrial(index);
    this.recorder.start();
    this.tally.fill(0);
    this.runner.runTrial(sampler, this.tally);
    const design = this.scenario.designs[this.designIndex];
    const { endpoint, simulation, trial } = this.scenario;
    const outcome = outcomeOf(this.scenario, design, this.tally);
    const { patients, notEntered } = this.recorder.finish(outcome.months);
    const { population } = this.scenario;
    const subgroups = isMarkerPopulation(population) ? {} : { subgroups: population.subgroups.map((s) => s.id) };
    return {
      design: { id: design.id, label: design.label, type: design.type },
      endpoint: endpoint.type,
      seed: simulation.seed,
      replicate,
      replicates: simulation.replicates,
      block,
      index,
      screeningRate: trial.screeningRate,
      endpointDelay: trial.endpointDelay,
      ...subgroups,
      patients,
      notEntered,
      decisions: this.recorder.decisions,
      outcome,
    };
  }
}

/** replicate `replicate` of the design with id `designId`, one marker */
export function traceReplicate(scenario: Scenario, designId: string, replicate: number): Trace {
  return new Tracer(scenario, designIndexOf(scenario, designId)).trace(replicate);
}

/** the same, of a scenario in either form */
export function traceAnyReplicate(scenario: Scenario, designId: string, replicate: number): Trace<string> {
  return new Tracer(scenario, designIndexOf(scenario, designId)).traceAny(replicate);
}

/** the recorder of one trace: patients and decisions as the runner reports them */
class TraceBuilder implements TraceRecorder {
  patients: TracedPatient<string>[] = [];
  decisions: Decision[] = [];
  readonly oneMarker: boolean;
  private readonly screeningRate: number;
  private readonly endpointDelay: number;
  private readonly ordered: boolean;
  private readonly survival: boolean;
  private readonly layout: CellLayout;

  constructor(scenario: Scenario) {
    this.layout = layoutOf(scenario.population);
    this.oneMarker = isMarkerPopulation(scenario.population);
    this.screeningRate = scenario.trial.screeningRate;
    this.endpointDelay = scenario.trial.endpointDelay;
    this.ordered = scenario.analysis.strata === 'random';
    this.survival = scenario.endpoint.type === 'survival';
  }

  start(): void {
    this.patients = [];
    this.decisions = [];
  }

  screened(cell: number, slot: number, outcome: number): void {
    const number = this.patients.length + 1;
    const month = this.ordered ? number / this.screeningRate : null;
    const taken = slot >= 0;
    this.patients.push({
      ...this.person(number, cell, slot, month),
      outcome: taken ? outcome : null,
      observed: taken && month !== null ? month + this.endpointDelay : null,
    });
  }

  entered(cell: number, slot: number, month: number, event: number, dropout: number): void {
    const patient: TracedPatient<string> = {
      ...this.person(this.patients.length + 1, cell, slot, month),
      outcome: null,
      observed: null,
    };
    if (slot >= 0) {
      patient.event = event;
      patient.dropout = Number.isFinite(dropout) ? dropout : null;
    }
    this.patients.push(patient);
  }

  decision(decision: Decision): void {
    this.decisions.push(jsonSafe(decision));
  }

  /**
   * The trial's patients once it has ended at month `end`. A survival trial analyses when its events
   * are in, perhaps before every planned patient has entered: those after `end` never do (the run
   * counts only who entered by then), and everyone else's follow-up ends as the log-rank test sees it
   * at that month (endpoints/survival/log-rank.ts): an event on or before dropout and the end, else
   * dropout, else censored at the end.
   */
  finish(end: number): { patients: TracedPatient<string>[]; notEntered: number } {
    if (!this.survival) return { patients: this.patients, notEntered: 0 };
    const patients = this.patients.filter((patient) => (patient.month ?? 0) <= end);
    for (const patient of patients) {
      if (patient.event === undefined) continue;
      const dropout = patient.dropout ?? Infinity;
      const ending = Math.min(patient.event, dropout, end);
      patient.followUp =
        patient.event <= ending
          ? { month: patient.event, ending: 'event' }
          : dropout <= end
            ? { month: dropout, ending: 'dropout' }
            : { month: end, ending: 'censored' };
    }
    const randomized = (list: TracedPatient<string>[]) => list.filter((patient) => patient.randomized).length;
    return { patients, notEntered: randomized(this.patients) - randomized(patients) };
  }

  private person(number: number, cell: number, slot: number, month: number | null) {
    const taken = slot >= 0;
    return {
      number,
      stage: this.decisions.length + 1,
      month,
      marker: this.layout.subgroupIds[this.layout.cellTrue[cell]],
      assay: this.layout.subgroupIds[this.layout.cellClassified[cell]],
      randomized: taken,
      arm: taken ? ((slot < this.layout.cells ? 'treatment' : 'control') as Arm) : null,
    };
  }
}

/** the decision as JSON holds it: a number beyond double precision (a critical value that cannot be reached) null */
function jsonSafe<T>(value: T): T {
  if (typeof value === 'number') return (Number.isFinite(value) ? value : null) as T;
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(jsonSafe) as T;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, jsonSafe(item)])) as T;
}
