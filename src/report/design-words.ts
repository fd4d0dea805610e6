// Each design in words, as a protocol's methods paragraph: who is screened and randomised, the
// hypotheses and their test, the multiplicity procedure, the stages and boundaries, selection,
// futility and re-sizing, with the literature each step rests on.
import { format } from 'd3';
import { count, months } from '../app/format.js';
import { normalQuantile } from '../engine/math/normal.js';
import type { DesignResult } from '../engine/results.js';
import { survivalTestOf } from '../engine/endpoints/survival/test-weights.js';
import type { Design, Intersection, Scenario, SurvivalTest } from '../engine/scenario/types.js';
import type { Boundaries } from '../engine/designs/boundaries.js';
import type { Citation } from './references.js';

export type DesignWords = { paragraphs: string[]; cites: Citation[] };

type Cite = (key: Citation | undefined) => void;
type Adaptive = Extract<Design, { type: 'adaptive-enrichment' }>;
type OnePopulation = Extract<Design, { type: 'all-comers' | 'enriched' }>;

const INTERSECTION_WORDS: Record<string, [string, Citation | undefined]> = {
  bonferroni: ['the Bonferroni test, p = min(1, 2·min(p_S, p_F))', undefined],
  sidak: ['the Šidák test, p = 1 − (1 − min(p_S, p_F))²', undefined],
  simes: ['the Simes test, p = min(2·min(p_S, p_F), max(p_S, p_F)) (Simes 1986)', 'Simes 1986'],
  'spiessens-debois': [
    'the Spiessens–Debois test, which refers max(z_S, z_F) to the bivariate normal law of the two statistics ' +
      'with their correlation √(I_S/I_F) (Spiessens & Debois 2010)',
    'Spiessens & Debois 2010',
  ],
};

const SPENDING = { 'obrien-fleming': "O'Brien–Fleming", pocock: 'Pocock' } as const;

const MARCUS = 'Marcus, Peritz & Gabriel 1976';

export function designWords(
  scenario: Scenario,
  design: Design,
  result: DesignResult,
  boundaries?: Boundaries,
): DesignWords {
  const cites = new Set<Citation>();
  const cite: Cite = (key) => key && cites.add(key);
  const paragraphs =
    design.type === 'all-comers' || design.type === 'enriched'
      ? onePopulation(scenario, design, boundaries, cite)
      : design.type === 'stratified'
        ? [
            `${everyone(scenario, design.n, analysisWords(design, ''))} ` +
              `The trial tests ${hypothesis(scenario, 'S')} and ${hypothesis(scenario, 'F')}.`,
            `${closedTest(design.intersection, cite)} Each is tested one-sided at α = ${scenario.alpha}.`,
          ]
        : adaptive(scenario, design, boundaries, cite);
  if (scenario.endpoint.type === 'survival') {
    paragraphs.push(
      'Event times are exponential per marker status and arm; where closed forms are given they are ' +
        'Schoenfeld’s large-sample law of the log-rank statistic (Schoenfeld 1983).',
    );
    cite('Schoenfeld 1983');
  }
  const { screened, randomized, events } = result.expected;
  const eventWords =
    scenario.endpoint.type === 'survival' && events !== undefined ? `, with ${count(events)} events` : '';
  paragraphs.push(
    `On average ${count(screened)} patients are screened and ${count(randomized)} randomised${eventWords}, ` +
      `over ${months(result.expected.months)} months.`,
  );
  return { paragraphs, cites: [...cites] };
}

function randomise(scenario: Scenario): string {
  return `randomised ${scenario.trial.allocation} : 1 to treatment or control`;
}

function everyone(scenario: Scenario, n: number | undefined, analysis: string): string {
  const size = n === undefined ? 'as many as are recruited by the analysis' : `${n} patients`;
  return `Every screened patient is ${randomise(scenario)}, whatever the assay result: ${size}.${analysis}`;
}

/** whose events time a survival analysis, when a design names them: " in S (the assay-positive patients)" */
function eventsInWords(design: Design): string {
  const eventsIn = design.type === 'enriched' ? undefined : design.eventsIn;
  if (eventsIn === undefined) return '';
  return eventsIn === 'S' ? ' among the assay-positive patients (S)' : ' among everyone randomised (F)';
}

/** a one-stage survival design's analysis: at a calendar month, or at its events (`among`: whose, by default) */
function analysisWords(design: Design, among: string): string {
  if (design.months !== undefined && !Array.isArray(design.months))
    return (
      ` The analysis is held at month ${design.months} after the first randomisation, ` + 'whatever the events by then.'
    );
  if (typeof design.events !== 'number') return '';
  return ` The analysis is held when ${design.events} events have occurred${eventsInWords(design) || among}.`;
}

function hypothesis(scenario: Scenario, population: 'S' | 'F'): string {
  const who = population === 'S' ? 'the assay-positive patients (S)' : 'everyone screened (F)';
  return `H_${population}, no benefit in ${who}, by ${testWords(scenario, population)}`;
}

function testWords(scenario: Scenario, population: 'S' | 'F'): string {
  const { endpoint, analysis } = scenario;
  const stratified = population === 'F' && analysis.stratified;
  if (endpoint.type === 'survival') {
    const test = survivalTestWords(survivalTestOf(scenario));
    return stratified ? `${test} stratified by assay result` : test;
  }
  if (endpoint.type === 'binary') {
    const pooled = 'the z test for two proportions with pooled variance';
    return stratified ? `${pooled}, stratified by assay result with Cochran–Mantel–Haenszel weights` : pooled;
  }
  const test =
    analysis.statistic === 't'
      ? 'the two-sample t test (variances estimated)'
      : 'the two-sample z test (variances known)';
  return stratified ? `${test}, stratified by assay result with weights n_T·n_C/n per stratum` : test;
}

function onePopulation(
  scenario: Scenario,
  design: OnePopulation,
  boundaries: Boundaries | undefined,
  cite: Cite,
): string[] {
  const enriched = design.type === 'enriched';
  const population = enriched ? 'S' : 'F';
  const critical = normalQuantile(1 - scenario.alpha).toFixed(3);
  const who = enriched
    ? `Patients are screened with the assay until ${design.n} assay-positive patients have been ` +
      `${randomise(scenario)}; assay-negative patients are not enrolled.${analysisWords(design, ' among them')}`
    : everyone(scenario, design.n, analysisWords(design, ''));
  const paragraphs = [
    `${who} The trial tests ${hypothesis(scenario, population)}, one-sided at α = ${scenario.alpha}.`,
  ];
  if (enriched) {
    paragraphs.push(
      'Enrichment pays where the benefit is concentrated in marker-positive patients and the assay finds them, and ' +
        'costs screening where it is not (Simon & Maitournam 2004).',
    );
    cite('Simon & Maitournam 2004');
  }
  const interims = design.interims;
  if (!interims || !boundaries) {
    paragraphs.push(`One analysis: H_${population} is rejected when its statistic reaches z = ${critical}.`);
    return paragraphs;
  }
  const sizes = boundaries.looks.map((look) => look.size).join(', ');
  const looks =
    `Group-sequential: ${boundaries.looks.length} looks, after ${sizes} ${boundaries.unit} ` +
    `(information rates ${interims.informationRates.join(', ')}).`;
  cite('Jennison & Turnbull 2000');
  if (interims.efficacy === 'none') {
    paragraphs.push(
      `${looks} No look but the last can reject: the earlier ones are for monitoring, and the last is ` +
        `tested at z = ${critical}.`,
    );
    return paragraphs;
  }
  cite('Lan & DeMets 1983');
  const spending = `Lan–DeMets ${SPENDING[interims.efficacy]}-type function (Lan & DeMets 1983)`;
  const t = scenario.endpoint.type === 'continuous' && scenario.analysis.statistic === 't';
  const looksSpend = t
    ? `The looks spend α by the ${spending}. With t statistics each look compares its t statistic on the ` +
      'p-value scale, at nominal levels that solve the spending equations under the joint law of the t ' +
      'statistics, given each look’s degrees of freedom (Jennison & Turnbull 2000); the α spent by each look is ' +
      'in the table below.'
    : `The critical values spend α by the ${spending}, computed by recursive numerical integration ` +
      '(Jennison & Turnbull 2000); they are in the table below.';
  paragraphs.push(
    `${looks} The trial stops for efficacy at the first look whose statistic reaches its critical value. ` +
      `${looksSpend} There is no futility rule.`,
  );
  return paragraphs;
}

function adaptive(scenario: Scenario, design: Adaptive, boundaries: Boundaries | undefined, cite: Cite): string[] {
  const [n1, N] = design.n;
  const survival = scenario.endpoint.type === 'survival';
  const events = survival ? design.events : undefined;
  const calendar = survival ? design.months : undefined;
  const among = eventsInWords(design);
  const stage1 = calendar
    ? `, analysed at month ${calendar[0]}`
    : events
      ? `, analysed when ${events[0]} events have occurred${among}`
      : '';
  const stage2 = calendar
    ? `, analysed at month ${calendar[1]}`
    : events
      ? `, until ${events[1] - events[0]} more events${among}`
      : '';
  cite('Bauer & Köhne 1994');
  cite('Lehmacher & Wassmer 1999');
  const threshold = design.selection.threshold !== null ? ' or when the selection keeps nothing' : '';
  const futile =
    design.combination === 'fisher' ? 'a stage-1 p-value of 1' : "a stage-1 z at or below −6, rpact's default bound";
  const paragraphs = [
    `Stage 1 randomises ${n1} patients, all comers, ${scenario.trial.allocation} : 1 to treatment or ` +
      `control${stage1}. ` +
      `At the interim ${selectionWords(design)} Stage 2 randomises ${N - n1} more patients${stage2}, from all comers ` +
      'if F was kept and from assay-positive patients only if just S was (screening goes on until enough are found).',
    `The trial tests ${hypothesis(scenario, 'S')} and ${hypothesis(scenario, 'F')}, by closed combination tests ` +
      '(Bauer & Köhne 1994; Lehmacher & Wassmer 1999): each of H_S, H_F and H_S ∩ H_F has a p-value from ' +
      'each stage, ' +
      `from that stage’s patients only, and the two are combined. ${closedTest(design.intersection, cite)} ` +
      'A population dropped at the interim can no longer be rejected.',
    combinationWords(design, boundaries, scenario.alpha, cite),
    `Futility: the trial stops at the interim when no hypothesis can be rejected any more (${futile})${threshold}.`,
  ];
  const rule = design.recalculation;
  if (rule) {
    const survival = scenario.endpoint.type === 'survival';
    const effect = survival ? `a hazard ratio of ${rule.assumedEffect}` : `an effect of ${rule.assumedEffect}`;
    paragraphs.push(
      `Stage 2 is re-sized at the interim for a conditional power of ${rule.conditionalPower} under ${effect}, ` +
        `within ${rule.minStage2} to ${rule.maxStage2} ${survival ? 'events' : 'patients'}, by rpact's ` +
        'conditional-power rule for the combination test (Wassmer & Pahlke), given the Bonferroni-adjusted ' +
        'stage-1 p-value.',
    );
    cite('Wassmer & Pahlke');
  }
  return paragraphs;
}

function closedTest(intersection: Intersection, cite: Cite): string {
  cite(MARCUS);
  if (intersection === 'hierarchical-S' || intersection === 'hierarchical-F') {
    const [first, second] = intersection === 'hierarchical-S' ? ['S', 'F'] : ['F', 'S'];
    return (
      `Multiplicity: fixed-sequence testing, a closed test (${MARCUS}) in which H_${first} is tested first at the ` +
      `full α and H_${second} only once H_${first} is rejected.`
    );
  }
  const [words, reference] = INTERSECTION_WORDS[intersection];
  cite(reference);
  return (
    `Multiplicity: a closed test (${MARCUS}), which rejects H_S, or H_F, when it and the intersection ` +
    'H_S ∩ H_F are ' +
    `both rejected, and so keeps the family-wise error at α in the strong sense; the intersection is tested ` +
    `by ${words}.`
  );
}

function selectionWords(design: Adaptive): string {
  const { rule, measure, epsilon, threshold } = design.selection;
  const on = measure === 'z' ? 'test statistic z' : 'estimated effect';
  const kept =
    rule === 'all'
      ? 'both populations are kept'
      : rule === 'best' || (rule === 'rbest' && design.selection.r === 1)
        ? `the population with the larger ${on} is kept (ties broken at random, as rpact does)`
        : rule === 'rbest'
          ? `the ${design.selection.r} populations with the largest ${on} are kept, both S and F here`
          : `the population with the larger ${on} is kept, and the other too if its ${on} is within ${epsilon} of it`;
  if (threshold === null) return `${kept}.`;
  return (
    `${kept}; a population whose ${on} is not above ${threshold} is dropped, and when none is kept the trial ` +
    `stops for futility.`
  );
}

function combinationWords(design: Adaptive, boundaries: Boundaries | undefined, alpha: number, cite: Cite): string {
  if (design.combination === 'fisher') {
    const c = boundaries?.fisherProduct;
    return (
      "Combination: Fisher's product test (Bauer & Köhne 1994), which rejects at the end when p₁·p₂ ≤ c with " +
      `c·(1 − ln c) = α = ${alpha}${c === undefined ? '' : `, c = ${format('.4~g')(c)}`}; no early efficacy stop.`
    );
  }
  const t1 = boundaries?.looks[0]?.informationRate ?? 0.5;
  const w1 = `w₁ = √${format('.3~f')(t1)} = ${Math.sqrt(t1).toFixed(3)}`;
  const weights = `${w1} and w₂ = ${Math.sqrt(1 - t1).toFixed(3)}`;
  const inverse =
    'Combination: the inverse normal, C = w₁·Φ⁻¹(1 − p₁) + w₂·Φ⁻¹(1 − p₂) ' +
    `with ${weights}, fixed at planning ` +
    '(Lehmacher & Wassmer 1999).';
  if (design.efficacy === 'none') {
    return (
      `${inverse} No early efficacy stop: C is compared at the end with z = ` +
      `${normalQuantile(1 - alpha).toFixed(3)}.`
    );
  }
  cite('Lan & DeMets 1983');
  return (
    `${inverse} Early efficacy at the interim by Lan–DeMets ${SPENDING[design.efficacy]}-type α-spending ` +
    '(Lan & DeMets 1983), critical values in the table below: H_X is rejected at the interim when its own stage-1 ' +
    "statistic and the intersection's both reach the interim value, and the trial stops for efficacy when both " +
    'hypotheses are rejected there.'
  );
}

/** analysis.survivalTest in words */
function survivalTestWords(test: SurvivalTest): string {
  if (test === 'logrank') return 'the log-rank test';
  if (test === 'maxcombo') return 'the maxcombo test (the largest of FH(0,0), FH(0,1), FH(1,0) and FH(1,1))';
  return `the Fleming–Harrington weighted log-rank test FH(${test.fh[0]}, ${test.fh[1]})`;
}
