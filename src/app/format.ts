// How the app writes numbers: probabilities to 3 decimals with their Monte Carlo error, expected
// counts as whole numbers, months to 1 decimal, costs grouped and in the scenario's currency. One
// place, so tables, charts and exports agree.
import { format } from 'd3';

export const probability = format('.3f');
export const error = format('.3f');
export const count = format(',.0f');
export const months = format(',.1f');
export const percent = format('.0%');
export const size = format(',d');

const grouped = format(',.0f');

/** "EUR 1,250,000" with an ISO currency code, "1,250,000" without */
export function money(value: number, currency?: string | null): string {
  return currency ? `${currency} ${grouped(value)}` : grouped(value);
}

/** "1.2 s" or "350 ms" */
export function duration(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}
