// rpact's design object for a design: getDesignGroupSequential for all-comers and enriched designs
// (their looks and Lan–DeMets spending: rpact's asOF and asP, or noEarlyEfficacy), and for the
// designs that test S and F the combination test of rpact's enrichment simulations:
// getDesignInverseNormal (one stage for a stratified design; two for adaptive enrichment, with
// information rates n₁/N and 1, whose square roots are the inverse-normal weights) or getDesignFisher.
import { firstShare } from '../../engine/designs/boundaries.js';
import type { PopulationTarget } from '../../engine/planning/solve.js';
import type { Design, Efficacy, Interims, Scenario } from '../../engine/scenario/types.js';
import { rCall, rNumber, rNumbers, rString, type Argument } from './r-syntax.js';

const TYPE_OF_DESIGN: Record<Efficacy, string> = { none: 'noEarlyEfficacy', 'obrien-fleming': 'asOF', pocock: 'asP' };

export type DesignObject = {
  call: string;
  kMax: number;
  /** a change made to the object once made, written after its variable's name (`$criticalValues[1] <- 0`) */
  change?: string;
};

/** one population's test, with its looks if any; beta only serves getSampleSize*, the size at the target power */
export function groupSequentialObject(
  scenario: Scenario,
  interims: Interims | undefined,
  target: PopulationTarget,
): DesignObject {
  const alpha: Argument = ['alpha', rNumber(scenario.alpha)];
  const beta: Argument = ['beta', rNumber(1 - target.power)];
  if (!interims) return { call: rCall('getDesignGroupSequential', [['kMax', '1'], alpha, beta]), kMax: 1 };
  const kMax = interims.informationRates.length;
  const typeOfDesign = rString(TYPE_OF_DESIGN[interims.efficacy]);
  const args: Argument[] = [
    ['kMax', String(kMax)],
    alpha,
    beta,
    ['typeOfDesign', typeOfDesign],
    ['informationRates', rNumbers(interims.informationRates)],
  ];
  return { call: rCall('getDesignGroupSequential', args), kMax };
}

/** the combination test of a design that tests S and F */
export function combinationObject(
  scenario: Scenario,
  design: Extract<Design, { type: 'stratified' | 'adaptive-enrichment' }>,
): DesignObject {
  const alpha: Argument = ['alpha', rNumber(scenario.alpha)];
  if (design.type === 'stratified') return { call: rCall('getDesignInverseNormal', [['kMax', '1'], alpha]), kMax: 1 };
  if (design.combination === 'fisher') {
    // rpact weights Fisher's product by the information rates; equal rates give Stratum's p₁·p₂.
    // "fullAlpha" puts the whole α on the final c with c(1 − ln c) = α, Stratum's critical value, but
    // also rejects at the interim when p₁ ≤ c, which Stratum's Fisher test does not: the first critical
    // value set to 0 leaves only the final one (make-rpact-populations-more.R says why no other
    // method does)
    const args: Argument[] = [
      ['kMax', '2'],
      alpha,
      ['method', rString('fullAlpha')],
      ['informationRates', rNumbers([0.5, 1])],
    ];
    return { call: rCall('getDesignFisher', args), kMax: 2, change: '$criticalValues[1] <- 0' };
  }
  const args: Argument[] = [
    ['kMax', '2'],
    alpha,
    ['typeOfDesign', rString(TYPE_OF_DESIGN[design.efficacy])],
    ['informationRates', rNumbers([firstShare(scenario, design), 1])],
  ];
  return { call: rCall('getDesignInverseNormal', args), kMax: 2 };
}
