// Šidák: p = 1 − (1 − min(p_S, p_F))² ≤ α  ⇔  max(z_S, z_F) ≥ Φ⁻¹(√(1 − α)).
import { normalQuantile, normalUpper } from '../../math/normal.js';
import { constantRule, type IntersectionTest } from './types.js';

export const sidak: IntersectionTest = {
  pValue: (zS, zF) => {
    const smallest = normalUpper(Math.max(zS, zF));
    return smallest * (2 - smallest);
  },
  atLevel(alpha) {
    const critical = normalQuantile(Math.sqrt(1 - alpha));
    return constantRule({ s: critical, f: critical, both: Infinity });
  },
};
