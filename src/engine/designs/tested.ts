// Which populations a design tests, by their index in the cell layout (population-model.ts): all-comers
// tests F, enriched the population it enrols, stratified and adaptive designs every population and F.
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

/** the populations whose hypotheses the design tests, increasing (F last) */
export function testedPopulations(layout: CellLayout, design: Design): number[] {
  if (design.type === 'all-comers' || design.type === 'enriched') return [enrolledPopulation(layout, design)];
  return layout.populationIds.map((_, k) => k);
}

/** the same as a bit mask */
export function testedMask(layout: CellLayout, design: Design): number {
  return testedPopulations(layout, design).reduce((mask, k) => mask | (1 << k), 0);
}
