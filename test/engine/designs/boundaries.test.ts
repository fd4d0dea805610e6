// The boundaries a result carries (designs/boundaries.ts) against rpact (rpact-analytic.json): the
// looks of group-sequential designs (getDesignGroupSequential's critical values to 1e-4, nominal
// levels and α spent by their definitions), the adaptive design's interim and final critical values,
// and its stage-2 rule, from which alone rpact's conditional critical values and re-sized stage 2 are
// computed again; Fisher's critical product solves c·(1 − ln c) = α. The results carry these, and say
// why a look that cannot stop has no critical value.
import { describe, expect, it } from 'vitest';
import analytic from '../../fixtures/reference/rpact-analytic.json';
import { designBoundaries } from '../../../src/engine/designs/boundaries.js';
import { spentAlpha, type Spending } from '../../../src/engine/inference/sequential/spending.js';
import { normalQuantile, normalUpper } from '../../../src/engine/math/normal.js';
import { lookSizes } from '../../../src/engine/scenario/looks.js';
import { simulate } from '../../../src/engine/simulate.js';
import { continuousEndpoint, RPACT_LIKE, scenarioFrom } from '../../support/scenarios.js';

type BoundaryCase = {
  kind: string;
  spending: Spending;
  informationRates: number[];
  alpha: number;
  criticalValues: number[];
};
type RecalculationCase = {
  kind: string;
  stage1AdjustedP: number;
  criticalValueFinal: number;
  weights: number[];
  allocation: number;
  assumedEffect: number;
  sd: number;
  conditionalPower: number;
  conditionalCriticalValue: number;
  stage2Subjects: number;
};
const boundaryCases = (analytic as BoundaryCase[]).filter((c) => c.kind === 'boundaries');
const recalculationCases = (analytic as RecalculationCase[]).filter((c) => c.kind === 'recalculationStage2');

const scenarioWith = (designs: unknown[], extra: Record<string, unknown> = {}) =>
  scenarioFrom({
    population: { prevalence: 0.4 },
    endpoint: continuousEndpoint(0.4, 0.4),
    analysis: RPACT_LIKE,
    designs,
    simulation: { replicates: 1000, seed: 'boundaries' },
    ...extra,
  });

describe('group-sequential looks equal rpact', () => {
  it('has reference cases', () => expect(boundaryCases.length).toBeGreaterThanOrEqual(3));
  it.each(boundaryCases)('$spending at $informationRates', (reference) => {
    const interims = { informationRates: reference.informationRates, efficacy: reference.spending };
    const scenario = scenarioWith([{ id: 'gs', type: 'all-comers', n: 300, interims }], { alpha: reference.alpha });
    const boundaries = designBoundaries(scenario, scenario.designs[0])!;
    expect(boundaries.unit).toBe('patients');
    expect(boundaries.looks.map((look) => look.size)).toEqual(lookSizes(300, reference.informationRates));
    boundaries.looks.forEach((look, k) => {
      expect(Math.abs(look.critical! - reference.criticalValues[k])).toBeLessThan(1e-4);
      expect(look.nominal).toBe(normalUpper(look.critical!));
      expect(look.spent).toBe(spentAlpha(reference.spending, reference.alpha, reference.informationRates[k]));
      expect(look.informationRate).toBe(reference.informationRates[k]);
    });
  });
});

describe('the adaptive design: looks and the stage-2 rule', () => {
  const obrienFleming = boundaryCases.find(
    (c) => c.spending === 'obrien-fleming' && c.informationRates.join() === '0.5,1',
  )!;

  it.each(recalculationCases)('rpact at adjusted stage-1 p = $stage1AdjustedP, from the rule alone', (reference) => {
    const recalculation = {
      conditionalPower: reference.conditionalPower,
      minStage2: 1,
      maxStage2: 10_000,
      assumedEffect: reference.assumedEffect,
    };
    const design = { id: 'ae', type: 'adaptive-enrichment', n: [100, 200], efficacy: 'obrien-fleming', recalculation };
    const scenario = scenarioWith([design], { trial: { allocation: reference.allocation } });
    const boundaries = designBoundaries(scenario, scenario.designs[0])!;
    const [interim, final] = boundaries.looks;
    expect(Math.abs(interim.critical! - obrienFleming.criticalValues[0])).toBeLessThan(1e-4);
    expect(Math.abs(final.critical! - reference.criticalValueFinal)).toBeLessThan(1e-4);
    expect([interim.size, final.size]).toEqual([100, 200]);
    const rule = boundaries.stage2!;
    expect(rule.plannedSize).toBe(100);
    if (rule.combination.test !== 'inverse-normal') throw new Error('an inverse normal design');
    expect(rule.combination.interimCritical).toBe(interim.critical);
    expect(rule.combination.finalCritical).toBe(final.critical);
    for (const [k, w] of rule.combination.weights.entries())
      expect(Math.abs(w - reference.weights[k])).toBeLessThan(1e-9);
    // a protocol's stage-2 sizing from the rule's numbers: c_cond = (c₂ − w₁·z₁)/w₂, then
    // n₂ = (1 + r)²/r · (c_cond + Φ⁻¹(CP))² / θ²
    const [w1, w2] = rule.combination.weights;
    const conditional = (rule.combination.finalCritical - w1 * normalQuantile(1 - reference.stage1AdjustedP)) / w2;
    expect(Math.abs(conditional - reference.conditionalCriticalValue)).toBeLessThan(1e-4);
    const r = reference.allocation;
    const { conditionalPower, standardisedEffect } = rule.recalculation!;
    expect(standardisedEffect).toBeCloseTo(reference.assumedEffect / reference.sd, 12);
    const n2 = (((1 + r) ** 2 / r) * (conditional + normalQuantile(conditionalPower)) ** 2) / standardisedEffect ** 2;
    expect(Math.abs(n2 - reference.stage2Subjects)).toBeLessThan(0.01);
  });

  it('gives the selection, intersection, efficacy and futility as the scenario has them', () => {
    const scenario = scenarioWith([
      {
        id: 'threshold',
        type: 'adaptive-enrichment',
        n: [120, 300],
        intersection: 'sidak',
        selection: { rule: 'epsilon', measure: 'z', epsilon: 0.3, threshold: 0.5 },
      },
      { id: 'fisher', type: 'adaptive-enrichment', n: [150, 300], combination: 'fisher' },
    ]);
    const threshold = designBoundaries(scenario, scenario.designs[0])!;
    expect(threshold.stage2).toEqual({
      firstShare: 0.4,
      plannedSize: 180,
      selection: { rule: 'epsilon', measure: 'z', epsilon: 0.3, threshold: 0.5, tie: 'random' },
      intersection: 'sidak',
      combination: {
        test: 'inverse-normal',
        weights: [Math.sqrt(0.4), Math.sqrt(0.6)],
        finalCritical: normalQuantile(1 - 0.025),
      },
      efficacy: 'none',
      futility: { scale: 'z', bound: -6, whenNothingKept: true },
    });
    expect(threshold.looks[0].critical).toBeNull();
    const fisher = designBoundaries(scenario, scenario.designs[1])!;
    const c = fisher.fisherProduct!;
    expect(Math.abs(c * (1 - Math.log(c)) - 0.025)).toBeLessThan(1e-15);
    expect(fisher.looks).toEqual([]);
    expect(fisher.stage2!.combination).toEqual({ test: 'fisher', criticalProduct: c });
    expect(fisher.stage2!.selection).toEqual({ rule: 'best', measure: 'effect', epsilon: 0.1, tie: 'random' });
    expect(fisher.stage2!.futility).toEqual({ scale: 'p', bound: 1, whenNothingKept: false });
    expect(fisher.stage2!.recalculation).toBeUndefined();
  });

  it('survival designs count events', () => {
    const scenario = scenarioFrom({
      population: { prevalence: 0.4 },
      endpoint: { type: 'survival', controlMedian: { pos: 12, neg: 12 }, hazardRatio: { pos: 0.6, neg: 0.9 } },
      designs: [{ id: 'ae', type: 'adaptive-enrichment', n: [300, 600], events: [90, 240], efficacy: 'pocock' }],
      simulation: { method: 'asymptotic' },
    });
    const boundaries = designBoundaries(scenario, scenario.designs[0])!;
    expect(boundaries.unit).toBe('events');
    expect(boundaries.looks.map((look) => look.size)).toEqual([90, 240]);
    expect(boundaries.stage2!.firstShare).toBe(90 / 240);
    expect(boundaries.stage2!.plannedSize).toBe(150);
  });
});

describe('results carry the boundaries', () => {
  it('for the designs that can stop early, with the reason where a look cannot', () => {
    const scenario = scenarioWith([
      { id: 'one', type: 'stratified', n: 200 },
      { id: 'gs', type: 'enriched', n: 120, interims: { informationRates: [0.5, 1], efficacy: 'pocock' } },
      { id: 'ae', type: 'adaptive-enrichment', n: [100, 200] },
    ]);
    const [one, gs, ae] = simulate(scenario);
    expect(one.boundaries).toBeUndefined();
    expect(gs.boundaries).toEqual(designBoundaries(scenario, scenario.designs[1]));
    expect(gs.nulls).toBeUndefined();
    expect(ae.boundaries).toEqual(designBoundaries(scenario, scenario.designs[2]));
    expect(ae.boundaries!.looks[0].critical).toBeNull();
    expect(Object.keys(ae.nulls!)).toEqual(['boundaries.looks.0.critical', 'boundaries.looks.0.nominal']);
    expect(ae.nulls!['boundaries.looks.0.critical']).toMatch(/cannot reject/);
  });
});
