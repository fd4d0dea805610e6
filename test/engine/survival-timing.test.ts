// When survival analyses happen (docs/scenario.md, "Analysis timing"): at a calendar month, or at
// events in a named population. Checked against the expected-events closed form (with the patient
// level's Monte Carlo error and its whole-patient clock), against traced patients (the events the
// analysis counted), against the look structure (every trial holds the first analysis; the second
// those that did not stop), and under the null (α kept at 10⁵ replicates). Bad timing is refused
// with messages naming the field.
import { describe, expect, it } from 'vitest';
import { expectedEvents } from '../../src/engine/planning/expected-events.js';
import { eventDrivenAhrPower } from '../../src/engine/planning/ahr-power.js';
import { withParameter } from '../../src/engine/planning/parameter.js';
import { solve } from '../../src/engine/planning/solve.js';
import { scenarioAnalytics } from '../../src/engine/results.js';
import { rCode } from '../../src/report/r/rcode.js';
import { parseScenario } from '../../src/engine/scenario/parse.js';
import type { Scenario, SurvivalEndpoint } from '../../src/engine/scenario/types.js';
import { simulate } from '../../src/engine/simulate.js';
import { traceReplicate } from '../../src/engine/trace/trace.js';
import { interimSelectionWords } from '../../src/app/trial-words.js';
import { agreementBound, proportionSe } from '../support/monte-carlo.js';
import { scenarioFrom } from '../support/scenarios.js';

const ALPHA = 0.025;
const RATE = 20;
const endpoint = (pos: unknown, neg: unknown) => ({
  type: 'survival',
  controlMedian: { pos: 12, neg: 12 },
  hazardRatio: { pos, neg },
  dropoutPerYear: 0.05,
});
const base = {
  population: { prevalence: 0.4 },
  endpoint: endpoint(0.6, 0.9),
  trial: { screeningRate: RATE },
};
const survival = (scenario: Scenario) => scenario as Scenario & { endpoint: SurvivalEndpoint };

function errorsOf(document: Record<string, unknown>): string[] {
  const parsed = parseScenario(document);
  return parsed.ok ? [] : parsed.errors;
}

describe('analyses at a calendar month', () => {
  const n = 400;
  const month = 24;
  const replicates = 4000;

  it('patient level: every trial analyses at the month, with the expected events by then', () => {
    const scenario = scenarioFrom({
      ...base,
      designs: [{ id: 'a', type: 'all-comers', n, months: month }],
      simulation: { replicates, seed: 'calendar', method: 'patient' },
    });
    const [result] = simulate(scenario);
    const [analysis] = result.analyses!;
    expect(analysis.held).toBe(1);
    expect(analysis.months).toBeCloseTo(month, 9);
    expect(result.expected.months).toBeCloseTo(month, 9);
    // events are a sum of independent patients' indicators: variance ≤ n/4
    const se = Math.sqrt(n / 4 / replicates);
    // the simulator's patients enter at whole screening intervals, the closed form's uniformly: the events
    // differ by at most those of one interval's shift
    const [expected] = expectedEvents(survival(scenario), 'F', n, [month]);
    const [shifted] = expectedEvents(survival(scenario), 'F', n, [month - 1 / RATE]);
    expect(Math.abs(analysis.events! - expected)).toBeLessThanOrEqual(4 * se + (expected - shifted));
    expect(result.expected.events).toBe(analysis.events);
  });

  it('asymptotic: the month and the expected events exactly, and the patient level’s power', () => {
    const document = { ...base, designs: [{ id: 'a', type: 'all-comers', n, months: month }] };
    const asymptotic = scenarioFrom({
      ...document,
      simulation: { replicates: 20_000, seed: 'calendar-asy', method: 'asymptotic' },
    });
    const [law] = simulate(asymptotic);
    const [expected] = expectedEvents(survival(asymptotic), 'F', n, [month]);
    expect(law.analyses![0].months).toBeCloseTo(month, 9);
    expect(law.analyses![0].events).toBeCloseTo(expected, 6);
    const patients = scenarioFrom({
      ...document,
      simulation: { replicates: 20_000, seed: 'calendar-pat', method: 'patient' },
    });
    const [exact] = simulate(patients);
    expect(Math.abs(law.reject.any - exact.reject.any)).toBeLessThanOrEqual(
      agreementBound(law.reject.any, 20_000, exact.reject.any, 20_000),
    );
  });

  it('adaptive: stage 1 at m₁ and stage 2 at M for every trial that goes on', () => {
    const [result] = simulate(
      scenarioFrom({
        ...base,
        designs: [{ id: 'ae', type: 'adaptive-enrichment', n: [200, 400], months: [15, 30] }],
        simulation: { replicates: 2000, seed: 'calendar-ae', method: 'patient' },
      }),
    );
    const [first, second] = result.analyses!;
    expect(first.held).toBe(1);
    expect(first.months).toBeCloseTo(15, 9);
    // stage 2 is held by every trial that did not stop at the interim
    expect(second.held).toBeCloseTo(1 - result.earlyStop!.efficacy - result.earlyStop!.futility, 12);
    expect(second.months).toBeCloseTo(30, 9);
    expect(second.events!).toBeGreaterThan(first.events!);
  });
});

describe('a traced calendar adaptive trial', () => {
  it('says the events stage 1 analysed and the month stage 2 is analysed at', () => {
    const scenario = scenarioFrom({
      ...base,
      designs: [{ id: 'ae', type: 'adaptive-enrichment', n: [200, 400], months: [15, 30] }],
      simulation: { replicates: 10, seed: 'calendar-trace', method: 'patient' },
    });
    const trace = traceReplicate(scenario, 'ae', 1);
    const interim = trace.decisions.find((decision) => decision.kind === 'interim');
    if (interim?.kind !== 'interim') throw new Error('no interim');
    expect(interim.size).toBe(trace.outcome.analyses[0].events);
    expect(interim.month).toBe(15);
    expect(interim.finalMonth).toBe(30);
    if (interim.stop === null) expect(interimSelectionWords(trace, interim)).toMatch(/analysed at month 30\.0\.$/);
  });
});

describe('analyses at events in a named population', () => {
  it('an all-comers trial timed by S’s events analyses when S has had them (traced patients)', () => {
    const target = 60;
    const scenario = scenarioFrom({
      ...base,
      designs: [{ id: 'a', type: 'all-comers', n: 400, events: target, eventsIn: 'S' }],
      simulation: { replicates: 10, seed: 'events-in-s', method: 'patient' },
    });
    for (let replicate = 1; replicate <= 5; replicate++) {
      const trace = traceReplicate(scenario, 'a', replicate);
      const [look] = trace.decisions;
      if (look.kind !== 'look') throw new Error('expected a look');
      const countBy = (onlyS: boolean) =>
        trace.patients.filter(
          (p) =>
            p.randomized &&
            (!onlyS || p.assay === 'pos') &&
            p.event !== undefined &&
            p.event <= look.month &&
            (p.dropout === null || p.dropout === undefined || p.event <= p.dropout),
        ).length;
      expect(countBy(true)).toBe(target);
      expect(countBy(false)).toBeGreaterThan(target);
      expect(trace.outcome.analyses).toEqual([{ months: look.month, events: target }]);
    }
  });

  it('group-sequential looks: all hold the first, those that did not stop the second, each at its events', () => {
    const [result] = simulate(
      scenarioFrom({
        ...base,
        endpoint: endpoint(0.55, 0.7),
        designs: [
          {
            id: 'gs',
            type: 'all-comers',
            n: 600,
            events: 300,
            interims: { informationRates: [0.5, 1], efficacy: 'obrien-fleming' },
          },
        ],
        simulation: { replicates: 4000, seed: 'looks', method: 'patient' },
      }),
    );
    const [first, second] = result.analyses!;
    expect(first).toMatchObject({ held: 1, events: 150 });
    expect(second.held).toBeCloseTo(1 - result.earlyStop!.efficacy, 12);
    expect(second.events).toBe(300);
    expect(second.months!).toBeGreaterThan(first.months!);
  });
});

describe('calendar and population-timed designs keep α', () => {
  const replicates = 100_000;
  const limit = ALPHA + 3 * proportionSe(ALPHA, replicates);
  const adaptive = { type: 'adaptive-enrichment', selection: { rule: 'epsilon', epsilon: 0.1 } };

  it(`adaptive enrichment at months [15, 30] and at S's events: P(reject any) ≤ α + 3 MCSE (${replicates})`, () => {
    const results = simulate(
      scenarioFrom({
        ...base,
        endpoint: endpoint(1, 1),
        designs: [
          { ...adaptive, id: 'calendar', n: [200, 400], months: [15, 30] },
          { ...adaptive, id: 'in-s', n: [200, 400], events: [40, 100], eventsIn: 'S' },
        ],
        simulation: { replicates, seed: 'timing-null', method: 'patient' },
      }),
    );
    for (const result of results) expect(result.reject.any, result.id).toBeLessThanOrEqual(limit);
  });
});

describe('bad timing is refused with the field named', () => {
  const design = (fields: Record<string, unknown>) => ({
    ...base,
    designs: [{ id: 'd', type: 'all-comers', n: 300, ...fields }],
    simulation: { method: 'patient' },
  });

  it('months or events, one of them', () => {
    expect(errorsOf(design({ months: 24, events: 100 }))).toEqual([
      'designs[0].months: not with events: the analyses come at events or at calendar months, not both',
    ]);
    expect(errorsOf(design({}))[0]).toMatch(/^designs\[0\]\.events: required \(or months\)/);
  });

  it('months: positive, at most a hundred years, an increasing pair for adaptive designs', () => {
    expect(errorsOf(design({ months: 0 }))[0]).toMatch(/^designs\[0\]\.months: must be a number > 0/);
    expect(errorsOf(design({ months: 5000 }))[0]).toMatch(/^designs\[0\]\.months: .*a hundred years/);
    const adaptive = { ...base, designs: [{ id: 'd', type: 'adaptive-enrichment', n: [100, 200], months: [30, 20] }] };
    expect(errorsOf(adaptive)[0]).toMatch(
      /^designs\[0\]\.months: must be \[m1, M\], cumulative months with 0 < m1 < M/,
    );
  });

  it('not beside interims or re-sizing', () => {
    const interims = { informationRates: [0.5, 1] };
    expect(errorsOf(design({ months: 24, interims }))).toContain(
      "designs[0].months: not with interims: a group-sequential design's looks come at fractions of its events; " +
        'give events',
    );
    const resized = {
      ...base,
      designs: [
        {
          id: 'd',
          type: 'adaptive-enrichment',
          n: [100, 200],
          months: [12, 24],
          recalculation: { conditionalPower: 0.8, minStage2: 10, maxStage2: 100, assumedEffect: 0.5 },
        },
      ],
    };
    expect(errorsOf(resized)).toContain(
      "designs[0].months: not with recalculation: re-sizing sets stage 2's events; give events",
    );
  });

  it('eventsIn: S or F, and not for enriched designs', () => {
    expect(errorsOf(design({ events: 100, eventsIn: 'R' }))[0]).toBe(
      'designs[0].eventsIn: must be "S" or "F", got "R"',
    );
    const enriched = { ...base, designs: [{ id: 'e', type: 'enriched', n: 100, events: 60, eventsIn: 'S' }] };
    expect(errorsOf(enriched)).toEqual([
      'designs[0].eventsIn: not a field of enriched designs ' +
        '(they randomise one population, whose events time their analyses)',
    ]);
  });

  it('not for other endpoints', () => {
    const continuous = {
      population: { prevalence: 0.3 },
      endpoint: { type: 'continuous', sd: { pos: 1, neg: 1 }, effect: { pos: 0.5, neg: 0.1 } },
      designs: [{ id: 'c', type: 'all-comers', n: 100, months: 12 }],
    };
    expect(errorsOf(continuous)).toEqual([
      'designs[0].months: not a field for a continuous endpoint (only survival designs wait for events or a month)',
    ]);
  });

  it('a hazard piece that starts at or after the last analysis month', () => {
    const late = [
      { from: 0, value: 1 },
      { from: 30, value: 0.6 },
    ];
    const document = { ...design({ months: 24 }), endpoint: endpoint(late, 0.9) };
    expect(errorsOf(document)).toEqual([
      "endpoint.hazardRatio.pos[1].from: must be before month 24, designs[0]'s last analysis " +
        '(a later piece never acts), got 30',
    ]);
  });
});

describe('sweeps over events leave calendar designs alone', () => {
  const scenario = scenarioFrom({
    ...base,
    designs: [
      { id: 'calendar', type: 'all-comers', n: 300, months: 24 },
      { id: 'events', type: 'all-comers', n: 300, events: 150 },
    ],
    simulation: { method: 'patient' },
  });

  it('sets the event-driven design’s events and keeps the calendar one’s month', () => {
    const varied = withParameter(scenario, 'events', 200);
    if (!varied.ok) throw new Error(varied.errors.join('\n'));
    expect(varied.scenario.designs.map((design) => [design.months, design.events])).toEqual([
      [24, undefined],
      [undefined, 200],
    ]);
  });

  it('refuses to set events on a design analysed at months', () => {
    expect(withParameter(scenario, 'designs.calendar.events', 200)).toEqual({
      ok: false,
      errors: ['--param: designs.calendar.events: design "calendar" has its analyses at calendar months, not events'],
    });
  });
});

describe('planning around calendar and population-timed designs', () => {
  const scenario = scenarioFrom({
    ...base,
    designs: [
      { id: 'calendar', type: 'all-comers', n: 300, months: 24 },
      { id: 'in-s', type: 'stratified', n: 300, events: 100, eventsIn: 'S' },
      { id: 'in-f', type: 'stratified', n: 300, events: 200, eventsIn: 'F' },
    ],
    simulation: { replicates: 2000, seed: 'planning', method: 'asymptotic' },
  });

  it('a closed form where Schoenfeld’s law holds the tested population’s events (at a month: expected)', () => {
    const [calendar, inS, inF] = scenarioAnalytics(scenario);
    expect(inS).toBeUndefined();
    expect(inF?.reject.any).toBeGreaterThan(0);
    // the asymptotic method draws that law: simulated and closed-form power agree within MC error
    const replicates = 100_000;
    const [simulated] = simulate({
      ...scenario,
      designs: [scenario.designs[0]],
      simulation: { ...scenario.simulation, replicates },
    });
    const closed = calendar!.reject.any!;
    expect(Math.abs(simulated.reject.any - closed)).toBeLessThanOrEqual(4 * proportionSe(closed, replicates));
  });

  it('a sweep over n takes an event-driven design’s events along, and leaves the calendar one’s month', () => {
    const varied = withParameter(scenario, 'n', 600);
    if (!varied.ok) throw new Error(varied.errors.join('\n'));
    expect(varied.scenario.designs.map((design) => [design.n, design.events, design.months])).toEqual([
      [600, undefined, 24],
      [600, 200, undefined],
      [600, 400, undefined],
    ]);
  });

  it('solve sizes a calendar design up to the patients it recruits by its month, or says that is short', async () => {
    const single = { ...scenario, designs: [scenario.designs[0]] };
    const run = async (s: Scenario) => simulate(s);
    const [calendar] = await solve(single, { power: 0.4, hypothesis: 'any' }, run, { replicates: 2000 });
    if (!('size' in calendar)) throw new Error(calendar.unreachable);
    // proportional hazards, asymptotic: the closed form at the events expected by month 24 is the law
    expect(calendar.method).toBe('closed form');
    const power = (n: number) => {
      const varied = withParameter(single, 'n', n);
      if (!varied.ok) throw new Error(varied.errors.join('\n'));
      return scenarioAnalytics(varied.scenario)[0]!.reject.any!;
    };
    expect(power(calendar.size)).toBeGreaterThanOrEqual(0.4);
    expect(power(calendar.size - 1)).toBeLessThan(0.4);
    expect(calendar.size).toBeLessThanOrEqual(RATE * 24);
    // 20 screened a month randomise 480 by month 24: no more can add events by then
    const [short] = await solve(single, { power: 0.9, hypothesis: 'any' }, run, { replicates: 2000 });
    expect(short).toEqual({
      id: 'calendar',
      unit: 'n',
      unreachable:
        'the closed-form power stays below 0.9 up to 480, ' +
        'the patients the screening rate recruits by the analysis month',
    });
    const adaptive = scenarioFrom({
      ...base,
      designs: [{ id: 'ae', type: 'adaptive-enrichment', n: [200, 400], months: [12, 24] }],
      simulation: { method: 'patient' },
    });
    const [stages] = await solve(adaptive, { power: 0.8, hypothesis: 'any' }, run, { replicates: 2000 });
    expect(stages).toMatchObject({ unreachable: expect.stringMatching(/^its stages come at calendar months/) });
  });

  it('the rpact script says that no call holds calendar or S-timed analyses', () => {
    const target = { power: 0.8, hypothesis: 'any' } as const;
    const code = rCode({ scenario, results: simulate(scenario), target, version: 'test' }).replace(/\n# /g, ' ');
    expect(code).toContain("while this design's come at calendar months: no call.");
    expect(code).toContain("while this design's come at S's events: no call.");
  });
});

describe('solving a delayed-effect design starts from the size planned on the average hazard ratio', () => {
  const delayed = [
    { from: 0, value: 1 },
    { from: 4, value: 0.6 },
  ];
  const scenario = scenarioFrom({
    ...base,
    endpoint: endpoint(delayed, delayed),
    designs: [{ id: 'a', type: 'all-comers', n: 500, events: 200 }],
    simulation: { replicates: 4000, seed: 'ahr-start', method: 'patient' },
  });
  const target = { power: 0.8, hypothesis: 'any' } as const;

  it('the closed form is the smallest number of events whose AHR power reaches the target', async () => {
    const [solution] = await solve(scenario, target, async (s) => simulate(s), { replicates: 4000 });
    if (!('size' in solution)) throw new Error(solution.unreachable);
    const closed = solution.closedForm!;
    expect(solution.method).toBe('simulation');
    const power = (events: number) => {
      const varied = withParameter(scenario, 'events', events);
      if (!varied.ok) throw new Error(varied.errors.join('\n'));
      return eventDrivenAhrPower(survival(varied.scenario), 'F', varied.scenario.designs[0].n as number, events);
    };
    expect(closed.power).toBe(power(closed.size));
    expect(power(closed.size)).toBeGreaterThanOrEqual(0.8);
    expect(power(closed.size - 1)).toBeLessThan(0.8);
  });
});
