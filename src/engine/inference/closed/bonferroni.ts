// Bonferroni: p_I = min(1, m·min_{k ∈ I} p_k), m = |I|. As a closed test it is Holm's step-down
// procedure (S. Holm, Scand. J. Statist. 6 (1979) 65–70).
import type { ElementaryStatistics } from './elementary.js';
import { hypothesesIn } from './masks.js';
import type { IntersectionPValue } from './types.js';

export const bonferroni: IntersectionPValue = {
  pValue(statistics: ElementaryStatistics, mask: number): number {
    return Math.min(1, hypothesesIn(mask) * statistics.p[statistics.strongest(mask)]);
  },
};
