// The hypotheses of a design in words, and the closed test over them: H_S and H_F for one marker, or
// each population's H and H_F with several (docs/populations.md), with the test of each and the
// intersection test that makes the closed test.
import { layoutOf } from '../engine/population.js';
import { survivalTestOf } from '../engine/endpoints/survival/test-weights.js';
import {
  type Design,
  type Intersection,
  isMarkerPopulation,
  type Scenario,
  type SurvivalTest,
} from '../engine/scenario/types.js';
import type { Citation } from './references.js';

export type Cite = (key: Citation | undefined) => void;

export const MARCUS = 'Marcus, Peritz & Gabriel 1976';

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

/** the same tests of an intersection of m hypotheses, several populations */
const MANY_WORDS: Record<string, [string, Citation | undefined]> = {
  bonferroni: ['the Bonferroni test, p = min(1, m·min p_i)', undefined],
  sidak: ['the Šidák test, p = 1 − (1 − min p_i)^m', undefined],
  simes: ['the Simes test, p = min_i m·p_(i)/i over the ordered p-values (Simes 1986)', 'Simes 1986'],
  dunnett: [
    'the Dunnett-type max-z test, which refers the largest z to the multivariate normal law of the statistics ' +
      'with the correlations of the information the populations share (Spiessens & Debois 2010)',
    'Spiessens & Debois 2010',
  ],
};
MANY_WORDS['spiessens-debois'] = MANY_WORDS.dunnett;

/** the ids of the hypotheses a design with every population tests, F last */
export function hypothesisIds(scenario: Scenario): string[] {
  return [...layoutOf(scenario.population).populationIds];
}

/** `H_S1, H_S2 and H_F` */
export function hypothesisList(ids: readonly string[]): string {
  const names = ids.map((id) => `H_${id}`);
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** who a population is: the assay-positive patients (S), everyone screened (F), or a population's subgroups */
export function populationWho(scenario: Scenario, id: string): string {
  if (id === 'F') return 'everyone screened (F)';
  const population = scenario.population;
  if (isMarkerPopulation(population)) return 'the assay-positive patients (S)';
  const subgroups = population.populations.find((entry) => entry.id === id)?.subgroups ?? [];
  const assay = population.assay ? ' as the assay classifies them' : '';
  const names =
    subgroups.length < 2 ? subgroups.join('') : `${subgroups.slice(0, -1).join(', ')} and ${subgroups.at(-1)}`;
  return `${id}, the patients of subgroup${subgroups.length > 1 ? 's' : ''} ${names}${assay}`;
}

export function hypothesis(scenario: Scenario, id: string): string {
  return `H_${id}, no benefit in ${populationWho(scenario, id)}, by ${testWords(scenario, id)}`;
}

function testWords(scenario: Scenario, id: string): string {
  const { endpoint, analysis } = scenario;
  const one = isMarkerPopulation(scenario.population);
  const layout = layoutOf(scenario.population);
  const mask = layout.populationMask[layout.populationIds.indexOf(id)];
  const strata = layout.subgroupIds.filter((_, j) => (mask & (1 << j)) !== 0).length;
  const stratified = analysis.stratified && (one ? id === 'F' : strata > 1);
  const by = one ? 'assay result' : 'subgroup';
  if (endpoint.type === 'survival') {
    const test = survivalTestWords(survivalTestOf(scenario));
    return stratified ? `${test} stratified by ${by}` : test;
  }
  if (endpoint.type === 'binary') {
    const pooled = 'the z test for two proportions with pooled variance';
    return stratified ? `${pooled}, stratified by ${by} with Cochran–Mantel–Haenszel weights` : pooled;
  }
  const test =
    analysis.statistic === 't'
      ? 'the two-sample t test (variances estimated)'
      : 'the two-sample z test (variances known)';
  return stratified ? `${test}, stratified by ${by} with weights n_T·n_C/n per stratum` : test;
}

export function closedTest(scenario: Scenario, design: Extract<Design, { intersection: Intersection }>, cite: Cite) {
  cite(MARCUS);
  const intersection = design.intersection;
  if (intersection === 'hierarchical-S' || intersection === 'hierarchical-F') {
    const [first, second] = intersection === 'hierarchical-S' ? ['S', 'F'] : ['F', 'S'];
    return (
      `Multiplicity: fixed-sequence testing, a closed test (${MARCUS}) in which H_${first} is tested first at the ` +
      `full α and H_${second} only once H_${first} is rejected.`
    );
  }
  if (isMarkerPopulation(scenario.population)) {
    const [words, reference] = INTERSECTION_WORDS[intersection];
    cite(reference);
    return (
      `Multiplicity: a closed test (${MARCUS}), which rejects H_S, or H_F, when it and the intersection ` +
      'H_S ∩ H_F are ' +
      `both rejected, and so keeps the family-wise error at α in the strong sense; the intersection is tested ` +
      `by ${words}.`
    );
  }
  const ids = hypothesisIds(scenario);
  if (intersection === 'hierarchical') {
    const order = design.type === 'stratified' && design.order ? design.order : ids;
    return (
      `Multiplicity: fixed-sequence testing, a closed test (${MARCUS}) in the order ${hypothesisList(order)}: ` +
      'each at the full α, and each only once every one before it is rejected.'
    );
  }
  const [words, reference] = MANY_WORDS[intersection];
  cite(reference);
  return (
    `Multiplicity: a closed test (${MARCUS}) over the ${2 ** ids.length - 1} intersections of the ${ids.length} ` +
    'hypotheses, which rejects a hypothesis when every intersection holding it is rejected, and so keeps the ' +
    `family-wise error at α in the strong sense; an intersection of m hypotheses is tested by ${words}.`
  );
}

/** analysis.survivalTest in words */
function survivalTestWords(test: SurvivalTest): string {
  if (test === 'logrank') return 'the log-rank test';
  if (test === 'maxcombo') return 'the maxcombo test (the largest of FH(0,0), FH(0,1), FH(1,0) and FH(1,1))';
  return `the Fleming–Harrington weighted log-rank test FH(${test.fh[0]}, ${test.fh[1]})`;
}
