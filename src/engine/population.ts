// Who is screened: true marker status × assay result, and what follows from it.
// Cells are indexed in this order everywhere in the engine:
//   0: marker+ assay+   1: marker− assay+   (together the population S)
//   2: marker+ assay−   3: marker− assay−   (together R; S ∪ R = F)
import { cellIndex, cellLayout, oneMarkerModel } from './population-model.js';
import type { Scenario } from './scenario/types.js';

export const CELLS = 4;
export const CELL_POSITIVE = [true, false, true, false] as const;
export const CELL_IN_S = [true, true, false, false] as const;
/** oneMarkerModel's subgroups pos, neg and its one population S */
const POS = 0;
const NEG = 1;
const S = 0;

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
  const { prevalence, sensitivity, specificity } = population;
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
