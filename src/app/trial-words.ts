// The running text of "Watch one trial": each decision of a traced trial in plain words, with the
// numbers the engine compared (trace decisions, engine/trace/recorder.ts) and what follows from them;
// a scenario of several populations has its closed tests told by trial-words-populations.ts.
// Nothing here decides: the words read the decision the runner took and say why it went that way.
import { format } from 'd3';
import type {
  ClosedTestDecision,
  Decision,
  FinalDecision,
  InterimDecision,
  LookDecision,
} from '../engine/trace/recorder.js';
import type { Scenario, Selection } from '../engine/scenario/types.js';
import { DESIGN_META } from '../engine/scenario/design-meta.js';
import type { Ending, Watched } from '../engine/trace/find.js';
import type { Trace } from '../engine/trace/trace.js';
import { count, months } from './format.js';
import {
  DESIGN_WORDS,
  hypothesisName,
  listed,
  populationsClaim,
  populationsClosedTestWords,
  populationsFinalWords,
  populationsInterimWords,
} from './trial-words-populations.js';

export type Node = 'intersection' | 'S' | 'F';
/** the closed test is told top down: the intersection first, then each hypothesis */
export const NODE_ORDER: readonly Node[] = ['intersection', 'S', 'F'];

const z2 = format('.2f');
/** a number as the text shows it: three significant digits */
export const number = format('.3~g');

/** a statistic: two decimals; null (beyond double precision) as ∞, and −∞ (no chance left) as such */
export function statistic(value: number | null): string {
  return value === null ? '∞' : value === -Infinity ? '−∞' : z2(value);
}

const NAMES: Record<Node, string> = { intersection: 'H_S∩H_F', S: 'H_S', F: 'H_F' };
const MEANING = {
  S: 'no benefit in S, the assay-positive patients',
  F: 'no benefit in F, everyone screened',
} as const;

const unit = (trace: Trace<string>) => (trace.endpoint === 'survival' ? 'events' : 'patients');

export function decisionWords(trace: Trace<string>, decision: Decision, index: number): string {
  switch (decision.kind) {
    case 'look':
      return lookWords(trace, decision);
    case 'closed-test':
      return (
        `The analysis of ${count(decision.size)} ${unit(trace)} gives z_S = ${statistic(decision.zS)} for H_S ` +
        `(${MEANING.S}) and z_F = ${statistic(decision.zF)} for H_F (${MEANING.F}). They are tested by closed ` +
        'testing, top down: the intersection first.'
      );
    case 'interim':
      return interimWords(trace, decision);
    case 'final':
      return finalWords(trace, decision, index);
    case 'populations-closed-test':
      return populationsClosedTestWords(trace, decision);
    case 'populations-interim':
      return populationsInterimWords(trace, decision);
    case 'populations-final':
      return populationsFinalWords(decision);
  }
}

function lookWords(trace: Trace<string>, look: LookDecision): string {
  const name = hypothesisName(look.population);
  // several populations: a population by its id
  const meaning = trace.subgroups
    ? `no benefit in ${look.population}`
    : MEANING[look.population as keyof typeof MEANING];
  const tested = `${name} (${meaning})`;
  const z = statistic(look.z);
  if (look.looks === 1) {
    const verdict = look.rejected
      ? `z reaches it, so ${name} is rejected.`
      : `z falls short, so ${name} is not rejected.`;
    return (
      `The analysis of ${count(look.size)} ${unit(trace)} tests ${tested}: z = ${z} against the critical value ` +
      `${statistic(look.critical)}. ${verdict}`
    );
  }
  const last = look.look === look.looks;
  const boundary =
    look.critical === null
      ? 'this look spends no α, so it cannot stop the trial'
      : `the boundary here is ${statistic(look.critical)}`;
  const verdict = look.rejected
    ? last
      ? `z reaches it: ${name} is rejected.`
      : `z crosses it: the trial stops early for efficacy and rejects ${name}.`
    : last
      ? `z falls short: ${name} is not rejected.`
      : 'The trial goes on to the next look.';
  const which = `Look ${look.look} of ${look.looks}, on ${count(look.size)} ${unit(trace)}`;
  return `${which}, tests ${tested}: z = ${z}; ${boundary}. ${verdict}`;
}

function interimWords(trace: Trace<string>, interim: InterimDecision): string {
  const parts = [
    `Stage 1 ends with ${count(interim.size)} ${unit(trace)}: z_S = ${statistic(interim.zS)}, ` +
      `z_F = ${statistic(interim.zF)}, and the intersection test of H_S∩H_F gives z = ${statistic(interim.zI)}.`,
  ];
  if (interim.interimCritical === null) parts.push('This design has no early stop for efficacy.');
  else {
    const early = NODE_ORDER.filter((node) => interim.early[node]).map((node) => NAMES[node]);
    const closed = [interim.rejectedS ? 'H_S' : '', interim.rejectedF ? 'H_F' : ''].filter(Boolean);
    parts.push(
      `Early rejection needs z ≥ ${statistic(interim.interimCritical)}: ` +
        (early.length === 0 ? 'nothing reaches it.' : `${early.join(', ')} reach${early.length === 1 ? 'es' : ''} it`) +
        (early.length === 0
          ? ''
          : closed.length === 0
            ? ', but no hypothesis with its intersection.'
            : `, so ${closed.join(' and ')} ${closed.length === 1 ? 'is' : 'are'} rejected already.`),
    );
  }
  const futile = NODE_ORDER.filter((node) => interim.futile[node]).map((node) => NAMES[node]);
  if (futile.length > 0) parts.push(`${futile.join(', ')} ${futile.length === 1 ? 'is' : 'are'} beyond hope (futile).`);
  return parts.join(' ');
}

/** what the selection compares, in words */
export function measureWords(trace: Trace<string>, selection: Selection): string {
  if (selection.measure === 'z') return 'z statistic';
  return trace.endpoint === 'survival' ? 'estimated effect (1/HR from the log-rank test)' : 'estimated effect';
}

/** how the interim chose: the rule, the measures it compared, what it kept, and whether the trial stops */
export function interimSelectionWords(trace: Trace<string>, interim: InterimDecision): string {
  const { selection } = interim;
  const measure = measureWords(trace, selection);
  const values = `S ${number(interim.measureS)}, F ${number(interim.measureF)}`;
  const one = selection.rule === 'best' || (selection.rule === 'rbest' && selection.r === 1);
  const rule =
    selection.rule === 'all' || (selection.rule === 'rbest' && !one)
      ? 'The selection rule keeps both populations'
      : one
        ? `The selection rule keeps the population with the larger ${measure} (ties at random, as in rpact): ` + values
        : `The selection rule keeps the larger ${measure} and any within ε = ${number(selection.epsilon)} of it: ` +
          values;
  const threshold =
    selection.threshold === null
      ? ''
      : `; a population whose ${measure} is not above ${number(selection.threshold)} is dropped`;
  const kept =
    interim.keepS && interim.keepF
      ? 'S and F are both kept.'
      : interim.keepS
        ? 'Only S is kept.'
        : interim.keepF
          ? 'Only F is kept.'
          : 'Neither population is kept.';
  if (interim.stop === 'efficacy')
    return `${rule}${threshold}. But H_S and H_F are both rejected already: the trial stops early for efficacy.`;
  if (interim.stop === 'futility') {
    const why = !interim.keepS && !interim.keepF ? 'no population is kept' : 'no hypothesis can be rejected any more';
    return `${rule}${threshold}. ${kept} The trial stops for futility: ${why}.`;
  }
  const who = interim.keepF
    ? 'Stage 2 randomises all comers'
    : 'Stage 2 screens on and randomises assay-positive patients only';
  const resized = interim.recalculated ? ', re-sized for conditional power' : '';
  const size =
    interim.finalMonth === undefined
      ? `${count(interim.stage2 ?? 0)} more ${unit(trace)}${resized}`
      : `analysed at month ${months(interim.finalMonth)}`;
  return `${rule}${threshold}. ${kept} ${who}: ${size}.`;
}

function finalWords(trace: Trace<string>, final: FinalDecision, index: number): string {
  if (!final.stage2) return 'The trial stopped at the interim, so what it rejected there is final.';
  const interim = trace.decisions[index - 1];
  const first = interim?.kind === 'interim' ? interim : null;
  const stage2 = [
    final.zS2 === null ? '' : `z_S = ${statistic(final.zS2)}`,
    final.zF2 === null ? '' : `z_F = ${statistic(final.zF2)}`,
  ].filter(Boolean);
  const combine =
    final.combination === 'fisher'
      ? "Fisher's combination multiplies each hypothesis's stage-wise p-values and rejects when " +
        `p₁·p₂ ≤ ${number(final.finalCritical)}`
      : "The inverse-normal combination adds each hypothesis's stage-wise z statistics with fixed weights and " +
        `rejects when C ≥ ${statistic(final.finalCritical)}`;
  const values = NODE_ORDER.filter((node) => final.combined[node] !== null)
    .map((node) => `${NAMES[node]}: ${combined(final, final.combined[node])}`)
    .join(', ');
  return (
    `Stage 2 alone gives ${stage2.join(' and ')}` +
    (first ? ` (stage 1: z_S = ${statistic(first.zS)}, z_F = ${statistic(first.zF)}). ` : '. ') +
    `${combine}: ${values}. The closed test follows, top down.`
  );
}

function combined(final: FinalDecision, value: number | null): string {
  if (value === null) return '—';
  return final.combination === 'fisher' ? `p₁·p₂ = ${number(value)}` : `C = ${statistic(value)}`;
}

/** one node of the closed test: what its own test says, and what the closed test concludes */
export function closedTestWords(decision: ClosedTestDecision | FinalDecision, node: Node): string {
  const rejected = decision.local[node];
  if (node === 'intersection') {
    const how =
      decision.kind === 'closed-test'
        ? intersectionRule(decision)
        : decision.stage2
          ? `its combined result is ${combined(decision, decision.combined.intersection)}`
          : 'at the interim';
    return (
      `First H_S∩H_F, “no benefit in S and none in F”: ${how}. It is ${rejected ? 'rejected' : 'not rejected'}` +
      (rejected ? ', so H_S and H_F may each be tested.' : ': neither H_S nor H_F can be rejected.')
    );
  }
  const name = NAMES[node];
  const own =
    decision.kind === 'closed-test'
      ? `z_${node} = ${statistic(node === 'S' ? decision.zS : decision.zF)} against ${statistic(decision.critical)}`
      : !decision.stage2
        ? 'at the interim'
        : (node === 'S' ? decision.keepS : decision.keepF)
          ? `its combined result is ${combined(decision, decision.combined[node])}`
          : `${node} was dropped at the interim, so only an early rejection there could count`;
  const closed = node === 'S' ? decision.rejectS : decision.rejectF;
  const verdict = closed
    ? `With H_S∩H_F rejected too, the closed test rejects ${name}.`
    : rejected
      ? `But H_S∩H_F is not rejected, so the closed test does not reject ${name}.`
      : `${name} is not rejected.`;
  const says = rejected ? 'rejects' : 'does not reject';
  return `Then ${name} (${MEANING[node]}) on its own: ${own}; its test ${says}. ${verdict}`;
}

function intersectionRule(decision: ClosedTestDecision): string {
  const { s, f, both } = decision.thresholds;
  const rules = [
    s === null ? '' : `z_S ≥ ${statistic(s)}`,
    f === null ? '' : `z_F ≥ ${statistic(f)}`,
    both === null ? '' : `both ≥ ${statistic(both)}`,
  ].filter(Boolean);
  return `the intersection test rejects it when ${rules.join(', or ')}`;
}

/** what the trial ends with, and what it used */
export function conclusionWords(trace: Trace<string>): string {
  const { outcome } = trace;
  const claim = outcome.reject
    ? populationsClaim(outcome.reject)
    : outcome.rejectS && outcome.rejectF
      ? 'The trial claims benefit in S and in F: H_S and H_F are rejected.'
      : outcome.rejectS
        ? 'The trial claims benefit in S, the assay-positive patients: H_S is rejected.'
        : outcome.rejectF
          ? 'The trial claims benefit in F, everyone on average: H_F is rejected.'
          : 'The trial claims no benefit: nothing is rejected. That is no evidence of no effect; it may have been ' +
            'too small.';
  const stopped =
    outcome.stopped === 'efficacy'
      ? ' It stopped early for efficacy.'
      : outcome.stopped === 'futility'
        ? ' It stopped early for futility.'
        : '';
  const events = trace.endpoint === 'survival' ? `, ${count(outcome.events)} events analysed` : '';
  return (
    `${claim}${stopped} It randomised ${count(outcome.randomized)} of ${count(outcome.screened)} patients ` +
    `screened and took ${months(outcome.months)} months${events}. The patient-level run’s results count ` +
    `replicate ${count(trace.replicate)} this way.`
  );
}

/** the first step: which trial this is, why it was picked, how it is drawn and how to read the dots */
export function introWords(watched: Watched, method: Scenario['simulation']['method']): string {
  const trace = watched.trace as Trace<string>;
  const description = trace.subgroups ? DESIGN_WORDS[trace.design.type] : DESIGN_META[trace.design.type].description;
  const name = trace.design.label || trace.design.id;
  const parts = [
    `Replicate ${count(trace.replicate)} of ${count(trace.replicates)} (seed “${trace.seed}”) of ${name}: ` +
      `${description}`,
  ];
  const found = watched.found;
  if (found && found.replicate !== null) {
    const of = `of replicates 1 to ${count(found.searched)}`;
    if (found.kind === 'typical')
      parts.push(
        `A typical trial: ${of}, ${count(found.alike)} ended as this one does (${endingWords(found.ending)}), and ` +
          `this one's duration is the nearest to their median, ${months(found.medianMonths ?? 0)} months.`,
      );
    else
      parts.push(
        `The first ${of} that ${found.kind === 'failed' ? 'rejects nothing' : 'stops early'} ` +
          `(${count(found.alike)} of them do).`,
      );
  }
  if (method === 'sufficient')
    parts.push(
      'The results above are simulated from sufficient statistics; to be watched, the trial is drawn patient by ' +
        'patient (the patient-level method, same seed and replicate: the same law, and the decision a ' +
        'patient-level run counts).',
    );
  const later = `${number(trace.endpointDelay)} month${trace.endpointDelay === 1 ? '' : 's'} later`;
  const delay = trace.endpointDelay > 0 ? `, and an outcome is known ${later}` : '';
  const arms =
    trace.endpoint === 'survival'
      ? 'Patients enter the arms in turn, keeping the allocation ratio.'
      : 'The simulation fills the treatment arm with the first patients each stage randomises and then the ' +
        'control arm, in the allocation ratio: patients arrive in random order, so this is as random as a coin ' +
        'for each.';
  const dots = trace.subgroups
    ? 'its colour is its true subgroup; a ring in another subgroup’s colour is where the assay wrongly puts it.'
    : 'its colour is the true marker status, its shape the assay result, an outline marks an assay error.';
  parts.push(
    `Patients are screened at ${number(trace.screeningRate)} a month${delay}. ${arms} Each dot is a patient: ${dots}`,
  );
  return parts.join(' ');
}

function endingWords(ending: Ending): string {
  const { reject } = ending;
  const rejected = reject
    ? Object.keys(reject)
        .filter((id) => reject[id])
        .map(hypothesisName)
    : [ending.rejectS ? 'H_S' : '', ending.rejectF ? 'H_F' : ''].filter(Boolean);
  const what =
    rejected.length === 0
      ? 'nothing rejected'
      : `${rejected.length > 2 ? listed(rejected) : rejected.join(' and ')} rejected`;
  return ending.stopped ? `${what}, stopped early for ${ending.stopped}` : what;
}
