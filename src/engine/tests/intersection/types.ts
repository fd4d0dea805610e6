// Closed testing of H_S and H_F (METHODS.md §3). On the z scale (z = Φ⁻¹(1 − p)) every
// intersection test we offer rejects H_S ∩ H_F exactly when
//   z_S ≥ s  or  z_F ≥ f  or  min(z_S, z_F) ≥ both,
// so a test is three thresholds. H_X is then rejected when the intersection is and z_X ≥ z_{1−α}.
export type IntersectionThresholds = { readonly s: number; readonly f: number; readonly both: number };

export type IntersectionTest = {
  /** true when the thresholds depend on the correlation of z_S and z_F */
  readonly usesCorrelation: boolean;
  thresholds(alpha: number, correlation: number): IntersectionThresholds;
};
