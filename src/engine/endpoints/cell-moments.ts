// Mean and variance of one patient's outcome per arm × cell, and of mixtures of cells.
// Continuous: N(μ, σ²) with μ = effect in treatment and 0 in control. Binary: Bernoulli(π).
// Outcomes follow the cell's true subgroup (population-model.ts), whose id keys the endpoint's maps.
import type { CellLayout } from '../population-model.js';
import type { BinaryEndpoint, ContinuousEndpoint } from '../scenario/types.js';
import { ARMS, TREATMENT } from './stage.js';

export type CellMoments = { cells: number; mean: Float64Array; variance: Float64Array };

export function cellMoments(endpoint: ContinuousEndpoint | BinaryEndpoint, layout: CellLayout): CellMoments {
  const cells = layout.cells;
  const mean = new Float64Array(ARMS * cells);
  const variance = new Float64Array(ARMS * cells);
  for (let slot = 0; slot < ARMS * cells; slot++) {
    const treated = slot < cells;
    const subgroup = layout.subgroupIds[layout.cellTrue[slot % cells]];
    if (endpoint.type === 'continuous') {
      mean[slot] = treated ? endpoint.effect[subgroup] : 0;
      variance[slot] = endpoint.sd[subgroup] ** 2;
    } else {
      const rate = (treated ? endpoint.treatment : endpoint.control)[subgroup];
      mean[slot] = rate;
      variance[slot] = rate * (1 - rate);
    }
  }
  return { cells, mean, variance };
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
  for (let cell = 0; cell < moments.cells; cell++) {
    const slot = (arm === TREATMENT ? 0 : moments.cells) + cell;
    total += weights[cell];
    first += weights[cell] * moments.mean[slot];
    second += weights[cell] * (moments.variance[slot] + moments.mean[slot] ** 2);
  }
  if (total === 0) return { mean: 0, variance: 0 };
  const mean = first / total;
  return { mean, variance: Math.max(0, second / total - mean * mean) };
}
