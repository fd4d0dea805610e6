// Type I error of t statistics at small looks (10⁶ replicates): group-sequential looks compare each
// look's t statistic, its variance pooled within stages, on the p-value scale with nominal levels
// from the joint law of the t statistics; adaptive designs combine stage-wise t p-values, which are
// exact and independent. Before, group-sequential t looks used the z boundaries' nominal levels and
// a variance pooled over stages, and exceeded α (enriched, O'Brien–Fleming, 4 looks of 6: 0.0260).
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import { proportionSe } from '../support/monte-carlo.js';
import { continuousEndpoint, REALISTIC, scenarioFrom } from '../support/scenarios.js';

const ALPHA = 0.025;
const REPLICATES = 1_000_000;

const cases: [string, Record<string, unknown>, Record<string, unknown>?][] = [
  // stratified with random strata: exact while every stage's arm × stratum groups have patients (with
  // stages of 8, a few in S, the groups' sizes and so the degrees of freedom are random: 0.02533 at 4·10⁶)
  [
    'all-comers stratified, 2:1, Pocock, looks of 20, 40, 60 patients',
    { id: 'gs', type: 'all-comers', n: 60, interims: { informationRates: [1 / 3, 2 / 3, 1], efficacy: 'pocock' } },
  ],
  [
    "enriched, O'Brien–Fleming, looks of 6, 12, 18, 24",
    {
      id: 'gs',
      type: 'enriched',
      n: 24,
      interims: { informationRates: [0.25, 0.5, 0.75, 1], efficacy: 'obrien-fleming' },
    },
  ],
  [
    'all-comers unstratified, Pocock, looks of 10 and 20',
    { id: 'gs', type: 'all-comers', n: 20, interims: { informationRates: [0.5, 1], efficacy: 'pocock' } },
    { stratified: false },
  ],
  [
    'adaptive enrichment, inverse normal with Pocock, stages of 24 and 24',
    {
      id: 'ae',
      type: 'adaptive-enrichment',
      n: [24, 48],
      intersection: 'simes',
      efficacy: 'pocock',
      selection: { rule: 'epsilon', epsilon: 0.1 },
    },
  ],
];

describe('t statistics at small looks keep α', () => {
  it.each(cases)('%s', (_, design, analysis) => {
    const [result] = simulate(
      scenarioFrom({
        population: { prevalence: 0.4 },
        endpoint: continuousEndpoint(0, 0),
        analysis: { ...REALISTIC, ...analysis },
        trial: { allocation: 2 },
        designs: [design],
        simulation: { replicates: REPLICATES, seed: 't-looks' },
      }),
    );
    expect(result.reject.any).toBeLessThanOrEqual(ALPHA + 3 * proportionSe(ALPHA, REPLICATES));
  });
});
