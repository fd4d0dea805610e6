// Šidák: p_I = 1 − (1 − min_{k ∈ I} p_k)^m, m = |I|, as −expm1(m·log1p(−min p)) so that a small p keeps
// its digits (1 − (1 − p)^m cancels); one hypothesis gives its own p exactly.
import type { ElementaryStatistics } from './elementary.js';
import { hypothesesIn } from './masks.js';
import type { IntersectionPValue } from './types.js';

export const sidak: IntersectionPValue = {
  pValue(statistics: ElementaryStatistics, mask: number): number {
    const smallest = statistics.p[statistics.strongest(mask)];
    const size = hypothesesIn(mask);
    return size === 1 ? smallest : -Math.expm1(size * Math.log1p(-smallest));
  },
};
