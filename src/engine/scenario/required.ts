// A size the contract requires of this endpoint and method (sizes.ts: survival designs always count
// events; patient-level survival also needs n). The types keep them optional, as a design of another
// endpoint may lack them, so the engine asks here instead of asserting with `!`: a scenario that
// did not come through the contract's checks fails with a message, not with NaN.
import type { Design } from './types.js';

export function requiredSize<D extends Design, K extends 'n' | 'events'>(
  design: D,
  key: K,
  why: string,
): NonNullable<D[K]> {
  const size = design[key];
  if (size === undefined || size === null)
    throw new Error(`design "${design.id}": ${key} is required ${why} (the scenario contract checks this)`);
  return size;
}
