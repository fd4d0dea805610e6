// The running text of "Watch one trial" for a scenario of several populations: the closed tests over
// every intersection of the populations' hypotheses and F's (engine/trace/recorder.ts's `populations-…`
// records), the interim's selection by population id, who the assay puts where, and what the trial
// claims. As in trial-words.ts, nothing here decides: the words read what the runner recorded.
import type {
  PopulationsClosedTestDecision,
  PopulationsFinalDecision,
  PopulationsInterimDecision,
} from '../engine/trace/recorder.js';
import type { Trace, TracedPatient } from '../engine/trace/trace.js';
import { count, months } from './format.js';
import { measureWords, number, statistic } from './trial-words.js';

type Closed = PopulationsClosedTestDecision | PopulationsFinalDecision;

/** H_P1; an intersection as H_P1∩H_F */
export const hypothesisName = (id: string) => `H_${id}`;
const intersectionName = (ids: readonly string[]) => ids.map(hypothesisName).join('∩');

/** "a, b and c" */
export function listed(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const meaning = (ids: readonly string[]) =>
  ids.length === 1
    ? `no benefit in ${ids[0]}${ids[0] === 'F' ? ', everyone screened' : ''}`
    : `no benefit in any of ${listed(ids).replace(/ and ([^ ]+)$/, ' or $1')}`;

/** what each design does, in the words of populations (DESIGN_META's descriptions are one marker's) */
export const DESIGN_WORDS: Record<Trace<string>['design']['type'], string> = {
  'all-comers': 'Randomise every screened patient, whatever the assay says; test the full population (H_F).',
  enriched: 'Screen until n patients the assay puts in its population are randomised; test that population.',
  stratified: 'Randomise all comers; test every population and F by closed testing over all their intersections.',
  'adaptive-enrichment':
    'Stage 1 randomises all comers (or its stage-1 population); at the interim a selection rule keeps some ' +
    'populations for stage 2, which randomises only their patients; closed combination test over all intersections.',
};

const unit = (trace: Trace<string>) => (trace.endpoint === 'survival' ? 'events' : 'patients');

const RULES: Record<PopulationsClosedTestDecision['intersection'], string> = {
  bonferroni: 'the Bonferroni test',
  simes: 'the Simes test',
  sidak: 'the Šidák test',
  dunnett: 'the max-z (Dunnett) test',
  'spiessens-debois': 'the max-z (Dunnett) test',
  hierarchical: 'the hierarchical test (the p-value of the first of the order it holds)',
  'hierarchical-S': 'the hierarchical test',
  'hierarchical-F': 'the hierarchical test',
};

export function populationsClosedTestWords(trace: Trace<string>, decision: PopulationsClosedTestDecision): string {
  const zs = decision.hypotheses.map((h) => `${statistic(h.z)} for ${hypothesisName(h.id)}`);
  return (
    `The analysis of ${count(decision.size)} ${unit(trace)} gives z = ${listed(zs)}. They are tested by closed ` +
    `testing over all ${decision.intersections.length} intersections, each by ${RULES[decision.intersection]} at ` +
    `α = ${number(decision.alpha)}, top down: the largest intersection first.`
  );
}

/** the intersections of one size, `size` hypotheses each: their own tests, and at size 1 the closed test's verdicts */
export function latticeLayerWords(trace: Trace<string>, decision: Closed, size: number): string {
  const layer = decision.intersections.filter((node) => node.ids.length === size);
  const verdict = (rejected: boolean) => (rejected ? 'rejected' : 'not rejected');
  const how = (node: Closed['intersections'][number]) => nodeTest(trace, decision, node);
  if (size === decision.hypotheses.length) {
    const [top] = layer;
    return (
      `First ${intersectionName(top.ids)}, “${meaning(top.ids)}”: ${how(top)}; it is ${verdict(top.rejected)}` +
      (top.rejected ? '.' : ': no hypothesis can be rejected.')
    );
  }
  const each = layer.map((node) => `${node.name} (${how(node)}: ${verdict(node.rejected)})`);
  if (size > 1) return `Then the intersections of ${size}: ${listed(each)}.`;
  const rejected = decision.hypotheses.filter((h) => h.rejected).map((h) => hypothesisName(h.id));
  const dropped = (id: string) =>
    decision.kind === 'populations-final' && decision.hypotheses.some((h) => h.id === id && !h.kept);
  // the hypotheses not rejected, grouped by the largest intersection holding them that is not rejected
  const why = new Map<string, string[]>();
  for (const h of decision.hypotheses.filter((x) => !x.rejected)) {
    const failed = decision.intersections.find((node) => node.ids.includes(h.id) && !node.rejected);
    const reason = failed
      ? `${failed.name} is not rejected`
      : dropped(h.id)
        ? 'dropped at the interim, so only an early rejection there could count'
        : '';
    why.set(reason, [...(why.get(reason) ?? []), hypothesisName(h.id)]);
  }
  const blocked = [...why].map(([reason, names]) => `${listed(names)}${reason ? ` (${reason})` : ''}`);
  return (
    `Then each hypothesis on its own: ${listed(each)}. ` +
    (rejected.length === 0
      ? 'The closed test rejects nothing'
      : `With every intersection holding ${rejected.length === 1 ? 'it' : 'them'} rejected, the closed test ` +
        `rejects ${listed(rejected)}`) +
    (blocked.length === 0 ? '.' : `; not ${blocked.join('; not ')}.`)
  );
}

/** how one intersection's own test went: its p-value, or its combined stages */
function nodeTest(trace: Trace<string>, decision: Closed, node: Closed['intersections'][number]): string {
  if (decision.kind === 'populations-closed-test') {
    const p = (node as PopulationsClosedTestDecision['intersections'][number]).p;
    return `p = ${number(p)}`;
  }
  const final = node as PopulationsFinalDecision['intersections'][number];
  // beyond double precision: C = ±∞ as the combination's verdict says (Fisher's product is finite)
  if (final.byCombination !== null)
    return combined(decision, final.combined ?? (final.byCombination ? Infinity : -Infinity));
  const interim = trace.decisions.find((d) => d.kind === 'populations-interim');
  const early = interim?.kind === 'populations-interim' && interim.intersections.find((n) => n.name === node.name);
  if ((early && early.early) || !decision.stage2) return 'at the interim';
  return node.ids.length === 1 ? 'dropped at the interim' : 'none of them kept';
}

function combined(decision: PopulationsFinalDecision, value: number): string {
  return decision.combination === 'fisher'
    ? `p₁·p₂ = ${number(value)}`
    : `C = ${value === Infinity ? '∞' : statistic(value)}`;
}

export function populationsInterimWords(trace: Trace<string>, interim: PopulationsInterimDecision): string {
  const zs = interim.hypotheses.map((h) => `${statistic(h.z)} for ${hypothesisName(h.id)}`);
  const parts = [`Stage 1 ends with ${count(interim.size)} ${unit(trace)}: z = ${listed(zs)}.`];
  if (interim.interimCritical === null) parts.push('This design has no early stop for efficacy.');
  else {
    const early = interim.intersections.filter((node) => node.early);
    const rejected = interim.hypotheses.filter((h) => h.rejected).map((h) => hypothesisName(h.id));
    const of = `${count(early.length)} of the ${interim.intersections.length} intersections`;
    parts.push(
      `Early rejection needs an intersection's stage-1 z ≥ ${statistic(interim.interimCritical)}: ` +
        (early.length === 0
          ? 'none reaches it.'
          : `${of} reach it` +
            (rejected.length === 0
              ? ', but no hypothesis with every intersection holding it.'
              : `, so ${listed(rejected)} ${rejected.length === 1 ? 'is' : 'are'} rejected already.`)),
    );
  }
  const futile = interim.hypotheses.filter((h) => h.futile).map((h) => hypothesisName(h.id));
  if (futile.length > 0)
    parts.push(`${listed(futile)} ${futile.length === 1 ? 'is' : 'are'} beyond hope (an intersection is futile).`);
  return parts.join(' ');
}

/** how the interim chose: the rule, the measures it compared, what it kept, and whether the trial stops */
export function populationsSelectionWords(trace: Trace<string>, interim: PopulationsInterimDecision): string {
  const { selection, kept } = interim;
  const measure = measureWords(trace, selection);
  const values = interim.hypotheses.map((h) => `${h.id} ${number(h.measure)}`).join(', ');
  const rule =
    selection.rule === 'all'
      ? 'The selection rule keeps every population'
      : selection.rule === 'epsilon'
        ? `The selection rule keeps the largest ${measure} and any within ε = ${number(selection.epsilon)} of it`
        : selection.rule === 'best' || selection.r === 1
          ? `The selection rule keeps the population with the largest ${measure} (ties at random, as in rpact)`
          : `The selection rule keeps the ${count(selection.r ?? 2)} with the largest ${measure}`;
  const threshold =
    selection.threshold === null
      ? ''
      : `; a population whose ${measure} is not above ${number(selection.threshold)} is dropped`;
  const compared = selection.rule === 'all' ? '' : `: ${values}`;
  const chosen = kept.length === 0 ? 'No population is kept.' : `Kept: ${listed(kept)}.`;
  if (interim.stop === 'efficacy')
    return (
      `${rule}${compared}${threshold}. But every hypothesis is rejected already: the trial stops early for ` +
      'efficacy.'
    );
  if (interim.stop === 'futility') {
    const why = kept.length === 0 ? 'no population is kept' : 'no hypothesis can be rejected any more';
    return `${rule}${compared}${threshold}. ${chosen} The trial stops for futility: ${why}.`;
  }
  const who = kept.includes('F')
    ? 'Stage 2 randomises all comers'
    : `Stage 2 screens on and randomises only the patients the assay puts in ${listed(kept).replace(/ and /, ' or ')}`;
  const resized = interim.recalculated ? ', re-sized for conditional power' : '';
  const size =
    interim.finalMonth === undefined
      ? `${count(interim.stage2 ?? 0)} more ${unit(trace)}${resized}`
      : `analysed at month ${months(interim.finalMonth)}`;
  return `${rule}${compared}${threshold}. ${chosen} ${who}: ${size}.`;
}

export function populationsFinalWords(final: PopulationsFinalDecision): string {
  if (!final.stage2) return 'The trial stopped at the interim, so what it rejected there is final.';
  const kept = final.hypotheses.filter((h) => h.kept);
  const zs = kept.map((h) => `${statistic(h.z2)} for ${hypothesisName(h.id)}`);
  const combine =
    final.combination === 'fisher'
      ? "Fisher's combination multiplies each intersection's stage-wise p-values and rejects when " +
        `p₁·p₂ ≤ ${number(final.finalCritical)}`
      : "The inverse-normal combination adds each intersection's stage-wise z statistics with fixed weights and " +
        `rejects when C ≥ ${statistic(final.finalCritical)}`;
  const combinedCount = final.intersections.filter((node) => node.byCombination !== null).length;
  return (
    `Stage 2 alone gives z = ${listed(zs)}. ${combine}; an intersection's stage 2 is that of the populations it ` +
    `holds that were kept, so ${count(combinedCount)} of the ${final.intersections.length} intersections are ` +
    'combined. The closed test follows, top down.'
  );
}

/** what the trial claims: the populations whose hypotheses it rejected */
export function populationsClaim(reject: Record<string, boolean>): string {
  const rejected = Object.keys(reject).filter((id) => reject[id]);
  return rejected.length === 0
    ? 'The trial claims no benefit: nothing is rejected. That is no evidence of no effect; it may have been too small.'
    : `The trial claims benefit in ${listed(rejected)}: ${listed(rejected.map(hypothesisName))} ` +
        `${rejected.length === 1 ? 'is' : 'are'} rejected.`;
}

/** who the assay puts where among the patients just screened, and how many it puts in another subgroup */
export function subgroupAssayWords(arrived: readonly TracedPatient<string>[], subgroups: readonly string[]): string {
  const into = subgroups
    .map((id) => [id, arrived.filter((p) => p.assay === id).length] as const)
    .filter(([, n]) => n > 0)
    .map(([id, n]) => `${count(n)} in ${id}`);
  const wrong = arrived.filter((p) => p.assay !== p.marker).length;
  return `the assay puts ${listed(into)}${wrong > 0 ? `, ${count(wrong)} of them in a subgroup not truly theirs` : ''}`;
}
