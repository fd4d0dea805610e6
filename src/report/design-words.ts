// Each design in words, as a protocol's methods paragraph: who is screened and randomised, the
// hypotheses and their test, the multiplicity procedure, the stages and boundaries, selection,
// futility and re-sizing, with the literature each step rests on.
import { format } from 'd3';
import { count, months } from '../app/format.js';
import { normalQuantile } from '../engine/math/normal.js';
import type { DesignResult } from '../engine/results.js';
import { testedHypotheses } from '../engine/results.js';
import { type Design, isMarkerPopulation, type Scenario } from '../engine/scenario/types.js';
import type { Boundaries } from '../engine/designs/boundaries.js';
import { type Cite, closedTest, hypothesis, hypothesisIds, populationWho } from './hypothesis-words.js';
import type { Citation } from './references.js';

export type DesignWords = { paragraphs: string[]; cites: Citation[] };

type Adaptive = Extract<Design, { type: 'adaptive-enrichment' }>;
type OnePopulation = Extract<Design, { type: 'all-comers' | 'enriched' }>;

const SPENDING = { 'obrien-fleming': "O'Brien–Fleming", pocock: 'Pocock' } as const;

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
              `The trial tests ${hypothesesWords(scenario)}.`,
            `${closedTest(scenario, design, cite)} Each is tested one-sided at α = ${scenario.alpha}.`,
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
  if (eventsIn === 'F') return ' among everyone randomised (F)';
  return eventsIn === 'S' ? ' among the assay-positive patients (S)' : ` among the patients of ${eventsIn}`;
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

/** every hypothesis of a design that tests every population, each with its test */
function hypothesesWords(scenario: Scenario): string {
  const each = hypothesisIds(scenario).map((id) => hypothesis(scenario, id));
  return `${each.slice(0, -1).join(', ')}${each.length > 2 ? ',' : ''} and ${each[each.length - 1]}`;
}

function onePopulation(
  scenario: Scenario,
  design: OnePopulation,
  boundaries: Boundaries | undefined,
  cite: Cite,
): string[] {
  const enriched = design.type === 'enriched';
  const [population] = testedHypotheses(scenario, design);
  const critical = normalQuantile(1 - scenario.alpha).toFixed(3);
  const one = isMarkerPopulation(scenario.population);
  const whom = one ? 'assay-positive patients' : `patients of ${populationWho(scenario, population)}`;
  const others = one ? 'assay-negative patients are' : 'the others are';
  const who = enriched
    ? `Patients are screened with the assay until ${design.n} ${whom} have been ` +
      `${randomise(scenario)}; ${others} not enrolled.${analysisWords(design, ' among them')}`
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
  const one = isMarkerPopulation(scenario.population);
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
      `At the interim ${selectionWords(scenario, design)} Stage 2 randomises ${N - n1} more patients${stage2}, ` +
      (one
        ? 'from all comers if F was kept and from assay-positive patients only if just S was '
        : 'from all comers if F was kept, else from the patients of the populations kept ') +
      '(screening goes on until enough are found).',
    `The trial tests ${hypothesesWords(scenario)}, by closed combination tests ` +
      `(Bauer & Köhne 1994; Lehmacher & Wassmer 1999): each of ${
        one ? 'H_S, H_F and H_S ∩ H_F' : 'them and each of their intersections'
      } has a p-value from ` +
      'each stage, ' +
      `from that stage’s patients only, and the two are combined. ${closedTest(scenario, design, cite)} ` +
      'A population dropped at the interim can no longer be rejected.',
    combinationWords(design, boundaries, scenario.alpha, cite, one),
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

function selectionWords(scenario: Scenario, design: Adaptive): string {
  const { rule, measure, epsilon } = design.selection;
  const on = measure === 'z' ? 'test statistic z' : 'estimated effect';
  if (!isMarkerPopulation(scenario.population)) return `${manySelection(design, on)}${thresholdWords(design, on)}`;
  const kept =
    rule === 'all'
      ? 'both populations are kept'
      : rule === 'best' || (rule === 'rbest' && design.selection.r === 1)
        ? `the population with the larger ${on} is kept (ties broken at random, as rpact does)`
        : rule === 'rbest'
          ? `the ${design.selection.r} populations with the largest ${on} are kept, both S and F here`
          : `the population with the larger ${on} is kept, and the other too if its ${on} is within ${epsilon} of it`;
  return `${kept}${thresholdWords(design, on)}`;
}

/** the selection among several populations and F */
function manySelection(design: Adaptive, on: string): string {
  const { rule, epsilon, r } = design.selection;
  if (rule === 'all') return 'every population and F are kept';
  if (rule === 'best' || (rule === 'rbest' && r === 1))
    return `the population (or F) with the largest ${on} is kept (ties broken at random, as rpact does)`;
  if (rule === 'rbest') return `the ${r} populations (F among them) with the largest ${on} are kept`;
  return `the population (or F) with the largest ${on} is kept, and every other whose ${on} is within ${epsilon} of it`;
}

function thresholdWords(design: Adaptive, on: string): string {
  const { threshold } = design.selection;
  if (threshold === null) return '.';
  return (
    `; a population whose ${on} is not above ${threshold} is dropped, and when none is kept the trial ` +
    `stops for futility.`
  );
}

function combinationWords(
  design: Adaptive,
  boundaries: Boundaries | undefined,
  alpha: number,
  cite: Cite,
  one: boolean,
): string {
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
    `statistic and the intersection's both reach the interim value, and the trial stops for efficacy when ` +
    `${one ? 'both hypotheses are' : 'every hypothesis is'} rejected there.`
  );
}
