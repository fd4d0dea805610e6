// The closed test of H_S and H_F as thresholds on the z scale (types.ts): what the one-marker closed
// forms, the survival designs and the trace read. inference/closed/ tests any number of hypotheses.
import type { Intersection } from '../../scenario/types.js';
import { bonferroni } from './bonferroni.js';
import { hierarchicalF, hierarchicalS } from './hierarchical.js';
import { sidak } from './sidak.js';
import { simes } from './simes.js';
import { spiessensDebois } from './spiessens-debois.js';
import type { IntersectionTest } from './types.js';

export const intersectionTests: Record<Exclude<Intersection, 'hierarchical'>, IntersectionTest> = {
  bonferroni,
  simes,
  sidak,
  dunnett: spiessensDebois,
  'spiessens-debois': spiessensDebois,
  'hierarchical-S': hierarchicalS,
  'hierarchical-F': hierarchicalF,
};

/** a one-marker design's intersection test of H_S and H_F; `hierarchical` reads its `order` of S and F */
export function twoHypothesisTest(design: { intersection: Intersection; order?: string[] }): IntersectionTest {
  if (design.intersection !== 'hierarchical') return intersectionTests[design.intersection];
  return design.order?.[0] === 'F' ? hierarchicalF : hierarchicalS;
}

export type { IntersectionRule, IntersectionTest, IntersectionThresholds } from './types.js';
