// Which populations a design tests, by their index in the cell layout (population-model.ts): all-comers
// tests F, enriched the population it enrols, stratified designs every population and F, adaptive ones
// every population inside the one their stage 1 enrols (`stage1`; all comers by default: all and F).
import type { CellLayout } from '../population-model.js';
import type { Design } from '../scenario/types.js';

/** the population an all-comers or enriched design enrols and tests */
export function enrolledPopulation(layout: CellLayout, design: Design): number {
  if (design.type !== 'enriched') return layout.full;
  // the contract names the population when there are several; with one it may be left out
  const index = design.population === undefined ? 0 : layout.populationIds.indexOf(design.population);
  if (index < 0 || index === layout.full) throw new Error(`designs: no population "${design.population}"`);
  return index;
}

/** the population an adaptive design's stage 1 enrols: `stage1`, F by default */
export function firstStagePopulation(layout: CellLayout, design: Design): number {
  if (design.type !== 'adaptive-enrichment' || design.stage1 === undefined) return layout.full;
  const index = layout.populationIds.indexOf(design.stage1);
  if (index < 0) throw new Error(`designs: no population "${design.stage1}"`);
  return index;
}

/** the populations whose hypotheses the design tests, increasing (F last) */
export function testedPopulations(layout: CellLayout, design: Design): number[] {
  if (design.type === 'all-comers' || design.type === 'enriched') return [enrolledPopulation(layout, design)];
  const first = layout.populationMask[firstStagePopulation(layout, design)];
  return layout.populationIds.map((_, k) => k).filter((k) => (layout.populationMask[k] & ~first) === 0);
}

/** the same as a bit mask */
export function testedMask(layout: CellLayout, design: Design): number {
  return testedPopulations(layout, design).reduce((mask, k) => mask | (1 << k), 0);
}
