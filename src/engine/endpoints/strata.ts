// How a population's statistic reads a stage's cells. A stratified analysis combines the population's
// strata, its classified subgroups (the assay's reading is all the analysis sees); an unstratified one
// pools the population's cells, which differs only for a population of several subgroups. Cells are
// classified-major (population-model.ts), so stratum j is the G cells from j·G on; the loops visit only
// those anyone can be in (a perfect assay leaves one per stratum), as an empty cell adds exactly 0.
import type { CellLayout } from '../population-model.js';

export class Strata {
  /** G, the subgroups: stratum j holds the cells j·G … j·G + G − 1 */
  readonly groups: number;
  readonly cells: number;
  /** per population, its classified subgroups by bit (the layout's mask) */
  readonly mask: Uint8Array;
  /** per population, its strata in increasing order */
  readonly of: readonly Uint8Array[];
  /** per population, whether its statistic pools its cells instead of combining strata */
  readonly pooled: readonly boolean[];
  /** per stratum, its cells of positive probability, increasing (treatment arm's slots; control's + cells) */
  readonly cellsOf: readonly Uint8Array[];

  constructor(layout: CellLayout, stratified: boolean) {
    this.groups = layout.subgroupIds.length;
    this.cells = layout.cells;
    this.mask = layout.populationMask;
    this.of = Array.from(this.mask, (mask) => {
      const strata: number[] = [];
      for (let j = 0; j < this.groups; j++) if (mask & (1 << j)) strata.push(j);
      return Uint8Array.from(strata);
    });
    this.pooled = this.of.map((strata) => !stratified && strata.length > 1);
    // cells are classified-major: stratum j's are those of the occupied cells whose classified subgroup is j
    this.cellsOf = Array.from({ length: this.groups }, (_, j) =>
      layout.occupiedCells.filter((cell) => layout.cellClassified[cell] === j),
    );
  }
}

/**
 * The sum of squares about `groupMean` of one arm's cells of the classified subgroups in `mask`
 * (within-cell plus between-cell parts), cells in increasing order from `offset` (0 treatment, `cells`
 * control).
 */
export function maskSS(
  strata: Strata,
  stage: { count: Float64Array; sum: Float64Array; sumSquares: Float64Array },
  offset: number,
  mask: number,
  groupMean: number,
): number {
  const { count, sum, sumSquares } = stage;
  const groups = strata.groups;
  let ss = 0;
  for (let j = 0; j < groups; j++) {
    if (!(mask & (1 << j))) continue;
    const cells = strata.cellsOf[j];
    for (let i = 0; i < cells.length; i++) {
      const slot = offset + cells[i];
      const m = count[slot];
      if (m === 0) continue;
      const deviation = sum[slot] / m - groupMean;
      ss += sumSquares[slot] + m * deviation * deviation;
    }
  }
  return ss;
}

/**
 * A pooled statistic's information shared out over the population's strata by their patients, for the
 * correlation with an overlapping population (stage-source.ts): exact when every cell has the same
 * variance and allocation, which is when pooling and stratifying agree.
 */
export function sharePooled(
  into: Float64Array,
  strata: Strata,
  stage: { count: Float64Array },
  population: number,
  information: number,
): void {
  const { cells } = strata;
  const { count } = stage;
  let total = 0;
  const of = strata.of[population];
  for (let s = 0; s < of.length; s++) {
    const stratum = of[s];
    let n = 0;
    const occupied = strata.cellsOf[stratum];
    for (let i = 0; i < occupied.length; i++) n += count[occupied[i]] + count[cells + occupied[i]];
    into[stratum] = n;
    total += n;
  }
  for (let s = 0; s < of.length; s++) into[of[s]] = total > 0 ? (information * into[of[s]]) / total : 0;
}
