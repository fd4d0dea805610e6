// A design that tests S and F (stratified: one stage, all kept; adaptive enrichment: two stages
// with selection) as rpact's enrichment simulation, getSimulationEnrichmentMeans, -Rates or
// -Survival, with the subsets S and R in `effectList` and every rule of the design mapped.
import type { AdaptiveEnrichmentDesign, Scenario, StratifiedDesign } from '../../engine/scenario/types.js';
import { markerPopulation, summarisePopulation } from '../../engine/population.js';
import { changingHazards, imperfectAssay, randomStrata, tStatistic, weightedTest } from './approximations.js';
import { type BlockContext, type Comparison, type DesignBlock, known } from './block.js';
import { combinationObject } from './design-object.js';
import { hazardsOf, meansOf, ratesOf } from './populations.js';
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
  const object = combinationObject(scenario, design);
  const name = `design_${index}`;
  const simulation = `sim_${index}`;
  const survival = endpoint.type === 'survival';
  const approximations = [
    imperfectAssay(scenario),
    randomStrata(scenario),
    tStatistic(scenario, "rpact's enrichment simulation treats the variances as known (z)"),
    object.approximation,
    changingHazards(scenario),
    weightedTest(scenario),
  ];
  if (endpoint.type !== 'binary' && !scenario.analysis.stratified) {
    const what = survival ? 'survival' : 'means';
    approximations.push(
      `Stratum tests F pooling S and R (stratified false); rpact's enrichment ${what} are stratified only`,
    );
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
    ['intersectionTest', rString(INTERSECTION[design.intersection as Mapped])],
    ...selection(design),
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
      const p = markerPopulation(scenario.population).prevalence;
      args.push(
        ['thetaH1', rNumber(rule.assumedEffect)],
        ['stDevH1', rNumber(Math.sqrt(p * endpoint.sd.pos ** 2 + (1 - p) * endpoint.sd.neg ** 2))],
      );
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
  const code = [`${name} <- ${object.call}`, `${simulation} <- ${rCall(fn, args)}`];
  const reasons = approximations.filter((reason): reason is string => reason !== undefined);
  return {
    comments: reasons.map((reason) => `Approximation: ${reason}.`),
    code,
    comparisons: comparisons(context, simulation, object.kMax, Array.isArray(sizes) ? sizes[1] - sizes[0] : 0),
    approximate: reasons.length > 0,
  };
}

/** rpact's subsets S and R: their shares of the screened and their outcome parameters */
function effectList(scenario: Scenario): string {
  const { assayPositive } = summarisePopulation(scenario.population);
  const entries: Argument[] = [
    ['subGroups', rVector(['"S"', '"R"'])],
    ['prevalences', rNumbers([assayPositive, 1 - assayPositive])],
  ];
  const endpoint = scenario.endpoint;
  const row = (values: number[]) =>
    rCall('matrix', [
      [undefined, rNumbers(values)],
      ['nrow', '1'],
    ]);
  if (endpoint.type === 'continuous') {
    const [S, R] = (['S', 'R'] as const).map((subset) => meansOf({ ...scenario, endpoint }, subset));
    entries.push(['stDevs', rNumbers([S.sd, R.sd])], ['effects', row([S.effect, R.effect])]);
  } else if (endpoint.type === 'binary') {
    const [S, R] = (['S', 'R'] as const).map((subset) => ratesOf({ ...scenario, endpoint }, subset));
    entries.push(['piControls', rNumbers([S.control, R.control])], ['piTreatments', row([S.treatment, R.treatment])]);
  } else {
    const [S, R] = (['S', 'R'] as const).map((subset) => hazardsOf({ ...scenario, endpoint }, subset));
    entries.push(['hazardRatios', row([S.hazardRatio, R.hazardRatio])]);
  }
  return rCall('list', entries);
}

/**
 * The interim's rule. rpact's "best" and "rBest" with one population select alike; the test
 * statistic's best is written as rBest, as make-more-cases.R (test/fixtures/reference/) calls it.
 */
function selection(design: StratifiedDesign | AdaptiveEnrichmentDesign): Argument[] {
  if (design.type === 'stratified') return [['typeOfSelection', '"all"']];
  const { rule, measure, epsilon, threshold } = design.selection;
  const args: Argument[] = [];
  if (rule === 'best' && measure === 'z') args.push(['typeOfSelection', '"rBest"'], ['rValue', '1']);
  // rpact's r is at most its populations, S and F here
  else if (rule === 'rbest')
    args.push(['typeOfSelection', '"rBest"'], ['rValue', String(Math.min(design.selection.r ?? 1, 2))]);
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
  const list = [
    probability('reject.any', result.reject.any, `sum(${simulation}$rejectAtLeastOne)`),
    probability('reject.S', known(result.reject.S, 'reject.S'), `sum(${rejected}[, 1, 1])`),
    probability('reject.F', known(result.reject.F, 'reject.F'), `sum(${rejected}[, 1, 2])`),
  ];
  const stop = result.earlyStop ? result.earlyStop.efficacy + result.earlyStop.futility : 0;
  if (stages === 2) {
    list.push(
      probability('continue.S', known(result.continue?.S, 'continue.S'), `${simulation}$selectedPopulations[2, 1, 1]`),
      probability('continue.F', known(result.continue?.F, 'continue.F'), `${simulation}$selectedPopulations[2, 1, 2]`),
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
