// Mean and variance of one patient's outcome per arm × cell, and of mixtures of cells.
// Continuous: N(μ, σ²) with μ = effect in treatment and 0 in control. Binary: Bernoulli(π).
import { CELLS, CELL_POSITIVE } from '../population.js';
import type { BinaryEndpoint, ContinuousEndpoint } from '../scenario/types.js';
import { SLOTS, TREATMENT } from './stage.js';

export type CellMoments = { mean: Float64Array; variance: Float64Array };

export function cellMoments(endpoint: ContinuousEndpoint | BinaryEndpoint): CellMoments {
  const mean = new Float64Array(SLOTS);
  const variance = new Float64Array(SLOTS);
  for (let slot = 0; slot < SLOTS; slot++) {
    const treated = slot < CELLS;
    const status = CELL_POSITIVE[slot % CELLS] ? 'pos' : 'neg';
    if (endpoint.type === 'continuous') {
      mean[slot] = treated ? endpoint.effect[status] : 0;
      variance[slot] = endpoint.sd[status] ** 2;
    } else {
      const rate = (treated ? endpoint.treatment : endpoint.control)[status];
      mean[slot] = rate;
      variance[slot] = rate * (1 - rate);
    }
  }
  return { mean, variance };
}

/** mean and variance of one outcome in `arm` for a patient drawn from cells with these weights */
export function mixtureMoments(
  moments: CellMoments,
  arm: number,
  weights: ArrayLike<number>,
): { mean: number; variance: number } {
  let total = 0;
  let first = 0;
  let second = 0;
  for (let cell = 0; cell < CELLS; cell++) {
    const slot = (arm === TREATMENT ? 0 : CELLS) + cell;
    total += weights[cell];
    first += weights[cell] * moments.mean[slot];
    second += weights[cell] * (moments.variance[slot] + moments.mean[slot] ** 2);
  }
  if (total === 0) return { mean: 0, variance: 0 };
  const mean = first / total;
  return { mean, variance: Math.max(0, second / total - mean * mean) };
}
