// Group-sequential efficacy boundaries on the z scale by recursive numerical integration
// (Armitage, McPherson & Rowe 1969; Jennison & Turnbull 2000, ch. 19). Under H0 the score
// S_k = Z_k·√t_k has independent N(0, t_k − t_{k−1}) increments; the density of S_k on the paths
// that have not crossed is carried on a grid by Simpson's rule, and c_k solves
// P(first crossing at look k) = α(t_k) − α(t_{k−1}).
import { normalPdf, normalQuantile, normalUpper, zOfP } from '../../math/normal.js';
import type { Interims } from '../../scenario/types.js';
import { spentAlpha, type Spending } from './spending.js';

/** the lowest score carried, in standard deviations of S_k: below it the density is < 1e-15 */
const TAIL = 8.5;
/** the grid step, as a fraction of the smallest increment's standard deviation (and at most 0.02) */
const STEPS_PER_SD = 24;

const remembered = new Map<string, Float64Array>();

/** a group-sequential design's critical value at each look (without efficacy stops: only the last) */
export function interimBoundaries(interims: Interims, alpha: number): Float64Array {
  const looks = interims.informationRates.length;
  if (interims.efficacy === 'none')
    return Float64Array.from({ length: looks }, (_, k) => (k === looks - 1 ? normalQuantile(1 - alpha) : Infinity));
  return efficacyBoundaries(interims.efficacy, interims.informationRates, alpha);
}

export function efficacyBoundaries(
  spending: Spending,
  informationRates: readonly number[],
  alpha: number,
): Float64Array {
  const key = `${spending} ${alpha} ${informationRates.join(',')}`;
  let critical = remembered.get(key);
  if (critical === undefined) {
    critical = computeBoundaries(spending, informationRates, alpha);
    remembered.set(key, critical);
  }
  return critical;
}

function computeBoundaries(spending: Spending, rates: readonly number[], alpha: number): Float64Array {
  const looks = rates.length;
  const critical = new Float64Array(looks);
  let smallestSd = Infinity;
  for (let k = 0; k < looks; k++) smallestSd = Math.min(smallestSd, Math.sqrt(rates[k] - (k > 0 ? rates[k - 1] : 0)));
  const step = Math.min(0.02, smallestSd / STEPS_PER_SD);

  critical[0] = zOfP(spentAlpha(spending, alpha, rates[0]));
  // the first look's continuation density on its grid
  let grid = simpsonGrid(-TAIL * Math.sqrt(rates[0]), Math.min(critical[0], TAIL) * Math.sqrt(rates[0]), step);
  let density = grid.points.map((s) => normalPdf(s / Math.sqrt(rates[0])) / Math.sqrt(rates[0]));

  for (let k = 1; k < looks; k++) {
    const sd = Math.sqrt(rates[k] - rates[k - 1]);
    const target = spentAlpha(spending, alpha, rates[k]) - spentAlpha(spending, alpha, rates[k - 1]);
    const { points, weights } = grid;
    const previous = density;
    const crossing = (c: number) => {
      const bound = c * Math.sqrt(rates[k]);
      let p = 0;
      for (let i = 0; i < points.length; i++) p += weights[i] * previous[i] * normalUpper((bound - points[i]) / sd);
      return p;
    };
    const slope = (c: number) => {
      const bound = c * Math.sqrt(rates[k]);
      let d = 0;
      for (let i = 0; i < points.length; i++) d += weights[i] * previous[i] * normalPdf((bound - points[i]) / sd);
      return (-d * Math.sqrt(rates[k])) / sd;
    };
    // nothing left to spend at this look (an early look with almost no information): no stop
    critical[k] = target > 0 ? solveDecreasing(crossing, slope, target, zOfP(target)) : Infinity;
    if (k === looks - 1) break;
    const upper = Math.min(critical[k], TAIL) * Math.sqrt(rates[k]);
    const next = simpsonGrid(-TAIL * Math.sqrt(rates[k]), upper, step);
    const nextDensity = new Float64Array(next.points.length);
    for (let j = 0; j < next.points.length; j++) {
      let f = 0;
      for (let i = 0; i < points.length; i++)
        f += weights[i] * previous[i] * normalPdf((next.points[j] - points[i]) / sd);
      nextDensity[j] = f / sd;
    }
    grid = next;
    density = nextDensity;
  }
  return critical;
}

/** an odd number of equally spaced points on [low, high] with Simpson's weights */
function simpsonGrid(low: number, high: number, step: number): { points: Float64Array; weights: Float64Array } {
  const intervals = 2 * Math.max(1, Math.ceil((high - low) / (2 * step)));
  const h = (high - low) / intervals;
  const points = new Float64Array(intervals + 1);
  const weights = new Float64Array(intervals + 1);
  for (let i = 0; i <= intervals; i++) {
    points[i] = low + i * h;
    weights[i] = (h / 3) * (i === 0 || i === intervals ? 1 : i % 2 === 1 ? 4 : 2);
  }
  return { points, weights };
}

/** c with f(c) = target for a decreasing f, by Newton's method kept inside a bracket */
function solveDecreasing(
  f: (c: number) => number,
  slope: (c: number) => number,
  target: number,
  start: number,
): number {
  let low = -10;
  let high = 40;
  let c = Math.min(high, Math.max(low, start));
  for (let iteration = 0; iteration < 100; iteration++) {
    const excess = f(c) - target;
    if (excess > 0) low = c;
    else high = c;
    let next = c - excess / slope(c);
    if (!(next > low && next < high)) next = 0.5 * (low + high);
    if (Math.abs(next - c) < 1e-10) return next;
    c = next;
  }
  return c;
}
