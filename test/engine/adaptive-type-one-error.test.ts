// Under the global null the adaptive-enrichment design's P(reject any) ≤ α + 3·MCSE with 10⁵
// replicates for every combination test × intersection test × selection rule × efficacy option
// (docs/methods.md), in rpact's analysis and in the realistic one; and group-sequential designs
// spend exactly their α.
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import { spentAlpha } from '../../src/engine/inference/sequential/spending.js';
import { proportionSe } from '../support/monte-carlo.js';
import { binaryEndpoint, continuousEndpoint, REALISTIC, RPACT_LIKE, scenarioFrom } from '../support/scenarios.js';

const REPLICATES = 100_000;
const ALPHA = 0.025;
const bound = ALPHA + 3 * proportionSe(ALPHA, REPLICATES);

const intersections = ['bonferroni', 'simes', 'sidak', 'spiessens-debois'];
const selections = [
  { rule: 'best', measure: 'effect' },
  { rule: 'epsilon', measure: 'z', epsilon: 0.5 },
  { rule: 'all', measure: 'effect' },
];
const options = [
  ...['none', 'obrien-fleming', 'pocock'].map((efficacy) => ({ combination: 'inverse-normal', efficacy })),
  { combination: 'fisher', efficacy: 'none' },
];

const grid = options.flatMap((option) => intersections.map((intersection) => ({ ...option, intersection })));

function expectAlphaKept(document: Record<string, unknown>) {
  for (const result of simulate(scenarioFrom(document))) {
    expect(result.reject.any, `${result.id}: P(reject any) = ${result.reject.any}`).toBeLessThanOrEqual(bound);
  }
}

describe('adaptive enrichment keeps α under the global null', () => {
  it.each(grid)(
    'rpact-like analysis, $combination, efficacy $efficacy, $intersection, every selection rule',
    ({ combination, efficacy, intersection }) => {
      expectAlphaKept({
        alpha: ALPHA,
        population: { prevalence: 0.35 },
        endpoint: continuousEndpoint(0, 0),
        analysis: RPACT_LIKE,
        designs: selections.map((selection) => ({
          id: selection.rule,
          type: 'adaptive-enrichment',
          n: [150, 300],
          intersection,
          selection,
          combination,
          efficacy,
        })),
        simulation: { replicates: REPLICATES, seed: `null-${combination}-${efficacy}-${intersection}` },
      });
    },
  );

  it('realistic analysis (t, random strata, 2:1, imperfect assay), with recalculation', () => {
    expectAlphaKept({
      alpha: ALPHA,
      population: { prevalence: 0.3, sensitivity: 0.85, specificity: 0.9 },
      endpoint: continuousEndpoint(0, 0, 1, 1.5),
      analysis: REALISTIC,
      trial: { allocation: 2 },
      designs: intersections.map((intersection) => ({
        id: intersection,
        type: 'adaptive-enrichment',
        n: [90, 180],
        intersection,
        efficacy: 'obrien-fleming',
        selection: { rule: 'epsilon', measure: 'effect', epsilon: 0.2 },
        recalculation: { conditionalPower: 0.8, minStage2: 60, maxStage2: 240, assumedEffect: 0.5 },
      })),
      simulation: { replicates: REPLICATES, seed: 'null-realistic' },
    });
  });

  it('binary endpoint, random strata, different rates per status', () => {
    expectAlphaKept({
      alpha: ALPHA,
      population: { prevalence: 0.4 },
      endpoint: binaryEndpoint([0.35, 0.2], [0.35, 0.2]),
      analysis: { statistic: 'z', strata: 'random' },
      designs: intersections.map((intersection) => ({
        id: intersection,
        type: 'adaptive-enrichment',
        n: [400, 800],
        intersection,
        efficacy: 'pocock',
        selection: { rule: 'best', measure: 'z' },
      })),
      simulation: { replicates: REPLICATES, seed: 'null-binary' },
    });
  });
});

describe('group-sequential designs spend their α', () => {
  it('all-comers and enriched: early and overall rejections under the null within 4 MCSE of α spent', () => {
    const rates = [0.3, 0.6, 1];
    const scenario = scenarioFrom({
      alpha: ALPHA,
      population: { prevalence: 0.4 },
      endpoint: continuousEndpoint(0, 0),
      analysis: RPACT_LIKE,
      designs: [
        { id: 'of', type: 'all-comers', n: 400, interims: { informationRates: rates, efficacy: 'obrien-fleming' } },
        { id: 'pocock', type: 'enriched', n: 200, interims: { informationRates: rates, efficacy: 'pocock' } },
      ],
      simulation: { replicates: 400_000, seed: 'gs-null' },
    });
    for (const result of simulate(scenario)) {
      const spending = result.id === 'of' ? 'obrien-fleming' : 'pocock';
      const early = spentAlpha(spending, ALPHA, rates[1]);
      expect(Math.abs(result.earlyStop!.efficacy - early)).toBeLessThanOrEqual(4 * proportionSe(early, 400_000));
      expect(Math.abs(result.reject.any - ALPHA)).toBeLessThanOrEqual(4 * proportionSe(ALPHA, 400_000));
      expect(result.earlyStop!.futility).toBe(0);
    }
  });
});
