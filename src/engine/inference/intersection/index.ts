import type { Intersection } from '../../scenario/types.js';
import { bonferroni } from './bonferroni.js';
import { hierarchicalF, hierarchicalS } from './hierarchical.js';
import { sidak } from './sidak.js';
import { simes } from './simes.js';
import { spiessensDebois } from './spiessens-debois.js';
import type { IntersectionTest } from './types.js';

export const intersectionTests: Record<Intersection, IntersectionTest> = {
  bonferroni,
  simes,
  sidak,
  'spiessens-debois': spiessensDebois,
  'hierarchical-S': hierarchicalS,
  'hierarchical-F': hierarchicalF,
};

export type { IntersectionRule, IntersectionTest, IntersectionThresholds } from './types.js';
