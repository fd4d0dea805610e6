// The looks of a design that can stop early (group-sequential, or adaptive with early efficacy),
// as the engine computes them: each look's information rate and size, its critical value on the z
// scale, the nominal one-sided p-value it stands for, and the α spent by then (Lan–DeMets).
import { combinationTest } from '../engine/inference/combination/combination.js';
import { lookCriticalValues } from '../engine/designs/group-sequential.js';
import { spentAlpha } from '../engine/inference/sequential/spending.js';
import { normalUpper } from '../engine/math/normal.js';
import { lookSizes } from '../engine/scenario/looks.js';
import type { Design, Efficacy, Scenario } from '../engine/scenario/types.js';
import { firstShare } from './r/design-object.js';

export type Look = {
  informationRate: number;
  /** patients, or events for event-driven survival designs, at the look */
  size: number;
  /** null: the look cannot stop (nothing to spend) */
  critical: number | null;
  nominal: number | null;
  /** cumulative α spent by the look */
  spent: number;
};

export type Boundaries = { unit: 'patients' | 'events'; looks: Look[]; fisherProduct?: number };

/** the design's looks, or undefined for a design with one analysis and no early stop */
export function designBoundaries(scenario: Scenario, design: Design): Boundaries | undefined {
  const eventDriven = scenario.endpoint.type === 'survival' && design.events !== undefined;
  const unit = eventDriven ? 'events' : 'patients';
  const alpha = scenario.alpha;
  if (design.type === 'all-comers' || design.type === 'enriched') {
    if (!design.interims) return undefined;
    const rates = design.interims.informationRates;
    const total = eventDriven ? (design.events as number) : design.n;
    const critical = lookCriticalValues(scenario, design.type === 'enriched' ? 'S' : 'F', design.interims, total);
    return { unit, looks: looks(rates, lookSizes(total, rates), critical, design.interims.efficacy, alpha) };
  }
  if (design.type !== 'adaptive-enrichment') return undefined;
  const sizes = eventDriven && design.events ? design.events : design.n;
  const t1 = firstShare(scenario, design);
  // the engine's own combination test: its interim value, and the final one from its conditional
  // critical value at z₁ = 0, c₂ = w₂·c_cond(0) (inverse normal), or c from Φ⁻¹(1 − 2c)
  // (Fisher, p₁ = ½)
  const test = combinationTest(t1, design, alpha);
  if (design.combination === 'fisher')
    return { unit, looks: [], fisherProduct: normalUpper(test.conditionalCritical(0)) / 2 };
  const critical = Float64Array.of(test.interimCritical, Math.sqrt(1 - t1) * test.conditionalCritical(0));
  return { unit, looks: looks([t1, 1], sizes, critical, design.efficacy, alpha) };
}

function looks(
  rates: readonly number[],
  sizes: readonly number[],
  critical: Float64Array,
  efficacy: Efficacy,
  alpha: number,
): Look[] {
  return rates.map((rate, k) => {
    const finite = Number.isFinite(critical[k]);
    const last = k === rates.length - 1;
    return {
      informationRate: rate,
      size: sizes[k],
      critical: finite ? critical[k] : null,
      nominal: finite ? normalUpper(critical[k]) : null,
      spent: efficacy === 'none' ? (last ? alpha : 0) : spentAlpha(efficacy, alpha, rate),
    };
  });
}
