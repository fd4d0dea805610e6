// Group-sequential boundaries against rpact's getDesignGroupSequential (rpact-analytic.json) to
// 1e-4 (docs/methods.md), and against their definition: under H0 the probability of first crossing
// at each look, integrated independently by Monte Carlo on exact Brownian increments, is the α spent.
import { describe, expect, it } from 'vitest';
import analytic from '../../fixtures/reference/rpact-analytic.json';
import { efficacyBoundaries } from '../../../src/engine/inference/sequential/boundaries.js';
import { spentAlpha, type Spending } from '../../../src/engine/inference/sequential/spending.js';
import { Sampler } from '../../../src/engine/random/sampler.js';
import { blockStream } from '../../../src/engine/random/stream.js';
import { proportionSe } from '../../support/monte-carlo.js';
import { normalUpper } from '../../../src/engine/math/normal.js';

type BoundaryCase = {
  kind: 'boundaries';
  spending: Spending;
  informationRates: number[];
  alpha: number;
  criticalValues: number[];
};
const cases = (analytic as { kind: string }[]).filter((c): c is BoundaryCase => c.kind === 'boundaries');

describe('efficacy boundaries equal rpact', () => {
  it('has reference cases', () => expect(cases.length).toBeGreaterThanOrEqual(3));
  for (const reference of cases) {
    it(`${reference.spending} at ${reference.informationRates.join(', ')}`, () => {
      const ours = efficacyBoundaries(reference.spending, reference.informationRates, reference.alpha);
      reference.criticalValues.forEach((value, k) => {
        expect(Math.abs(ours[k] - value)).toBeLessThan(1e-4);
      });
    });
  }
});

// Early looks with almost no information, where 1 − α(t) rounds to 1. rpact 3.3.4 reports those
// looks as Inf; ours are finite where the α spent is representable, so they must cross with
// probability below 1e-15. Produced by:
//   getDesignGroupSequential(typeOfDesign = "asOF", informationRates = c(0.05, 1), alpha = 0.0126,
//     sided = 1)$criticalValues
//   getDesignGroupSequential(typeOfDesign = "asOF", informationRates = c(0.02, 0.5, 1), alpha = 0.025,
//     sided = 1)$criticalValues
//   getDesignGroupSequential(typeOfDesign = "asP", informationRates = c(0.01, 1), alpha = 0.025,
//     sided = 1)$criticalValues
const EARLY_LOOKS: { spending: Spending; informationRates: number[]; alpha: number; criticalValues: number[] }[] = [
  {
    spending: 'obrien-fleming',
    informationRates: [0.05, 1],
    alpha: 0.0126,
    criticalValues: [Infinity, 2.23832299560308],
  },
  {
    spending: 'obrien-fleming',
    informationRates: [0.02, 0.5, 1],
    alpha: 0.025,
    criticalValues: [Infinity, 2.96258804947138, 1.96859564632177],
  },
  {
    spending: 'pocock',
    informationRates: [0.01, 1],
    alpha: 0.025,
    criticalValues: [3.33537540822154, 1.9669111892581],
  },
];

describe('efficacy boundaries with an early look of little information', () => {
  for (const reference of EARLY_LOOKS) {
    it(`${reference.spending} at ${reference.informationRates.join(', ')} equals rpact`, () => {
      const ours = efficacyBoundaries(reference.spending, reference.informationRates, reference.alpha);
      reference.criticalValues.forEach((value, k) => {
        if (value === Infinity) expect(normalUpper(ours[k])).toBeLessThan(1e-15);
        else expect(Math.abs(ours[k] - value)).toBeLessThan(1e-4);
      });
    });
  }

  it('a look with no α left to spend never stops', () => {
    const ours = efficacyBoundaries('obrien-fleming', [0.001, 0.002, 1], 0.025);
    expect(ours[1]).toBe(Infinity);
    expect(Math.abs(ours[2] - 1.959963984540054)).toBeLessThan(1e-6); // all α left for the end: z_{0.975}
  });
});

describe('efficacy boundaries spend α as defined', () => {
  const replicates = 400_000;
  for (const [spending, rates] of [
    ['obrien-fleming', [0.25, 0.6, 0.8, 1]],
    ['pocock', [0.3, 0.5, 1]],
  ] as [Spending, number[]][]) {
    it(`${spending} at ${rates.join(', ')}: first crossings within 4 MCSE of the α spent`, () => {
      const critical = efficacyBoundaries(spending, rates, 0.025);
      const sampler = new Sampler(blockStream('boundaries', spending, 0));
      const crossings = new Float64Array(rates.length);
      for (let r = 0; r < replicates; r++) {
        let score = 0;
        for (let k = 0; k < rates.length; k++) {
          score += Math.sqrt(rates[k] - (k > 0 ? rates[k - 1] : 0)) * sampler.normal();
          if (score / Math.sqrt(rates[k]) >= critical[k]) {
            crossings[k]++;
            break;
          }
        }
      }
      rates.forEach((t, k) => {
        const spent = spentAlpha(spending, 0.025, t) - (k > 0 ? spentAlpha(spending, 0.025, rates[k - 1]) : 0);
        expect(Math.abs(crossings[k] / replicates - spent)).toBeLessThanOrEqual(4 * proportionSe(spent, replicates));
      });
    });
  }
});
