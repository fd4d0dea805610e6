// rpact's "rBest" selection (keep the r populations with the largest measure): with S and F to choose
// from, r = 1 is the "best" rule and r ≥ 2 keeps both, so the same seed gives the same trials, to the
// last bit; and r is asked for exactly where it means something.
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/engine/scenario/parse.js';
import { simulate } from '../../../src/engine/simulate.js';
import { continuousEndpoint, RPACT_LIKE, scenarioFrom } from '../../support/scenarios.js';

const adaptive = (selection: Record<string, unknown>) => ({
  id: 'ae',
  type: 'adaptive-enrichment',
  n: [150, 300],
  selection: { measure: 'z', threshold: 0, ...selection },
});
const run = (selection: Record<string, unknown>) =>
  simulate(
    scenarioFrom({
      population: { prevalence: 0.35 },
      endpoint: continuousEndpoint(0.45, 0.15),
      analysis: RPACT_LIKE,
      designs: [adaptive(selection)],
      simulation: { replicates: 20_000, seed: 'rbest' },
    }),
  )[0];
const withoutSelection = ({ reject, mcse, continue: kept, earlyStop, expected }: ReturnType<typeof run>) => ({
  reject,
  mcse,
  kept,
  earlyStop,
  expected,
});

describe('rbest selection', () => {
  it('r = 1 is the best rule, trial for trial', () => {
    expect(withoutSelection(run({ rule: 'rbest', r: 1 }))).toEqual(withoutSelection(run({ rule: 'best' })));
  });

  it('r = 2 (or more) keeps both populations, as the all rule does', () => {
    const all = withoutSelection(run({ rule: 'all' }));
    expect(withoutSelection(run({ rule: 'rbest', r: 2 }))).toEqual(all);
    expect(withoutSelection(run({ rule: 'rbest', r: 4 }))).toEqual(all);
  });

  it('asks for r with rbest, and refuses it elsewhere', () => {
    const errors = (selection: Record<string, unknown>) => {
      const document = { population: { prevalence: 0.3 }, endpoint: continuousEndpoint(0.5, 0.1) };
      const parsed = parseScenario({ ...document, designs: [adaptive(selection)] });
      return parsed.ok ? [] : parsed.errors;
    };
    expect(errors({ rule: 'rbest' })).toEqual([
      'designs[0].selection.r: required with rule "rbest", must be an integer ≥ 1',
    ]);
    expect(errors({ rule: 'best', r: 2 })).toEqual(['designs[0].selection.r: only with rule "rbest" (rule is "best")']);
    expect(errors({ rule: 'rbest', r: 5 })[0]).toMatch(/^designs\[0\]\.selection\.r: .*at most four populations/);
  });
});
