// The sample-size solver: for each design, the smallest size (randomised patients, or events for
// event-driven survival designs) at which the chosen hypothesis is rejected with the target
// probability under the scenario's own analysis.
//
// Where a closed form exists (one-analysis designs, docs/methods.md; for a log-rank design whose
// hazard ratio changes with time, the power planned on the average hazard ratio) it is inverted on
// whole sizes.
// It is the answer only where it is that analysis's exact law (known variances and fixed strata for
// continuous outcomes; the asymptotic law for survival); elsewhere (t statistics, random strata,
// binomial counts, patient-level log-rank) it is the starting point. From there, or from two probit
// guesses made from the powers at the design's own size and at the first guess (probit-guess.ts), a
// monotone stochastic root-finder runs: a bracket stepped out from the start, then bisection on whole
// sizes (each step at the probit line's root between the bracket's ends), every evaluation with the
// scenario's seed (common random numbers, so power is smooth and nearly monotone in the size), at
// `SEARCH_REPLICATES` at least so that the size is resolved to a few patients. The answer's power and
// Monte Carlo error are the confirmation's, and its size error follows from that and the slope of power
// there.
import { enrolledPopulation } from '../designs/tested.js';
import { layoutOf } from '../population.js';
import { hasProbability, scenarioAnalytics, type DesignResult } from '../results.js';
import { MAX_EVENTS, MAX_PATIENTS } from '../scenario/sizes.js';
import { type Design, isMarkerPopulation, type Scenario, type SurvivalEndpoint } from '../scenario/types.js';
import { survivalTestOf } from '../endpoints/survival/test-weights.js';
import { eventDrivenAhrPower } from './ahr-power.js';
import { sizeKey, withParameter } from './parameter.js';
import { type PowerAt, probitGuess } from './probit-guess.js';

/** which rejection the target counts: H_S, H_F, both of them, or at least one */
export const HYPOTHESES = ['S', 'F', 'both', 'any'] as const;
export type Hypothesis = (typeof HYPOTHESES)[number];
export type Target = { power: number; hypothesis: Hypothesis };
/**
 * a target whose hypothesis is any key of the results' `reject`: a population's id with several
 * populations (`S1`), `F`, `any`, or `both` where a design tests two hypotheses; a Target is one
 */
export type PopulationTarget = { power: number; hypothesis: string };
export type Simulator = (scenario: Scenario) => DesignResult[] | Promise<DesignResult[]>;

export type Solution =
  | {
      id: string;
      unit: 'n' | 'events';
      size: number;
      /** 'closed form': the closed form is this analysis's law; 'simulation': confirmed by simulation */
      method: 'closed form' | 'simulation';
      /** the closed form's size and its power there, where one exists (the z test's, for t statistics) */
      closedForm?: { size: number; power: number };
      /** replicates of each simulation of the search and the confirmation */
      replicates: number;
      /** Monte Carlo standard error of the size (simulation only); null with `nulls.sizeSe` saying why */
      sizeSe?: number | null;
      /** simulated at the size */
      power: number;
      mcse: number;
      expected: DesignResult['expected'];
      nulls?: Record<string, string>;
    }
  | { id: string; unit: 'n' | 'events'; unreachable: string };

export type SolveOptions = {
  /**
   * replicates of each simulation in the search; by default the scenario's, and at least
   * SEARCH_REPLICATES (the page's charts pass the scenario's own, for speed, and show the size's error)
   */
  replicates?: number;
  /** false: no `sizeSe`, and not its two simulations of the slope (the map shows no size's error) */
  sizeError?: boolean;
};

/** the smallest size searched */
const SMALLEST = 4;
/** at 10⁵ replicates a power of 0.8 has an MC error of 0.0013, a few patients' worth at typical slopes */
export const SEARCH_REPLICATES = 100_000;
/**
 * the probit steps only aim the search, so they simulate no more than this (an MC error of 0.004 at a
 * power of 0.8, a percent or two of the size); a search at more replicates simulates again where it goes
 */
export const GUESS_REPLICATES = 10_000;
/** the first step of the bracket around the start, as a fraction of it */
const FIRST_STEP = 0.02;

export async function solve(
  scenario: Scenario,
  target: PopulationTarget,
  simulate: Simulator,
  options: SolveOptions = {},
): Promise<Solution[]> {
  const replicates = options.replicates ?? Math.max(scenario.simulation.replicates, SEARCH_REPLICATES);
  const searched: Scenario = { ...scenario, simulation: { ...scenario.simulation, replicates } };
  // the designs' searches side by side: a simulator with several workers runs their simulations at once
  return Promise.all(
    scenario.designs.map((design) =>
      solveDesign({ ...searched, designs: [design] }, design, target, simulate, options.sizeError ?? true),
    ),
  );
}

async function solveDesign(
  single: Scenario,
  design: Design,
  target: PopulationTarget,
  simulate: Simulator,
  sizeError: boolean,
): Promise<Solution> {
  const unit = sizeKey(single, design);
  if (!hasProbability(single, design, target.hypothesis)) {
    const what = target.hypothesis === 'both' ? 'both H_S and H_F' : `H_${target.hypothesis}`;
    return { id: design.id, unit, unreachable: `${design.type} designs do not test ${what}` };
  }
  // an adaptive design at calendar months has two months and two sizes: no one size to search
  if (design.type === 'adaptive-enrichment' && design.months !== undefined)
    return {
      id: design.id,
      unit,
      unreachable: 'its stages come at calendar months, which set its power with both stage sizes: give events',
    };
  const never = target.hypothesis === 'both' ? neverRejectsBoth(design) : undefined;
  if (never) return { id: design.id, unit, unreachable: `this design never rejects both: ${never}` };
  const recruitable = recruitableByLastMonth(single, design);
  const largest = Math.min(largestSize(design, unit), recruitable ?? Infinity);
  const at = (size: number) => {
    const varied = withParameter(single, unit, size);
    if (!varied.ok) throw new Error(varied.errors.join('\n'));
    return varied.scenario;
  };
  const probability = (result: DesignResult) => result.reject[target.hypothesis] ?? 0;
  const stages = Array.isArray(design[unit]) ? 2 : 1;
  const smallest = SMALLEST * stages;
  const replicates = single.simulation.replicates;
  const outOfReach = (how: string) => ({
    id: design.id,
    unit,
    unreachable:
      `the ${how} power stays below ${target.power} up to ${largest}` +
      (recruitable === undefined ? '' : ', the patients the screening rate recruits by the analysis month'),
  });

  const closed = closedFormPower(single, target);
  let closedForm: { size: number; power: number } | undefined;
  if (closed) {
    const size = smallestSize(smallest, largest, (size) => closed(at(size)) >= target.power);
    if (size === undefined) return outOfReach('closed-form');
    closedForm = { size, power: closed(at(size)) };
    if (closedFormIsExact(single)) {
      const [result] = await simulate(at(size));
      const mcse = result.mcse[target.hypothesis] ?? 0;
      return {
        id: design.id,
        unit,
        size,
        method: 'closed form',
        closedForm,
        replicates,
        power: probability(result),
        mcse,
        expected: result.expected,
      };
    }
  }

  const simulated = new Map<number, DesignResult>();
  const run = async (size: number) => {
    let result = simulated.get(size);
    if (!result) {
      result = (await simulate(at(size)))[0];
      simulated.set(size, result);
    }
    return result;
  };
  const enough = async (size: number) => probability(await run(size)) >= target.power;
  const guessReplicates = Math.min(replicates, GUESS_REPLICATES);
  const aim = async (size: number) => {
    if (guessReplicates === replicates) return probability(await run(size));
    const fewer = at(size);
    const [result] = await simulate({ ...fewer, simulation: { ...fewer.simulation, replicates: guessReplicates } });
    return probability(result);
  };
  const clamp = (size: number) => Math.min(largest, Math.max(smallest, size));
  let start = clamp(closedForm?.size ?? currentSize(design, unit));
  // no closed form: two probit steps from the design's own size bring the start near the answer
  if (!closedForm) {
    const tried: PowerAt[] = [];
    for (let step = 0; step < 2; step++) {
      tried.unshift({ size: start, power: await aim(start) });
      const guess = probitGuess(tried, target.power, single.alpha);
      if (guess === undefined || clamp(guess) === start) break;
      start = clamp(guess);
    }
  }
  // a bracket (low, high]: power below the target at low (or low below the smallest size), reached at high
  let low: number;
  let high: number;
  let step = Math.max(1, Math.round(FIRST_STEP * start));
  if (await enough(start)) {
    high = start;
    low = Math.max(smallest - 1, start - step);
    while (low >= smallest && (await enough(low))) {
      high = low;
      step *= 2;
      low = Math.max(smallest - 1, high - step);
    }
  } else {
    low = start;
    high = Math.min(largest, start + step);
    while (!(await enough(high))) {
      if (high === largest) return outOfReach('simulated');
      low = high;
      step *= 2;
      high = Math.min(largest, low + step);
    }
  }
  // bisection, each step at the probit line's root between the bracket's ends where both were simulated;
  // a step that did not halve the bracket is followed by a plain halving, so neither end can stall it
  let interpolate = true;
  while (high - low > 1) {
    const halfway = Math.floor((low + high) / 2);
    let middle = halfway;
    const [below, above] = [simulated.get(low), simulated.get(high)];
    if (interpolate && below && above) {
      const ends = [
        { size: low, power: probability(below) },
        { size: high, power: probability(above) },
      ];
      const guess = probitGuess(ends, target.power, single.alpha);
      if (guess !== undefined) middle = Math.min(high - 1, Math.max(low + 1, guess));
    }
    const width = high - low;
    if (await enough(middle)) high = middle;
    else low = middle;
    interpolate = middle === halfway || 2 * (high - low) <= width;
  }
  const result = await run(high);
  const power = probability(result);
  const mcse = result.mcse[target.hypothesis] ?? 0;
  // slope of power in size around the answer, over ±10%, for the size's uncertainty
  let sizeSe: number | null | undefined;
  if (sizeError) {
    const spread = Math.max(2, Math.round(0.1 * high));
    const below = Math.max(smallest, high - spread);
    const above = Math.min(largest, high + spread);
    const [up, down] = await Promise.all([run(above), run(below)]);
    const slope = (probability(up) - probability(down)) / (above - below);
    sizeSe = slope > 0 ? mcse / slope : null;
  }
  const solution: Extract<Solution, { size: number }> = {
    id: design.id,
    unit,
    size: high,
    method: 'simulation',
    ...(closedForm ? { closedForm } : {}),
    replicates,
    ...(sizeError ? { sizeSe } : {}),
    power,
    mcse,
    expected: result.expected,
  };
  if (solution.sizeSe === null) solution.nulls = { sizeSe: 'power does not rise with the size around the answer' };
  return solution;
}

/**
 * whether the closed form is the exact law of the scenario's own analysis: known variances with
 * fixed strata (continuous), or survival simulated from the same asymptotic normal law
 */
function closedFormIsExact(scenario: Scenario): boolean {
  const { endpoint, analysis, simulation } = scenario;
  if (endpoint.type === 'continuous') return analysis.statistic === 'z' && analysis.strata === 'fixed';
  return endpoint.type === 'survival' && simulation.method === 'asymptotic';
}

/**
 * the closed-form power of the single design as a function of its scenario, if one exists: the
 * design's own (results' `analytic`), or for a one-population log-rank design whose hazard ratio
 * changes with time the power planned on the average hazard ratio (ahr-power.ts)
 */
function closedFormPower(single: Scenario, target: PopulationTarget): ((scenario: Scenario) => number) | undefined {
  const power = (scenario: Scenario) => scenarioAnalytics(scenario)[0]?.reject[target.hypothesis];
  if (power(single) !== undefined) return (scenario) => power(scenario) ?? 0;
  return averageHazardRatioPower(single, target);
}

function averageHazardRatioPower(
  single: Scenario,
  target: PopulationTarget,
): ((scenario: Scenario) => number) | undefined {
  const [design] = single.designs;
  const oneTest = design.type === 'all-comers' || design.type === 'enriched';
  // the average hazard ratio is planned for one marker's S and F
  if (!isMarkerPopulation(single.population)) return undefined;
  if (single.endpoint.type !== 'survival' || survivalTestOf(single) !== 'logrank' || !oneTest) return undefined;
  if (design.interims || design.events === undefined || !hasProbability(single, design, target.hypothesis))
    return undefined;
  const from = design.type === 'enriched' ? 'S' : 'F';
  return (scenario) => {
    const [at] = scenario.designs;
    const n = (at.n as number | undefined) ?? Infinity;
    const events = at.events as number;
    return eventDrivenAhrPower(scenario as Scenario & { endpoint: SurvivalEndpoint }, from, n, events);
  };
}

/**
 * why the design can reject H_S and H_F together at no size, or undefined: an adaptive design that
 * keeps only the better population can reject the other only at the interim, by an efficacy stop
 * (which the contract allows with the inverse normal only)
 */
function neverRejectsBoth(design: Design): string | undefined {
  if (design.type !== 'adaptive-enrichment' || design.efficacy !== 'none') return undefined;
  const { rule, r } = design.selection;
  if (rule !== 'best' && !(rule === 'rbest' && r === 1)) return undefined;
  return 'the "best" rule keeps one population for stage 2, and without early efficacy the other cannot be rejected';
}

/** the smallest whole size in [from, largest] with `enough(size)`, for a monotone `enough` */
function smallestSize(from: number, largest: number, enough: (size: number) => boolean): number | undefined {
  let low = from - 1;
  let high = from;
  while (!enough(high)) {
    if (high === largest) return undefined;
    low = high;
    high = Math.min(largest, high * 2);
  }
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (enough(middle)) high = middle;
    else low = middle;
  }
  return high;
}

/**
 * a one-stage design analysed at a calendar month: the patients it can randomise by then (more would
 * enter after the analysis and add nothing); undefined for any other design
 */
function recruitableByLastMonth(scenario: Scenario, design: Design): number | undefined {
  if (design.type === 'adaptive-enrichment' || typeof design.months !== 'number') return undefined;
  const layout = layoutOf(scenario.population);
  const share = design.type === 'enriched' ? layout.populationShare[enrolledPopulation(layout, design)] : 1;
  return Math.max(SMALLEST, Math.floor(scenario.trial.screeningRate * share * design.months));
}

/** the largest size the contract accepts: events take patients along (parameter.ts), and both are bounded */
function largestSize(design: Design, unit: 'n' | 'events'): number {
  if (unit === 'n') return MAX_PATIENTS;
  const patientsPerEvent = design.n === undefined ? 1 : currentSize(design, 'n') / currentSize(design, 'events');
  return Math.min(MAX_EVENTS, Math.floor(MAX_PATIENTS / patientsPerEvent));
}

function currentSize(design: Design, unit: 'n' | 'events'): number {
  const size = design[unit];
  return Array.isArray(size) ? size[1] : (size ?? SMALLEST);
}
