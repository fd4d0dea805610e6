// The survival tests of analysis.survivalTest in whole designs: each keeps α under the global null
// (hazard ratio 1) with stratification (a stratified closed test of H_S and H_F) and with selection
// (adaptive enrichment, whose stage-2 p-values are the increments of the weighted score processes,
// with early efficacy stopping), P(reject any) ≤ α + 3·√(α(1 − α)/R) at R = 10⁵; and under a
// delayed effect (hazard ratio 1 for 4 months, then 0.6) FH(0, 1), which weights late events, is
// more powerful than the log-rank by more than 4 combined standard errors. And any valid survival
// scenario runs with each test, its results finite.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nonFinitePaths } from '../../src/engine/finite.js';
import { parseScenario } from '../../src/engine/scenario/parse.js';
import type { SurvivalTest } from '../../src/engine/scenario/types.js';
import { simulate } from '../../src/engine/simulate.js';
import { agreementBound, proportionSe } from '../support/monte-carlo.js';
import { scenarioDocument } from '../support/scenario-arbitrary.js';
import { scenarioFrom } from '../support/scenarios.js';

const TESTS: [string, SurvivalTest][] = [
  ['logrank', 'logrank'],
  ['FH(0,1)', { fh: [0, 1] }],
  ['FH(1,0)', { fh: [1, 0] }],
  ['maxcombo', 'maxcombo'],
];
const ALPHA = 0.025;
const REPLICATES = 100_000;

describe('every survival test keeps α under the global null (10⁵ replicates)', () => {
  it.each(TESTS)(
    '%s: stratified closed test and adaptive enrichment with selection',
    (name, survivalTest) => {
      const results = simulate(
        scenarioFrom({
          // a prognostic marker, an imperfect assay and dropout: the strata differ under H0
          population: { prevalence: 0.4, sensitivity: 0.9, specificity: 0.85 },
          endpoint: {
            type: 'survival',
            controlMedian: { pos: 9, neg: 15 },
            hazardRatio: { pos: 1, neg: 1 },
            dropoutPerYear: 0.05,
          },
          analysis: { survivalTest },
          designs: [
            { id: 'stratified', type: 'stratified', n: 240, events: 160, intersection: 'simes' },
            {
              id: 'adaptive',
              type: 'adaptive-enrichment',
              n: [120, 240],
              events: [80, 160],
              intersection: 'simes',
              selection: { rule: 'epsilon', epsilon: 0.1 },
              efficacy: 'obrien-fleming',
            },
          ],
          simulation: { replicates: REPLICATES, seed: `weighted-null-${name}` },
        }),
      );
      for (const result of results) {
        expect(result.replicates).toBe(REPLICATES);
        expect(result.reject.any, `${name} ${result.id}`).toBeLessThanOrEqual(
          ALPHA + 3 * proportionSe(ALPHA, REPLICATES),
        );
      }
    },
    300_000,
  );
});

describe('a delayed effect', () => {
  it('FH(0,1) has more power than the log-rank', () => {
    const replicates = 20_000;
    const delayed = [
      { from: 0, value: 1 },
      { from: 4, value: 0.6 },
    ];
    const power = (survivalTest: SurvivalTest) =>
      simulate(
        scenarioFrom({
          population: { prevalence: 0.5 },
          endpoint: {
            type: 'survival',
            controlMedian: { pos: 12, neg: 12 },
            hazardRatio: { pos: delayed, neg: delayed },
          },
          analysis: { survivalTest },
          designs: [{ id: 'all-comers', type: 'all-comers', n: 300, events: 180 }],
          simulation: { replicates, seed: 'delayed-effect' },
        }),
      )[0].reject.F!;
    const logRank = power('logrank');
    const lateWeighted = power({ fh: [0, 1] });
    expect(lateWeighted - logRank).toBeGreaterThan(agreementBound(lateWeighted, replicates, logRank, replicates));
  }, 120_000);
});

describe('any valid survival scenario', () => {
  it('simulates with every test, every number finite', () => {
    const withTest = scenarioDocument
      .filter((document) => document.endpoint.type === 'survival')
      .chain((document) =>
        fc
          .constantFrom<SurvivalTest>('maxcombo', { fh: [0, 1] }, { fh: [1.5, 0.5] })
          .map((survivalTest) => ({ ...document, analysis: { ...document.analysis, survivalTest } })),
      );
    let simulated = 0;
    fc.assert(
      fc.property(withTest, (document) => {
        const parsed = parseScenario({ ...document, simulation: { replicates: 40, seed: 'any', method: 'patient' } });
        if (!parsed.ok) return;
        simulated++;
        for (const result of simulate(parsed.scenario)) {
          for (const p of Object.values(result.reject))
            expect(p !== undefined && p >= 0 && p <= 1, `${result.id} reject ${p}`).toBe(true);
          expect(nonFinitePaths(result), `${result.id}: ${JSON.stringify(result)}`).toEqual([]);
        }
      }),
      { numRuns: 400, seed: 20261202 },
    );
    expect(simulated).toBeGreaterThan(50);
  }, 300_000);
});
