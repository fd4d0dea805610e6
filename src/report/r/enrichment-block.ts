// A design that tests every population and F (stratified: one stage, all kept; adaptive enrichment:
// two stages with selection) as rpact's enrichment simulation, getSimulationEnrichmentMeans, -Rates
// or -Survival, with rpact's subgroups (rpact-subgroups.ts: S and R for one marker) in `effectList`
// and every rule of the design mapped. rpact's populations 1..G are the scenario's in order, its
// last F. Where rpact has no counterpart of the intersection test, there is no call.
import type { AdaptiveEnrichmentDesign, Scenario, StratifiedDesign } from '../../engine/scenario/types.js';
import { layoutOf, populationModelOf } from '../../engine/population.js';
import { testedHypotheses } from '../../engine/results.js';
import { isMarkerPopulation } from '../../engine/scenario/types.js';
import { changingHazards, imperfectAssay, randomStrata, tStatistic, weightedTest } from './approximations.js';
import { type BlockContext, type Comparison, type DesignBlock, known } from './block.js';
import { combinationObject } from './design-object.js';
import {
  classifiedWeights,
  hazardsOfCells,
  homogeneousCells,
  meansOfCells,
  ratesOf,
  ratesOfCells,
} from './populations.js';
import { rpactSubgroups } from './rpact-subgroups.js';
import { rCall, rNumber, rNumbers, rString, rVector, type Argument } from './r-syntax.js';

const INTERSECTION = {
  bonferroni: 'Bonferroni',
  simes: 'Simes',
  sidak: 'Sidak',
  'spiessens-debois': 'SpiessensDebois',
} as const;
type Mapped = keyof typeof INTERSECTION;

export function enrichmentBlock(
  context: BlockContext & { design: StratifiedDesign | AdaptiveEnrichmentDesign },
): DesignBlock {
  const { scenario, design, index, iterations, seed } = context;
  const endpoint = scenario.endpoint;
  const intersection = rpactIntersection(scenario, design);
  if ('none' in intersection)
    return {
      comments: [`Approximation: ${intersection.none}: no call.`],
      code: [],
      comparisons: [],
      approximate: true,
    };
  const object = combinationObject(scenario, design);
  const name = `design_${index}`;
  const simulation = `sim_${index}`;
  const survival = endpoint.type === 'survival';
  const approximations = [
    imperfectAssay(scenario),
    randomStrata(scenario),
    tStatistic(scenario, "rpact's enrichment simulation treats the variances as known (z)"),
    changingHazards(scenario),
    weightedTest(scenario),
    ...mergedSubgroups(scenario),
  ];
  if (endpoint.type !== 'binary' && !scenario.analysis.stratified) {
    const what = survival ? 'survival' : 'means';
    const pooled = isMarkerPopulation(scenario.population)
      ? 'F pooling S and R'
      : 'each population of several subgroups pooling them';
    approximations.push(`Stratum tests ${pooled} (stratified false); rpact's enrichment ${what} are stratified only`);
  }
  if (survival && scenario.simulation.method === 'patient') {
    approximations.push(
      "Stratum simulates every patient (method patient); rpact's enrichment survival simulation draws the " +
        'log-rank statistics from their asymptotic law',
    );
  }
  const sizes = survival ? (design.events ?? design.n) : design.n;
  const planned = Array.isArray(sizes) ? rNumbers(sizes) : String(sizes);
  const args: Argument[] = [
    [undefined, name],
    [survival ? 'plannedEvents' : 'plannedSubjects', planned],
    ['effectList', effectList(scenario)],
    ['intersectionTest', rString(intersection.rpact)],
    ...selection(scenario, design),
    ['stratifiedAnalysis', endpoint.type === 'binary' && !scenario.analysis.stratified ? 'FALSE' : 'TRUE'],
    ['allocationRatioPlanned', rNumber(scenario.trial.allocation)],
  ];
  if (design.type === 'adaptive-enrichment' && design.recalculation) {
    const rule = design.recalculation;
    const unit = survival ? 'Events' : 'Subjects';
    args.push(
      ['conditionalPower', rNumber(rule.conditionalPower)],
      [`minNumberOf${unit}PerStage`, rNumbers([null, rule.minStage2])],
      [`maxNumberOf${unit}PerStage`, rNumbers([null, rule.maxStage2])],
    );
    if (endpoint.type === 'continuous') {
      // Stratum standardises the assumed effect by the within-cell SD in F
      let variance = 0;
      for (const { id, share } of populationModelOf(scenario.population).subgroups)
        variance += share * endpoint.sd[id] ** 2;
      args.push(['thetaH1', rNumber(rule.assumedEffect)], ['stDevH1', rNumber(Math.sqrt(variance))]);
    } else if (endpoint.type === 'binary') {
      const control = ratesOf({ ...scenario, endpoint }, 'F').control;
      args.push(['piTreatmentH1', rNumber(control + rule.assumedEffect)], ['piControlH1', rNumber(control)]);
      approximations.push(
        'rpact re-sizes stage 2 for rates by its own formula (pooled variance under H0, unpooled under H1); ' +
          "Stratum's standardises the assumed difference by √(π̄(1 − π̄)) at π̄ = control rate in F " +
          '+ half the difference',
      );
    } else {
      args.push(['thetaH1', rNumber(rule.assumedEffect)]);
    }
  }
  if (survival) args.push(['directionUpper', 'FALSE']);
  args.push(['maxNumberOfIterations', String(iterations)], ['seed', String(seed)]);
  const fn =
    endpoint.type === 'continuous'
      ? 'getSimulationEnrichmentMeans'
      : endpoint.type === 'binary'
        ? 'getSimulationEnrichmentRates'
        : 'getSimulationEnrichmentSurvival';
  const code = [`${name} <- ${object.call}`];
  if (object.change) code.push(`${name}${object.change}`);
  code.push(`${simulation} <- ${rCall(fn, args)}`);
  const reasons = approximations.filter((reason): reason is string => reason !== undefined);
  return {
    comments: reasons.map((reason) => `Approximation: ${reason}.`),
    code,
    comparisons: comparisons(context, simulation, object.kMax, Array.isArray(sizes) ? sizes[1] - sizes[0] : 0),
    approximate: reasons.length > 0,
  };
}

/** rpact's subgroups: their shares of the screened and their outcome parameters */
function effectList(scenario: Scenario): string {
  const subgroups = rpactSubgroups(scenario);
  const entries: Argument[] = [
    ['subGroups', rVector(subgroups.map((subgroup) => rString(subgroup.name)))],
    ['prevalences', rNumbers(subgroups.map((subgroup) => subgroup.share))],
  ];
  const endpoint = scenario.endpoint;
  const row = (values: number[]) =>
    rCall('matrix', [
      [undefined, rNumbers(values)],
      ['nrow', '1'],
    ]);
  // a subgroup no one is in never enters rpact's statistics; it is given no effect
  const weights = subgroups.map((subgroup) => classifiedWeights(scenario, subgroup.classified));
  if (endpoint.type === 'continuous') {
    const means = weights.map((w, i) =>
      subgroups[i].share > 0 ? meansOfCells({ ...scenario, endpoint }, w) : { effect: 0, sd: 1 },
    );
    entries.push(['stDevs', rNumbers(means.map((m) => m.sd))], ['effects', row(means.map((m) => m.effect))]);
  } else if (endpoint.type === 'binary') {
    const rates = weights.map((w) => ratesOfCells({ ...scenario, endpoint }, w));
    const first = rates[subgroups.findIndex((subgroup) => subgroup.share > 0)].control;
    const filled = rates.map((r, i) => (subgroups[i].share > 0 ? r : { treatment: first, control: first }));
    entries.push(
      ['piControls', rNumbers(filled.map((r) => r.control))],
      ['piTreatments', row(filled.map((r) => r.treatment))],
    );
  } else {
    const ratios = weights.map((w, i) =>
      subgroups[i].share > 0 ? hazardsOfCells({ ...scenario, endpoint }, w).hazardRatio : 1,
    );
    entries.push(['hazardRatios', row(ratios)]);
  }
  return rCall('list', entries);
}

/** rpact's intersection test, or why it has none */
function rpactIntersection(
  scenario: Scenario,
  design: StratifiedDesign | AdaptiveEnrichmentDesign,
): { rpact: string } | { none: string } {
  const populations = layoutOf(scenario.population).full;
  const maxZ = design.intersection === 'dunnett' || design.intersection === 'spiessens-debois';
  if (maxZ && populations > 1) {
    return {
      none:
        `rpact's Dunnett test (SpiessensDebois) is for one population besides F; this design's max-z test ` +
        `holds ${populations + 1} hypotheses`,
    };
  }
  if (maxZ) return { rpact: INTERSECTION['spiessens-debois'] };
  if (design.intersection in INTERSECTION) return { rpact: INTERSECTION[design.intersection as Mapped] };
  return { none: `rpact has no fixed-sequence (hierarchical) intersection test` };
}

/** rpact subgroups holding several of Stratum's whose outcomes differ: one set of parameters is their mixture's */
function mergedSubgroups(scenario: Scenario): string[] {
  const ids = layoutOf(scenario.population).subgroupIds;
  return rpactSubgroups(scenario)
    .filter((subgroup) => subgroup.classified.length > 1)
    .filter((subgroup) => !homogeneousCells(scenario, classifiedWeights(scenario, subgroup.classified)))
    .map(
      (subgroup) =>
        `rpact's subgroup ${subgroup.name} holds the subgroups ${subgroup.classified.map((j) => ids[j]).join(', ')}, ` +
        'which are in the same populations but whose outcomes differ; rpact knows one set of parameters there, ' +
        "and the call gives it their mixture's",
    );
}

/**
 * The interim's rule. rpact's "best" and "rBest" with one population select alike; the test
 * statistic's best is written as rBest, as make-more-cases.R (test/fixtures/reference/) calls it.
 */
function selection(scenario: Scenario, design: StratifiedDesign | AdaptiveEnrichmentDesign): Argument[] {
  if (design.type === 'stratified') return [['typeOfSelection', '"all"']];
  const { rule, measure, epsilon, threshold } = design.selection;
  const args: Argument[] = [];
  // rpact's r is at most its populations, F among them
  const hypotheses = layoutOf(scenario.population).populationIds.length;
  if (rule === 'best' && measure === 'z') args.push(['typeOfSelection', '"rBest"'], ['rValue', '1']);
  else if (rule === 'rbest')
    args.push(['typeOfSelection', '"rBest"'], ['rValue', String(Math.min(design.selection.r ?? 1, hypotheses))]);
  else args.push(['typeOfSelection', rString(rule)]);
  if (rule === 'epsilon') args.push(['epsilonValue', rNumber(epsilon)]);
  args.push(['effectMeasure', rString(measure === 'z' ? 'testStatistic' : 'effectEstimate')]);
  if (threshold !== null) args.push(['threshold', rNumber(threshold)]);
  return args;
}

/** rejections, selection and early stopping, and the expected size (or events) */
function comparisons(context: BlockContext, simulation: string, stages: number, stage2: number): Comparison[] {
  const { result, iterations, scenario } = context;
  const probability = (quantity: string, ours: number, rpact: string): Comparison => ({
    quantity,
    ours,
    oursSe: Math.sqrt((ours * (1 - ours)) / result.replicates),
    rpact,
    rpactSe: { iterations },
  });
  const rejected = `${simulation}$rejectedPopulationsPerStage`;
  // rpact's populations are the tested ones in the layout's order, F last
  const hypotheses = testedHypotheses(scenario, context.design);
  const list = [
    probability('reject.any', result.reject.any, `sum(${simulation}$rejectAtLeastOne)`),
    ...hypotheses.map((id, g) =>
      probability(`reject.${id}`, known(result.reject[id], `reject.${id}`), `sum(${rejected}[, 1, ${g + 1}])`),
    ),
  ];
  const stop = result.earlyStop ? result.earlyStop.efficacy + result.earlyStop.futility : 0;
  if (stages === 2) {
    list.push(
      ...hypotheses.map((id, g) =>
        probability(
          `continue.${id}`,
          known(result.continue?.[id], `continue.${id}`),
          `${simulation}$selectedPopulations[2, 1, ${g + 1}]`,
        ),
      ),
      probability('earlyStop', stop, `${simulation}$earlyStop[1, 1]`),
    );
  }
  // one stage: the size is fixed; two with a planned stage 2: it is n₁ or N; re-sized: no error to carry
  const resized = context.design.type === 'adaptive-enrichment' && context.design.recalculation !== undefined;
  const oursSe = stages === 1 ? 0 : resized ? undefined : stage2 * Math.sqrt((stop * (1 - stop)) / result.replicates);
  const rpactSe = stages === 1 ? '0' : resized ? 'NA' : `${stage2} * pse(${simulation}$earlyStop[1, 1], ${iterations})`;
  const survival = scenario.endpoint.type === 'survival';
  list.push({
    quantity: survival ? 'expected.events' : 'expected.randomized',
    ours: (survival ? result.expected.events : result.expected.randomized) ?? undefined,
    oursSe,
    rpact: `${simulation}$expectedNumberOf${survival ? 'Events' : 'Subjects'}`,
    rpactSe: { expression: rpactSe },
  });
  return list;
}
