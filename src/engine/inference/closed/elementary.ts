// The elementary hypotheses' statistics as every intersection rule reads them: each one-sided z, its
// p = Φ̄(z), and the order of the hypotheses by decreasing z, made once per set of statistics so that
// the 2^G − 1 intersections share one Φ̄ per hypothesis and one sort (within a mask, the hypotheses in this
// order are that mask's p-values sorted, as Simes needs them). A p is computed when a rule first reads it:
// the rules of the strongest hypothesis read one, and Simes on the z scale all but the weakest. The
// correlation of the z, G × G row by row, is kept for the max-z (dunnett) rule.
import { normalUpper } from '../../math/normal.js';
import { checkHypotheses, MOST_HYPOTHESES } from './masks.js';

export class ElementaryStatistics {
  /** the one-sided z of each hypothesis */
  readonly z = new Float64Array(MOST_HYPOTHESES);
  /** p = Φ̄(z) once read (pOf), NaN before */
  private readonly p = new Float64Array(MOST_HYPOTHESES);
  /** the hypotheses by decreasing z (increasing p), ties by index */
  readonly order = new Uint8Array(MOST_HYPOTHESES);
  /** the correlation of the z, `hypotheses` × `hypotheses` row by row */
  readonly correlation = new Float64Array(MOST_HYPOTHESES * MOST_HYPOTHESES);

  constructor(readonly hypotheses: number) {
    checkHypotheses(hypotheses);
  }

  /** take a new set of statistics: `z` of the hypotheses and their correlation row by row */
  set(z: ArrayLike<number>, correlation: ArrayLike<number>): void {
    const count = this.hypotheses;
    const order = this.order;
    for (let k = 0; k < count; k++) {
      const zk = z[k];
      this.z[k] = zk;
      this.p[k] = Number.NaN;
      // four at most: insertion sort, in place
      let i = k;
      while (i > 0 && this.z[order[i - 1]] < zk) {
        order[i] = order[i - 1];
        i--;
      }
      order[i] = k;
    }
    for (let i = 0; i < count * count; i++) this.correlation[i] = correlation[i];
  }

  /** Φ̄(z) of hypothesis k */
  pOf(k: number): number {
    let p = this.p[k];
    if (Number.isNaN(p)) {
      p = normalUpper(this.z[k]);
      this.p[k] = p;
    }
    return p;
  }

  /** the hypothesis of a non-empty mask with the largest z, the smallest p */
  strongest(mask: number): number {
    const order = this.order;
    let i = 0;
    while (!(mask & (1 << order[i]))) i++;
    return order[i];
  }

  /** the hypothesis of a non-empty mask with the smallest z, the largest p */
  weakest(mask: number): number {
    const order = this.order;
    let i = this.hypotheses - 1;
    while (!(mask & (1 << order[i]))) i--;
    return order[i];
  }
}
