// Patient-level survival under piecewise-exponential hazards against rpact 3.3.4's patient-level
// getSimulationSurvival with piecewise lambda1/lambda2 (test/fixtures/reference/rpact-piecewise.json,
// made by make-rpact-piecewise.R): a delayed effect with and without an O'Brien–Fleming interim, and a
// control hazard that falls with time under dropout. The trials mirror rpact's: its patients enter
// evenly (20 a month), its analyses come at the planned events in everyone, and its log-rank test is
// unstratified (here the marker, with the same hazards in both statuses, plays no part and F is
// tested pooled). Power and early stop agree within 4·√(se² + se_rpact²), the analysis month within
// 4·s·√(1/R + 1/I) with rpact's standard deviation s of it, at 10⁵ replicates each.
import { describe, expect, it } from 'vitest';
import cases from '../fixtures/reference/rpact-piecewise.json';
import { simulate } from '../../src/engine/simulate.js';
import { agreementBound } from '../support/monte-carlo.js';
import { scenarioFrom } from '../support/scenarios.js';

const REPLICATES = 100_000;

const delayed = [
  { from: 0, value: 1 },
  { from: 4, value: 0.6 },
];
const perStatus = <T>(value: T) => ({ pos: value, neg: value });

/** each fixture's trial as a Stratum scenario */
const DOCUMENTS: Record<string, Record<string, unknown>> = {
  'delayed-effect': {
    endpoint: { type: 'survival', controlMedian: perStatus(12), hazardRatio: perStatus(delayed) },
    design: { type: 'all-comers', n: 400, events: 300 },
  },
  'delayed-effect-interim': {
    endpoint: { type: 'survival', controlMedian: perStatus(12), hazardRatio: perStatus(delayed) },
    design: {
      type: 'all-comers',
      n: 400,
      events: 300,
      interims: { informationRates: [0.5, 1], efficacy: 'obrien-fleming' },
    },
  },
  'piecewise-control-dropout': {
    endpoint: {
      type: 'survival',
      controlHazard: perStatus([
        { from: 0, value: 0.08 },
        { from: 3, value: 0.05 },
        { from: 9, value: 0.03 },
      ]),
      hazardRatio: perStatus([
        { from: 0, value: 1 },
        { from: 3, value: 0.7 },
        { from: 9, value: 0.5 },
      ]),
      dropoutPerYear: 0.05,
    },
    design: { type: 'all-comers', n: 320, events: 200 },
  },
};

describe.each(cases)("rpact's patient-level simulator: $id", (reference) => {
  it(`${reference.call}`, () => {
    const { endpoint, design } = DOCUMENTS[reference.id];
    const [result] = simulate(
      scenarioFrom({
        population: { prevalence: 0.5 },
        endpoint,
        trial: { screeningRate: 20 },
        analysis: { stratified: false },
        designs: [{ id: reference.id, ...(design as object) }],
        simulation: { replicates: REPLICATES, seed: reference.id },
      }),
    );
    const bound = (ours: number, theirs: number) => agreementBound(ours, REPLICATES, theirs, reference.iterations);
    expect(Math.abs(result.reject.F! - reference.power)).toBeLessThanOrEqual(bound(result.reject.F!, reference.power));
    const stop = result.earlyStop?.efficacy ?? 0;
    expect(Math.abs(stop - reference.earlyStop)).toBeLessThanOrEqual(bound(stop, reference.earlyStop));
    const { events } = design as { events: number };
    // every trial reaches its target: the events held are the target, less the interim's stops
    expect(result.expected.events).toBeCloseTo(events - (events / 2) * stop, 9);
    expect(Math.abs(result.expected.events! - reference.expectedEvents)).toBeLessThanOrEqual(
      (events / 2) * bound(stop, reference.earlyStop) + 1e-4,
    );
    const se = reference.analysisTimeSd * Math.sqrt(1 / REPLICATES + 1 / reference.iterations);
    expect(Math.abs(result.expected.months - reference.analysisTimeMean)).toBeLessThanOrEqual(4 * se);
  });
});
