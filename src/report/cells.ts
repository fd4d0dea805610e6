// Table cells of the report: numbers from the report's numbers (with their paths), text, and text
// from the scenario, which the writers show as text only.
import { format } from 'd3';
import type { Scenario } from '../engine/scenario/types.js';
import type { Cell, Row } from './document.js';
import { numberPart, type ReportNumbers } from './numbers.js';

export const text = (words: string): Cell => [{ text: words }];
export const fromScenario = (words: string): Cell => [{ text: words, fromScenario: true }];
export const dash: Cell = [{ text: '—' }];

/** a quantity that follows from the scenario's (P(assay+), a population's effect) */
export const derived = format('.3f');

/** an assumptions row: a number at its path, or words */
export type RowOf = (header: string, path: string, show?: (value: number) => string) => Row;
export type WordsRow = (header: string, value: string) => Row;

export function number(numbers: ReportNumbers, path: string, format: (value: number) => string): Cell {
  return [numberPart(numbers, path, format)];
}

/** an estimate and its Monte Carlo standard error: `0.812 ± 0.004` */
export function withError(
  numbers: ReportNumbers,
  path: string,
  errorPath: string,
  format: (value: number) => string,
): Cell {
  const estimate = numberPart(numbers, path, format);
  if (estimate.path === undefined) return [estimate];
  const error = numberPart(numbers, errorPath, format);
  return error.path === undefined ? [estimate] : [estimate, { text: ' ± ' }, error];
}

/** a money column's or row's label with the scenario's currency code, `Cost (EUR)`; unchanged without one */
export function inCurrency(label: string, scenario: Scenario): string {
  const code = scenario.trial.currency;
  return code === undefined ? label : `${label} (${code})`;
}
