// The weight functions of a survival test (docs/methods.md, "Survival tests"). A Fleming–Harrington
// test FH(ρ, γ) weights the event at time t by w(t) = Ŝ(t−)^ρ·(1 − Ŝ(t−))^γ, Ŝ the pooled
// Kaplan–Meier estimate of the test's own sample (Harrington & Fleming 1982; Fleming & Harrington
// 1991, ch. 7): FH(0, 0) is the log-rank test, FH(0, 1) stresses late events, FH(1, 0) early ones
// (Peto–Prentice). The maxcombo test (Lee 2007; Karrison 2016) computes FH(0,0), FH(0,1), FH(1,0)
// and FH(1,1) in one pass and takes the largest standardised one; the log-rank comes first, so its
// information and effect estimate are the test's.
import type { Scenario, SurvivalTest } from '../../scenario/types.js';

export interface TestWeights {
  /** ρ and γ of each statistic the test computes */
  readonly rho: Float64Array;
  readonly gamma: Float64Array;
  /** whether any weight depends on Ŝ, so the pass must keep the Kaplan–Meier estimate */
  readonly needsSurvival: boolean;
}

const MAXCOMBO: readonly (readonly [number, number])[] = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];

/** the scenario's survival test; a document without one asks for the log-rank */
export function survivalTestOf(scenario: Scenario): SurvivalTest {
  return scenario.analysis.survivalTest ?? 'logrank';
}

export function testWeights(test: SurvivalTest): TestWeights {
  const pairs = test === 'logrank' ? [[0, 0] as const] : test === 'maxcombo' ? MAXCOMBO : [test.fh];
  const rho = Float64Array.from(pairs, ([r]) => r);
  const gamma = Float64Array.from(pairs, ([, g]) => g);
  return { rho, gamma, needsSurvival: pairs.some(([r, g]) => r !== 0 || g !== 0) };
}
