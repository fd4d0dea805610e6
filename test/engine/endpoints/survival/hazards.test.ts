// The per-slot survival law (src/engine/endpoints/survival/hazards.ts): one number is the one-piece
// law and draws exactly what the exponential sampler drew; event times by inverting the cumulative
// hazard follow the law's own distribution function (a Kolmogorov–Smirnov test against a cumulative
// hazard written out here from the definition, not from the engine); and the expected events by
// calendar month (accrual.ts, piece-events.ts) are the integrals they claim, checked by brute-force
// quadrature and, with patients simulated one by one, by the simulated mean.
import { describe, expect, it } from 'vitest';
import { Accrual } from '../../../../src/engine/endpoints/survival/accrual.js';
import { Cohort } from '../../../../src/engine/endpoints/survival/cohort.js';
import { survivalHazards } from '../../../../src/engine/endpoints/survival/hazards.js';
import { layoutOf, ONE_MARKER_CELLS } from '../../../../src/engine/population.js';
import { blockStream } from '../../../../src/engine/random/stream.js';
import { Sampler } from '../../../../src/engine/random/sampler.js';
import type { Piece, SurvivalEndpoint } from '../../../../src/engine/scenario/types.js';
import { scenarioFrom } from '../../../support/scenarios.js';
import { DRAWS, K_SE, kolmogorovSmirnov, P_FAIL } from '../../random/helpers.js';

const TREATED_POS = 0;
const TREATED_NEG = 1;
const CONTROL_NEG = 5;

/** H(t) of pieces of a hazard, straight from the definition ∫₀ᵗ h */
function piecewiseH(pieces: { from: number; rate: number }[], t: number): number {
  let h = 0;
  for (const [i, piece] of pieces.entries()) {
    const end = i + 1 < pieces.length ? pieces[i + 1].from : Infinity;
    if (t > piece.from) h += piece.rate * (Math.min(t, end) - piece.from);
  }
  return h;
}

const endpoint = (fields: Partial<SurvivalEndpoint>): SurvivalEndpoint => ({
  type: 'survival',
  hazardRatio: { pos: 0.7, neg: 0.9 },
  dropoutPerYear: 0,
  ...fields,
});

describe('one number is the one-piece law', () => {
  it('draws E/λ bit for bit: the exponential sampler’s own draw', () => {
    const law = survivalHazards(endpoint({ controlMedian: { pos: 9, neg: 14 } }), ONE_MARKER_CELLS);
    const sampler = new Sampler(blockStream('law', 'one', 0));
    const again = new Sampler(blockStream('law', 'one', 0));
    for (let i = 0; i < 10_000; i++) {
      expect(law.eventTime(TREATED_POS, sampler.standardExponential())).toBe(again.exponential((Math.LN2 / 9) * 0.7));
      expect(law.eventTime(CONTROL_NEG, sampler.standardExponential())).toBe(again.exponential(Math.LN2 / 14));
    }
  });
});

describe('event times invert the cumulative hazard', () => {
  const delayed: Piece[] = [
    { from: 0, value: 1 },
    { from: 4, value: 0.6 },
  ];
  const control: Piece[] = [
    { from: 0, value: 0.08 },
    { from: 3, value: 0.05 },
    { from: 10, value: 0.02 },
  ];
  const cases: [string, SurvivalEndpoint, number, (t: number) => number][] = [
    [
      'control hazard pieces × a delayed effect, breakpoints merged',
      endpoint({
        controlMedian: { pos: 12 },
        controlHazard: { neg: control },
        hazardRatio: { pos: 0.7, neg: delayed },
      }),
      TREATED_NEG,
      (t) =>
        piecewiseH(
          [
            { from: 0, rate: 0.08 },
            { from: 3, rate: 0.05 },
            { from: 4, rate: 0.05 * 0.6 },
            { from: 10, rate: 0.02 * 0.6 },
          ],
          t,
        ),
    ],
    [
      'the same control arm',
      endpoint({
        controlMedian: { pos: 12 },
        controlHazard: { neg: control },
        hazardRatio: { pos: 0.7, neg: delayed },
      }),
      CONTROL_NEG,
      (t) =>
        piecewiseH(
          control.map(({ from, value }) => ({ from, rate: value })),
          t,
        ),
    ],
    [
      'a Weibull control (shape 1.6, median 10) × a delayed effect',
      endpoint({ controlMedian: { pos: 10, neg: 12 }, shape: { pos: 1.6 }, hazardRatio: { pos: delayed, neg: 0.9 } }),
      TREATED_POS,
      // H₀(t) = ln 2·(t/10)^1.6, times 1 before month 4 and 0.6 after
      (t) => {
        const h0 = (x: number) => Math.LN2 * (x / 10) ** 1.6;
        return t <= 4 ? h0(t) : h0(4) + 0.6 * (h0(t) - h0(4));
      },
    ],
    [
      'a Weibull control with a falling hazard (shape 0.6)',
      endpoint({ controlMedian: { pos: 10, neg: 12 }, shape: { neg: 0.6 } }),
      CONTROL_NEG,
      (t) => Math.LN2 * (t / 12) ** 0.6,
    ],
  ];

  it.each(cases)('%s: Kolmogorov–Smirnov against 1 − e^{−H(t)}', (_name, law, slot, cumulative) => {
    const hazards = survivalHazards(law, ONE_MARKER_CELLS);
    const sampler = new Sampler(blockStream('law', _name, 0));
    const times = new Float64Array(DRAWS);
    for (let i = 0; i < DRAWS; i++) times[i] = hazards.eventTime(slot, sampler.standardExponential());
    expect(kolmogorovSmirnov(times, (t) => 1 - Math.exp(-cumulative(t))).p).toBeGreaterThan(P_FAIL);
    for (const t of [0.5, 3, 4, 7.5, 20, 60]) expect(hazards.cumulativeHazard(slot, t)).toBeCloseTo(cumulative(t), 12);
  });
});

describe('expected events by calendar month', () => {
  const laws: [string, Partial<SurvivalEndpoint>][] = [
    [
      'piecewise control × delayed effect',
      {
        controlMedian: { pos: 12 },
        controlHazard: {
          neg: [
            { from: 0, value: 0.08 },
            { from: 5, value: 0.03 },
          ],
        },
        hazardRatio: {
          pos: [
            { from: 0, value: 1 },
            { from: 4, value: 0.6 },
          ],
          neg: 0.8,
        },
      },
    ],
    [
      'Weibull controls × a delayed effect',
      {
        controlMedian: { pos: 10, neg: 14 },
        shape: { pos: 1.5, neg: 0.7 },
        hazardRatio: {
          pos: [
            { from: 0, value: 1 },
            { from: 3, value: 0.5 },
          ],
          neg: 0.9,
        },
      },
    ],
  ];
  const scenario = (fields: Partial<SurvivalEndpoint>) =>
    scenarioFrom({
      population: { prevalence: 0.4, sensitivity: 0.9, specificity: 0.8 },
      endpoint: { type: 'survival', dropoutPerYear: 0.1, ...fields },
      trial: { allocation: 1.5, screeningRate: 10 },
      designs: [{ id: 'a', type: 'all-comers', n: 300, events: 200 }],
    });

  it.each(laws)('%s: the integrals, against brute-force quadrature', (_name, fields) => {
    const s = scenario(fields);
    const law = survivalHazards(s.endpoint as SurvivalEndpoint, ONE_MARKER_CELLS);
    const accrual = new Accrual(s, layoutOf(s.population), law);
    accrual.recruit(0b11, 300, 0);
    const cells = layoutOf(s.population).cellProbability;
    const share = 1.5 / 2.5;
    // E(τ) = Σ_slot a_slot ∫₀^{min(30, τ)} F_slot(τ − v) dv, F the chance of an event before dropout by
    // follow-up x: ∫₀ˣ h(y)·e^{−H(y) − δy} dy, by the midpoint rule on fine grids
    const dropout = law.dropout;
    const eventBy = (slot: number, x: number) => {
      const steps = 2000;
      let chance = 0;
      for (let i = 0; i < steps; i++) {
        const y = ((i + 0.5) * x) / steps;
        const h = (law.cumulativeHazard(slot, y + 1e-7) - law.cumulativeHazard(slot, y - 1e-7)) / 2e-7;
        chance += (h * Math.exp(-law.cumulativeHazard(slot, y) - dropout * y) * x) / steps;
      }
      return chance;
    };
    for (const tau of [6, 25, 48]) {
      let expected = 0;
      const entries = 200;
      for (let slot = 0; slot < 8; slot++) {
        const rate = 10 * cells[slot % 4] * (slot < 4 ? share : 1 - share);
        for (let i = 0; i < entries; i++) {
          const v = ((i + 0.5) * 30) / entries;
          if (v < tau) expected += (rate * 30 * eventBy(slot, tau - v)) / entries;
        }
      }
      // the brute force's own error: midpoint rules (h from a central difference, which a breakpoint
      // within 10⁻⁷ of a node would spoil; none is), well below 10⁻³ relative
      expect(Math.abs(accrual.events(tau, 0b11) - expected) / expected).toBeLessThan(1e-3);
    }
    expect(accrual.eventually(0b11)).toBeLessThan(300);
  });

  it.each(laws)('%s: the patient-level mean events by month τ', (_name, fields) => {
    const s = scenario(fields);
    const law = survivalHazards(s.endpoint as SurvivalEndpoint, ONE_MARKER_CELLS);
    const population = layoutOf(s.population);
    const accrual = new Accrual(s, population, law);
    // the cohort's j-th patient enters at j/10 months, j = 1…300: the integral's even arrivals over
    // [0.05, 30.05] are its midpoint rule, exact to O(0.1²)
    accrual.recruit(0b11, 300, 0.05);
    const cohort = new Cohort(s, population, law);
    const sampler = new Sampler(blockStream('events-by-month', _name, 0));
    const trials = 4000;
    const months = [6, 25, 48];
    const sums = months.map(() => 0);
    const squares = months.map(() => 0);
    for (let trial = 0; trial < trials; trial++) {
      cohort.clear();
      cohort.recruit(0b11, 300, sampler);
      for (const [k, tau] of months.entries()) {
        let events = 0;
        for (let i = 0; i < cohort.size; i++) if (cohort.event[i] <= Math.min(cohort.dropout[i], tau)) events++;
        sums[k] += events;
        squares[k] += events * events;
      }
    }
    for (const [k, tau] of months.entries()) {
      const mean = sums[k] / trials;
      const se = Math.sqrt((squares[k] / trials - mean * mean) / trials);
      expect(Math.abs(mean - accrual.events(tau, 0b11)), `τ = ${tau}`).toBeLessThanOrEqual(K_SE * se);
    }
  });
});
