// The max-z ("dunnett") intersection test: p_I = P(max_{k ∈ I} Z_k ≥ max_{k ∈ I} z_k) for Z ~ N(0, R_I),
// R_I the correlation of the mask's statistics (POPULATIONS.md: I_ij/√(I_i·I_j)); for two hypotheses
// it is Spiessens & Debois' test. The probability is MaxOfNormals4's (src/engine/math/max-normal-4.ts), any
// rank; one hypothesis gives its own p, and two the bivariate normal's (math/bivariate-normal.ts, faster).
import { bivariateNormalCdf } from '../../math/bivariate-normal.js';
import { MaxOfNormals4 } from '../../math/max-normal-4.js';
import type { ElementaryStatistics } from './elementary.js';
import { hypothesesIn, MOST_HYPOTHESES } from './masks.js';
import { criticalTable, interpolatedCritical } from '../intersection/spiessens-debois.js';
import { normalQuantile } from '../../math/normal.js';
import type { IntersectionPValue, MaskTest } from './types.js';

export class Dunnett implements IntersectionPValue {
  private readonly maxima = new MaxOfNormals4();
  /** the hypotheses of the mask */
  private readonly members = new Uint8Array(MOST_HYPOTHESES);
  /** R_I, row by row */
  private readonly correlation = new Float64Array(MOST_HYPOTHESES * MOST_HYPOTHESES);

  /**
   * one hypothesis: its z against Φ⁻¹(1 − α); two: the largest z against the max-z critical value c(ρ),
   * tabulated once per α (Spiessens–Debois' table); more: the largest z, when it could reject at all, by
   * the p-value
   */
  atLevel(alpha: number): MaskTest {
    const single = normalQuantile(1 - alpha);
    const table = criticalTable(alpha);
    return (statistics, mask) => {
      const strongest = statistics.strongest(mask);
      const largest = statistics.z[strongest];
      if (largest < single) return false;
      if (mask === 1 << strongest) return true;
      if (hypothesesIn(mask) === 2) {
        const other = statistics.strongest(mask & ~(1 << strongest));
        const rho = statistics.correlation[strongest * statistics.hypotheses + other];
        return largest >= interpolatedCritical(table, rho);
      }
      return this.pValue(statistics, mask) <= alpha;
    };
  }

  pValue(statistics: ElementaryStatistics, mask: number): number {
    const strongest = statistics.strongest(mask);
    if (mask === 1 << strongest) return statistics.pOf(strongest);
    const members = this.members;
    const count = statistics.hypotheses;
    let size = 0;
    for (let k = 0; k < count; k++) if (mask & (1 << k)) members[size++] = k;
    const full = statistics.correlation;
    if (size === 2) {
      const largest = statistics.z[strongest];
      const rho = full[members[0] * count + members[1]];
      // P(max ≥ z) = 2·Φ̄(z) − P(both ≥ z), the last by symmetry Φ₂(−z, −z):
      // no cancellation in a small p
      return 2 * statistics.pOf(strongest) - bivariateNormalCdf(-largest, -largest, Math.max(-1, Math.min(1, rho)));
    }
    const correlation = this.correlation;
    for (let i = 0; i < size; i++) {
      const row = members[i] * count;
      for (let j = 0; j < size; j++) correlation[i * size + j] = full[row + members[j]];
    }
    return this.maxima.upper(correlation, size, statistics.z[strongest]);
  }
}
