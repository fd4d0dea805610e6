// Šidák: p_I = 1 − (1 − min_{k ∈ I} p_k)^m, m = |I|, as −expm1(m·log1p(−min p)) so that a small p keeps
// its digits (1 − (1 − p)^m cancels); one hypothesis gives its own p exactly.
import { normalQuantile } from '../../math/normal.js';
import type { ElementaryStatistics } from './elementary.js';
import { hypothesesIn, MOST_HYPOTHESES } from './masks.js';
import type { IntersectionPValue } from './types.js';

export const sidak: IntersectionPValue = {
  pValue(statistics: ElementaryStatistics, mask: number): number {
    const smallest = statistics.pOf(statistics.strongest(mask));
    const size = hypothesesIn(mask);
    return size === 1 ? smallest : -Math.expm1(size * Math.log1p(-smallest));
  },
  // 1 − (1 − p)^m ≤ α: the largest z of the mask at least Φ⁻¹((1 − α)^(1/m))
  atLevel(alpha) {
    const critical = Array.from({ length: MOST_HYPOTHESES + 1 }, (_, m) => normalQuantile((1 - alpha) ** (1 / m)));
    return (statistics, mask) => statistics.z[statistics.strongest(mask)] >= critical[hypothesesIn(mask)];
  },
};
