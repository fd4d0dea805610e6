// Sample-size recalculation at the interim (rpact's conditional-power rule for enrichment
// designs): the stage-2 size that gives conditional power `conditionalPower` under the assumed
// standardised effect θ,
//   n₂ = max(0, c_cond + Φ⁻¹(CP))² / (c·θ²), c = r/(1 + r)²,  within [minStage2, maxStage2],
// where c_cond is the combination test's conditional critical value for the Bonferroni-adjusted
// stage-1 p-value min(G·min_k p_k, 1 − 10⁻⁷) over the G hypotheses. The assumed effect is standardised by the
// outcome's within-cell standard deviation in F (continuous) or by √(π̄(1 − π̄)) at the control
// rate in F plus half the effect (binary). Stage sizes are whole patients.
import { cellMoments } from '../endpoints/cell-moments.js';
import { CONTROL } from '../endpoints/stage.js';
import { mixtureMoments } from '../endpoints/cell-moments.js';
import { normalQuantile } from '../math/normal.js';
import type { Recalculation, Scenario } from '../scenario/types.js';
import type { CombinationTest } from '../inference/combination/combination.js';
import { allocationFactor } from '../population.js';
import type { CellLayout } from '../population-model.js';

/** above it the conditional critical value is out of reach and rpact takes the maximum */
export const HOPELESS = 8;

export type Stage2Size = (adjustedZ1: number) => number;

export function stage2Size(
  scenario: Scenario,
  layout: CellLayout,
  rule: Recalculation,
  test: CombinationTest,
): Stage2Size {
  const r = scenario.trial.allocation;
  const theta = standardisedEffect(scenario, layout, rule);
  const zPower = normalQuantile(rule.conditionalPower);
  return (adjustedZ1) => {
    const critical = test.conditionalCritical(adjustedZ1);
    if (critical > HOPELESS) return rule.maxStage2;
    const needed = Math.max(0, critical + zPower) ** 2 / (allocationFactor(r) * theta * theta);
    return Math.round(Math.min(rule.maxStage2, Math.max(rule.minStage2, needed)));
  };
}

/** θ, the assumed effect on the standardised scale the rule sizes stage 2 for */
export function standardisedEffect(scenario: Scenario, layout: CellLayout, rule: Recalculation): number {
  // survival: the assumed effect is a hazard ratio and stage 2 is counted in events
  if (scenario.endpoint.type === 'survival') return -Math.log(rule.assumedEffect);
  return rule.assumedEffect / outcomeScale(scenario, layout, rule.assumedEffect);
}

function outcomeScale(scenario: Scenario, layout: CellLayout, effect: number): number {
  const endpoint = scenario.endpoint;
  if (endpoint.type === 'survival') throw new Error('survival effects are hazard ratios, not standardised here');
  const moments = cellMoments(endpoint, layout);
  const cells = layout.cellProbability;
  if (endpoint.type === 'continuous') {
    let variance = 0;
    for (let cell = 0; cell < layout.cells; cell++) variance += cells[cell] * moments.variance[cell];
    return Math.sqrt(variance);
  }
  const rate = Math.min(0.999, Math.max(0.001, mixtureMoments(moments, CONTROL, cells).mean + effect / 2));
  return Math.sqrt(rate * (1 - rate));
}
