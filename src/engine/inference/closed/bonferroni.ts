// Bonferroni: p_I = min(1, m·min_{k ∈ I} p_k), m = |I|. As a closed test it is Holm's step-down
// procedure (S. Holm, Scand. J. Statist. 6 (1979) 65–70).
import { normalQuantile } from '../../math/normal.js';
import type { ElementaryStatistics } from './elementary.js';
import { hypothesesIn, MOST_HYPOTHESES } from './masks.js';
import type { IntersectionPValue } from './types.js';

export const bonferroni: IntersectionPValue = {
  pValue(statistics: ElementaryStatistics, mask: number): number {
    return Math.min(1, hypothesesIn(mask) * statistics.pOf(statistics.strongest(mask)));
  },
  // m·p ≤ α: the largest z of the mask at least Φ⁻¹(1 − α/m)
  atLevel(alpha) {
    const critical = Array.from({ length: MOST_HYPOTHESES + 1 }, (_, m) => normalQuantile(1 - alpha / m));
    return (statistics, mask) => statistics.z[statistics.strongest(mask)] >= critical[hypothesesIn(mask)];
  },
};
