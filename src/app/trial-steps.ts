// One traced trial (engine/trace/trace.ts) as the steps "Watch one trial" shows one at a time: the
// patients arriving in a few windows of calendar time between the trial's analyses, each analysis
// with its statistics, the interim's selection, and the closed test node by node (with several
// populations, row by row of its intersections). Every number in a step is the trace's, or a count of
// its patients; the words say what the engine decided and why.
import type { Decision, PopulationsClosedTestDecision, PopulationsFinalDecision } from '../engine/trace/recorder.js';
import type { Trace, TracedPatient } from '../engine/trace/trace.js';
import type { LocalRejections } from './charts/closed-test-diagram.js';
import type { LatticeState } from './charts/closed-test-lattice.js';
import {
  closedTestWords,
  conclusionWords,
  decisionWords,
  interimSelectionWords,
  NODE_ORDER,
  type Node,
} from './trial-words.js';
import { count, months } from './format.js';
import { latticeLayerWords, populationsSelectionWords, subgroupAssayWords } from './trial-words-populations.js';

export type TrialStep = {
  title: string;
  /** what happens, in plain words: the page's running text, announced at each step */
  text: string;
  /** patients of stages up to `stage` screened by `month` are shown, with what is known of them by then */
  month: number;
  stage: number;
  /** the decision the step shows (an index into trace.decisions), or null while patients arrive */
  decision: number | null;
  /** the closed test as lit so far, at the steps that show it */
  lit: LocalRejections | null;
  /** several populations: the closed test's intersections as lit so far, at the steps that show it */
  lattice?: LatticeState;
  /** the analyses held by this step: where the timeline marks them */
  analyses: { month: number; label: string }[];
};

/** windows of arrivals per stretch between analyses: enough to see a trial fill, few enough to click through */
const MOST_WINDOWS = 6;
const FEWEST_WINDOWS = 3;
const PATIENTS_PER_WINDOW = 40;

/** the moment a step shows: its month, and the last stage whose patients are being recruited */
export type Moment = { month: number; stage: number };

/**
 * whether the timeline shows `patient` at `moment`: screened by then, in a stage begun by then (a
 * stage-2 patient screened before the interim's month, while the last outcomes of stage 1 were
 * awaited, appears once the interim has decided what stage 2 recruits); fixed strata place patients
 * without a screening order, so a stage's appear together
 */
export function visibleAt(patient: TracedPatient<string>, moment: Moment): boolean {
  return patient.stage <= moment.stage && (patient.month ?? 0) <= moment.month;
}

/** the step-by-step telling of `trace`; `intro` is the first step's text */
export function trialSteps(trace: Trace<string>, intro: string): TrialStep[] {
  const steps: TrialStep[] = [];
  const analyses: { month: number; label: string }[] = [];
  const push = (step: Omit<TrialStep, 'analyses'>) => steps.push({ ...step, analyses: [...analyses] });
  push({ title: 'Before the trial', text: intro, month: 0, stage: 1, decision: null, lit: null });
  let shown: Moment = { month: 0, stage: 1 };
  trace.decisions.forEach((decision, index) => {
    // arrivals and outcomes up to this analysis, in a few windows of calendar time
    const from = shown.month;
    const until = decision.month;
    const stage = shown.stage;
    const coming = trace.patients.filter((p) => visibleAt(p, { month: until, stage }) && !visibleAt(p, shown));
    const windows = Math.max(FEWEST_WINDOWS, Math.min(MOST_WINDOWS, Math.ceil(coming.length / PATIENTS_PER_WINDOW)));
    // a trial that stopped at the interim holds no analysis after it: its end is the interim's
    const held = (decision.kind !== 'final' && decision.kind !== 'populations-final') || decision.stage2;
    if (held) {
      for (let w = 1; w <= windows; w++) {
        const moment = { month: w === windows ? until : from + ((until - from) * w) / windows, stage };
        push({
          title: `Months ${months(shown.month)}–${months(moment.month)}`,
          text: windowWords(trace, shown, moment),
          ...moment,
          decision: null,
          lit: null,
        });
        shown = moment;
      }
    }
    if (held) analyses.push({ month: until, label: analysisLabel(decision) });
    for (const step of decisionSteps(trace, decision, index)) push({ ...step, month: until, stage, decision: index });
    shown = { month: until, stage };
    if (
      decision.kind === 'interim' ||
      decision.kind === 'populations-interim' ||
      (decision.kind === 'look' && !decision.rejected)
    )
      shown = { ...shown, stage: stage + 1 };
  });
  const last = steps[steps.length - 1];
  push({ ...last, title: 'The trial’s result', text: conclusionWords(trace) });
  return steps;
}

function analysisLabel(decision: Decision): string {
  if (decision.kind === 'look') return decision.looks === 1 ? 'Analysis' : `Look ${decision.look}`;
  if (decision.kind === 'closed-test' || decision.kind === 'populations-closed-test') return 'Analysis';
  return decision.kind === 'interim' || decision.kind === 'populations-interim' ? 'Interim' : 'Final analysis';
}

/** the steps one decision takes: its statistics, the selection, the closed test node by node */
function decisionSteps(
  trace: Trace<string>,
  decision: Decision,
  index: number,
): { title: string; text: string; lit: LocalRejections | null; lattice?: LatticeState }[] {
  const title = `${analysisLabel(decision)} at month ${months(decision.month)}`;
  const first = { title, text: decisionWords(trace, decision, index), lit: null };
  if (decision.kind === 'look') return [first];
  if (decision.kind === 'interim')
    return [first, { title: 'The interim’s decision', text: interimSelectionWords(trace, decision), lit: null }];
  if (decision.kind === 'populations-interim')
    return [first, { title: 'The interim’s decision', text: populationsSelectionWords(trace, decision), lit: null }];
  if (decision.kind === 'populations-closed-test' || decision.kind === 'populations-final')
    return [first, ...latticeSteps(trace, decision)];
  const lit: LocalRejections = { intersection: false, S: false, F: false };
  const nodes = NODE_ORDER.map((node: Node) => {
    lit[node] = decision.local[node];
    return {
      title: `Closed test: ${node === 'intersection' ? 'H_S∩H_F' : `H_${node}`}`,
      text: closedTestWords(decision, node),
      lit: { ...lit },
    };
  });
  return [first, ...nodes];
}

/**
 * the closed test of several populations told row by row, the largest intersections first: each row
 * lit as the trace says, those below still to come, and the closed test's verdicts with the last row
 */
function latticeSteps(
  trace: Trace<string>,
  decision: PopulationsClosedTestDecision | PopulationsFinalDecision,
): { title: string; text: string; lit: null; lattice: LatticeState }[] {
  const hypotheses = decision.hypotheses.length;
  return Array.from({ length: hypotheses }, (_, i) => {
    const size = hypotheses - i;
    const nodes = decision.intersections.map(({ name, ids, rejected }) => ({
      name,
      ids,
      lit: ids.length >= size ? rejected : null,
    }));
    const rejected = size === 1 ? Object.fromEntries(decision.hypotheses.map((h) => [h.id, h.rejected])) : null;
    return {
      title: `Closed test: ${size === 1 ? 'each hypothesis' : `intersections of ${size}`}`,
      text: latticeLayerWords(trace, decision, size),
      lit: null,
      lattice: { nodes, rejected },
    };
  });
}

/** what happens between two moments: who is screened and randomised, whose outcome becomes known */
function windowWords(trace: Trace<string>, before: Moment, now: Moment): string {
  const arrived = trace.patients.filter((p) => visibleAt(p, now) && !visibleAt(p, before));
  const parts: string[] = [arrived.length > 0 ? arrivalWords(arrived, trace.subgroups) : 'No one new is screened.'];
  if (trace.endpoint === 'survival') {
    const ended = trace.patients.filter((p) => {
      const month = endOfFollowUp(p, now.month);
      return visibleAt(p, now) && month !== null && month > before.month;
    });
    const events = ended.filter((p) => eventBefore(p, now.month));
    const treated = events.filter((p) => p.arm === 'treatment').length;
    const dropouts = ended.length - events.length;
    parts.push(
      events.length === 0
        ? 'No event in this stretch.'
        : `${count(events.length)} event${events.length === 1 ? '' : 's'} (${count(treated)} on treatment, ` +
            `${count(events.length - treated)} on control).`,
    );
    if (dropouts > 0) parts.push(`${count(dropouts)} patient${dropouts === 1 ? '' : 's'} dropped out.`);
    return parts.join(' ');
  }
  const knownAt = (p: TracedPatient<string>, moment: Moment) =>
    visibleAt(p, moment) && p.observed !== null && p.observed <= moment.month;
  const known = trace.patients.filter((p) => knownAt(p, now) && !knownAt(p, before));
  if (trace.endpointDelay > 0 && known.length > 0)
    parts.push(
      `${count(known.length)} outcome${known.length === 1 ? '' : 's'} become${known.length === 1 ? 's' : ''} known ` +
        `(${months(trace.endpointDelay)} month${trace.endpointDelay === 1 ? '' : 's'} after randomisation).`,
    );
  if (trace.endpoint === 'binary' && known.length > 0) {
    const responded = known.filter((p) => p.outcome === 1);
    const treated = responded.filter((p) => p.arm === 'treatment').length;
    parts.push(
      `Of ${count(known.length)} outcomes now known, ${count(responded.length)} responded ` +
        `(${count(treated)} on treatment, ${count(responded.length - treated)} on control).`,
    );
  }
  return parts.join(' ');
}

/** `subgroups`: several populations' subgroup ids, whose assay words say who is put where */
function arrivalWords(arrived: TracedPatient<string>[], subgroups: readonly string[] | undefined): string {
  const randomized = arrived.filter((p) => p.randomized);
  const treated = randomized.filter((p) => p.arm === 'treatment').length;
  const screened = `${count(arrived.length)} patient${arrived.length === 1 ? '' : 's'} screened`;
  const assay = subgroups ? subgroupAssayWords(arrived, subgroups) : markerAssayWords(arrived);
  const taken =
    randomized.length === arrived.length
      ? `all randomised: ${count(treated)} to treatment, ${count(randomized.length - treated)} to control`
      : `${count(randomized.length)} randomised (${count(treated)} to treatment, ` +
        `${count(randomized.length - treated)} to control), ${count(arrived.length - randomized.length)} not`;
  return `${screened}; ${assay}; ${taken}.`;
}

/** one marker: whom the assay calls positive, how many wrongly, and whom it misses */
function markerAssayWords(arrived: TracedPatient<string>[]): string {
  const positive = arrived.filter((p) => p.assay === 'pos');
  const falsePositive = positive.filter((p) => p.marker === 'neg').length;
  const falseNegative = arrived.filter((p) => p.assay === 'neg' && p.marker === 'pos').length;
  const wrongly = falsePositive > 0 ? `, ${count(falsePositive)} of them wrongly (truly marker-negative)` : '';
  const missed =
    falseNegative > 0
      ? `, and misses ${count(falseNegative)} marker-positive patient${falseNegative === 1 ? '' : 's'}`
      : '';
  return `the assay calls ${count(positive.length)} positive${wrongly}${missed}`;
}

/** the month an event or dropout ends a patient's follow-up, if one does by `end` */
export function endOfFollowUp(patient: TracedPatient<string>, end: number): number | null {
  if (patient.event === undefined) return null;
  const dropout = patient.dropout ?? Infinity;
  const first = Math.min(patient.event, dropout);
  return first <= end && (patient.followUp === undefined || first <= patient.followUp.month) ? first : null;
}

/** the patient's event is seen by `end` (before any dropout) */
export function eventBefore(patient: TracedPatient<string>, end: number): boolean {
  return patient.event !== undefined && patient.event <= end && patient.event <= (patient.dropout ?? Infinity);
}
