// Who is screened, from the scenario's population: its cell layout (population-model.ts) in either
// form, and for the one-marker form (one yes/no marker) its summary. In that form the cells are
//   0: marker+ assay+   1: marker− assay+   (together the population S, index 0)
//   2: marker+ assay−   3: marker− assay−   (together R; S ∪ R = F, index 1)
import { cellIndex, cellLayout, identityAssay, oneMarkerModel } from './population-model.js';
import type { CellLayout, PopulationModel } from './population-model.js';
import { isMarkerPopulation, type MarkerPopulation, type Scenario } from './scenario/types.js';

export const CELLS = 4;
export const CELL_POSITIVE = [true, false, true, false] as const;
export const CELL_IN_S = [true, true, false, false] as const;
/** oneMarkerModel's subgroups pos, neg and its one population S */
const POS = 0;
const NEG = 1;
const S = 0;

/** the one-marker form's population indices in its layout: S, then F */
export const ONE_MARKER = { S: 0, F: 1 } as const;

/** the one-marker form's cells, for what reads only which true subgroup each holds (the numbers are any) */
export const ONE_MARKER_CELLS: CellLayout = cellLayout(oneMarkerModel(0.5, 1, 1));

/** the population model of either form: the one-marker form is the model of subgroups pos and neg */
export function populationModelOf(population: Scenario['population']): PopulationModel {
  if (isMarkerPopulation(population)) {
    return oneMarkerModel(population.prevalence, population.sensitivity, population.specificity);
  }
  const ids = population.subgroups.map((subgroup) => subgroup.id);
  const assay = population.assay;
  return {
    subgroups: population.subgroups,
    populations: population.populations,
    assay: assay
      ? ids.map((truth) => ids.map((classified) => assay[truth]?.[classified] ?? 0))
      : identityAssay(ids.length),
  };
}

/** the cells and populations of a scenario's population (population-model.ts) */
export function layoutOf(population: Scenario['population']): CellLayout {
  return cellLayout(populationModelOf(population));
}

/** the one-marker form's population, for what only it has (closed forms, the report); refuses the other form */
export function markerPopulation(population: Scenario['population']): MarkerPopulation {
  if (isMarkerPopulation(population)) return population;
  throw new Error('population: several biomarker populations reached code made for one marker (docs/populations.md)');
}

export type PopulationSummary = {
  /** P(cell) for a screened patient, cells in the order above */
  cellProbabilities: [number, number, number, number];
  /** P(assay+) */
  assayPositive: number;
  /** P(marker+ | assay+) */
  ppv: number;
  /** P(marker− | assay−) */
  npv: number;
};

/** The one-marker instance of the population model (population-model.ts); its cells are the ones above. */
export function summarisePopulation(population: Scenario['population']): PopulationSummary {
  const { prevalence, sensitivity, specificity } = markerPopulation(population);
  const layout = cellLayout(oneMarkerModel(prevalence, sensitivity, specificity));
  const cells = layout.cellProbability;
  const assayNegative = layout.classifiedShare[NEG];
  return {
    cellProbabilities: [cells[0], cells[1], cells[2], cells[3]],
    assayPositive: layout.populationShare[S],
    ppv: layout.composition[S * layout.subgroupIds.length + POS],
    npv: assayNegative > 0 ? cells[cellIndex(layout, NEG, NEG)] / assayNegative : 0,
  };
}

/** Treatment's share of randomised patients under r : 1 allocation. */
export function treatmentShare(allocation: number): number {
  return allocation / (1 + allocation);
}

/**
 * c = r/(1 + r)², the share of treated times the share of controls: a two-arm statistic's
 * information per patient (or per event, for the log-rank) relative to one-arm's.
 */
export function allocationFactor(allocation: number): number {
  const share = treatmentShare(allocation);
  return share * (1 - share);
}

/** Round half to even, as R's round() does: rpact's arm sizes use it. */
export function roundHalfEven(x: number): number {
  const floor = Math.floor(x);
  const diff = x - floor;
  if (Math.abs(diff - 0.5) > 1e-9) return Math.round(x);
  return floor % 2 === 0 ? floor : floor + 1;
}
