// A design's decision rules as a protocol states them, from the numbers the simulation uses: for a
// design that can stop early (group-sequential, or adaptive), each look's information rate and size,
// its critical value on the z scale, the nominal one-sided p-value it stands for and the α spent by
// then (Lan–DeMets); for adaptive designs also the stage-2 rule: the interim's selection, the
// intersection and combination tests with their critical values, early efficacy, futility and the
// re-sizing rule. Every critical value is the engine's own (lookCriticalValues, combinationTest),
// so the document says what the simulated trials did.
import type { Nulls } from '../finite.js';
import { type CombinationTest, combinationTest, FUTILITY_Z } from '../inference/combination/combination.js';
import { spentAlpha } from '../inference/sequential/spending.js';
import { normalUpper } from '../math/normal.js';
import { layoutOf } from '../population.js';
import { lookSizes } from '../scenario/looks.js';
import type {
  AdaptiveEnrichmentDesign,
  Design,
  Efficacy,
  Intersection,
  Scenario,
  Selection,
} from '../scenario/types.js';
import { lookCriticalValues, lookGroups } from './group-sequential.js';
import { Strata } from '../endpoints/strata.js';
import { enrolledPopulation } from './tested.js';
import { HOPELESS, standardisedEffect } from './recalculation.js';
import { calendarShare } from './survival-timing.js';

export type Look = {
  informationRate: number;
  /** patients, events for event-driven survival designs or the month for calendar ones, at the look */
  size: number;
  /** null: the look cannot stop (nothing to spend) */
  critical: number | null;
  nominal: number | null;
  /** cumulative α spent by the look */
  spent: number;
};

export type Unit = 'patients' | 'events' | 'months';

/** How stage-wise p-values p₁, p₂ (z = Φ⁻¹(1 − p)) of each hypothesis and intersection are combined */
export type CombinationRule =
  | {
      test: 'inverse-normal';
      /** w₁ = √t₁, w₂ = √(1 − t₁), fixed at planning: C = w₁·z₁ + w₂·z₂ */
      weights: [number, number];
      /** z₁ at or above which the interim rejects; absent without early efficacy */
      interimCritical?: number;
      /** C at or above which the end rejects */
      finalCritical: number;
    }
  | {
      test: 'fisher';
      /** p₁·p₂ at or below which the end rejects: c·(1 − ln c) = α */
      criticalProduct: number;
    };

/** The adaptive design's rule from the interim on, with the scenario's own keywords and values */
export type Stage2Rule = {
  /** stage 1's share t₁ of the planned size (patients, or events) */
  firstShare: number;
  /** stage 2's planned size, N − n₁ (or E − e₁), in `Boundaries.unit`; the re-sizing rule may change it */
  plannedSize: number;
  /**
   * which populations stage 2 randomises from: `best` keeps the larger `measure` (ties at random: `tie`),
   * `epsilon` also any within `epsilon` of it, `all` both; a population whose measure is not above
   * `threshold` (absent: no threshold) is dropped. S alone: assay-positive patients only; F kept: all comers.
   */
  selection: Omit<Selection, 'threshold'> & { threshold?: number; tie: 'random' };
  /** the test of H_S ∩ H_F at each stage; with one population kept, stage 2's intersection p-value is its own */
  intersection: Intersection;
  combination: CombinationRule;
  /**
   * early rejection at the interim by α-spending: H_X when its own z₁ and the intersection's reach
   * `combination.interimCritical`; the trial stops when both are rejected there ("none": no early rejection)
   */
  efficacy: Efficacy;
  /**
   * the trial stops at the interim when, for each of H_S and H_F, its own stage-1 value or the
   * intersection's leaves no chance — z₁ at or below `bound` (scale "z"), or p₁ at or above it
   * (scale "p") — or, `whenNothingKept`, when the selection keeps neither population
   */
  futility: { scale: 'z' | 'p'; bound: number; whenNothingKept: boolean };
  /**
   * stage 2 re-sized for a conditional power, n₂ = (1 + r)²/r · max(0, c_cond + Φ⁻¹(CP))² / θ² within
   * [minStage2, maxStage2], c_cond the combination's conditional critical value at the Bonferroni-adjusted
   * stage-1 p-value min(2·min(p_S, p_F), 1 − 10⁻⁷), the maximum when c_cond > `hopelessAbove`; absent: none
   */
  recalculation?: {
    conditionalPower: number;
    minStage2: number;
    maxStage2: number;
    assumedEffect: number;
    /** θ, the assumed effect standardised: by the outcome SD in F, by √(π̄(1 − π̄)) (binary), or −ln HR */
    standardisedEffect: number;
    hopelessAbove: number;
  };
};

export type Boundaries = {
  unit: Unit;
  looks: Look[];
  /** Fisher's combination: the final critical value of p₁·p₂ (no looks with a z boundary) */
  fisherProduct?: number;
  /** adaptive designs: the rule from the interim on */
  stage2?: Stage2Rule;
};

/**
 * stage 1's share of the planned information: of patients, of events for event-driven survival, of
 * the expected events by its months for calendar survival stages (survival-timing.ts)
 */
export function firstShare(scenario: Scenario, design: AdaptiveEnrichmentDesign): number {
  if (design.months) return calendarShare(scenario, design, design.months);
  const sizes = plannedSizes(scenario, design);
  return sizes[0] / sizes[1];
}

/** an adaptive design's cumulative sizes in its unit: events, months or patients */
function plannedSizes(scenario: Scenario, design: AdaptiveEnrichmentDesign): readonly [number, number] {
  if (scenario.endpoint.type !== 'survival') return design.n;
  return design.months ?? design.events ?? design.n;
}

function unitOf(scenario: Scenario, design: Design): Unit {
  if (scenario.endpoint.type !== 'survival') return 'patients';
  return design.months !== undefined ? 'months' : design.events !== undefined ? 'events' : 'patients';
}

/** the design's looks and rules, or undefined for a design with one analysis and no early stop */
export function designBoundaries(scenario: Scenario, design: Design): Boundaries | undefined {
  const unit = unitOf(scenario, design);
  const alpha = scenario.alpha;
  if (design.type === 'all-comers' || design.type === 'enriched') {
    if (!design.interims) return undefined;
    const rates = design.interims.informationRates;
    // interims are at events or patients (timing.ts refuses them beside months)
    const total = unit === 'events' ? (design.events as number) : design.n;
    const layout = layoutOf(scenario.population);
    const strata = new Strata(layout, scenario.analysis.stratified);
    const groups = lookGroups(layout, strata, enrolledPopulation(layout, design));
    const critical = lookCriticalValues(scenario, groups, design.interims, total);
    return { unit, looks: looks(rates, lookSizes(total, rates), critical, design.interims.efficacy, alpha) };
  }
  if (design.type !== 'adaptive-enrichment') return undefined;
  const sizes = plannedSizes(scenario, design);
  const t1 = firstShare(scenario, design);
  const test = combinationTest(t1, design, alpha);
  const stage2 = stage2Rule(scenario, design, test, sizes[1] - sizes[0]);
  if (design.combination === 'fisher') return { unit, looks: [], fisherProduct: test.finalCritical, stage2 };
  const critical = Float64Array.of(test.interimCritical, test.finalCritical);
  return { unit, looks: looks([t1, 1], sizes, critical, design.efficacy, alpha), stage2 };
}

/** why a look's critical value and nominal level are null, keyed by their paths within `boundaries` */
export function boundaryNulls(boundaries: Boundaries): Nulls {
  const nulls: Nulls = {};
  boundaries.looks.forEach((look, k) => {
    if (look.critical !== null) return;
    const reason = 'this look spends no α (or less than double precision resolves), so it cannot reject';
    nulls[`looks.${k}.critical`] = reason;
    nulls[`looks.${k}.nominal`] = reason;
  });
  return nulls;
}

function stage2Rule(
  scenario: Scenario,
  design: AdaptiveEnrichmentDesign,
  test: CombinationTest,
  plannedSize: number,
): Stage2Rule {
  const t1 = firstShare(scenario, design);
  const fisher = design.combination === 'fisher';
  const combination: CombinationRule = fisher
    ? { test: 'fisher', criticalProduct: test.finalCritical }
    : {
        test: 'inverse-normal',
        weights: [Math.sqrt(t1), Math.sqrt(1 - t1)],
        ...(Number.isFinite(test.interimCritical) ? { interimCritical: test.interimCritical } : {}),
        finalCritical: test.finalCritical,
      };
  const { threshold, ...selection } = design.selection;
  const rule: Stage2Rule = {
    firstShare: t1,
    plannedSize,
    // rpact's: every measure gets U(−10⁻⁵, 10⁻⁵) added before the rule reads it (adaptive-enrichment.ts)
    selection: { ...selection, ...(threshold === null ? {} : { threshold }), tie: 'random' },
    intersection: design.intersection,
    combination,
    efficacy: design.efficacy,
    // the combination test's own futility: Fisher's p₁ = 1, the inverse normal's z₁ ≤ −6 (rpact's default)
    futility: { scale: fisher ? 'p' : 'z', bound: fisher ? 1 : FUTILITY_Z, whenNothingKept: threshold !== null },
  };
  const resizing = design.recalculation;
  if (resizing) {
    rule.recalculation = {
      ...resizing,
      standardisedEffect: standardisedEffect(scenario, layoutOf(scenario.population), resizing),
      hopelessAbove: HOPELESS,
    };
  }
  return rule;
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
