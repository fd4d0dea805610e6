// Exponential event and dropout rates (per month) of a survival endpoint, per arm × cell.
// The control hazard is ln 2 / median by true marker status; treatment multiplies it by the
// status's hazard ratio. `dropoutPerYear` is the probability of dropping out within a year,
// so the dropout hazard is −ln(1 − p)/12.
import { CELLS, CELL_POSITIVE } from '../../population.js';
import type { SurvivalEndpoint } from '../../scenario/types.js';
import { SLOTS } from '../stage.js';

export interface SurvivalHazards {
  /** event hazard per slot (arm × cell, treatment first) */
  readonly event: Float64Array;
  readonly dropout: number;
}

export function survivalHazards(endpoint: SurvivalEndpoint): SurvivalHazards {
  const event = new Float64Array(SLOTS);
  for (let slot = 0; slot < SLOTS; slot++) {
    const status = CELL_POSITIVE[slot % CELLS] ? 'pos' : 'neg';
    const control = Math.LN2 / endpoint.controlMedian[status];
    event[slot] = slot < CELLS ? control * endpoint.hazardRatio[status] : control;
  }
  return { event, dropout: -Math.log1p(-endpoint.dropoutPerYear) / 12 };
}
