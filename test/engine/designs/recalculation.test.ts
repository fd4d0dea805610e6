// Sample-size recalculation against rpact's conditional-power rule (rpact-analytic.json,
// `recalculationStage2`): the conditional critical value to 1e-4 and the stage-2 size, which
// Stratum keeps in whole patients, equal to rpact's rounded.
import { describe, expect, it } from 'vitest';
import analytic from '../../fixtures/reference/rpact-analytic.json';
import { stage2Size } from '../../../src/engine/designs/recalculation.js';
import { layoutOf } from '../../../src/engine/population.js';
import type { AdaptiveEnrichmentDesign } from '../../../src/engine/scenario/types.js';
import { combinationTest } from '../../../src/engine/inference/combination/combination.js';
import { zOfP } from '../../../src/engine/math/normal.js';
import { continuousEndpoint, scenarioFrom } from '../../support/scenarios.js';

type Reference = {
  kind: string;
  stage1AdjustedP: number;
  criticalValueFinal: number;
  allocation: number;
  assumedEffect: number;
  sd: number;
  conditionalPower: number;
  conditionalCriticalValue: number;
  stage2Subjects: number;
};
const references = (analytic as Reference[]).filter((c) => c.kind === 'recalculationStage2');

const recalculation = (reference: Reference) => ({
  conditionalPower: reference.conditionalPower,
  minStage2: 1,
  maxStage2: 10_000,
  assumedEffect: reference.assumedEffect,
});
function setUp(reference: Reference, rule = recalculation(reference)) {
  const scenario = scenarioFrom({
    population: { prevalence: 0.4 },
    endpoint: continuousEndpoint(0.4, 0.4, reference.sd, reference.sd),
    analysis: { statistic: 'z', strata: 'fixed' },
    trial: { allocation: reference.allocation },
    designs: [
      { id: 'ae', type: 'adaptive-enrichment', n: [100, 200], efficacy: 'obrien-fleming', recalculation: rule },
    ],
  });
  const design = scenario.designs[0] as AdaptiveEnrichmentDesign;
  const test = combinationTest(design.n[0] / design.n[1], design, scenario.alpha);
  return { test, size: stage2Size(scenario, layoutOf(scenario.population), design.recalculation!, test) };
}

describe("sample-size recalculation follows rpact's rule", () => {
  it('has reference values', () => expect(references.length).toBeGreaterThanOrEqual(3));
  for (const reference of references) {
    it(`adjusted stage-1 p = ${reference.stage1AdjustedP}`, () => {
      const { test, size } = setUp(reference);
      const z1 = zOfP(reference.stage1AdjustedP);
      expect(Math.abs(test.conditionalCritical(z1) - reference.conditionalCriticalValue)).toBeLessThan(1e-4);
      expect(size(z1)).toBe(Math.round(reference.stage2Subjects));
    });
  }

  it('clamps to [minStage2, maxStage2] and takes the maximum when the critical value is out of reach', () => {
    const reference = references[0];
    const { size } = setUp(reference, { ...recalculation(reference), minStage2: 150, maxStage2: 200 });
    expect(size(zOfP(0.0001))).toBe(150);
    expect(size(zOfP(0.45))).toBe(200);
    expect(size(zOfP(1 - 1e-7))).toBe(200);
  });
});
