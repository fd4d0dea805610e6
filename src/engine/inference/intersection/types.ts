// Closed testing of H_S and H_F (docs/methods.md). On the z scale (z = Φ⁻¹(1 − p)) every
// intersection test we offer rejects H_S ∩ H_F exactly when
//   z_S ≥ s  or  z_F ≥ f  or  min(z_S, z_F) ≥ both,
// so a test is three thresholds. H_X is then rejected when the intersection is and z_X ≥ z_{1−α}.
export type IntersectionThresholds = { readonly s: number; readonly f: number; readonly both: number };

/**
 * A test's thresholds at one level α as a function of the correlation of z_S and z_F. The
 * object returned may be reused by the next call: read it before calling again.
 */
export type IntersectionRule = (correlation: number) => IntersectionThresholds;

export type IntersectionTest = {
  atLevel(alpha: number): IntersectionRule;
  /** the intersection's one-sided p-value from z_S, z_F (combination tests need it, docs/methods.md) */
  pValue(zS: number, zF: number, correlation: number): number;
};

/** the rule of a test whose thresholds do not depend on the correlation */
export function constantRule(thresholds: IntersectionThresholds): IntersectionRule {
  return () => thresholds;
}
