// A design that tests one population (all-comers: F; enriched: the one it enrols) as rpact's one-population
// functions: getSimulationMeans, getSimulationRates or getSimulationSurvival on its design object,
// getPower* for the closed form where the design has one look, and getSampleSize* for the size at
// the target power. The population's parameters are those of populations.ts.
import { layoutOf } from '../../engine/population.js';
import { lookSizes } from '../../engine/scenario/looks.js';
import {
  type Interims,
  isMarkerPopulation,
  type Scenario,
  type SurvivalEndpoint,
} from '../../engine/scenario/types.js';
import { changingHazards, imperfectAssay, tStatistic, weightedTest } from './approximations.js';
import { type BlockContext, type Comparison, type DesignBlock, known } from './block.js';
import { groupSequentialObject } from './design-object.js';
import {
  classifiedSubgroups,
  controlMedianOf,
  hazardsOf,
  homogeneous,
  meansOf,
  ratesOf,
  subsetWeights,
  trueShares,
} from './populations.js';
import { rCall, rNumber, rNumbers, type Argument } from './r-syntax.js';

export type SingleSpec = {
  /** the tested population's id: F, S, or one of several populations */
  population: string;
  /** randomised patients; undefined for a survival design that recruits until its analysis */
  subjects?: number;
  /** survival: events at the final analysis */
  events?: number;
  interims?: Interims;
  /** only this population's rejection has an rpact counterpart (a hierarchical test's first hypothesis) */
  partial?: boolean;
  /** what else keeps rpact's call from being the design's */
  approximations?: string[];
};

/**
 * The calls of one endpoint: simulation, closed-form power, the size at the target under the
 * scenario's own analysis (`size`) and by the closed form (`closedSize`, where that is another
 * call), whether rpact's `size` is the same law as Stratum's solved size, and whether the effect
 * favours treatment (else there is no size to find).
 */
type Calls = {
  simulate: string;
  power: string;
  size: string;
  closedSize?: string;
  sizeExact: boolean;
  favours: boolean;
  approximations: string[];
};

/** the largest denominator tried for rpact's integer allocation of survival patients */
const LARGEST_DENOMINATOR = 100;

const T_BOUNDARIES =
  "rpact's t test compares each look's p-value with the z boundaries' nominal levels, whereas Stratum's nominal " +
  'levels solve the joint law of the t statistics';

export function singleBlock(context: BlockContext, spec: SingleSpec): DesignBlock {
  const { scenario, index } = context;
  const object = groupSequentialObject(scenario, spec.interims, context.target);
  const simulation = `sim_${index}`;
  const calls = scenario.endpoint.type === 'survival' ? survivalCalls(context, spec) : sampleCalls(context, spec);
  const approximations = [
    imperfectAssay(scenario),
    mixedPopulation(scenario, spec.population),
    changingHazards(scenario),
    weightedTest(scenario),
  ];
  approximations.push(...calls.approximations);
  if (spec.interims && spec.interims.efficacy !== 'none') approximations.push(tStatistic(scenario, T_BOUNDARIES));
  approximations.push(...(spec.approximations ?? []));
  const code = [`design_${index} <- ${object.call}`, `${simulation} <- ${calls.simulate}`];
  const comparisons = simulationComparisons(context, spec, simulation, object.kMax);
  const closed = context.result.analytic?.reject[spec.population];
  if (closed !== undefined) {
    code.push(`power_${index} <- ${calls.power}`);
    const quantity = `analytic.reject.${spec.population}`;
    const rpact = `power_${index}$overallReject`;
    comparisons.push({ quantity, ours: closed, oursSe: 0, rpact, rpactSe: { expression: '0' } });
  }
  const hypothesis = context.target.hypothesis;
  if (!spec.partial && calls.favours && (hypothesis === 'any' || hypothesis === spec.population)) {
    const unit = scenario.endpoint.type === 'survival' ? 'maxNumberOfEvents' : 'maxNumberOfSubjects';
    const solved = context.solution && 'size' in context.solution ? context.solution : undefined;
    code.push(`size_${index} <- ${calls.size}`);
    const rpactSe = { expression: '0' };
    const oursSe = solved ? (solved.sizeSe ?? 0) : undefined;
    const approximate = !calls.sizeExact;
    comparisons.push({
      quantity: 'size',
      ours: solved?.size,
      oursSe,
      rpact: `size_${index}$${unit}`,
      rpactSe,
      approximate,
    });
    if (solved?.closedForm) {
      if (calls.closedSize) code.push(`closed_size_${index} <- ${calls.closedSize}`);
      const rpact = `${calls.closedSize ? 'closed_' : ''}size_${index}$${unit}`;
      comparisons.push({ quantity: 'closedForm.size', ours: solved.closedForm.size, oursSe: 0, rpact, rpactSe });
    }
  }
  const reasons = approximations.filter((reason): reason is string => reason !== undefined);
  const comments = reasons.map((reason) => `Approximation: ${reason}.`);
  return { comments, code, comparisons, approximate: reasons.length > 0 };
}

function runs(context: BlockContext): Argument[] {
  return [
    ['maxNumberOfIterations', String(context.iterations)],
    ['seed', String(context.seed)],
  ];
}

/** continuous and binary endpoints: patients at each look */
function sampleCalls(context: BlockContext, spec: SingleSpec): Calls {
  const { scenario, index } = context;
  const endpoint = scenario.endpoint;
  const design: Argument = [undefined, `design_${index}`];
  const planned = lookSizes(known(spec.subjects, 'n'), spec.interims?.informationRates ?? [1]);
  const subjects: Argument = ['plannedSubjects', planned.length === 1 ? String(planned[0]) : rNumbers(planned)];
  const allocation: Argument = ['allocationRatioPlanned', rNumber(scenario.trial.allocation)];
  const upper: Argument = ['directionUpper', 'TRUE'];
  const maximum: Argument = ['maxNumberOfSubjects', String(spec.subjects)];
  if (endpoint.type === 'continuous') {
    const { effect, sd } = meansOf({ ...scenario, endpoint }, spec.population);
    const parameters: Argument[] = [
      ['alternative', rNumber(effect)],
      ['stDev', rNumber(sd)],
    ];
    const normal: Argument = ['normalApproximation', scenario.analysis.statistic === 'z' ? 'TRUE' : 'FALSE'];
    return {
      simulate: rCall('getSimulationMeans', [
        design,
        normal,
        ...parameters,
        subjects,
        allocation,
        upper,
        ...runs(context),
      ]),
      // Stratum's closed form is the z test's, whatever the statistic
      power: rCall('getPowerMeans', [
        design,
        ['normalApproximation', 'TRUE'],
        ...parameters,
        maximum,
        allocation,
        upper,
      ]),
      size: rCall('getSampleSizeMeans', [design, normal, ...parameters, allocation]),
      ...(scenario.analysis.statistic === 't'
        ? {
            closedSize: rCall('getSampleSizeMeans', [
              design,
              ['normalApproximation', 'TRUE'],
              ...parameters,
              allocation,
            ]),
          }
        : {}),
      sizeExact: true,
      favours: effect > 0,
      approximations: [],
    };
  }
  if (endpoint.type !== 'binary') throw new Error('survival designs have their own calls');
  const { treatment, control } = ratesOf({ ...scenario, endpoint }, spec.population);
  const parameters: Argument[] = [
    ['pi1', rNumber(treatment)],
    ['pi2', rNumber(control)],
  ];
  const normal: Argument = ['normalApproximation', 'TRUE'];
  return {
    simulate: rCall('getSimulationRates', [
      design,
      normal,
      ...parameters,
      subjects,
      allocation,
      upper,
      ...runs(context),
    ]),
    power: rCall('getPowerRates', [design, ...parameters, maximum, allocation, upper]),
    size: rCall('getSampleSizeRates', [design, normal, ...parameters, allocation]),
    // Stratum's size is the binomial trial's, rpact's the normal approximation's (its closed form)
    sizeExact: false,
    favours: treatment > control,
    approximations: [],
  };
}

/** survival: events at each look, patients recruited at the screening rate (for a population, its share of it) */
function survivalCalls(context: BlockContext, spec: SingleSpec): Calls {
  const { scenario, index } = context;
  const endpoint = scenario.endpoint as SurvivalEndpoint;
  const approximations: string[] = [];
  const design: Argument = [undefined, `design_${index}`];
  const { hazardRatio, controlHazard } = hazardsOf({ ...scenario, endpoint }, spec.population);
  // one subgroup's median, or all alike, reads as rpact's examples write it: log(2) / median
  const present = trueShares(scenario, subsetWeights(scenario, spec.population));
  const medians = new Set(present.map(({ subgroup }) => controlMedianOf(endpoint, subgroup)));
  const lambda2 = medians.size === 1 ? `log(2) / ${rNumber([...medians][0])}` : rNumber(controlHazard);
  // the population's patients enter as the screening finds them
  const layout = layoutOf(scenario.population);
  const share = spec.population === 'F' ? 1 : layout.populationShare[layout.populationIds.indexOf(spec.population)];
  const rate = scenario.trial.screeningRate * share;
  const subjects = spec.subjects ?? Math.ceil(rate * context.result.expected.months);
  if (spec.subjects === undefined) {
    approximations.push(
      `no n is given, so Stratum recruits until the analysis; the call recruits ${subjects}, ` +
        "what Stratum's trials recruit on average",
    );
  }
  if (share < 1) {
    const who = isMarkerPopulation(scenario.population) ? 'assay-positive patients' : `${spec.population}'s patients`;
    approximations.push(
      `${who} enter as the screening finds them, ${rNumber(rate)} a month on average ` +
        'but irregularly; ' +
        'rpact recruits them at an even rate',
    );
  }
  if (scenario.simulation.method === 'asymptotic') {
    approximations.push(
      'Stratum draws the log-rank statistics from their asymptotic law (method asymptotic); ' +
        "rpact's getSimulationSurvival simulates every patient",
    );
  }
  const r = scenario.trial.allocation;
  const [treated, controls, exact] = integerAllocation(r);
  if (!exact) {
    approximations.push(
      `rpact allocates survival patients in whole numbers; ${treated} : ${controls} is the nearest ` +
        `to ${r} : 1 it is given`,
    );
  }
  const events = lookSizes(known(spec.events, 'events'), spec.interims?.informationRates ?? [1]);
  const planned: Argument = ['plannedEvents', events.length === 1 ? String(events[0]) : rNumbers(events)];
  const parameters: Argument[] = [
    ['lambda2', lambda2],
    ['hazardRatio', rNumber(hazardRatio)],
  ];
  const accrual: Argument[] = [
    ['accrualTime', rNumbers([0, subjects / rate])],
    ['maxNumberOfSubjects', String(subjects)],
  ];
  const allocation: Argument[] =
    r === 1
      ? []
      : [
          ['allocation1', String(treated)],
          ['allocation2', String(controls)],
        ];
  const d = endpoint.dropoutPerYear;
  // rpact's dropout rates are the probability of dropping out by dropoutTime: Stratum's per year
  const dropout: Argument[] =
    d > 0
      ? [
          ['dropoutRate1', rNumber(d)],
          ['dropoutRate2', rNumber(d)],
          ['dropoutTime', '12'],
        ]
      : [];
  const lower: Argument = ['directionUpper', 'FALSE'];
  const schoenfeld: Argument = ['typeOfComputation', '"Schoenfeld"'];
  const ratio: Argument = ['allocationRatioPlanned', rNumber(r)];
  const maximum: Argument = ['maxNumberOfEvents', String(spec.events)];
  return {
    simulate: rCall('getSimulationSurvival', [
      design,
      planned,
      ...parameters,
      ...accrual,
      ...allocation,
      ...dropout,
      lower,
      ...runs(context),
    ]),
    power: rCall('getPowerSurvival', [
      design,
      schoenfeld,
      ...parameters,
      ...accrual,
      maximum,
      ratio,
      ...dropout,
      lower,
    ]),
    size: rCall('getSampleSizeSurvival', [design, schoenfeld, ...parameters, ratio]),
    // Schoenfeld's events are the asymptotic law's; at patient level Stratum's size is simulated
    sizeExact: scenario.simulation.method === 'asymptotic',
    favours: hazardRatio < 1,
    approximations,
  };
}

/** rejections, early stopping and the expected size, from the simulation */
function simulationComparisons(
  context: BlockContext,
  spec: SingleSpec,
  simulation: string,
  looks: number,
): Comparison[] {
  const { result, iterations } = context;
  const probability = (quantity: string, ours: number, rpact: string): Comparison => {
    const oursSe = Math.sqrt((ours * (1 - ours)) / result.replicates);
    return { quantity, ours, oursSe, rpact, rpactSe: { iterations } };
  };
  const X = spec.population;
  const comparisons = spec.partial ? [] : [probability('reject.any', result.reject.any, `${simulation}$overallReject`)];
  comparisons.push(probability(`reject.${X}`, known(result.reject[X], `reject.${X}`), `${simulation}$overallReject`));
  if (spec.partial) return comparisons;
  const stop = result.earlyStop ? result.earlyStop.efficacy + result.earlyStop.futility : 0;
  if (looks > 1) comparisons.push(probability('earlyStop', stop, `${simulation}$earlyStop`));
  const survival = context.scenario.endpoint.type === 'survival';
  const total = survival ? known(spec.events, 'events') : known(spec.subjects, 'n');
  const planned = lookSizes(total, spec.interims?.informationRates ?? [1]);
  // one look: the size is fixed; two: it is n₁ or N, so its error is (N − n₁) times that of P(stop)
  const gap = looks === 2 ? planned[1] - planned[0] : 0;
  const oursSe = looks === 1 ? 0 : looks === 2 ? gap * Math.sqrt((stop * (1 - stop)) / result.replicates) : undefined;
  const rpactError = looks === 2 ? `${gap} * pse(${simulation}$earlyStop, ${iterations})` : 'NA';
  const rpactSe = { expression: looks === 1 ? '0' : rpactError };
  const { expected } = result;
  if (!survival) {
    const rpact = `${simulation}$expectedNumberOfSubjects`;
    comparisons.push({ quantity: 'expected.randomized', ours: expected.randomized, oursSe, rpact, rpactSe });
    return comparisons;
  }
  comparisons.push(
    {
      quantity: 'expected.events',
      ours: expected.events,
      oursSe,
      rpact: `${simulation}$expectedNumberOfEvents`,
      rpactSe,
    },
    // the month of the last analysis held; Stratum's results give no standard error for it
    {
      quantity: 'expected.months',
      ours: expected.months,
      rpact: `${simulation}$studyDuration`,
      rpactSe: { expression: 'NA' },
    },
  );
  return comparisons;
}

/** where the tested population mixes statuses whose outcomes differ, one set of parameters cannot hold it */
function mixedPopulation(scenario: Scenario, population: string): string | undefined {
  if (homogeneous(scenario, population)) return undefined;
  const { endpoint, analysis } = scenario;
  // the stratified z test with fixed strata is exactly one mean difference over one pooled SD
  const stratifiedZ = analysis.stratified && analysis.statistic === 'z' && analysis.strata === 'fixed';
  const strata = classifiedSubgroups(scenario, population).length;
  if (endpoint.type === 'continuous' && strata > 1 && stratifiedZ) return undefined;
  const parameters = {
    continuous: 'mean difference and standard deviation',
    binary: 'pair of response rates',
    survival: 'hazard ratio and control hazard',
  };
  const one = isMarkerPopulation(scenario.population);
  const by = one ? 'assay result' : 'subgroup';
  const stratified = analysis.stratified && strata > 1 ? ` (Stratum tests ${population} stratified by ${by})` : '';
  const mixes = one ? 'marker-positive and marker-negative patients' : 'subgroups';
  return (
    `${population} mixes ${mixes} whose outcomes differ, and rpact's one-population call ` +
    `knows a single ${parameters[endpoint.type]}: the call gives it the mixture's${stratified}`
  );
}

/** r as treatment : control patients in whole numbers, and whether that is exact */
function integerAllocation(r: number): [number, number, boolean] {
  for (let control = 1; control <= LARGEST_DENOMINATOR; control++) {
    const treated = Math.round(r * control);
    if (Math.abs(treated - r * control) < 1e-9) return [treated, control, true];
  }
  return [Math.max(1, Math.round(r * LARGEST_DENOMINATOR)), LARGEST_DENOMINATOR, false];
}
