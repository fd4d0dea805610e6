// Two-stage combination tests of stage-wise p-values (docs/methods.md), on the z scale where one
// exists: inverse normal C = w₁·Φ⁻¹(1 − p₁) + w₂·Φ⁻¹(1 − p₂) with w₁ = √t₁,
// w₂ = √(1 − t₁), and Fisher's product p₁·p₂ ≤ c with c(1 − ln c) = α (P(U₁U₂ ≤ c) for
// independent uniforms, the same as exp(−½·χ²₄,₁₋α)), without early efficacy stopping.
import { normalQuantile, normalUpper, zOfP } from '../../math/normal.js';
import type { AdaptiveEnrichmentDesign } from '../../scenario/types.js';
import { efficacyBoundaries } from '../sequential/boundaries.js';

export interface CombinationTest {
  /** z = Φ⁻¹(1 − p) at or above which a stage-1 p-value rejects at the interim (∞: never) */
  readonly interimCritical: number;
  /** the end's critical value: C at or above it rejects (inverse normal), p₁·p₂ at or below it (Fisher) */
  readonly finalCritical: number;
  /** the combined stage-wise p-values (as z = Φ⁻¹(1 − p)): C = w₁z₁ + w₂z₂, or Fisher's p₁·p₂ */
  combined(z1: number, z2: number): number;
  /** whether stage-wise p-values (as z = Φ⁻¹(1 − p)) reject at the end: `combined` against `finalCritical` */
  rejectsAtEnd(z1: number, z2: number): boolean;
  /** a stage-1 p-value that leaves no chance (rpact: inverse normal below −6, Fisher p₁ = 1) */
  futile(z1: number): boolean;
  /** the z a stage-2 p-value must reach for rejection given stage 1 (rpact's conditional critical value) */
  conditionalCritical(z1: number): number;
}

/** rpact caps a stage-1 p-value below 1 where a conditional critical value needs its z */
export const P_CAP = 1 - 1e-7;

/** rpact's default futility bound on the z scale for designs without one */
export const FUTILITY_Z = -6;

/** `t1`: stage 1's share of the planned information (patients or events) */
export function combinationTest(t1: number, design: AdaptiveEnrichmentDesign, alpha: number): CombinationTest {
  if (design.combination === 'fisher') {
    const c = fisherCritical(alpha);
    const product = (z1: number, z2: number) => normalUpper(z1) * normalUpper(z2);
    return {
      interimCritical: Infinity,
      finalCritical: c,
      combined: product,
      rejectsAtEnd: (z1, z2) => product(z1, z2) <= c,
      futile: (z1) => normalUpper(z1) >= 1,
      conditionalCritical: (z1) => zOfP(Math.min(c / normalUpper(z1), P_CAP)),
    };
  }
  const w1 = Math.sqrt(t1);
  const w2 = Math.sqrt(1 - t1);
  const [c1, c2] =
    design.efficacy === 'none'
      ? [Infinity, normalQuantile(1 - alpha)]
      : Array.from(efficacyBoundaries(design.efficacy, [t1, 1], alpha));
  const inverseNormal = (z1: number, z2: number) => w1 * z1 + w2 * z2;
  return {
    interimCritical: c1,
    finalCritical: c2,
    combined: inverseNormal,
    rejectsAtEnd: (z1, z2) => inverseNormal(z1, z2) >= c2,
    futile: (z1) => z1 <= FUTILITY_Z,
    conditionalCritical: (z1) => (c2 - w1 * z1) / w2,
  };
}

/** c with c·(1 − ln c) = α, by Newton's method from below (the function increases on (0, 1)) */
function fisherCritical(alpha: number): number {
  let c = alpha / 10;
  for (let i = 0; i < 100; i++) {
    const next = c - (c * (1 - Math.log(c)) - alpha) / -Math.log(c);
    if (Math.abs(next - c) < 1e-16) break;
    c = next;
  }
  return c;
}
