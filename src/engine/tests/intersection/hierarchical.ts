// Fixed-sequence testing: the first hypothesis at full α, the second only if the first is
// rejected. As a closed test the intersection is rejected exactly when the first one is.
import { normalQuantile } from '../../math/normal.js';
import type { IntersectionTest } from './types.js';

export const hierarchicalS: IntersectionTest = {
  usesCorrelation: false,
  thresholds(alpha) {
    return { s: normalQuantile(1 - alpha), f: Infinity, both: Infinity };
  },
};

export const hierarchicalF: IntersectionTest = {
  usesCorrelation: false,
  thresholds(alpha) {
    return { s: Infinity, f: normalQuantile(1 - alpha), both: Infinity };
  },
};
