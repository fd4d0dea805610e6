// The numbers a report shows, in one document that each table cell points into by a dotted path
// (`results.1.reject.S`, `boundaries.adaptive.looks.0.critical`): the computed data and what
// follows from the scenario alone, the derived population quantities (or, with several populations, each
// population's share and effect) and the designs' boundaries.
import { derivedQuantities } from '../engine/derived.js';
import { isMarkerPopulation } from '../engine/scenario/types.js';
import { type PopulationNumbers, populationNumbers } from './population-numbers.js';
import type { Boundaries } from '../engine/designs/boundaries.js';
import type { Part } from './document.js';
import type { ReportData } from './report-data.js';

export type ReportNumbers = ReportData & {
  /** one marker: P(assay+), PPV, NPV, the effects in S and F */
  derived?: ReturnType<typeof derivedQuantities>;
  /** several populations: each population's share and effect */
  populations?: PopulationNumbers;
  boundaries: Record<string, Boundaries>;
};

export function reportNumbers(data: ReportData): ReportNumbers {
  // the looks and rules the results carry (engine/designs/boundaries.ts), by design id for the tables' paths
  const boundaries: Record<string, Boundaries> = {};
  for (const result of data.results) if (result.boundaries) boundaries[result.id] = result.boundaries;
  const { scenario } = data;
  if (isMarkerPopulation(scenario.population)) return { ...data, derived: derivedQuantities(scenario), boundaries };
  return { ...data, populations: populationNumbers(scenario), boundaries };
}

/** the value at a dotted path, or undefined where there is none */
export function valueAt(numbers: ReportNumbers, path: string): unknown {
  let node: unknown = numbers;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/**
 * a table's number: its text by `format`, its path and value; where the path holds no finite
 * number (a design without that quantity, a null with its reason) a dash, with no path
 */
export function numberPart(numbers: ReportNumbers, path: string, format: (value: number) => string): Part {
  const value = valueAt(numbers, path);
  if (typeof value !== 'number' || !Number.isFinite(value)) return { text: '—' };
  return { text: format(value), path, value };
}
