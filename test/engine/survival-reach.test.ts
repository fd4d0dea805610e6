// Event targets the recruited patients may not reach (stage-2 re-sizing beyond what N patients can
// have, or planned events close to all they will ever have): a simulated trial then analyses at its
// last event. The asymptotic method must give the same expected month and events as the patient
// level, within their Monte Carlo errors (from batch means over independent seeds), and finite.
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import { scenarioFrom } from '../support/scenarios.js';

const BATCHES = 8;

/** mean and standard error of E[months] and E[events] over independent batches (seeds) */
function batchMeans(document: Record<string, unknown>, method: string, replicates: number) {
  const months: number[] = [];
  const events: number[] = [];
  for (let batch = 0; batch < BATCHES; batch++) {
    const scenario = scenarioFrom({ ...document, simulation: { replicates, seed: `reach-${batch}`, method } });
    const [result] = simulate(scenario);
    months.push(result.expected.months);
    events.push(result.expected.events!);
  }
  const summary = (values: number[]) => {
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1);
    return { mean, se: Math.sqrt(variance / values.length) };
  };
  return { months: summary(months), events: summary(events) };
}

const base = {
  population: { prevalence: 0.4 },
  endpoint: {
    type: 'survival',
    controlMedian: { pos: 12, neg: 12 },
    hazardRatio: { pos: 0.6, neg: 0.9 },
    dropoutPerYear: 0.05,
  },
  trial: { screeningRate: 20, costs: { perMonth: 1000 } },
};

const cases: [string, Record<string, unknown>][] = [
  [
    'adaptive design re-sized to more events than its patients can have',
    {
      id: 'ad',
      type: 'adaptive-enrichment',
      n: [200, 400],
      events: [100, 250],
      recalculation: { conditionalPower: 0.9, minStage2: 50, maxStage2: 500, assumedEffect: 0.7 },
    },
  ],
  [
    'all-comers planned at nearly every event its patients will have',
    { id: 'ac', type: 'all-comers', n: 300, events: 270 },
  ],
];

describe('event targets out of reach', () => {
  for (const [name, design] of cases) {
    it(`${name}: asymptotic month and events equal the patient level's, finite`, () => {
      const document = { ...base, designs: [design] };
      const patient = batchMeans(document, 'patient', 2000);
      const asymptotic = batchMeans(document, 'asymptotic', 2000);
      for (const key of ['months', 'events'] as const) {
        const gap = Math.abs(patient[key].mean - asymptotic[key].mean);
        const bound = 4 * Math.hypot(patient[key].se, asymptotic[key].se);
        expect(Number.isFinite(asymptotic[key].mean), key).toBe(true);
        expect(gap, `${key}: patient ${patient[key].mean}, asymptotic ${asymptotic[key].mean}`).toBeLessThan(bound);
      }
    });
  }
});
