// An adaptive design whose stage 1 randomises one population (`stage1`) tests that population and the
// ones inside it. With nested populations and a perfect assay, stage 1 in S2 = [high, low] is the same
// trial as all comers of a scenario that has only those two subgroups (S2 then being its F): every
// probability agrees within 4 combined standard errors, and the patients it screens are those over
// S2's share. Under the global null it keeps the family-wise error, with an imperfect assay too; and
// the contract names its mistakes.
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/engine/scenario/parse.js';
import { simulate } from '../../../src/engine/simulate.js';
import { agreementBound, proportionSe } from '../../support/monte-carlo.js';
import { errorsOf } from '../scenario/documents.js';
import { misread, NESTED } from '../../support/population-scenarios.js';

const REPLICATES = 100_000;
const design = {
  id: 'd',
  type: 'adaptive-enrichment',
  n: [150, 300],
  intersection: 'simes',
  selection: { rule: 'epsilon', epsilon: 0.1 },
  efficacy: 'obrien-fleming',
};
const effect = { high: 0.45, low: 0.25, neg: 0 };

function run(document: Record<string, unknown>, seed: string) {
  const parsed = parseScenario({
    endpoint: { type: 'continuous', effect, sd: { high: 1, low: 1.2, neg: 1 } },
    analysis: { statistic: 'z', strata: 'fixed', stratified: true },
    simulation: { replicates: REPLICATES, seed },
    ...document,
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return simulate(parsed.scenario)[0];
}

describe('stage 1 in one population', () => {
  it('is the all-comers trial of a scenario made of that population', () => {
    const inS2 = run({ population: NESTED, designs: [{ ...design, stage1: 'S2' }] }, 'stage 1 in S2');
    const share = 0.25 + 0.35;
    const alone = run(
      {
        population: {
          subgroups: [
            { id: 'high', share: 0.25 / share },
            { id: 'low', share: 0.35 / share },
          ],
          populations: [{ id: 'S1', subgroups: ['high'] }],
        },
        endpoint: { type: 'continuous', effect: { high: 0.45, low: 0.25 }, sd: { high: 1, low: 1.2 } },
        designs: [design],
      },
      'S2 alone',
    );
    expect(Object.keys(inS2.reject)).toEqual(['any', 'S1', 'S2', 'both']);
    const agree = (what: string, p: number | undefined, q: number | undefined) =>
      expect(Math.abs(p! - q!), `${what}: ${p} vs ${q}`).toBeLessThanOrEqual(
        agreementBound(p!, REPLICATES, q!, REPLICATES),
      );
    for (const [ours, theirs] of [
      ['any', 'any'],
      ['S1', 'S1'],
      ['S2', 'F'],
      ['both', 'both'],
    ])
      agree(`reject ${ours}`, inS2.reject[ours], alone.reject[theirs]);
    agree('continue S1', inS2.continue?.S1, alone.continue?.S1);
    agree('continue S2', inS2.continue?.S2, alone.continue?.F);
    agree('early efficacy', inS2.earlyStop?.efficacy, alone.earlyStop?.efficacy);
    for (const result of [inS2, alone]) {
      const stop = result.earlyStop!.efficacy + result.earlyStop!.futility;
      expect(result.expected.randomized).toBeCloseTo(150 + (1 - stop) * 150, 9);
    }
    // with fixed strata, S2's patients are screened among 1/share as many (per patient randomised, within 1 %)
    const perPatient = (result: typeof inS2) => result.expected.screened / result.expected.randomized;
    expect(Math.abs((perPatient(inS2) * share) / perPatient(alone) - 1)).toBeLessThan(0.01);
  });

  it('keeps the family-wise error under the global null (imperfect assay, random strata, t)', () => {
    const bound = 0.025 + 3 * proportionSe(0.025, REPLICATES);
    for (const intersection of ['simes', 'dunnett']) {
      const result = run(
        {
          population: misread(NESTED, 0.85),
          endpoint: { type: 'continuous', effect: { high: 0, low: 0, neg: 0 }, sd: { high: 1, low: 2, neg: 1 } },
          analysis: { statistic: 't', strata: 'random', stratified: true },
          designs: [{ ...design, intersection, stage1: 'S2' }],
        },
        `stage 1 null ${intersection}`,
      );
      expect(result.reject.any, intersection).toBeLessThanOrEqual(bound);
    }
  });

  it('names its mistakes', () => {
    const document = (fields: Record<string, unknown>, population: object = NESTED) => ({
      population,
      endpoint: { type: 'continuous', effect, sd: { high: 1, low: 1, neg: 1 } },
      designs: [{ ...design, ...fields }],
    });
    expect(errorsOf(document({ stage1: 'S9' }))).toEqual([
      'designs[0].stage1: no population "S9" (the populations are S1, S2, and F)',
    ]);
    expect(errorsOf(document({ stage1: 3 }))[0]).toMatch(/^designs\[0\]\.stage1: must be a population id or "F"/);
    const oneMarker = {
      population: { prevalence: 0.3 },
      endpoint: { type: 'continuous', effect: { pos: 0.4, neg: 0 } },
      designs: [{ ...design, stage1: 'S' }],
    };
    expect(errorsOf(oneMarker)[0]).toMatch(/^designs\[0\]\.stage1: /);
  });
});
