// Simes: p_I = min_i p_(i)·m/i over the mask's p-values sorted, p_(1) ≤ … ≤ p_(m) (R. J. Simes,
// Biometrika 73 (1986) 751–754); never above p_(m) ≤ 1. As a closed test it is Hommel's procedure
// (G. Hommel, Biometrika 75 (1988) 383–386). The mask's p-values in sorted order are the elementary
// order restricted to the mask, so nothing is sorted here.
import { normalQuantile, normalUpper, zOfP } from '../../math/normal.js';
import type { ElementaryStatistics } from './elementary.js';
import { hypothesesIn, MOST_HYPOTHESES } from './masks.js';
import type { IntersectionPValue } from './types.js';

// A Simes term on the z scale, Φ⁻¹(1 − c·Φ̄(z)) with c = m/i > 1, increases with z and stays below it. On a
// grid z_j = LOW + j/PER_UNIT its values bound it from above between grid points (the next point's value,
// plus BOUND_MARGIN for rounding), so a term is seen to be at most the weakest z without its Φ̄ and Φ⁻¹.
const LOW = -4;
const PER_UNIT = 16;
const POINTS = 193;
/** far above the rounding of Φ̄ and Φ⁻¹ (~10⁻¹⁵ relative), far below the statistics' own scale */
const BOUND_MARGIN = 1e-9;
/** the row of the term of rank i (1 … m − 1) of m hypotheses: the pairs (m, i) in order */
const rowOf = (m: number, i: number) => ((m - 1) * (m - 2)) / 2 + i - 1;
/** by row, the bound of each term at the grid's points */
const termBounds = new Float64Array(rowOf(MOST_HYPOTHESES + 1, 1) * POINTS);
for (let m = 2; m <= MOST_HYPOTHESES; m++) {
  for (let i = 1; i < m; i++) {
    const row = rowOf(m, i) * POINTS;
    for (let j = 0; j < POINTS; j++) {
      const p = (normalUpper(LOW + j / PER_UNIT) * m) / i;
      termBounds[row + j] = (p < 1 ? zOfP(p) : -Infinity) + BOUND_MARGIN;
    }
  }
}

/** at least Φ⁻¹(1 − (m/i)·Φ̄(z)): the grid's value at the first point at or above z (z itself beyond the grid) */
function termBound(z: number, m: number, i: number): number {
  const j = Math.ceil((z - LOW) * PER_UNIT);
  if (!(j < POINTS)) return z;
  return termBounds[rowOf(m, i) * POINTS + Math.max(j, 0)];
}

/** whether every Simes term but the weakest's is bounded by the weakest z, so that z_I is that z */
function weakestDominates(statistics: ElementaryStatistics, mask: number, weakest: number): boolean {
  const size = hypothesesIn(mask);
  const order = statistics.order;
  let rank = 0;
  for (let i = 0; rank < size - 1; i++) {
    const k = order[i];
    if (!(mask & (1 << k))) continue;
    rank++;
    if (termBound(statistics.z[k], size, rank) > weakest) return false;
  }
  return true;
}

/** min over i < m of p_(i)·m/i: the Simes terms of all but the mask's weakest hypothesis */
function beforeWeakest(statistics: ElementaryStatistics, mask: number): number {
  const size = hypothesesIn(mask);
  const order = statistics.order;
  let rank = 0;
  let smallest = Infinity;
  for (let i = 0; rank < size - 1; i++) {
    const k = order[i];
    if (!(mask & (1 << k))) continue;
    rank++;
    smallest = Math.min(smallest, (statistics.pOf(k) * size) / rank);
  }
  return smallest;
}

export const simes: IntersectionPValue = {
  pValue(statistics: ElementaryStatistics, mask: number): number {
    const size = hypothesesIn(mask);
    // the last term as the others, p·m/m, which can differ from p in its last bit
    return Math.min(beforeWeakest(statistics, mask), (statistics.pOf(statistics.weakest(mask)) * size) / size);
  },
  // Φ⁻¹(1 − p_I) = max_i Φ⁻¹(1 − p_(i)·m/i), whose last term is the weakest hypothesis's own z: its Φ̄ and
  // Φ⁻¹ are never taken (two hypotheses: one Φ̄ and one Φ⁻¹ instead of two and one)
  zValue(statistics: ElementaryStatistics, mask: number): number {
    const weakest = statistics.z[statistics.weakest(mask)];
    if (weakestDominates(statistics, mask, weakest)) return weakest;
    const smallest = beforeWeakest(statistics, mask);
    return Math.max(smallest < 1 ? zOfP(smallest) : -Infinity, weakest);
  },
  // some p_(i)·m/i ≤ α: the i-th largest z of the mask at least Φ⁻¹(1 − i·α/m), at row m, column i
  atLevel(alpha) {
    const width = MOST_HYPOTHESES + 1;
    const critical = new Float64Array(width * width);
    for (let m = 1; m < width; m++)
      for (let i = 1; i <= m; i++) critical[m * width + i] = normalQuantile(1 - (i * alpha) / m);
    return (statistics, mask) => {
      const size = hypothesesIn(mask);
      const order = statistics.order;
      let rank = 0;
      for (let i = 0; rank < size; i++) {
        const k = order[i];
        if (!(mask & (1 << k))) continue;
        rank++;
        if (statistics.z[k] >= critical[size * width + rank]) return true;
      }
      return false;
    };
  },
};
