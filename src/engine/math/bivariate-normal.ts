// The standard bivariate normal law with correlation ρ, by Plackett's identity
//   Φ₂(h, k; ρ) = Φ(h)Φ(k) + (1/2π) ∫₀^{asin ρ} exp(−(h² + k² − 2hk sin θ) / (2 cos² θ)) dθ
// (Z. Drezner & G. O. Wesolowsky, J. Statist. Comput. Simul. 35 (1990) 101–107). The integrand
// is smooth on the whole range, so composite Gauss–Legendre with panels doubled until two
// rules agree to 10⁻¹⁵ gives the integral to near machine precision.
import { gaussLegendre } from './gauss-legendre.js';
import { normalCdf, normalPdf, normalQuantile, normalUpper } from './normal.js';

const RULE = gaussLegendre(20);
const AGREEMENT = 1e-15;
const MAX_PANELS = 256;

function plackettIntegral(h: number, k: number, upper: number, panels: number): number {
  const width = upper / panels;
  let total = 0;
  for (let panel = 0; panel < panels; panel++) {
    const middle = (panel + 0.5) * width;
    for (let i = 0; i < RULE.nodes.length; i++) {
      const theta = middle + 0.5 * width * RULE.nodes[i];
      const sine = Math.sin(theta);
      const cosine = Math.cos(theta);
      total += RULE.weights[i] * Math.exp(-(h * h + k * k - 2 * h * k * sine) / (2 * cosine * cosine));
    }
  }
  return (0.5 * width * total) / (2 * Math.PI);
}

/** P(X ≤ h, Y ≤ k) for standard normal X, Y with correlation rho */
export function bivariateNormalCdf(h: number, k: number, rho: number): number {
  if (rho >= 1) return normalCdf(Math.min(h, k));
  if (rho <= -1) return Math.max(0, normalCdf(h) - normalUpper(k));
  const upper = Math.asin(rho);
  let panels = 1;
  let integral = plackettIntegral(h, k, upper, panels);
  while (panels < MAX_PANELS) {
    panels *= 2;
    const refined = plackettIntegral(h, k, upper, panels);
    const settled = Math.abs(refined - integral) < AGREEMENT;
    integral = refined;
    if (settled) break;
  }
  return Math.min(1, Math.max(0, normalCdf(h) * normalCdf(k) + integral));
}

/**
 * c with P(max(X, Y) ≥ c) = α for standard normal X, Y with correlation ρ: safeguarded Newton
 * between c(ρ = 1) = Φ⁻¹(1 − α) and Bonferroni's Φ⁻¹(1 − α/2), which bound it for every ρ.
 * d/dc Φ₂(c, c; ρ) = 2φ(c)Φ(c·√((1 − ρ)/(1 + ρ))).
 */
export function maxOfBivariateNormalCritical(alpha: number, rho: number): number {
  let low = normalQuantile(1 - alpha);
  if (rho >= 1) return low;
  let high = normalQuantile(1 - alpha / 2);
  const excess = (c: number) => 1 - bivariateNormalCdf(c, c, rho) - alpha;
  const slope = Math.sqrt((1 - rho) / (1 + rho));
  let c = normalQuantile(Math.sqrt(1 - alpha));
  for (let iteration = 0; iteration < 100; iteration++) {
    const f = excess(c);
    if (f > 0) low = c;
    else high = c;
    const derivative = -2 * normalPdf(c) * normalCdf(c * slope);
    let next = c - f / derivative;
    if (!(next > low && next < high)) next = 0.5 * (low + high);
    if (Math.abs(next - c) < 1e-13) return next;
    c = next;
  }
  return c;
}
