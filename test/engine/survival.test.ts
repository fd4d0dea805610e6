// Survival (time-to-event) simulation: the patient-level log-rank is standard normal under the
// null; every design keeps α; power agrees with Schoenfeld's formula and with rpact's asymptotic
// and patient-level simulators; the analysis month matches a hand calculation.
import { describe, expect, it } from 'vitest';
import rpactPatient from '../fixtures/survival/rpact-patient.json';
import rpactPatientGs from '../fixtures/survival/rpact-patient-gs.json';
import { Cohort } from '../../src/engine/endpoints/survival/cohort.js';
import { EventClock } from '../../src/engine/endpoints/survival/event-month.js';
import { survivalHazards } from '../../src/engine/endpoints/survival/hazards.js';
import { LogRank } from '../../src/engine/endpoints/survival/log-rank.js';
import { normalCdf } from '../../src/engine/math/normal.js';
import { layoutOf, ONE_MARKER } from '../../src/engine/population.js';
import { blockStream } from '../../src/engine/random/stream.js';
import { Sampler } from '../../src/engine/random/sampler.js';
import type { SurvivalEndpoint } from '../../src/engine/scenario/types.js';
import { simulate } from '../../src/engine/simulate.js';
import { agreementBound, proportionSe } from '../support/monte-carlo.js';
import { PATIENT_SURVIVAL_CASES, patientSurvivalScenario } from '../support/rpact-references.js';
import { scenarioFrom } from '../support/scenarios.js';
import { kolmogorovSmirnov } from './random/helpers.js';

const survivalEndpoint = (hrPos: number, hrNeg: number, medianPos = 12, medianNeg = 12, dropoutPerYear = 0) => ({
  type: 'survival',
  controlMedian: { pos: medianPos, neg: medianNeg },
  hazardRatio: { pos: hrPos, neg: hrNeg },
  dropoutPerYear,
});

describe('patient-level log-rank under the null', () => {
  const nullCase = 'KS, 10⁴ trials; random strata, imperfect assay, 2:1, dropout';
  it(`z_S and stratified z_F are standard normal (${nullCase})`, () => {
    const scenario = scenarioFrom({
      population: { prevalence: 0.35, sensitivity: 0.85, specificity: 0.9 },
      endpoint: survivalEndpoint(1, 1, 8, 15, 0.1),
      trial: { allocation: 2, screeningRate: 15 },
      designs: [{ id: 'st', type: 'stratified', n: 300, events: 150 }],
    });
    const layout = layoutOf(scenario.population);
    const cohort = new Cohort(scenario, layout, survivalHazards(scenario.endpoint as SurvivalEndpoint, layout));
    const logRank = new LogRank(true, 'logrank', layout);
    const clock = new EventClock();
    const sampler = new Sampler(blockStream('log-rank-null', 'st', 0));
    const trials = 10_000;
    const zS = new Float64Array(trials);
    const zF = new Float64Array(trials);
    for (let i = 0; i < trials; i++) {
      cohort.clear();
      cohort.recruit(0b11, 300, sampler);
      const result = logRank.analyse(cohort, clock.month(cohort, 150, 0b11), 0b11);
      zS[i] = result.scores[ONE_MARKER.S].z;
      zF[i] = result.scores[ONE_MARKER.F].z;
      expect(result.scores[ONE_MARKER.F].events).toBe(150);
    }
    // a fixed seed makes these deterministic; p < 0.001 would flag a real departure
    expect(kolmogorovSmirnov(zS, normalCdf).p).toBeGreaterThan(0.001);
    expect(kolmogorovSmirnov(zF, normalCdf).p).toBeGreaterThan(0.001);
  });
});

describe('patient-level survival keeps α', () => {
  it('every design under the global null: P(reject any) ≤ α + 3 MCSE with 10⁵ replicates', () => {
    const replicates = 100_000;
    const results = simulate(
      scenarioFrom({
        population: { prevalence: 0.4, sensitivity: 0.9, specificity: 0.85 },
        endpoint: survivalEndpoint(1, 1, 10, 14, 0.05),
        // 1:1: with unequal arms the log-rank statistic is skewed, by (2p − 1)/√(d·p(1 − p)) for a
        // treated share p and d events, which at 1.5:1 and 100 events puts its one-sided size near
        // 0.027 (0.0255 at 400 events): a property of the test, not of the simulation
        trial: { allocation: 1 },
        designs: [
          { id: 'all-comers', type: 'all-comers', n: 160, events: 100 },
          { id: 'enriched', type: 'enriched', n: 100, events: 60 },
          { id: 'simes', type: 'stratified', n: 160, events: 100, intersection: 'simes' },
          { id: 'spiessens-debois', type: 'stratified', n: 160, events: 100, intersection: 'spiessens-debois' },
          {
            id: 'sequential',
            type: 'all-comers',
            n: 160,
            events: 100,
            interims: { informationRates: [0.5, 1], efficacy: 'pocock' },
          },
        ],
        simulation: { replicates, seed: 'survival-null' },
      }),
    );
    for (const result of results) {
      expect(result.reject.any, result.id).toBeLessThanOrEqual(0.025 + 3 * proportionSe(0.025, replicates));
    }
  });
});

describe('patient-level power', () => {
  const replicates = 20_000;
  it.each([0.6, 0.7, 0.8])('HR %s: within 0.02 of Schoenfeld and within 4 MCSE of the asymptotic method', (hr) => {
    const document = (method: string) => ({
      population: { prevalence: 0.5 },
      endpoint: survivalEndpoint(hr, hr, 12, 12, 0.05),
      designs: [{ id: 'all-comers', type: 'all-comers', n: 500, events: 260 }],
      simulation: { replicates, method, seed: `power-${hr}` },
    });
    const [patient] = simulate(scenarioFrom(document('patient')));
    const [asymptotic] = simulate(scenarioFrom(document('asymptotic')));
    const schoenfeld = patient.analytic!.reject.F!;
    expect(Math.abs(patient.reject.F! - schoenfeld)).toBeLessThan(0.02);
    expect(Math.abs(patient.reject.F! - asymptotic.reject.F!)).toBeLessThanOrEqual(
      agreementBound(patient.reject.F!, replicates, asymptotic.reject.F!, replicates),
    );
  });

  it(`agrees with rpact's patient-level simulator: ${rpactPatient.call}`, () => {
    const replicates = 20_000;
    const scenario = patientSurvivalScenario(PATIENT_SURVIVAL_CASES[0], { replicates, seed: 'rpact-patient' });
    const [result] = simulate(scenario);
    expect(Math.abs(result.reject.F! - rpactPatient.power)).toBeLessThanOrEqual(
      agreementBound(result.reject.F!, replicates, rpactPatient.power, rpactPatient.iterations),
    );
    // the analysis month's spread is rpact's (same accrual and hazards), so both means share it
    const se = rpactPatient.analysisTimeSd * Math.sqrt(1 / replicates + 1 / rpactPatient.iterations);
    expect(Math.abs(result.expected.months - rpactPatient.analysisTimeMean)).toBeLessThanOrEqual(4 * se);
    expect(result.expected.events).toBe(250);
  });

  it(`with an O'Brien–Fleming interim too: ${rpactPatientGs.call}`, () => {
    const replicates = 20_000;
    const scenario = patientSurvivalScenario(PATIENT_SURVIVAL_CASES[1], { replicates, seed: 'rpact-patient-gs' });
    const [result] = simulate(scenario);
    const bound = (ours: number, theirs: number) => agreementBound(ours, replicates, theirs, rpactPatientGs.iterations);
    expect(Math.abs(result.reject.F! - rpactPatientGs.power)).toBeLessThanOrEqual(
      bound(result.reject.F!, rpactPatientGs.power),
    );
    const stop = result.earlyStop!.efficacy;
    expect(Math.abs(stop - rpactPatientGs.earlyStop)).toBeLessThanOrEqual(bound(stop, rpactPatientGs.earlyStop));
    // events: 125 at the interim, 250 for the trials that go on
    expect(result.expected.events).toBeCloseTo(250 - 125 * stop, 9);
    const se = rpactPatientGs.analysisTimeSd * Math.sqrt(1 / replicates + 1 / rpactPatientGs.iterations);
    expect(Math.abs(result.expected.months - rpactPatientGs.analysisTimeMean)).toBeLessThanOrEqual(4 * se);
  });
});

describe('the analysis month', () => {
  it('equals the hand calculation Σ 1/((n − i)·λ) when everyone enters at once, without dropout', () => {
    const n = 300,
      events = 200,
      median = 12,
      replicates = 20_000;
    const lambda = Math.LN2 / median;
    let mean = 0,
      variance = 0;
    // the d-th order statistic of n exponentials: a sum of independent exponential spacings
    for (let i = 0; i < events; i++) {
      mean += 1 / ((n - i) * lambda);
      variance += 1 / ((n - i) * lambda) ** 2;
    }
    const [result] = simulate(
      scenarioFrom({
        population: { prevalence: 0.5 },
        endpoint: survivalEndpoint(1, 1, median, median),
        // the fastest screening the contract accepts
        trial: { screeningRate: 1e6 },
        designs: [{ id: 'all-comers', type: 'all-comers', n, events }],
        simulation: { replicates, seed: 'hand' },
      }),
    );
    // entry within n/rate = 3·10⁻⁴ months of 0 shifts the month by no more than that
    expect(Math.abs(result.expected.months - mean)).toBeLessThanOrEqual(4 * Math.sqrt(variance / replicates) + n / 1e6);
  });
});

describe('adaptive enrichment with survival, patient by patient', () => {
  const design = (intersection: string) => ({
    id: intersection,
    type: 'adaptive-enrichment',
    n: [300, 600],
    events: [120, 240],
    intersection,
    selection: { rule: 'epsilon', measure: 'effect', epsilon: 0.1 },
    efficacy: 'obrien-fleming',
  });

  it('keeps α under the global null (10⁵ replicates; stage 2 from log-rank score increments)', () => {
    const replicates = 100_000;
    const results = simulate(
      scenarioFrom({
        population: { prevalence: 0.4 },
        endpoint: survivalEndpoint(1, 1, 9, 15, 0.05),
        designs: [design('simes'), design('spiessens-debois')],
        simulation: { replicates, seed: 'adaptive-survival-null' },
      }),
    );
    for (const result of results) {
      expect(result.reject.any, result.id).toBeLessThanOrEqual(0.025 + 3 * proportionSe(0.025, replicates));
    }
  });

  it('agrees with the asymptotic method: rejections and selections within 4 MCSE, the same events analysed', () => {
    const replicates = 20_000;
    const run = (method: string) =>
      simulate(
        scenarioFrom({
          population: { prevalence: 0.4 },
          endpoint: survivalEndpoint(0.6, 0.9),
          designs: [design('simes')],
          simulation: { replicates, method, seed: `adaptive-survival-${method}` },
        }),
      )[0];
    const patient = run('patient');
    const asymptotic = run('asymptotic');
    const pairs: [string, number, number][] = [
      ['any', patient.reject.any, asymptotic.reject.any],
      ['S', patient.reject.S!, asymptotic.reject.S!],
      ['F', patient.reject.F!, asymptotic.reject.F!],
      ['continue S', patient.continue!.S, asymptotic.continue!.S],
      ['continue F', patient.continue!.F, asymptotic.continue!.F],
    ];
    for (const [what, a, b] of pairs)
      expect(Math.abs(a - b), `${what}: ${a} vs ${b}`).toBeLessThanOrEqual(
        agreementBound(a, replicates, b, replicates),
      );
    expect(Math.abs(patient.expected.events! - asymptotic.expected.events!)).toBeLessThan(1);
  });
});
