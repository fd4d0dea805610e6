// The population model: who is screened, how the assay reads them, and which populations follow.
//
// Screened patients fall into disjoint subgroups by true status, each with its share. The assay
// classifies every patient into one subgroup, with P(classified j | truly i) the assay's row i, column j
// (the identity for a perfect assay). A population is a union of classified subgroups, since enrolment
// and analysis see only what the assay says; F, everyone screened, is always the last population.
// A cell is a (true subgroup, classified subgroup) pair: outcomes depend on the true subgroup, membership
// of populations on the classified one.
//
// Cells: all G² pairs, classified-major then true subgroup, cell = classified·G + true. Keeping the cells
// that cannot occur (an assay entry of 0) makes the index a formula instead of a table, and with G ≤ 8 the
// hot loops lose little; their probability is exactly 0. For the one-marker model (subgroups pos, neg)
// this is the engine's historical order: 0 marker+ assay+, 1 marker− assay+, 2 marker+ assay−,
// 3 marker− assay−.
//
// Shares and compositions are sums over cells in cell order from 0, so a population of one or two cells
// gets exactly the floating-point value of adding those cells' probabilities (summarisePopulation relies
// on it to stay bit-identical to its closed form).

export type PopulationModel = {
  /** true subgroups, disjoint; shares sum to 1 */
  subgroups: { id: string; share: number }[];
  /** populations besides F, each a union of classified subgroups (by id) */
  populations: { id: string; subgroups: string[] }[];
  /** P(classified j | truly i): row i true subgroup, column j classified subgroup, in `subgroups` order */
  assay: number[][];
};

export type CellLayout = {
  /** subgroup ids; a subgroup's index, true or classified, is its place here */
  readonly subgroupIds: readonly string[];
  /** population ids, the model's in order, then `F` */
  readonly populationIds: readonly string[];
  /** the index of F, the last population */
  readonly full: number;
  /** G², see the header for the order */
  readonly cells: number;
  /** each cell's true subgroup */
  readonly cellTrue: Uint8Array;
  /** each cell's classified subgroup */
  readonly cellClassified: Uint8Array;
  /** P(cell) for a screened patient: share(true)·assay(true, classified) */
  readonly cellProbability: Float64Array;
  /** the cells of positive probability, increasing: no patient is ever in another (with a perfect assay, G of G²) */
  readonly occupiedCells: Uint8Array;
  /** per population, bit j set when it contains classified subgroup j */
  readonly populationMask: Uint8Array;
  /** per cell, bit k set when population k contains it */
  readonly cellPopulations: Uint8Array;
  /** P(classified j) for a screened patient */
  readonly classifiedShare: Float64Array;
  /** P(in population k) for a screened patient */
  readonly populationShare: Float64Array;
  /**
   * P(truly i | in population k), row k, column i (row-major, G columns): PPV generalised. A population no
   * one is classified into has a row of zeros, as PPV is 0 when no one tests positive.
   */
  readonly composition: Float64Array;
};

/** the bit masks are bytes: eight subgroups, and eight populations counting F (the contract allows 4) */
const MAX_BITS = 8;

/** A perfect assay over `subgroups` subgroups: everyone classified as what they are. */
export function identityAssay(subgroups: number): number[][] {
  return Array.from({ length: subgroups }, (_, i) => Array.from({ length: subgroups }, (_, j) => (i === j ? 1 : 0)));
}

/**
 * Today's scenario form: subgroups pos (share = prevalence) and neg, one population S = [pos], the assay
 * pos → {pos: se, neg: 1 − se}, neg → {pos: 1 − sp, neg: sp}.
 */
export function oneMarkerModel(prevalence: number, sensitivity: number, specificity: number): PopulationModel {
  return {
    subgroups: [
      { id: 'pos', share: prevalence },
      { id: 'neg', share: 1 - prevalence },
    ],
    populations: [{ id: 'S', subgroups: ['pos'] }],
    assay: [
      [sensitivity, 1 - sensitivity],
      [1 - specificity, specificity],
    ],
  };
}

/** The index of the cell of true subgroup `trueSubgroup` classified as `classified`. */
export function cellIndex(layout: CellLayout, trueSubgroup: number, classified: number): number {
  return classified * layout.subgroupIds.length + trueSubgroup;
}

export function cellLayout(model: PopulationModel): CellLayout {
  const subgroupIds = model.subgroups.map((subgroup) => subgroup.id);
  const groups = subgroupIds.length;
  const populationCount = model.populations.length + 1;
  if (groups > MAX_BITS) throw new Error(`population.subgroups: at most ${MAX_BITS}, got ${groups}`);
  if (populationCount > MAX_BITS) {
    throw new Error(`population.populations: at most ${MAX_BITS - 1}, got ${populationCount - 1}`);
  }
  const full = populationCount - 1;
  const populationMask = new Uint8Array(populationCount);
  model.populations.forEach((population, k) => {
    population.subgroups.forEach((id, place) => {
      const j = subgroupIds.indexOf(id);
      if (j < 0) throw new Error(`population.populations[${k}].subgroups[${place}]: no subgroup "${id}"`);
      populationMask[k] |= 1 << j;
    });
  });
  populationMask[full] = (1 << groups) - 1;

  const cells = groups * groups;
  const cellTrue = new Uint8Array(cells);
  const cellClassified = new Uint8Array(cells);
  const cellProbability = new Float64Array(cells);
  const cellPopulations = new Uint8Array(cells);
  const classifiedShare = new Float64Array(groups);
  const populationShare = new Float64Array(populationCount);
  const composition = new Float64Array(populationCount * groups);
  for (let classified = 0; classified < groups; classified++) {
    for (let truth = 0; truth < groups; truth++) {
      const cell = classified * groups + truth;
      const probability = model.subgroups[truth].share * model.assay[truth][classified];
      cellTrue[cell] = truth;
      cellClassified[cell] = classified;
      cellProbability[cell] = probability;
      classifiedShare[classified] += probability;
      for (let k = 0; k < populationCount; k++) {
        if ((populationMask[k] & (1 << classified)) === 0) continue;
        cellPopulations[cell] |= 1 << k;
        populationShare[k] += probability;
        composition[k * groups + truth] += probability;
      }
    }
  }
  for (let k = 0; k < populationCount; k++) {
    const share = populationShare[k];
    for (let truth = 0; truth < groups; truth++) {
      const i = k * groups + truth;
      composition[i] = share > 0 ? composition[i] / share : 0;
    }
  }
  return {
    subgroupIds,
    populationIds: [...model.populations.map((population) => population.id), 'F'],
    full,
    cells,
    cellTrue,
    cellClassified,
    cellProbability,
    occupiedCells: Uint8Array.from(cellTrue.keys()).filter((cell) => cellProbability[cell] > 0),
    populationMask,
    cellPopulations,
    classifiedShare,
    populationShare,
    composition,
  };
}

/**
 * The correlation of the populations' z statistics, (P + 1)² row-major, F last, for equal outcome variances
 * and the same allocation everywhere: then a population's information is proportional to its share s_k,
 * and ρ_kl = s_kl/√(s_k·s_l) with s_kl the share classified into both, which is √(s_small/s_large) for
 * nested populations (make-dunnett.R's corrFromShares). Row-major and flat as MaxOfNormals4 takes it.
 * A population no one is classified into has no statistic; its correlations with the others are set to 0
 * so the matrix stays a correlation matrix.
 */
export function informationCorrelation(layout: CellLayout): Float64Array {
  const count = layout.populationIds.length;
  const groups = layout.subgroupIds.length;
  const correlation = new Float64Array(count * count);
  for (let k = 0; k < count; k++) {
    correlation[k * count + k] = 1;
    for (let l = k + 1; l < count; l++) {
      const both = layout.populationMask[k] & layout.populationMask[l];
      let shared = 0;
      for (let j = 0; j < groups; j++) if ((both & (1 << j)) !== 0) shared += layout.classifiedShare[j];
      const scale = Math.sqrt(layout.populationShare[k] * layout.populationShare[l]);
      const rho = scale > 0 ? shared / scale : 0;
      correlation[k * count + l] = rho;
      correlation[l * count + k] = rho;
    }
  }
  return correlation;
}
