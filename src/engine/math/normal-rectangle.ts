// P(Z_1 < a_1, …, Z_d < a_d) for Z ~ N(0, R), d ≤ 4, R a correlation matrix with every |ρ| < 1: the
// closed forms of closed tests over several populations read it (analytic/populations-closed-test.ts).
// Conditioning on the first coordinate, the others are normal with means ρ_1k·x, variances 1 − ρ_1k²
// and the partial correlations of R given Z_1, so
//   P(Z < a) = ∫_{−∞}^{a_1} φ(x)·P(W < a'(x)) dx,  a'_k(x) = (a_k − ρ_1k·x)/√(1 − ρ_1k²),
// with W standard with those partial correlations: a recursion down to the bivariate law (Plackett's
// identity, bivariate-normal.ts). The integrand is φ times a smooth function of x, so composite
// Gauss–Legendre (8 points) on panels of one unit from −8 (φ < 10⁻¹⁴) to a_1 integrates it to ~10⁻¹⁰;
// checked against mvtnorm's pmvnorm (test/fixtures/reference/mvtnorm-rectangles.json).
import { bivariateNormalCdf } from './bivariate-normal.js';
import { gaussLegendre } from './gauss-legendre.js';
import { normalCdf, normalPdf } from './normal.js';

const RULE = gaussLegendre(8);
const LOWEST = -8;
const PANEL = 1;
/** the most coordinates */
export const MAX_RECTANGLE = 4;

/**
 * P(Z_k < upper_k for every k) for Z ~ N(0, R), R row by row (`dimension` × `dimension`); NaN when two
 * coordinates are perfectly correlated (|ρ| ≥ 1), which the recursion cannot condition on
 */
export function normalRectangle(upper: ArrayLike<number>, correlation: ArrayLike<number>, dimension: number): number {
  if (dimension < 1 || dimension > MAX_RECTANGLE)
    throw new Error(`normalRectangle: 1 to 4 coordinates, got ${dimension}`);
  for (let k = 0; k < dimension; k++)
    for (let l = k + 1; l < dimension; l++) if (!(Math.abs(correlation[k * dimension + l]) < 1)) return Number.NaN;
  return rectangle(
    Array.from({ length: dimension }, (_, k) => upper[k]),
    correlation,
    dimension,
  );
}

function rectangle(upper: number[], correlation: ArrayLike<number>, dimension: number): number {
  if (dimension === 1) return normalCdf(upper[0]);
  if (dimension === 2) return bivariateNormalCdf(upper[0], upper[1], correlation[1]);
  const rest = dimension - 1;
  const loading = Array.from({ length: rest }, (_, k) => correlation[k + 1]);
  const spread = loading.map((rho) => Math.sqrt(1 - rho * rho));
  const partial = new Float64Array(rest * rest);
  for (let k = 0; k < rest; k++) {
    for (let l = 0; l < rest; l++) {
      const rho = correlation[(k + 1) * dimension + l + 1];
      partial[k * rest + l] = k === l ? 1 : (rho - loading[k] * loading[l]) / (spread[k] * spread[l]);
    }
  }
  const top = Math.min(upper[0], -LOWEST);
  if (!(top > LOWEST)) return 0;
  const panels = Math.ceil((top - LOWEST) / PANEL);
  const width = (top - LOWEST) / panels;
  const shifted = new Array<number>(rest);
  let total = 0;
  for (let panel = 0; panel < panels; panel++) {
    const middle = LOWEST + (panel + 0.5) * width;
    for (let i = 0; i < RULE.nodes.length; i++) {
      const x = middle + 0.5 * width * RULE.nodes[i];
      for (let k = 0; k < rest; k++) shifted[k] = (upper[k + 1] - loading[k] * x) / spread[k];
      total += RULE.weights[i] * normalPdf(x) * rectangle(shifted, partial, rest);
    }
  }
  return Math.min(1, Math.max(0, 0.5 * width * total));
}
