// Spiessens & Debois (2010): p = P(max(Z_S, Z_F) ≥ max(z_S, z_F)) for (Z_S, Z_F) bivariate
// standard normal with correlation ρ ≤ α  ⇔  max(z_S, z_F) ≥ c(ρ), where P(max(Z_S, Z_F) ≥ c(ρ))
// = α. ρ is estimated in every trial, so c(ρ) is tabulated once per α on a grid in
// u = √(1 − ρ), in which c is smooth (dc/dρ diverges like 1/√(1 − ρ) as ρ → 1, so c ≈ c(1) + k·u),
// and read off by 4-point Lagrange interpolation; the test suite holds it to 10⁻¹¹ of the exact root.
import { bivariateNormalCdf, maxOfBivariateNormalCritical } from '../../math/bivariate-normal.js';
import type { IntersectionTest } from './types.js';

const INTERVALS = 2048;
const U_MAX = Math.SQRT2;
const STEP = U_MAX / INTERVALS;
const tables = new Map<number, Float64Array>();

function criticalTable(alpha: number): Float64Array {
  let table = tables.get(alpha);
  if (table === undefined) {
    table = new Float64Array(INTERVALS + 1);
    for (let i = 0; i <= INTERVALS; i++) {
      const u = Math.min(U_MAX, i * STEP);
      table[i] = maxOfBivariateNormalCritical(alpha, 1 - u * u);
    }
    tables.set(alpha, table);
  }
  return table;
}

/** c(ρ) from the table: cubic through the four nodes around u */
function interpolatedCritical(table: Float64Array, correlation: number): number {
  const rho = Math.max(-1, Math.min(1, correlation));
  const u = Math.sqrt(1 - rho);
  const first = Math.max(0, Math.min(INTERVALS - 3, Math.floor(u / STEP) - 1));
  const x = u / STEP - first;
  const c0 = table[first],
    c1 = table[first + 1],
    c2 = table[first + 2],
    c3 = table[first + 3];
  // Lagrange basis on the nodes 0, 1, 2, 3
  return (
    (-c0 * (x - 1) * (x - 2) * (x - 3)) / 6 +
    (c1 * x * (x - 2) * (x - 3)) / 2 -
    (c2 * x * (x - 1) * (x - 3)) / 2 +
    (c3 * x * (x - 1) * (x - 2)) / 6
  );
}

export const spiessensDebois: IntersectionTest = {
  pValue(zS, zF, correlation) {
    const largest = Math.max(zS, zF);
    return 1 - bivariateNormalCdf(largest, largest, Math.max(-1, Math.min(1, correlation)));
  },
  atLevel(alpha) {
    const table = criticalTable(alpha);
    const thresholds = { s: 0, f: 0, both: Infinity };
    return (correlation) => {
      thresholds.s = thresholds.f = interpolatedCritical(table, correlation);
      return thresholds;
    };
  },
};

export { criticalTable, interpolatedCritical };
