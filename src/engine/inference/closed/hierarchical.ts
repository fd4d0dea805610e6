// Fixed-sequence (hierarchical) testing in a pre-specified order: each hypothesis at full α, the next
// only once the one before it is rejected (W. Maurer, L. A. Hothorn & W. Lehmacher, in Biometrie in der
// chemisch-pharmazeutischen Industrie 6, 1995, 3–18). Its closed-test form gives each intersection the
// p-value of the first hypothesis of the order in it: the masks containing H_k are led by H_k or by an
// earlier H_j, each earlier one leading {H_j, H_k}, so H_k is rejected exactly when it and every
// hypothesis before it have p ≤ α.
import type { ElementaryStatistics } from './elementary.js';
import { MOST_HYPOTHESES } from './masks.js';
import { normalQuantile } from '../../math/normal.js';
import type { IntersectionPValue, MaskTest } from './types.js';

export class Hierarchical implements IntersectionPValue {
  readonly hypotheses: number;
  private readonly order: Uint8Array;

  /** `order`: the hypotheses' indices 0 … G − 1, each once, first tested first */
  constructor(order: readonly number[]) {
    const count = order.length;
    if (count < 1 || count > MOST_HYPOTHESES) {
      throw new Error(`order: 1 to ${MOST_HYPOTHESES} hypotheses, got ${count}`);
    }
    let seen = 0;
    for (const k of order) {
      if (!(Number.isInteger(k) && k >= 0 && k < count) || seen & (1 << k)) {
        throw new Error(`order: must list the hypotheses 0 to ${count - 1} once each, got [${order.join(', ')}]`);
      }
      seen |= 1 << k;
    }
    this.hypotheses = count;
    this.order = Uint8Array.from(order);
  }

  /** NaN for a mask with none of the order's hypotheses */
  pValue(statistics: ElementaryStatistics, mask: number): number {
    const order = this.order;
    for (let i = 0; i < order.length; i++) if (mask & (1 << order[i])) return statistics.pOf(order[i]);
    return NaN;
  }

  /** the first of the order in the mask at least Φ⁻¹(1 − α) */
  atLevel(alpha: number): MaskTest {
    const critical = normalQuantile(1 - alpha);
    const order = this.order;
    return (statistics, mask) => {
      for (let i = 0; i < order.length; i++) if (mask & (1 << order[i])) return statistics.z[order[i]] >= critical;
      return false;
    };
  }
}
