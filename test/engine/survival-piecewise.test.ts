// Survival designs with hazards that change with time: under the null (a hazard ratio of 1 in every
// piece, control hazards in pieces or Weibull) a stratified design and an adaptive design with
// selection keep α, P(reject any) ≤ α + 3 MCSE at 10⁵ replicates; with proportional hazards over such
// control arms the asymptotic method, which is kept for them, agrees with the patient-level one; and
// no closed form is shown where the hazards are not proportional.
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import { agreementBound, proportionSe } from '../support/monte-carlo.js';
import { scenarioFrom } from '../support/scenarios.js';

const ALPHA = 0.025;
const one = [
  { from: 0, value: 1 },
  { from: 4, value: 1 },
  { from: 10, value: 1 },
];
/** a control arm per status: Weibull (rising hazard) for marker+, falling pieces for marker− */
const control = {
  controlMedian: { pos: 10 },
  shape: { pos: 1.5 },
  controlHazard: {
    neg: [
      { from: 0, value: 0.09 },
      { from: 3, value: 0.05 },
      { from: 12, value: 0.025 },
    ],
  },
};

describe('piecewise hazards keep α', () => {
  const replicates = 100_000;
  const limit = ALPHA + 3 * proportionSe(ALPHA, replicates);

  it(`stratified, imperfect assay: P(reject any) ≤ α + 3 MCSE (${replicates} replicates)`, () => {
    const results = simulate(
      scenarioFrom({
        population: { prevalence: 0.35, sensitivity: 0.85, specificity: 0.9 },
        endpoint: { type: 'survival', ...control, hazardRatio: { pos: one, neg: one }, dropoutPerYear: 0.1 },
        trial: { screeningRate: 15 },
        designs: [
          { id: 'simes', type: 'stratified', n: 320, events: 200, intersection: 'simes' },
          { id: 'bonferroni', type: 'stratified', n: 320, events: 200, intersection: 'bonferroni' },
        ],
        simulation: { replicates, seed: 'piecewise-null-stratified' },
      }),
    );
    for (const result of results) expect(result.reject.any, result.id).toBeLessThanOrEqual(limit);
  });

  it(`adaptive enrichment with ε selection and O'Brien–Fleming: P(reject any) ≤ α + 3 MCSE (${replicates})`, () => {
    const [result] = simulate(
      scenarioFrom({
        population: { prevalence: 0.4 },
        endpoint: { type: 'survival', ...control, hazardRatio: { pos: one, neg: one }, dropoutPerYear: 0.05 },
        designs: [
          {
            id: 'adaptive',
            type: 'adaptive-enrichment',
            n: [300, 600],
            events: [120, 240],
            intersection: 'simes',
            selection: { rule: 'epsilon', measure: 'effect', epsilon: 0.1 },
            efficacy: 'obrien-fleming',
          },
        ],
        simulation: { replicates, seed: 'piecewise-null-adaptive' },
      }),
    );
    expect(result.reject.any).toBeLessThanOrEqual(limit);
    // the selection runs: both populations are kept in some trials and dropped in others
    expect(result.continue!.S).toBeGreaterThan(0.3);
    expect(result.continue!.F).toBeGreaterThan(0.3);
  });
});

describe('asymptotic and patient level agree where the asymptotic method is kept', () => {
  const replicates = 20_000;
  // rpact's law splits the events between S and R by P(status)·(1 + r·HR) alone, which is right when
  // both statuses share their control arm's law (as here); docs/methods.md says so
  const falling = [
    { from: 0, value: 0.09 },
    { from: 3, value: 0.05 },
    { from: 12, value: 0.025 },
  ];
  const cases: [string, Record<string, unknown>, Record<string, unknown>][] = [
    [
      'a Weibull control arm (shape 1.5), stratified',
      { controlMedian: { pos: 10, neg: 10 }, shape: { pos: 1.5, neg: 1.5 } },
      { id: 'stratified', type: 'stratified', n: 500, events: 300, intersection: 'simes' },
    ],
    [
      'a falling piecewise control hazard, enriched',
      { controlHazard: { pos: falling, neg: falling } },
      { id: 'enriched', type: 'enriched', n: 300, events: 150 },
    ],
  ];
  const run = (method: string, control: Record<string, unknown>, design: Record<string, unknown>) =>
    simulate(
      scenarioFrom({
        population: { prevalence: 0.4 },
        endpoint: { type: 'survival', ...control, hazardRatio: { pos: 0.65, neg: 0.85 }, dropoutPerYear: 0.05 },
        designs: [design],
        simulation: { replicates, method, seed: `piecewise-${method}` },
      }),
    )[0];

  it.each(cases)('proportional hazards over %s', (_name, control, design) => {
    const patient = run('patient', control, design);
    const asymptotic = run('asymptotic', control, design);
    for (const key of ['any', 'S', 'F'] as const) {
      const a = patient.reject[key];
      const b = asymptotic.reject[key];
      if (a === undefined || b === undefined) continue;
      expect(Math.abs(a - b), `${key}: ${a} vs ${b}`).toBeLessThanOrEqual(agreementBound(a, replicates, b, replicates));
    }
    expect(patient.expected.events).toBe(design.events);
    expect(asymptotic.expected.events).toBe(design.events);
    // Schoenfeld's law is still the closed form: the ratio is one number per status
    expect(patient.analytic).toBeDefined();
  });

  it('no closed form where the hazard ratio changes with time', () => {
    const [result] = simulate(
      scenarioFrom({
        population: { prevalence: 0.4 },
        endpoint: {
          type: 'survival',
          ...control,
          hazardRatio: {
            pos: [
              { from: 0, value: 1 },
              { from: 4, value: 0.6 },
            ],
            neg: 0.9,
          },
        },
        designs: [{ id: 'stratified', type: 'stratified', n: 300, events: 200 }],
        simulation: { replicates: 1000 },
      }),
    );
    expect(result.analytic).toBeUndefined();
  });
});
