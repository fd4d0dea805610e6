// Which designs look at the data before the end, and so report early stopping.
import type { Design } from '../scenario/types.js';

export function hasInterim(design: Design): boolean {
  return (
    design.type === 'adaptive-enrichment' ||
    ((design.type === 'all-comers' || design.type === 'enriched') && design.interims !== undefined)
  );
}
