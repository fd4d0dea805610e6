// Spiessens & Debois (2010): p = P(max(Z_S, Z_F) ≥ max(z_S, z_F)) for (Z_S, Z_F) bivariate
// standard normal with correlation ρ = √(I_S / I_F) ≤ α  ⇔  max(z_S, z_F) ≥ c(ρ), where
// P(max(Z_S, Z_F) ≥ c(ρ)) = α. With random strata ρ changes from trial to trial but takes few
// distinct values, so c(ρ) is remembered per (α, ρ).
import { maxOfBivariateNormalCritical } from '../../math/bivariate-normal.js';
import type { IntersectionTest, IntersectionThresholds } from './types.js';

const remembered = new Map<string, IntersectionThresholds>();
const REMEMBER_AT_MOST = 100_000;

export const spiessensDebois: IntersectionTest = {
  usesCorrelation: true,
  thresholds(alpha, correlation) {
    const key = `${alpha} ${correlation}`;
    let thresholds = remembered.get(key);
    if (thresholds === undefined) {
      const critical = maxOfBivariateNormalCritical(alpha, correlation);
      thresholds = { s: critical, f: critical, both: Infinity };
      if (remembered.size >= REMEMBER_AT_MOST) remembered.clear();
      remembered.set(key, thresholds);
    }
    return thresholds;
  },
};
