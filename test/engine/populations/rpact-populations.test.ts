// Several biomarker populations against rpact (test/fixtures/reference/rpact-populations.json,
// rpact-populations-more.json and rpact-populations-survival.json, each case with its call): every
// probability, P(continue) and early stop within 4·√(se² + se_rpact²) at 10⁵ replicates
// (docs/populations.md); expected patients (events for survival) carried through
// N = n₁ + (1 − P(stop))·(N − n₁), or exactly for one stage.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/engine/scenario/parse.js';
import { simulate } from '../../../src/engine/simulate.js';
import { agreementBound } from '../../support/monte-carlo.js';

type Case = {
  id: string;
  scenario: Record<string, unknown> & {
    endpoint: { type: string };
    designs: { id: string; type: string; n?: number | number[]; events?: number | number[] }[];
  };
  design: string;
  expected: Record<string, number | Record<string, number>>;
  iterations: number;
  source: string;
};

const REPLICATES = 100_000;
const FILES = ['rpact-populations.json', 'rpact-populations-more.json', 'rpact-populations-survival.json'];
const cases: Case[] = FILES.flatMap((file) => {
  const path = new URL(`../../fixtures/reference/${file}`, import.meta.url);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Case[]) : [];
});

describe('several populations agree with rpact', () => {
  it('has nested and overlapping, one- and two-stage, means, rates and survival cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(28);
    for (const type of ['continuous', 'binary', 'survival'])
      expect(cases.some((c) => c.scenario.endpoint.type === type)).toBe(true);
    expect(cases.some((c) => c.scenario.designs[0].type === 'stratified')).toBe(true);
  });

  for (const reference of cases) {
    it(`${reference.id}: ${reference.source}`, () => {
      const parsed = parseScenario({
        ...reference.scenario,
        // survival cases keep their method (rpact's asymptotic law)
        simulation: { ...(reference.scenario.simulation as object), replicates: REPLICATES, seed: reference.id },
      });
      if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
      const [result] = simulate(parsed.scenario).filter((r) => r.id === reference.design);
      const agree = (what: string, ours: number | undefined, theirs: number) => {
        expect(ours, what).toBeDefined();
        expect(Math.abs(ours! - theirs), `${what}: ours ${ours}, rpact ${theirs}`).toBeLessThanOrEqual(
          agreementBound(ours!, REPLICATES, theirs, reference.iterations),
        );
      };
      const { continue: kept, earlyStop, futilityStop, expectedN, expectedEvents, ...reject } = reference.expected;
      for (const [population, p] of Object.entries(reject))
        agree(`reject ${population}`, result.reject[population], p as number);
      if (kept !== undefined) {
        for (const [population, p] of Object.entries(kept))
          agree(`continue ${population}`, result.continue?.[population], p);
      }
      // rpact's earlyStop counts every stop at the interim, futilityStop those for futility
      const stop = result.earlyStop ? result.earlyStop.efficacy + result.earlyStop.futility : undefined;
      if (earlyStop !== undefined) agree('early stop', stop, earlyStop as number);
      if (futilityStop !== undefined) agree('early futility', result.earlyStop?.futility, futilityStop as number);
      const design = reference.scenario.designs.find((d) => d.id === reference.design)!;
      // survival designs are sized in events
      const survival = expectedEvents !== undefined;
      const planned = survival ? design.events : design.n;
      const ours = survival ? result.expected.events : result.expected.randomized;
      const theirs = survival ? expectedEvents : expectedN;
      if (!Array.isArray(planned)) expect(ours).toBe(theirs);
      else if (stop !== undefined && earlyStop !== undefined) {
        const [first, total] = planned;
        expect(ours).toBeCloseTo(first + (1 - stop) * (total - first), 9);
        expect(Math.abs(ours! - (theirs as number))).toBeLessThanOrEqual(
          (total - first) * agreementBound(stop, REPLICATES, earlyStop as number, reference.iterations),
        );
      }
    });
  }
});
