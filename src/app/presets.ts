// Scenarios to start from: the default four-design comparison, classic teaching cases, and two with
// several populations (a marker at two cutoffs, two markers).
import type { Draft } from './draft.js';

const FOUR_DESIGNS = [
  { id: 'all-comers', label: 'All-comers', type: 'all-comers', n: 360 },
  { id: 'enriched', label: 'Enriched', type: 'enriched', n: 180 },
  { id: 'stratified', label: 'Stratified (Simes)', type: 'stratified', n: 360, intersection: 'simes' },
  {
    id: 'adaptive',
    label: 'Adaptive enrichment',
    type: 'adaptive-enrichment',
    n: [180, 360],
    intersection: 'simes',
    selection: { rule: 'epsilon', measure: 'effect', epsilon: 0.1 },
  },
];

const COSTS = { perScreened: 500, perRandomized: 20000, perMonth: 50000, fixed: 1000000 };

/** one marker read at two cutoffs: high inside high + low, nested populations; the page's several-populations start */
export const SEVERAL_POPULATIONS_START: Draft = {
  subgroups: [
    { id: 'high', share: 0.25 },
    { id: 'low', share: 0.35 },
    { id: 'neg', share: 0.4 },
  ],
  populations: [
    { id: 'S1', subgroups: ['high'] },
    { id: 'S2', subgroups: ['high', 'low'] },
  ],
};

export type Preset = { name: string; description: string; scenario: Draft };

export const PRESETS: Preset[] = [
  {
    name: 'Default comparison',
    description: 'A marker with a larger benefit in marker-positive patients; four designs side by side.',
    scenario: {
      title: 'Four designs, benefit mostly in marker+',
      population: { prevalence: 0.3 },
      endpoint: { type: 'continuous', sd: { pos: 1, neg: 1 }, effect: { pos: 0.5, neg: 0.1 } },
      trial: { screeningRate: 20, costs: COSTS },
      designs: FOUR_DESIGNS,
    },
  },
  {
    name: 'HER2-like: benefit only in marker+',
    description: 'Trastuzumab-like: a quarter of patients are marker-positive and only they benefit. Enrichment wins.',
    scenario: {
      title: 'HER2-like marker, benefit only in marker+',
      population: { prevalence: 0.25 },
      endpoint: { type: 'binary', control: { pos: 0.3, neg: 0.3 }, treatment: { pos: 0.5, neg: 0.3 } },
      trial: { screeningRate: 30, costs: COSTS },
      designs: [
        { id: 'all-comers', label: 'All-comers', type: 'all-comers', n: 400 },
        { id: 'enriched', label: 'Enriched', type: 'enriched', n: 200 },
        { id: 'stratified', label: 'Stratified (Simes)', type: 'stratified', n: 400, intersection: 'simes' },
      ],
    },
  },
  {
    name: 'Equal benefit in all',
    description: 'The marker does not predict benefit: an all-comers trial reaches everyone who benefits.',
    scenario: {
      title: 'Marker without predictive value',
      population: { prevalence: 0.3 },
      endpoint: { type: 'continuous', sd: { pos: 1, neg: 1 }, effect: { pos: 0.3, neg: 0.3 } },
      trial: { costs: COSTS },
      designs: FOUR_DESIGNS,
    },
  },
  {
    name: 'Imperfect assay',
    description:
      'Sensitivity 0.8 and specificity 0.85: the enriched trial admits false positives and dilutes its effect.',
    scenario: {
      title: 'Imperfect assay',
      population: { prevalence: 0.3, sensitivity: 0.8, specificity: 0.85 },
      endpoint: { type: 'continuous', sd: { pos: 1, neg: 1 }, effect: { pos: 0.5, neg: 0 } },
      trial: { costs: COSTS },
      designs: FOUR_DESIGNS,
    },
  },
  {
    name: 'Survival: HR 0.6 in marker+',
    description: 'Time to event; hazard ratio 0.6 in marker-positive and 0.9 in marker-negative patients.',
    scenario: {
      title: 'Survival, benefit mostly in marker+',
      population: { prevalence: 0.4 },
      endpoint: {
        type: 'survival',
        controlMedian: { pos: 12, neg: 12 },
        hazardRatio: { pos: 0.6, neg: 0.9 },
        dropoutPerYear: 0.05,
      },
      trial: { screeningRate: 25, costs: COSTS },
      designs: [
        { id: 'all-comers', label: 'All-comers', type: 'all-comers', n: 500, events: 350 },
        { id: 'enriched', label: 'Enriched', type: 'enriched', n: 220, events: 150 },
        {
          id: 'stratified',
          label: 'Stratified (Simes)',
          type: 'stratified',
          n: 500,
          events: 350,
          intersection: 'simes',
        },
      ],
      simulation: { method: 'asymptotic' },
    },
  },
  {
    name: 'Immunotherapy: effect after 4 months',
    description:
      'A delayed effect: the curves overlap for 4 months, then separate (hazard ratio 0.6 in marker+, 0.85 in ' +
      'marker−). Planning on one hazard ratio would overstate power; every patient is simulated.',
    scenario: {
      title: 'Immunotherapy, effect after 4 months',
      population: { prevalence: 0.4 },
      endpoint: {
        type: 'survival',
        controlMedian: { pos: 12, neg: 12 },
        hazardRatio: {
          pos: [
            { from: 0, value: 1 },
            { from: 4, value: 0.6 },
          ],
          neg: [
            { from: 0, value: 1 },
            { from: 4, value: 0.85 },
          ],
        },
        dropoutPerYear: 0.05,
      },
      trial: { screeningRate: 25, costs: COSTS },
      designs: [
        { id: 'all-comers', label: 'All-comers', type: 'all-comers', n: 500, events: 350 },
        { id: 'enriched', label: 'Enriched', type: 'enriched', n: 260, events: 180 },
      ],
      simulation: { method: 'patient', replicates: 2000 },
    },
  },
  {
    name: 'PD-L1-like: two cutoffs',
    description:
      'One marker read at two cutoffs: high (≥ 50 %) inside high + low (≥ 1 %), nested populations ' +
      'S1 ⊂ S2; the benefit falls with the expression.',
    scenario: {
      title: 'PD-L1-like marker, two cutoffs',
      population: SEVERAL_POPULATIONS_START,
      endpoint: {
        type: 'continuous',
        effect: { high: 0.6, low: 0.3, neg: 0.05 },
        sd: { high: 1, low: 1, neg: 1 },
      },
      trial: { screeningRate: 20, costs: COSTS },
      designs: [
        { id: 'all-comers', label: 'All-comers', type: 'all-comers', n: 400 },
        { id: 'enriched', label: 'Enriched (S2)', type: 'enriched', n: 250, population: 'S2' },
        { id: 'stratified', label: 'Stratified (Dunnett)', type: 'stratified', n: 400, intersection: 'dunnett' },
        {
          id: 'adaptive',
          label: 'Adaptive enrichment',
          type: 'adaptive-enrichment',
          n: [200, 400],
          intersection: 'simes',
          selection: { rule: 'epsilon', measure: 'effect', epsilon: 0.1 },
        },
      ],
    },
  },
  {
    name: 'Two markers',
    description:
      'Two markers A and B, four subgroups; SA (A+) and SB (B+) overlap in A+B+, where the benefit is largest.',
    scenario: {
      title: 'Two markers, overlapping populations',
      population: {
        subgroups: [
          { id: 'A+B+', share: 0.15 },
          { id: 'A+B-', share: 0.2 },
          { id: 'A-B+', share: 0.2 },
          { id: 'A-B-', share: 0.45 },
        ],
        populations: [
          { id: 'SA', subgroups: ['A+B+', 'A+B-'] },
          { id: 'SB', subgroups: ['A+B+', 'A-B+'] },
        ],
      },
      endpoint: {
        type: 'binary',
        control: { 'A+B+': 0.2, 'A+B-': 0.2, 'A-B+': 0.2, 'A-B-': 0.2 },
        treatment: { 'A+B+': 0.5, 'A+B-': 0.4, 'A-B+': 0.3, 'A-B-': 0.22 },
      },
      trial: { screeningRate: 30, costs: COSTS },
      designs: [
        { id: 'enriched', label: 'Enriched (SA)', type: 'enriched', n: 200, population: 'SA' },
        {
          id: 'hierarchical',
          label: 'Stratified (SA, SB, F)',
          type: 'stratified',
          n: 500,
          intersection: 'hierarchical',
          order: ['SA', 'SB', 'F'],
        },
        {
          id: 'adaptive',
          label: 'Adaptive enrichment',
          type: 'adaptive-enrichment',
          n: [250, 500],
          intersection: 'simes',
          selection: { rule: 'best', measure: 'z' },
        },
      ],
    },
  },
];

export const DEFAULT_SCENARIO = PRESETS[0].scenario;

/** the endpoint fields a newly chosen endpoint type starts with */
export const ENDPOINT_DEFAULTS: Record<string, Draft> = {
  continuous: { type: 'continuous', sd: { pos: 1, neg: 1 }, effect: { pos: 0.5, neg: 0.1 } },
  binary: { type: 'binary', control: { pos: 0.2, neg: 0.2 }, treatment: { pos: 0.45, neg: 0.25 } },
  survival: {
    type: 'survival',
    controlMedian: { pos: 12, neg: 12 },
    hazardRatio: { pos: 0.6, neg: 0.9 },
    dropoutPerYear: 0,
  },
};
