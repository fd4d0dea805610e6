// What the simulation's own code path says of one trial while it runs it, for a trace (trace.ts).
// Every runner and enrolment takes an optional recorder, null when simulating blocks: each call
// site is `recorder?.…(…)`, whose arguments (object literals included) are evaluated only when a
// recorder is there, so the hot path pays one null check and allocates nothing. The numbers a
// recorder receives are the ones the trial's decisions compare, not recomputed: a trace cannot
// drift from the simulation it explains.
//
// A closed test has two presenters fed by the same recorder call in the design: a one-marker scenario's
// records keep the words of H_S, H_F and H_S∩H_F (ClosedTestDecision, InterimDecision, FinalDecision,
// which the page's one-marker player reads), and a scenario of several populations gets the general
// records (the `populations-…` kinds) with every hypothesis by its population's id, F last, and every
// one of the 2^G − 1 intersections named by the ids it holds ("S1∩S2∩F"), largest first. The one-marker
// kinds are kept as they were rather than derived from the general ones: their JSON is what the page's
// one-marker player, its snapshots and `stratum trace` users read, byte for byte.
import type { Intersection, Selection } from '../scenario/types.js';

/** the patients a trial screens, as the enrolment draws them */
export interface PatientRecorder {
  /**
   * a screened patient of a continuous or binary trial: its cell (population.ts), its arm × cell
   * slot (stage.ts), or −1 when the stage does not take it, and its outcome (NaN when not taken)
   */
  screened(cell: number, slot: number, outcome: number): void;
  /**
   * a screened patient of a survival trial: its cell, slot (−1: not taken), the calendar month it
   * was screened (and randomised), and the months of its event and dropout (∞: none) as drawn
   */
  entered(cell: number, slot: number, month: number, event: number, dropout: number): void;
}

/** an analysis of one hypothesis: a one-analysis design's, or one look of a group-sequential design */
export type LookDecision = {
  kind: 'look';
  /** 1-based, of `looks` planned */
  look: number;
  looks: number;
  /** the population tested: S or F for one marker, a population's id (or F) with several */
  population: string;
  /** patients analysed, or events for survival */
  size: number;
  month: number;
  z: number;
  /** the look's critical value on the z scale; null: this look cannot stop (it spends no α) */
  critical: number | null;
  rejected: boolean;
};

/** one analysis of H_S and H_F by closed testing (a stratified design) */
export type ClosedTestDecision = {
  kind: 'closed-test';
  size: number;
  month: number;
  zS: number;
  zF: number;
  /** √(I_S/I_F), the correlation the Spiessens–Debois thresholds use */
  correlation: number;
  /** the intersection test rejects H_S∩H_F when z_S ≥ s, or z_F ≥ f, or both reach `both` (null: never) */
  thresholds: { s: number | null; f: number | null; both: number | null };
  /** z_{1−α}: H_S and H_F each at level α */
  critical: number;
  /** what each test rejects on its own */
  local: { intersection: boolean; S: boolean; F: boolean };
  rejectS: boolean;
  rejectF: boolean;
};

/** the interim of an adaptive-enrichment design: stage 1's statistics, early decisions and the selection */
export type InterimDecision = {
  kind: 'interim';
  /** stage 1's patients, or events for survival (the events analysed, for a design analysed at months) */
  size: number;
  month: number;
  /** a survival design analysed at calendar months: the month of stage 2's analysis (`stage2` is months) */
  finalMonth?: number;
  zS: number;
  zF: number;
  effectS: number;
  effectF: number;
  correlation: number;
  /** the intersection's stage-1 p-value on the z scale, Φ⁻¹(1 − p) (null: p below double precision) */
  zI: number | null;
  /** z₁ at or above which a stage-1 test rejects at the interim; null: no early efficacy */
  interimCritical: number | null;
  /** which stage-1 tests reach the interim critical value */
  early: { intersection: boolean; S: boolean; F: boolean };
  /** rejected at the interim by the closed test (the hypothesis and the intersection both early) */
  rejectedS: boolean;
  rejectedF: boolean;
  /** which stage-1 values leave no chance (z₁ ≤ −6, or Fisher's p₁ = 1) */
  futile: { intersection: boolean; S: boolean; F: boolean };
  selection: Selection;
  /** the values the selection compares (the effect estimates or the z statistics) */
  measureS: number;
  measureF: number;
  keepS: boolean;
  keepF: boolean;
  /** the trial stops here: both rejected (efficacy), or no chance left or nothing kept (futility) */
  stop: 'efficacy' | 'futility' | null;
  /** stage 2's size in patients (or events, or months), null when the trial stops */
  stage2: number | null;
  /** whether the re-sizing rule set `stage2` (else the planned N − n₁) */
  recalculated: boolean;
};

/** the end of an adaptive-enrichment design: stage 2's statistics and the closed combination test */
export type FinalDecision = {
  kind: 'final';
  /** the month of the last analysis held (the interim's when the trial stopped there) */
  month: number;
  /** stage 2 was run: its statistics follow (else the interim's decisions are final) */
  stage2: boolean;
  keepS: boolean;
  keepF: boolean;
  /** stage-2 statistics of the kept populations (null: not kept), and of the intersection */
  zS2: number | null;
  zF2: number | null;
  zI2: number | null;
  combination: 'inverse-normal' | 'fisher';
  /** the combined stage-wise values, C = w₁z₁ + w₂z₂ or p₁·p₂, for each test that was combined */
  combined: { intersection: number | null; S: number | null; F: number | null };
  finalCritical: number;
  /** whether each combined value reaches `finalCritical` (the combination test's own verdict; null: not combined) */
  byCombination: { intersection: boolean | null; S: boolean | null; F: boolean | null };
  /**
   * what each test of the closed test rejects (at the interim or by the combination); a population
   * dropped at the interim counts only what it rejected there, with the intersection
   */
  local: { intersection: boolean; S: boolean; F: boolean };
  rejectS: boolean;
  rejectF: boolean;
};

/** an intersection H_I of the closed test over several populations: the hypotheses it holds, by id */
export type IntersectionOf = {
  /** the ids joined by ∩ in the design's order, F last: "S1∩S2∩F"; one hypothesis: its id */
  name: string;
  ids: string[];
};

/** one analysis of every population's and F's hypothesis by closed testing (stratified, several populations) */
export type PopulationsClosedTestDecision = {
  kind: 'populations-closed-test';
  size: number;
  month: number;
  /** the intersection test, and the level α each intersection is tested at */
  intersection: Intersection;
  alpha: number;
  /** z_{1−α}, which a hypothesis's own test (the intersection of it alone) compares its z with */
  critical: number;
  /** the hypotheses in the design's order (F last): each z, and whether the closed test rejects it */
  hypotheses: { id: string; z: number; rejected: boolean }[];
  /** the correlation of the z the intersection tests read (the max-z test), row by row in that order */
  correlation: number[][];
  /**
   * every intersection, largest first: its p-value by the intersection test (one hypothesis: its own
   * Φ̄(z)) and its test's verdict at α as the design took it; a hypothesis is rejected exactly when every
   * intersection holding it is
   */
  intersections: (IntersectionOf & { p: number; rejected: boolean })[];
};

/** the interim of an adaptive-enrichment design with several populations: stage 1, early decisions, the selection */
export type PopulationsInterimDecision = {
  kind: 'populations-interim';
  /** stage 1's patients, or events for survival (the events analysed, for a design analysed at months) */
  size: number;
  month: number;
  /** a survival design analysed at calendar months: the month of stage 2's analysis (`stage2` is months) */
  finalMonth?: number;
  /** z₁ at or above which a stage-1 test rejects at the interim; null: no early efficacy */
  interimCritical: number | null;
  /**
   * the hypotheses in the design's order (F last): stage 1's z and effect estimate; `measure`, the value the
   * selection compares (the effect or z with rpact's jitter, ±10⁻⁵); rejected at the interim by the closed
   * test; futile (some intersection holding it has no chance left); kept for stage 2
   */
  hypotheses: {
    id: string;
    z: number;
    effect: number;
    measure: number;
    rejected: boolean;
    futile: boolean;
    kept: boolean;
  }[];
  /**
   * every intersection, largest first: its stage-1 p-value on the z scale, Φ⁻¹(1 − p₁) (null: beyond double
   * precision, −∞ when p₁ = 1 and so `futile`, else ∞), whether it reaches `interimCritical`, and whether it
   * is futile (z₁ ≤ −6, or Fisher's p₁ = 1)
   */
  intersections: (IntersectionOf & { z: number | null; early: boolean; futile: boolean })[];
  selection: Selection;
  /** the ids the selection kept (all of them, for `all`), in the design's order */
  kept: string[];
  /** the trial stops here: all rejected (efficacy), or no chance left or nothing kept (futility) */
  stop: 'efficacy' | 'futility' | null;
  /** stage 2's size in patients (or events, or months), null when the trial stops */
  stage2: number | null;
  /** whether the re-sizing rule set `stage2` (else the planned N − n₁) */
  recalculated: boolean;
};

/** the end of an adaptive-enrichment design with several populations: stage 2 and the closed combination test */
export type PopulationsFinalDecision = {
  kind: 'populations-final';
  /** the month of the last analysis held (the interim's when the trial stopped there) */
  month: number;
  /** stage 2 was run: its statistics follow (else the interim's decisions are final) */
  stage2: boolean;
  combination: 'inverse-normal' | 'fisher';
  finalCritical: number;
  /**
   * the hypotheses in the design's order: stage 2's z (null: not kept, or no stage 2), kept, and rejected by
   * the end; a kept hypothesis is rejected when every intersection holding it is, a dropped one only when
   * it was at the interim
   */
  hypotheses: { id: string; z2: number | null; kept: boolean; rejected: boolean }[];
  /**
   * every intersection, largest first: whether the combination reaches `finalCritical` (null: not
   * combined, as it holds no kept hypothesis or there is no stage 2); stage 2's p-value on the z scale of
   * its kept hypotheses and the combined value (C = w₁z₁ + w₂z₂, or Fisher's p₁·p₂), null when not
   * combined or beyond double precision (−∞ when the combination does not reject); and whether it is rejected, at
   * the interim or by the combination
   */
  intersections: (IntersectionOf & {
    z2: number | null;
    combined: number | null;
    byCombination: boolean | null;
    rejected: boolean;
  })[];
};

export type Decision =
  | LookDecision
  | ClosedTestDecision
  | InterimDecision
  | FinalDecision
  | PopulationsClosedTestDecision
  | PopulationsInterimDecision
  | PopulationsFinalDecision;

export interface TraceRecorder extends PatientRecorder {
  /** the scenario is in the one-marker form: closed tests are recorded in the words of H_S and H_F */
  readonly oneMarker: boolean;
  decision(decision: Decision): void;
}
