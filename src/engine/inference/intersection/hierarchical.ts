// Fixed-sequence testing: the first hypothesis at full α, the second only if the first is
// rejected. As a closed test the intersection is rejected exactly when the first one is.
import { normalQuantile, normalUpper } from '../../math/normal.js';
import { constantRule, type IntersectionTest } from './types.js';

export const hierarchicalS: IntersectionTest = {
  pValue: (zS) => normalUpper(zS),
  atLevel(alpha) {
    return constantRule({ s: normalQuantile(1 - alpha), f: Infinity, both: Infinity });
  },
};

export const hierarchicalF: IntersectionTest = {
  pValue: (_zS, zF) => normalUpper(zF),
  atLevel(alpha) {
    return constantRule({ s: Infinity, f: normalQuantile(1 - alpha), both: Infinity });
  },
};
