// Bonferroni: p = min(1, 2·min(p_S, p_F)) ≤ α  ⇔  max(z_S, z_F) ≥ z_{1−α/2}.
import { normalQuantile, normalUpper } from '../../math/normal.js';
import { constantRule, type IntersectionTest } from './types.js';

export const bonferroni: IntersectionTest = {
  pValue: (zS, zF) => Math.min(1, 2 * normalUpper(Math.max(zS, zF))),
  atLevel(alpha) {
    const critical = normalQuantile(1 - alpha / 2);
    return constantRule({ s: critical, f: critical, both: Infinity });
  },
};
