// The intersection hypotheses of closed testing (Marcus, Peritz & Gabriel, Biometrika 63 (1976)
// 655–660) over G elementary hypotheses H_0 … H_{G−1}: H_I = ∩_{k ∈ I} H_k for every non-empty I, written
// as the bit mask Σ_{k ∈ I} 2^k, so the masks are 1 … 2^G − 1 and a mask indexes arrays directly. A
// hypothesis is rejected when every mask containing it is, so each hypothesis keeps the list of those
// 2^(G−1) masks; the lists are made once per G and shared.

/** three populations besides F (POPULATIONS.md, rpact's limit of four), and the max-normal of four coordinates */
export const MOST_HYPOTHESES = 4;

export interface Intersections {
  /** G, the elementary hypotheses */
  readonly hypotheses: number;
  /** 2^G: arrays indexed by mask have this length, entry 0 (the empty intersection) unused */
  readonly span: number;
  /** 2^(G−1), the masks containing any one hypothesis */
  readonly perHypothesis: number;
  /** the masks containing hypothesis k, increasing: entries k·perHypothesis … (k + 1)·perHypothesis − 1 */
  readonly containing: Uint8Array;
}

const made: (Intersections | undefined)[] = [];

/** the intersections of `hypotheses` elementary hypotheses, 1 to MOST_HYPOTHESES, made once each */
export function intersections(hypotheses: number): Intersections {
  checkHypotheses(hypotheses);
  let table = made[hypotheses];
  if (table === undefined) {
    const span = 1 << hypotheses;
    const perHypothesis = span >> 1;
    const containing = new Uint8Array(hypotheses * perHypothesis);
    for (let k = 0; k < hypotheses; k++) {
      let next = k * perHypothesis;
      for (let mask = 1; mask < span; mask++) if (mask & (1 << k)) containing[next++] = mask;
    }
    table = { hypotheses, span, perHypothesis, containing };
    made[hypotheses] = table;
  }
  return table;
}

/** fails loudly unless closed testing can take `hypotheses` elementary hypotheses */
export function checkHypotheses(hypotheses: number): void {
  if (!(Number.isInteger(hypotheses) && hypotheses >= 1 && hypotheses <= MOST_HYPOTHESES)) {
    throw new Error(`closed testing of 1 to ${MOST_HYPOTHESES} hypotheses, got ${hypotheses}`);
  }
}

/** the number of hypotheses in a mask */
export function hypothesesIn(mask: number): number {
  let count = 0;
  for (let rest = mask; rest !== 0; rest &= rest - 1) count++;
  return count;
}
