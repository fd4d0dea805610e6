// The intersections of a closed test over named hypotheses, as a trace of several populations names
// them: each non-empty mask of the G hypotheses (inference/closed/masks.ts) with the ids it holds, joined
// by ∩ in the design's order ("S1∩S2∩F"), the largest first (the closed test is told top down) and,
// among those of one size, by increasing mask. Made once per traced design, never in the simulation.
import { hypothesesIn } from '../inference/closed/masks.js';
import type { IntersectionOf } from './recorder.js';

export type NamedIntersection = IntersectionOf & { mask: number };

export function namedIntersections(ids: readonly string[]): NamedIntersection[] {
  const named: NamedIntersection[] = [];
  for (let mask = 1; mask < 1 << ids.length; mask++) {
    const held = ids.filter((_, k) => (mask >> k) & 1);
    named.push({ mask, name: held.join('∩'), ids: held });
  }
  return named.sort((a, b) => hypothesesIn(b.mask) - hypothesesIn(a.mask) || a.mask - b.mask);
}
