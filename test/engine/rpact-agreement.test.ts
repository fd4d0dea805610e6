// The one-stage rpact reference cases (strat-*, rates-strat-*): Stratum's rejection probabilities
// agree with rpact 3.3.4's within 4·√(mcse² + mcse_rpact²) (METHODS.md §6).
import { describe, expect, it } from 'vitest';
import cases from '../fixtures/reference/rpact-cases.json';
import { scenarioFrom } from '../support/scenarios.js';
import { simulate } from '../../src/engine/simulate.js';
import { agreementBound } from '../support/monte-carlo.js';

const REPLICATES = 100_000;
const oneStage = cases.filter((c) => /^(strat|rates-strat)-/.test(c.id));

describe('agreement with rpact, one-stage designs', () => {
  it('has the one-stage reference cases', () => {
    expect(oneStage.length).toBeGreaterThanOrEqual(4);
  });

  for (const reference of oneStage) {
    it(`${reference.id}: ${reference.source}`, () => {
      const scenario = scenarioFrom({ ...reference.scenario, simulation: { replicates: REPLICATES, seed: reference.id } });
      const [result] = simulate(scenario).filter((r) => r.id === reference.design);
      for (const hypothesis of ['any', 'S', 'F'] as const) {
        const ours = result.reject[hypothesis]!;
        const theirs = reference.expected[hypothesis];
        expect(Math.abs(ours - theirs), `${hypothesis}: ours ${ours}, rpact ${theirs}`).toBeLessThanOrEqual(
          agreementBound(ours, REPLICATES, theirs, reference.iterations),
        );
      }
      expect(result.expected.randomized).toBe(reference.expected.expectedN);
    });
  }
});
