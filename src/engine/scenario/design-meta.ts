// Each design type's `meta`: what people call it, what it does, which fields it has with their
// defaults and allowed keywords, and the rules between them. The validator reads it; so do the
// app's design cards, the URL codec and the CLI, so adding a design type touches this one place
// (and the engine's designs/ folder).
import { child, oneOf, optional, own } from './checks.js';
import type { Context, Issues } from './checks.js';
import {
  ADAPTIVE_INTERSECTIONS,
  EFFICACY,
  INTERIMS,
  INTERSECTIONS,
  RECALCULATION,
  SELECTION,
  SEVERAL_ADAPTIVE_INTERSECTIONS,
  SEVERAL_INTERSECTIONS,
} from './design-fields.js';
import {
  checkEnrichedPopulation,
  checkOrder,
  ENRICHED_POPULATION,
  intersectionField,
  ORDER,
  STAGE1,
} from './design-populations.js';
import type { Fields } from './record.js';
import type { Design, DesignType } from './types.js';

/** Fields every design has, or whose rules depend on the endpoint (sizes.ts, timing.ts). */
export type CommonKey = 'id' | 'label' | 'type' | 'n' | 'events' | 'months' | 'eventsIn';

export type DesignOf<T extends DesignType> = Extract<Design, { type: T }>;

export type DesignMeta<T extends DesignType = DesignType> = {
  readonly type: T;
  /** for people, e.g. on a design card */
  readonly label: string;
  /** one line: what happens in the trial */
  readonly description: string;
  /** the hypotheses it can reject: H_S (assay-positive), H_F (everyone) */
  readonly hypotheses: readonly ('S' | 'F')[];
  /** 1: `n`/`events` are totals; 2: cumulative [stage 1, total] pairs */
  readonly stages: 1 | 2;
  readonly fields: Fields<Omit<DesignOf<T>, CommonKey>>;
  /**
   * rules between fields (and the scenario's populations), checked on whatever fields could be read;
   * `written` is the design as written, for a rule on whether a field was given at all
   */
  readonly refine?: (
    design: Partial<Omit<DesignOf<T>, CommonKey>>,
    path: string,
    issues: Issues,
    context: Context,
    written: Record<string, unknown>,
  ) => void;
};

export const DESIGN_META: { readonly [T in DesignType]: DesignMeta<T> } = {
  'all-comers': {
    type: 'all-comers',
    label: 'All-comers',
    description: 'Randomise every screened patient, whatever the assay says; test the full population (H_F).',
    hypotheses: ['F'],
    stages: 1,
    fields: { interims: optional(INTERIMS) },
  },
  enriched: {
    type: 'enriched',
    label: 'Enriched (marker-positive only)',
    description: 'Screen until n assay-positive patients are randomised; test the assay-positive population (H_S).',
    hypotheses: ['S'],
    stages: 1,
    fields: { population: ENRICHED_POPULATION, interims: optional(INTERIMS) },
    refine: checkEnrichedPopulation,
  },
  stratified: {
    type: 'stratified',
    label: 'Stratified (all-comers, S and F tested)',
    description: 'Randomise all comers; test H_S and H_F by closed testing with an intersection test.',
    hypotheses: ['S', 'F'],
    stages: 1,
    fields: { intersection: intersectionField(INTERSECTIONS, SEVERAL_INTERSECTIONS, 'simes'), order: ORDER },
    refine: checkOrder,
  },
  'adaptive-enrichment': {
    type: 'adaptive-enrichment',
    label: 'Adaptive enrichment',
    description:
      'Stage 1 randomises all comers; at the interim a selection rule keeps S, F or both for stage 2; ' +
      'closed combination test.',
    hypotheses: ['S', 'F'],
    stages: 2,
    fields: {
      intersection: intersectionField(ADAPTIVE_INTERSECTIONS, SEVERAL_ADAPTIVE_INTERSECTIONS, 'simes'),
      combination: oneOf(['inverse-normal', 'fisher'], 'inverse-normal'),
      selection: SELECTION,
      efficacy: oneOf(EFFICACY, 'none'),
      recalculation: optional(RECALCULATION),
      stage1: STAGE1,
    },
    refine(design, path, issues, _context, written) {
      // Fisher's product test has no α-spending form here (docs/methods.md)
      if (design.combination === 'fisher' && design.efficacy !== undefined && design.efficacy !== 'none') {
        issues.push(
          `${child(path, 'efficacy')}: the Fisher combination has no early efficacy stop here; ` +
            'use "none" or inverse-normal',
        );
      }
      // stage 1's share of the information at calendar months is planned on all comers' events
      if (design.stage1 !== undefined && design.stage1 !== 'F' && own(written, 'months') !== undefined)
        issues.push(`${child(path, 'stage1')}: not with months; give events`);
    },
  },
};

/** The design types, in the order people meet them (simplest first). */
export const DESIGN_TYPES = Object.keys(DESIGN_META) as DesignType[];

/** The design types that have `key` among their own fields. */
export function typesWithField(key: string): DesignType[] {
  return DESIGN_TYPES.filter((type) => Object.hasOwn(DESIGN_META[type].fields, key));
}
