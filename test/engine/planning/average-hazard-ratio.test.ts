// Planning under non-proportional hazards (src/engine/planning/): the average hazard ratio and the
// closed-form size planned on it against gsDesign2's README example, the expected events (in all and
// piece by piece, the AHR's inputs) against the patient-level simulator's means, and the survival
// curves against their closed forms.
import { describe, expect, it } from 'vitest';
import { Cohort } from '../../../src/engine/endpoints/survival/cohort.js';
import { survivalHazards } from '../../../src/engine/endpoints/survival/hazards.js';
import { ahrPower } from '../../../src/engine/planning/ahr-power.js';
import { averageHazardRatio, eventualHazardRatio } from '../../../src/engine/planning/average-hazard-ratio.js';
import { eventsPlan, expectedEvents } from '../../../src/engine/planning/expected-events.js';
import { medianOf, survivalCurves } from '../../../src/engine/planning/survival-curves.js';
import { layoutOf, ONE_MARKER_CELLS } from '../../../src/engine/population.js';
import { blockStream } from '../../../src/engine/random/stream.js';
import { Sampler } from '../../../src/engine/random/sampler.js';
import type { Scenario, SurvivalEndpoint } from '../../../src/engine/scenario/types.js';
import { scenarioFrom } from '../../support/scenarios.js';

type SurvivalScenario = Scenario & { endpoint: SurvivalEndpoint };

const delayed = [
  { from: 0, value: 1 },
  { from: 4, value: 0.6 },
];

/**
 * gsDesign2's README: enrolment uniform over 12 months (here 1 patient a month, 12 patients: only the
 * months matter, the rate is what is solved for), control median 12, HR 1 for 4 months then 0.6,
 * exponential dropout 0.001 a month (a dropout probability within a year of 1 − e^{−0.012}), 1:1.
 */
const gsDesign2Example = (screeningRate = 1) =>
  scenarioFrom({
    alpha: 0.025,
    population: { prevalence: 0.5 },
    endpoint: {
      type: 'survival',
      controlMedian: { pos: 12, neg: 12 },
      hazardRatio: { pos: delayed, neg: delayed },
      dropoutPerYear: -Math.expm1(-0.012),
    },
    trial: { allocation: 1, screeningRate },
    designs: [{ id: 'ahr', type: 'all-comers', n: 500, events: 300 }],
  }) as SurvivalScenario;

describe("gsDesign2's README example", () => {
  it('fixed_design_ahr(…, alpha = 0.025, power = 0.9, study_duration = 36): N = 420.6346, 311.0028 events', () => {
    // gsDesign2 prints 7 significant digits: N 420.6346, events 311.0028, enrolment rate 35.05288 a month;
    // at that rate the 12 months of enrolment randomise N, and the power planned on the AHR is 0.9
    const rate = 35.05288;
    const planned = ahrPower(gsDesign2Example(rate), 'F', 12 * rate, 36);
    expect(12 * rate).toBeCloseTo(420.6346, 3);
    expect(Math.abs(planned.events - 311.0028)).toBeLessThan(5e-4);
    // power rises by about 0.008 per patient a month here: the printed rate's rounding (2·10⁻⁶)
    // moves it by 10⁻⁸
    expect(Math.abs(planned.power - 0.9)).toBeLessThan(1e-6);
    // Schoenfeld's events on the same AHR, with the null information for the alternative's too, are
    // fewer: (z_α + z_β)²/(¼·ln² AHR) = 309.40
    const schoenfeld =
      (1.959963984540054 + 1.2815515655446004) ** 2 / (0.25 * Math.log(planned.averageHazardRatio) ** 2);
    expect(schoenfeld).toBeCloseTo(309.401, 3);
  });

  it('the AHR does not depend on the rate, and at that size the expected events by month 36 are the events', () => {
    const unit = averageHazardRatio(gsDesign2Example(), 'F', 12, 36);
    const scaled = gsDesign2Example(35.05288190249144);
    const big = averageHazardRatio(scaled, 'F', 420.63458282989734, 36);
    expect(big.ratio).toBeCloseTo(unit.ratio, 12);
    expect(unit.ratio).toBeCloseTo(0.691724, 6);
    const [events] = expectedEvents(scaled, 'F', 420.63458282989734, [36]);
    expect(events).toBeCloseTo(311.0028, 3);
    expect(events).toBeCloseTo(big.events, 9);
  });

  it('the expected events, in all and in each piece, are the patient-level simulator’s means', () => {
    // 420 patients, one every 12/420 months; the integral's even arrivals over the same months shifted
    // by half a step are its midpoint rule
    const rate = 35;
    const scenario = gsDesign2Example(rate);
    const law = survivalHazards(scenario.endpoint, ONE_MARKER_CELLS);
    const cohort = new Cohort(scenario, layoutOf(scenario.population), law);
    const sampler = new Sampler(blockStream('gsDesign2', 'events', 0));
    const trials = 4000;
    // events before follow-up month 4 and after, both arms, by calendar month 36
    const sums = [0, 0, 0];
    const squares = [0, 0, 0];
    for (let trial = 0; trial < trials; trial++) {
      cohort.clear();
      cohort.recruit(0b11, 420, sampler);
      const counts = [0, 0, 0];
      for (let i = 0; i < cohort.size; i++) {
        if (!(cohort.event[i] <= Math.min(cohort.dropout[i], 36))) continue;
        counts[cohort.event[i] - cohort.entry[i] < 4 ? 0 : 1]++;
        counts[2]++;
      }
      for (let k = 0; k < 3; k++) {
        sums[k] += counts[k];
        squares[k] += counts[k] ** 2;
      }
    }
    const expected = expectedParts(scenario, 420, 0.5 / rate, 36);
    for (let k = 0; k < 3; k++) {
      const mean = sums[k] / trials;
      const se = Math.sqrt((squares[k] / trials - mean * mean) / trials);
      expect(Math.abs(mean - expected[k]), `part ${k}: ${mean} vs ${expected[k]}`).toBeLessThanOrEqual(4 * se);
    }
  });
});

/** expected events before follow-up month 4, from it, and in all, the arrivals `shift` months later */
function expectedParts(scenario: SurvivalScenario, n: number, shift: number, month: number): number[] {
  const { law, accrual } = eventsPlan(scenario, 'F', n);
  const byPiece = new Float64Array(law.start.length);
  // arrivals `shift` months later are an analysis `shift` months earlier
  const all = accrual.events(month - shift, 0b11, byPiece);
  let before = 0;
  for (let slot = 0; slot < 8; slot++) before += byPiece[law.first[slot]];
  return [before, all - before, all];
}

describe('the AHR of proportional hazards is the hazard ratio', () => {
  it('whatever the control arm (pieces or Weibull) and the month', () => {
    const scenario = scenarioFrom({
      population: { prevalence: 0.3 },
      endpoint: {
        type: 'survival',
        controlMedian: { pos: 9 },
        controlHazard: {
          neg: [
            { from: 0, value: 0.05 },
            { from: 6, value: 0.02 },
          ],
        },
        shape: { pos: 1.3 },
        hazardRatio: { pos: 0.7, neg: 0.7 },
        dropoutPerYear: 0.05,
      },
      designs: [{ id: 'a', type: 'all-comers', n: 300, events: 200 }],
    }) as SurvivalScenario;
    for (const month of [5, 20, 60]) expect(averageHazardRatio(scenario, 'F', 300, month).ratio).toBeCloseTo(0.7, 13);
    expect(eventualHazardRatio(scenario.endpoint, 'neg', 2)).toBeCloseTo(0.7, 13);
  });

  it('a delayed effect’s AHR grows towards the late ratio with follow-up', () => {
    const scenario = gsDesign2Example();
    const early = averageHazardRatio(scenario, 'F', 12, 8).ratio;
    const late = averageHazardRatio(scenario, 'F', 12, 60).ratio;
    expect(early).toBeGreaterThan(late);
    expect(late).toBeGreaterThan(0.6);
    expect(eventualHazardRatio(scenario.endpoint, 'pos', 1)).toBeLessThan(late);
  });
});

describe('survival curves', () => {
  it('are e^{−H(t)} per status and arm, and the medians are where they cross ½', () => {
    const endpoint: SurvivalEndpoint = {
      type: 'survival',
      controlMedian: { pos: 12 },
      controlHazard: { neg: [{ from: 0, value: 0.1 }] },
      shape: { pos: 2 },
      hazardRatio: { pos: delayed, neg: 0.5 },
      dropoutPerYear: 0.2,
    };
    const months = [0, 2, 4, 10, 30];
    const { months: at, curves } = survivalCurves(endpoint, months);
    expect(at).toEqual(months);
    const curve = (status: string, arm: string) => curves.find((c) => c.status === status && c.arm === arm)?.survival;
    const weibull = (t: number) => Math.exp(-Math.LN2 * (t / 12) ** 2);
    for (const [i, t] of months.entries()) expect(curve('pos', 'control')?.[i]).toBeCloseTo(weibull(t), 14);
    // treatment: the control hazard until month 4, 0.6 times it after
    const treated = (t: number) => (t <= 4 ? weibull(t) : weibull(4) * (weibull(t) / weibull(4)) ** 0.6);
    for (const [i, t] of months.entries()) expect(curve('pos', 'treatment')?.[i]).toBeCloseTo(treated(t), 14);
    for (const [i, t] of months.entries()) expect(curve('neg', 'treatment')?.[i]).toBeCloseTo(Math.exp(-0.05 * t), 14);
    expect(medianOf(endpoint, 'pos', 'control')).toBeCloseTo(12, 12);
    expect(medianOf(endpoint, 'neg', 'control')).toBeCloseTo(Math.LN2 / 0.1, 12);
    expect(medianOf(endpoint, 'neg', 'treatment')).toBeCloseTo(Math.LN2 / 0.05, 12);
  });
});
