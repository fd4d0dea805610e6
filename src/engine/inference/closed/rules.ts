// The scenario's intersection keywords as closed-testing rules over a design's hypotheses (its
// populations, F last). `spiessens-debois` is the one-marker name of `dunnett`; `hierarchical-S` and
// `hierarchical-F` are the one-marker orders S, F and F, S of `hierarchical`.
import type { Intersection } from '../../scenario/types.js';
import { bonferroni } from './bonferroni.js';
import { Dunnett } from './dunnett.js';
import { Hierarchical } from './hierarchical.js';
import { sidak } from './sidak.js';
import { simes } from './simes.js';
import type { IntersectionPValue } from './types.js';

/**
 * a fresh rule (some keep scratch space, so every design has its own); `order`: for `hierarchical`, the
 * hypotheses' indices, first tested first; `hypotheses`: how many the design tests
 */
export function closedRule(
  intersection: Intersection,
  hypotheses: number,
  order?: readonly number[],
): IntersectionPValue {
  switch (intersection) {
    case 'bonferroni':
      return bonferroni;
    case 'simes':
      return simes;
    case 'sidak':
      return sidak;
    case 'dunnett':
    case 'spiessens-debois':
      return new Dunnett();
    case 'hierarchical-S':
      return new Hierarchical([0, 1]);
    case 'hierarchical-F':
      return new Hierarchical([1, 0]);
    case 'hierarchical':
      if (order === undefined || order.length !== hypotheses)
        throw new Error('hierarchical: needs the order of every hypothesis');
      return new Hierarchical(order);
  }
}
