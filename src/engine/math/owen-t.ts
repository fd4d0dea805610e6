// Owen's T function, for the bivariate normal probabilities of a max-of-normals integral.
import { gaussLegendre } from './gauss-legendre.js';
import { normalUpper } from './normal.js';

const ANGLE_RULE = gaussLegendre(16);
/** a term below 10⁻¹² of the largest: exp(−NEGLIGIBLE/2) */
const NEGLIGIBLE = 2 * 12 * Math.LN10;
const TURN = 2 * Math.PI;

/**
 * Owen's T(h, a) = (1/2π) ∫₀^{atan a} exp(−h²/(2 cos² θ)) dθ for 0 ≤ a ≤ 1, where cos² θ ≥ ½
 * keeps the integrand smooth; only the part above 10⁻¹² of its largest value, at θ = 0, is integrated
 */
export function owenT(h: number, a: number): number {
  let end = Math.atan(a);
  if (h > 0) end = Math.min(end, Math.atan(Math.sqrt(NEGLIGIBLE) / h));
  const half = 0.5 * end;
  const exponent = -0.5 * h * h;
  let sum = 0;
  for (let n = 0; n < ANGLE_RULE.nodes.length; n++) {
    const cosine = Math.cos(half * (1 + ANGLE_RULE.nodes[n]));
    sum += ANGLE_RULE.weights[n] * Math.exp(exponent / (cosine * cosine));
  }
  return (half * sum) / TURN;
}

/**
 * T(h, ∞) − T(h, a) = (1/2π) ∫_{atan a}^{π/2} exp(−h²/(2 cos² θ)) dθ for a ≥ 0 (0 for a = ∞), by
 * T(h, ∞) = ½Φ̄(h) and T(h, a) + T(ah, 1/a) = ½Φ̄(h) + ½Φ̄(ah) − Φ̄(h)Φ̄(ah) (D. B. Owen, Ann. Math.
 * Statist. 27 (1956) 1075–1090) from T of a ≤ 1: the integrand itself keeps near its largest value up to a
 * layer of width ~h at π/2, which no fixed rule resolves. Its error is ~10⁻¹⁶·Φ̄(h), far under Φ̄(h), the
 * size of the term it is added to.
 */
export function owenTail(h: number, a: number): number {
  if (a === Infinity) return 0;
  if (a <= 1) return 0.5 * normalUpper(h) - owenT(h, a);
  return owenT(a * h, 1 / a) - normalUpper(a * h) * (0.5 - normalUpper(h));
}
