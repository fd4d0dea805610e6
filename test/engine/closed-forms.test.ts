// Closed forms (docs/methods.md): the `analytic` values equal the textbook formulas and rpact's
// getPowerMeans/getSampleSize* values; simulated power agrees with them within 4 MCSE; expected
// screened, months and cost are what their definitions say.
import { describe, expect, it } from 'vitest';
import { binomialPmf } from '../support/binomial-pmf.js';
import analyticReference from '../fixtures/reference/rpact-analytic.json';
import { statisticLaw } from '../../src/engine/analytic/statistic-law.js';
import { singleTestPower } from '../../src/engine/analytic/design-analytic.js';
import { normalCdf, normalQuantile } from '../../src/engine/math/normal.js';
import { summarisePopulation } from '../../src/engine/population.js';
import { simulate } from '../../src/engine/simulate.js';
import { binaryEndpoint, continuousEndpoint, RPACT_LIKE, scenarioFrom } from '../support/scenarios.js';
import { proportionSe } from '../support/monte-carlo.js';

const z975 = normalQuantile(0.975);

/** the two-arm z-test power of docs/methods.md, written out independently */
function twoArmPower(theta: number, sd: number, nTotal: number, allocation = 1, alpha = 0.025): number {
  const nT = (nTotal * allocation) / (1 + allocation);
  const nC = nTotal - nT;
  return normalCdf(theta / Math.sqrt(sd * sd * (1 / nT + 1 / nC)) - normalQuantile(1 - alpha));
}

/** unpooled/pooled normal approximation for two proportions */
function twoRatePower(treatment: number, control: number, nTotal: number): number {
  const n = nTotal / 2;
  const pooled = (treatment + control) / 2;
  const sd0 = Math.sqrt(pooled * (1 - pooled) * (2 / n));
  const sd1 = Math.sqrt((treatment * (1 - treatment)) / n + (control * (1 - control)) / n);
  return normalCdf((treatment - control - z975 * sd0) / sd1);
}

function lawPower(document: Record<string, unknown>, from: 'S' | 'F', n: number): number {
  const scenario = scenarioFrom(document);
  const law = statisticLaw(scenario, summarisePopulation(scenario.population), from, n);
  return singleTestPower(from === 'S' ? law.S : law.F, normalQuantile(1 - scenario.alpha));
}

describe('analytic power equals rpact and the formulas', () => {
  const powerMeans = analyticReference.filter((r) => r.kind === 'powerMeans');
  it.each(powerMeans)('getPowerMeans(nTotal = $nTotal, effect = $effect, sd = $sd)', (reference) => {
    const document = {
      population: { prevalence: 0.4 },
      endpoint: continuousEndpoint(reference.effect!, reference.effect!, reference.sd!, reference.sd!),
      designs: [{ id: 'all', type: 'all-comers', n: reference.nTotal! }],
    };
    const [result] = simulate(scenarioFrom({ ...document, simulation: { replicates: 1 } }));
    expect(Math.abs(result.analytic!.reject.F! - reference.powerZ!)).toBeLessThan(1e-3);
    expect(
      Math.abs(result.analytic!.reject.F! - twoArmPower(reference.effect!, reference.sd!, reference.nTotal!)),
    ).toBeLessThan(1e-9);
  });

  const sampleSizeMeans = analyticReference.filter((r) => r.kind === 'sampleSizeMeans');
  it.each(sampleSizeMeans)(
    'getSampleSizeMeans(effect = $effect, sd = $sd, power = $power): nTotalZ gives the power',
    (reference) => {
      const document = {
        population: { prevalence: 0.5 },
        endpoint: continuousEndpoint(reference.effect!, reference.effect!, reference.sd!, reference.sd!),
        designs: [{ id: 'all', type: 'all-comers', n: 100 }],
      };
      expect(Math.abs(lawPower(document, 'F', reference.nTotalZ!) - reference.power!)).toBeLessThan(1e-3);
    },
  );

  const sampleSizeRates = analyticReference.filter((r) => r.kind === 'sampleSizeRates');
  it.each(sampleSizeRates)(
    'getSampleSizeRates($treatment vs $control, power = $power): nTotal gives the power',
    (reference) => {
      const document = {
        population: { prevalence: 0.5 },
        endpoint: binaryEndpoint(
          [reference.control!, reference.control!],
          [reference.treatment!, reference.treatment!],
        ),
        designs: [{ id: 'all', type: 'all-comers', n: 100 }],
      };
      const power = lawPower(document, 'F', reference.nTotal!);
      expect(Math.abs(power - reference.power!)).toBeLessThan(1e-3);
      expect(Math.abs(power - twoRatePower(reference.treatment!, reference.control!, reference.nTotal!))).toBeLessThan(
        1e-9,
      );
    },
  );

  it('enriched with an imperfect assay uses the effect in S through the PPV', () => {
    const prevalence = 0.3,
      sensitivity = 0.85,
      specificity = 0.9;
    const ppv = (prevalence * sensitivity) / (prevalence * sensitivity + (1 - prevalence) * (1 - specificity));
    const thetaS = ppv * 0.5 + (1 - ppv) * 0.1;
    // outcome variance in S per arm: within-status variance 1 plus the spread of the status means
    const varianceT = 1 + ppv * (1 - ppv) * (0.5 - 0.1) ** 2;
    const nT = 100,
      nC = 100;
    const expected = normalCdf(thetaS / Math.sqrt(varianceT / nT + 1 / nC) - z975);
    const document = {
      population: { prevalence, sensitivity, specificity },
      endpoint: continuousEndpoint(0.5, 0.1),
      designs: [{ id: 'enriched', type: 'enriched', n: 200 }],
    };
    expect(Math.abs(lawPower(document, 'S', 200) - expected)).toBeLessThan(1e-12);
  });
});

// The closed forms take each stratum at its expected size: exact with fixed strata. With random
// strata a trial's stratum sizes vary and its power is their average, a little lower (stratified
// Simes, n = 300, prevalence 0.3: P(reject H_S) 0.5906 at 10⁶ replicates against 0.5955), which
// the closed form does not claim; those cases are the sufficient-vs-patient tests' (methods-agree).
describe('simulated power agrees with the closed form within 4 MCSE (fixed strata)', () => {
  const replicates = 100_000;
  const cases = [
    {
      name: 'continuous, perfect assay',
      population: { prevalence: 0.3 },
      endpoint: continuousEndpoint(0.5, 0.1),
      analysis: RPACT_LIKE,
    },
    {
      name: 'continuous, imperfect assay, unequal SDs',
      population: { prevalence: 0.3, sensitivity: 0.8, specificity: 0.9 },
      endpoint: continuousEndpoint(0.6, 0.1, 1, 1.5),
      analysis: RPACT_LIKE,
    },
    {
      name: 'continuous, imperfect assay, unstratified, 2:1',
      population: { prevalence: 0.4, sensitivity: 0.9, specificity: 0.7 },
      endpoint: continuousEndpoint(0.5, 0.2),
      analysis: { ...RPACT_LIKE, stratified: false },
      allocation: 2,
    },
  ];
  it.each(cases)('$name', ({ population, endpoint, analysis, allocation }) => {
    const scenario = scenarioFrom({
      population,
      endpoint,
      analysis,
      trial: { allocation: allocation ?? 1 },
      designs: [
        { id: 'all', type: 'all-comers', n: 240 },
        { id: 'enriched', type: 'enriched', n: 120 },
        { id: 'stratified', type: 'stratified', n: 300, intersection: 'simes' },
      ],
      simulation: { replicates, seed: 'closed-forms' },
    });
    for (const result of simulate(scenario)) {
      for (const hypothesis of ['any', 'S', 'F'] as const) {
        const simulated = result.reject[hypothesis];
        const closedForm = result.analytic!.reject[hypothesis];
        if (simulated === undefined) continue;
        expect(closedForm, `${result.id} ${hypothesis} has a closed form`).toBeDefined();
        expect(
          Math.abs(simulated - closedForm!),
          `${result.id} ${hypothesis}: simulated ${simulated}, closed form ${closedForm}`,
        ).toBeLessThanOrEqual(4 * proportionSe(closedForm!, replicates));
      }
    }
  });
});

describe('binary: simulated power equals the exact power of the pooled z test within 4 MCSE', () => {
  // With random strata and a pooled analysis each arm's responders are Binomial(n_arm, π̄_arm),
  // π̄ the arm's response rate in the enrolled population, so the test's exact power is a finite
  // sum over both arms' binomial outcomes: an independent reference, no normal approximation.
  const exactPower = (nT: number, nC: number, rateT: number, rateC: number) => {
    const pT = binomialPmf(nT, rateT),
      pC = binomialPmf(nC, rateC);
    let power = 0;
    for (let xT = 0; xT <= nT; xT++) {
      for (let xC = 0; xC <= nC; xC++) {
        const pooled = (xT + xC) / (nT + nC);
        if (pooled <= 0 || pooled >= 1) continue;
        const z = (xT / nT - xC / nC) / Math.sqrt(pooled * (1 - pooled) * (1 / nT + 1 / nC));
        if (z >= z975) power += pT[xT] * pC[xC];
      }
    }
    return power;
  };
  const replicates = 100_000;
  const prevalence = 0.35,
    sensitivity = 0.9,
    specificity = 0.85;
  const control = [0.2, 0.25] as [number, number],
    treatment = [0.45, 0.3] as [number, number];
  const cells = [
    prevalence * sensitivity,
    (1 - prevalence) * (1 - specificity),
    prevalence * (1 - sensitivity),
    (1 - prevalence) * specificity,
  ];
  const rate = (rates: [number, number], weights: number[]) =>
    (weights[0] * rates[0] + weights[1] * rates[1] + weights[2] * rates[0] + weights[3] * rates[1]) /
    weights.reduce((a, b) => a + b);
  const scenario = scenarioFrom({
    population: { prevalence, sensitivity, specificity },
    endpoint: binaryEndpoint(control, treatment),
    analysis: { strata: 'random', stratified: false },
    trial: { allocation: 1.5 },
    designs: [
      { id: 'all', type: 'all-comers', n: 150 },
      { id: 'enriched', type: 'enriched', n: 80 },
    ],
    simulation: { replicates, seed: 'exact-binary' },
  });
  const [allComers, enriched] = simulate(scenario);
  it('all-comers', () => {
    const exact = exactPower(90, 60, rate(treatment, cells), rate(control, cells));
    expect(Math.abs(allComers.reject.F! - exact)).toBeLessThanOrEqual(4 * proportionSe(exact, replicates));
  });
  it('enriched (assay+ only, imperfect assay)', () => {
    const inS = [cells[0], cells[1], 0, 0];
    const exact = exactPower(48, 32, rate(treatment, inS), rate(control, inS));
    expect(Math.abs(enriched.reject.S! - exact)).toBeLessThanOrEqual(4 * proportionSe(exact, replicates));
  });
});

describe('expected screened, months and cost follow their definitions', () => {
  const costs = { perScreened: 300, perRandomized: 12000, perMonth: 50000, fixed: 1e6 };
  const trial = { screeningRate: 25, endpointDelay: 6, costs };
  const population = { prevalence: 0.25, sensitivity: 0.9, specificity: 0.95 };
  const assayPositive = 0.25 * 0.9 + 0.75 * 0.05;

  it('enriched, fixed strata: screened = n / P(assay+) exactly', () => {
    const scenario = scenarioFrom({
      population,
      endpoint: continuousEndpoint(0.5, 0),
      trial,
      analysis: RPACT_LIKE,
      designs: [{ id: 'e', type: 'enriched', n: 150 }],
      simulation: { replicates: 2000 },
    });
    const [result] = simulate(scenario);
    expect(result.expected.randomized).toBe(150);
    expect(result.expected.screened).toBeCloseTo(150 / assayPositive, 9);
    checkDefinitions(result.expected);
  });

  it('enriched, random strata: mean screened within 4 SE of n / P(assay+)', () => {
    const replicates = 50_000;
    const scenario = scenarioFrom({
      population,
      endpoint: continuousEndpoint(0.5, 0),
      trial,
      designs: [{ id: 'e', type: 'enriched', n: 150 }],
      simulation: { replicates },
    });
    const [result] = simulate(scenario);
    // screened = n + NegativeBinomial(n, q): variance n(1 − q)/q²
    const se = Math.sqrt((150 * (1 - assayPositive)) / assayPositive ** 2 / replicates);
    expect(Math.abs(result.expected.screened - 150 / assayPositive)).toBeLessThanOrEqual(4 * se);
    checkDefinitions(result.expected);
  });

  it('all-comers and stratified screen exactly whom they randomise', () => {
    const scenario = scenarioFrom({
      population,
      endpoint: binaryEndpoint([0.2, 0.2], [0.4, 0.3]),
      trial,
      designs: [
        { id: 'a', type: 'all-comers', n: 212 },
        { id: 's', type: 'stratified', n: 300 },
      ],
      simulation: { replicates: 3000 },
    });
    const [allComers, stratified] = simulate(scenario);
    expect(allComers.expected.screened).toBe(212);
    expect(stratified.expected.screened).toBe(300);
    checkDefinitions(allComers.expected);
    checkDefinitions(stratified.expected);
  });

  function checkDefinitions(expected: { randomized: number; screened: number; months: number; cost: number }) {
    expect(expected.months).toBeCloseTo(expected.screened / trial.screeningRate + trial.endpointDelay, 9);
    const cost =
      costs.fixed +
      costs.perScreened * expected.screened +
      costs.perRandomized * expected.randomized +
      costs.perMonth * expected.months;
    expect(Math.abs(expected.cost - cost) / cost).toBeLessThan(1e-12);
  }
});
