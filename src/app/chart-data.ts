// The data behind the charts, computed by the engine's planning functions on the worker pool with
// fewer replicates than the main run (CHART_REPLICATES per point): sweeps over size and
// prevalence (with several populations, a subgroup's share: share-subgroup.ts), the size each design
// needs for the target power, and on request the design map. A sweep's curves carry every hypothesis
// its results hold, so choosing another one redraws without simulating again.
import {
  designMap,
  type DesignMap,
  type DesignMapOptions,
  type ParameterMap,
  parameterMap,
} from '../engine/planning/design-map.js';
import { sizeKey } from '../engine/planning/parameter.js';
import { populationMapAxes } from '../engine/planning/population-map.js';
import { type PopulationTarget, solve, type Simulator, type Solution, type Target } from '../engine/planning/solve.js';
import { sweep } from '../engine/planning/sweep.js';
import { targetHypotheses } from '../engine/planning/target-hypotheses.js';
import { markerPopulation } from '../engine/population.js';
import type { DesignResult } from '../engine/results.js';
import { isMarkerPopulation, type Scenario, type SubgroupPopulation } from '../engine/scenario/types.js';
import { effectSubgroupOf, shareSubgroupOf } from './share-subgroup.js';

export const CHART_REPLICATES = 2000;
/** power against prevalence (or a subgroup's share): every tenth, with the scenario's own added (prevalenceValues) */
const PREVALENCES = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
/** the prevalences the contract admits without a warning (POPULATION_FIELDS in scenario-fields.ts) */
const PREVALENCE_RANGE = [0.001, 0.999];
export const MAP_PREVALENCES = [0.1, 0.25, 0.4, 0.55, 0.7, 0.85];
export const MAP_RATIOS = [0, 0.2, 0.4, 0.6, 0.8, 1];

export type CurvePoint = { x: number; y: number; se: number };
/**
 * one design: P(reject) and its Monte Carlo error at each point, for each hypothesis its results hold
 * (target-hypotheses.ts: S, F, both, any, or each population's id, F and any)
 */
export type Series = { id: string; label: string; byHypothesis: Partial<Record<string, CurvePoint[]>> };
/** `scenarioValue`: where on the x axis the scenario itself is, when the sweep passes through it */
export type Curves = { unit: string; series: Series[]; scenarioValue?: number };
/** power against the share of one subgroup, the others keeping their proportions */
export type ShareCurves = Curves & { subgroup: string };
/** the charts' data as far as it has been computed: each chart's data arrives in turn */
export type ChartData = {
  target: PopulationTarget;
  labels: Record<string, string>;
  bySize?: Curves;
  /** one marker */
  byPrevalence?: Curves;
  /** several populations */
  byShare?: ShareCurves;
  atTarget?: Solution[];
};
/** what a new drawing of the charts is for: the subgroup whose share they vary, and what it may keep */
export type ChartOptions = {
  /** several populations: the subgroup the page chose (share-subgroup.ts), or undefined for the default */
  subgroup?: string;
  /** the same scenario's and target's curves against size and sizes at the target, drawn already */
  kept?: Pick<ChartData, 'bySize' | 'atTarget'>;
};

export function chartScenario(scenario: Scenario): Scenario {
  return {
    ...scenario,
    simulation: { ...scenario.simulation, replicates: Math.min(scenario.simulation.replicates, CHART_REPLICATES) },
  };
}

/** sizes around the largest planned one, from a quarter to twice it */
function sizeValues(scenario: Scenario, unit: 'n' | 'events'): number[] {
  const sizes = scenario.designs.map((design) => {
    const size = design[unit];
    return Array.isArray(size) ? size[1] : (size ?? 0);
  });
  const top = Math.max(...sizes);
  const values = [0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2].map((f) => Math.max(20, Math.round(f * top)));
  return [...new Set(values)];
}

function curves(points: { value: number; results: DesignResult[] }[], scenario: Scenario, unit: string): Curves {
  return {
    unit,
    series: scenario.designs.map((design, d) => {
      const byHypothesis: Series['byHypothesis'] = {};
      for (const hypothesis of targetHypotheses(scenario)) {
        const line = points.flatMap(({ value, results }) => {
          const y = results[d].reject[hypothesis];
          return y === undefined ? [] : [{ x: value, y, se: results[d].mcse[hypothesis] ?? 0 }];
        });
        // a design that does not test the hypothesis has no value at any point
        if (line.length === points.length) byHypothesis[hypothesis] = line;
      }
      return { id: design.id, label: design.label || design.id, byHypothesis };
    }),
  };
}

/**
 * every tenth from 0.1 to 0.9 and the scenario's own prevalence; below 0.1 or above 0.9, also half
 * the way to the contract's bound, so that a prevalence of 0.03 or 0.97 has a neighbour on each side
 */
export function prevalenceValues(prevalence: number): number[] {
  const [lowest, highest] = PREVALENCE_RANGE;
  // a grid value within rounding of the scenario's is the same point
  const values = PREVALENCES.filter((value) => Math.abs(value - prevalence) > 1e-9);
  values.push(prevalence);
  if (prevalence < PREVALENCES[0]) values.push(Math.max(lowest, prevalence / 2));
  if (prevalence > PREVALENCES[PREVALENCES.length - 1]) values.push(Math.min(highest, 1 - (1 - prevalence) / 2));
  return [...new Set(values)].sort((a, b) => a - b);
}

/** power against size at the charts' replicates: randomised patients, or events where every design counts them */
export async function powerBySize(scenario: Scenario, simulate: Simulator): Promise<Curves> {
  const base = chartScenario(scenario);
  const unit = scenario.designs.every((design) => sizeKey(base, design) === 'events') ? 'events' : 'n';
  const points = await sweep(base, unit, sizeValues(base, unit), simulate);
  return curves(points, base, unit === 'n' ? 'randomised patients' : 'events');
}

/** power against prevalence at the charts' replicates and the planned sizes, marking the scenario's own */
export async function powerByPrevalence(scenario: Scenario, simulate: Simulator): Promise<Curves> {
  const base = chartScenario(scenario);
  // the page shows the one-marker form only (the store refuses the other)
  const prevalence = markerPopulation(base.population).prevalence;
  const points = await sweep(base, 'prevalence', prevalenceValues(prevalence), simulate);
  return { ...curves(points, base, 'prevalence'), scenarioValue: prevalence };
}

/** power against subgroup `subgroup`'s share at the charts' replicates and the planned sizes, marking the scenario's */
export async function powerByShare(scenario: Scenario, subgroup: string, simulate: Simulator): Promise<ShareCurves> {
  const base = chartScenario(scenario);
  const share = subgroupsOf(base).subgroups.find((entry) => entry.id === subgroup)?.share ?? 0;
  const points = await sweep(base, `subgroups.${subgroup}.share`, prevalenceValues(share), simulate);
  return { ...curves(points, base, `share of ${subgroup}`), scenarioValue: share, subgroup };
}

/** the several-populations form's population; refuses the one-marker form */
function subgroupsOf(scenario: Scenario): SubgroupPopulation {
  if (isMarkerPopulation(scenario.population)) throw new Error('population: a subgroup share of the one-marker form');
  return scenario.population;
}

/** each design's name for people: its label, else its id */
export function designLabels(scenario: Scenario): Record<string, string> {
  return Object.fromEntries(scenario.designs.map((design) => [design.id, design.label || design.id]));
}

/**
 * every chart's data, one chart after another; `onProgress` hears the data so far and the step now
 * under way (null when all is done), so a cancel keeps the charts already computed
 */
export async function computeCharts(
  scenario: Scenario,
  target: PopulationTarget,
  simulate: Simulator,
  onProgress: (data: ChartData, step: string | null) => void,
  { subgroup, kept }: ChartOptions = {},
): Promise<ChartData> {
  const base = chartScenario(scenario);
  const data: ChartData = { target, labels: designLabels(base), ...kept };
  if (!data.bySize) {
    onProgress(data, 'power against size');
    data.bySize = await powerBySize(scenario, simulate);
  }
  if (isMarkerPopulation(base.population)) {
    onProgress(data, 'power against prevalence');
    data.byPrevalence = await powerByPrevalence(scenario, simulate);
  } else {
    const varied = shareSubgroupOf(base.population, subgroup);
    onProgress(data, `power against the share of ${varied}`);
    data.byShare = await powerByShare(scenario, varied, simulate);
  }
  if (!data.atTarget) {
    onProgress(data, 'size at the target power');
    // at the scenario's own replicates, for speed: the chart shows each size's Monte Carlo error
    data.atTarget = await solve(base, target, simulate, { replicates: base.simulation.replicates });
  }
  onProgress(data, null);
  return data;
}

/**
 * the design map: with one marker over prevalence × effect−/effect+; with several populations over the
 * share of `subgroup` (the page's choice, or the default) × the effect of another (share-subgroup.ts)
 */
export async function computeMap(
  scenario: Scenario,
  target: PopulationTarget,
  simulate: Simulator,
  options: DesignMapOptions & { subgroup?: string } = {},
): Promise<DesignMap | ParameterMap> {
  const base = chartScenario(scenario);
  if (isMarkerPopulation(base.population))
    return designMap(base, MAP_PREVALENCES, MAP_RATIOS, target as Target, simulate, options);
  const share = shareSubgroupOf(base.population, options.subgroup);
  const effect = effectSubgroupOf(base.population, share);
  const axes = populationMapAxes(base, share, effect, MAP_PREVALENCES, MAP_RATIOS);
  return parameterMap(base, axes, target, simulate, options);
}
