// A small scenario for the report's tests: one design of each kind that the report words
// differently (enriched, stratified Spiessens–Debois, adaptive with early efficacy, group-sequential
// all-comers), known variances and fixed strata so that one-analysis sizes come from closed forms,
// and text fields holding markup that must come out as text.
import { scenarioFrom } from './scenarios.js';

export const HOSTILE_TITLE = '<script>window.__pwned = 1</script> & <img src=x onerror="window.__pwned = 2">';

export const REPORT_DOCUMENT = {
  title: HOSTILE_TITLE,
  population: { prevalence: 0.35, sensitivity: 0.95, specificity: 0.9 },
  endpoint: { type: 'continuous', sd: { pos: 1, neg: 1.2 }, effect: { pos: 0.5, neg: 0.1 } },
  trial: { screeningRate: 25, costs: { perScreened: 400, perRandomized: 15000, perMonth: 60000, fixed: 500000 } },
  analysis: { statistic: 'z', strata: 'fixed' },
  designs: [
    { id: 'enriched', label: 'Enriched <b>bold</b>', type: 'enriched', n: 160 },
    { id: 'sd', label: 'Stratified | S-D', type: 'stratified', n: 320, intersection: 'spiessens-debois' },
    {
      id: 'adaptive',
      label: 'Adaptive *star*',
      type: 'adaptive-enrichment',
      n: [160, 320],
      selection: { rule: 'epsilon', measure: 'effect', epsilon: 0.1, threshold: 0 },
      efficacy: 'obrien-fleming',
    },
    { id: 'gs', type: 'all-comers', n: 400, interims: { informationRates: [0.5, 1], efficacy: 'pocock' } },
  ],
  simulation: { replicates: 2000, seed: 'report-42' },
};

export const reportScenario = () => scenarioFrom(REPORT_DOCUMENT);

/** the sections a report must have, in order (issue: assumptions, designs, operating characteristics, …) */
export const REPORT_SECTIONS = [
  'assumptions',
  'designs',
  'operating-characteristics',
  'sample-size',
  'charts',
  'references',
  'appendix',
];
