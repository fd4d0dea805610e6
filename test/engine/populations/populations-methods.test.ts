// Sufficient statistics and patient-by-patient simulation are two ways to the same law: on three
// populations with an imperfect assay, for each endpoint, one stage and two, every P(reject), P(continue)
// and P(stop early) agree within 4 combined standard errors (docs/methods.md §1).
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/engine/scenario/parse.js';
import type { DesignResult } from '../../../src/engine/results.js';
import { simulate } from '../../../src/engine/simulate.js';
import { agreementBound } from '../../support/monte-carlo.js';
import { misread, perSubgroup, THREE } from '../../support/population-scenarios.js';

const SUFFICIENT = 100_000;
const PATIENT = 20_000;
const population = misread(THREE, 0.8);

const endpoints = {
  continuous: {
    type: 'continuous',
    effect: perSubgroup(population, (_, i) => [0.5, 0.3, 0.1, 0.5, 0.4, 0.3, 0.6, 0][i]),
    sd: perSubgroup(population, (_, i) => 1 + 0.1 * i),
  },
  binary: {
    type: 'binary',
    control: perSubgroup(population, () => 0.25),
    treatment: perSubgroup(population, (_, i) => [0.45, 0.35, 0.3, 0.45, 0.4, 0.35, 0.5, 0.27][i]),
  },
};
const designs = [
  { id: 'stratified', type: 'stratified', n: 300, intersection: 'simes' },
  { id: 'enriched', type: 'enriched', n: 150, population: 'P1' },
  {
    id: 'adaptive',
    type: 'adaptive-enrichment',
    n: [150, 300],
    intersection: 'bonferroni',
    selection: { rule: 'epsilon', epsilon: 0.1 },
    efficacy: 'pocock',
  },
];

function run(endpoint: object, method: string, replicates: number): DesignResult[] {
  const parsed = parseScenario({
    population,
    endpoint,
    analysis: { statistic: 'z', strata: 'random', stratified: true },
    designs,
    simulation: { method, replicates, seed: `methods ${method}` },
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return simulate(parsed.scenario);
}

describe('sufficient statistics ≡ patient level with three populations and an imperfect assay', () => {
  for (const [name, endpoint] of Object.entries(endpoints)) {
    it(name, () => {
      const sufficient = run(endpoint, 'sufficient', SUFFICIENT);
      const patient = run(endpoint, 'patient', PATIENT);
      sufficient.forEach((ours, d) => {
        const theirs = patient[d];
        const agree = (what: string, p: number | undefined, q: number | undefined) => {
          expect(p, what).toBeDefined();
          expect(Math.abs(p! - q!), `${ours.id} ${what}: ${p} vs ${q}`).toBeLessThanOrEqual(
            agreementBound(p!, SUFFICIENT, q!, PATIENT),
          );
        };
        for (const [key, p] of Object.entries(ours.reject)) agree(`reject ${key}`, p, theirs.reject[key]);
        for (const [key, p] of Object.entries(ours.continue ?? {})) agree(`continue ${key}`, p, theirs.continue?.[key]);
        if (ours.earlyStop) agree('early efficacy', ours.earlyStop.efficacy, theirs.earlyStop?.efficacy);
      });
      // the populations: P1, P2, P3 and F for the designs that test them all
      expect(Object.keys(sufficient[0].reject)).toEqual(['any', 'P1', 'P2', 'P3', 'F']);
      expect(Object.keys(sufficient[1].reject)).toEqual(['any', 'P1']);
    });
  }
});
