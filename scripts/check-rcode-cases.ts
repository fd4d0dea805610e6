// The scripts check-rcode.mjs runs in R: for every rpact reference case of the fixtures with a
// recorded call, the scenario it describes (test/support/rpact-references.ts, as the agreement
// tests build it) with the case's iterations as replicates and its recorded seed, simulated here
// and written by `rCode`; and a few one-population designs of our own (means with O'Brien–Fleming
// looks, an enriched t test, rates), whose sizes at 80% power are solved so that rpact's
// getSampleSize* stands beside them.
import { type Solution, solve } from '../src/engine/planning/solve.js';
import type { Scenario } from '../src/engine/scenario/types.js';
import { simulate } from '../src/engine/simulate.js';
import { rCode } from '../src/report/r/rcode.js';
import { STRATUM_VERSION } from '../src/report/version.js';
import {
  ENRICHMENT_CASES,
  enrichmentScenario,
  PATIENT_SURVIVAL_CASES,
  patientSurvivalScenario,
} from '../test/support/rpact-references.js';
import { scenarioFrom } from '../test/support/scenarios.js';

export type CheckCase = { id: string; source: string; script: () => Promise<string> };

const TARGET = { power: 0.8, hypothesis: 'any' } as const;
const recordedSeed = (call: string) => /seed\s*=\s*(\d+)/.exec(call)?.[1];

function script(scenario: Scenario, solutions?: Solution[]): string {
  return rCode({ scenario, results: simulate(scenario), target: TARGET, solutions, version: STRATUM_VERSION });
}

const OWN = {
  title: 'one-population designs',
  population: { prevalence: 0.4 },
  analysis: { statistic: 'z', strata: 'fixed' },
  simulation: { replicates: 20_000, seed: '31' },
};

const OWN_CASES: { id: string; document: Record<string, unknown> }[] = [
  {
    id: 'means-all-comers-obf',
    document: {
      ...OWN,
      endpoint: { type: 'continuous', sd: { pos: 1, neg: 1 }, effect: { pos: 0.3, neg: 0.3 } },
      designs: [{ id: 'gs', type: 'all-comers', n: 360, interims: { informationRates: [0.33, 0.67, 1] } }],
    },
  },
  {
    id: 'means-enriched-t',
    document: {
      ...OWN,
      analysis: { statistic: 't', strata: 'fixed' },
      endpoint: { type: 'continuous', sd: { pos: 1.2, neg: 1 }, effect: { pos: 0.5, neg: 0 } },
      designs: [{ id: 'enriched', type: 'enriched', n: 120 }],
    },
  },
  {
    id: 'rates-all-comers',
    document: {
      ...OWN,
      endpoint: { type: 'binary', control: { pos: 0.25, neg: 0.25 }, treatment: { pos: 0.4, neg: 0.4 } },
      designs: [{ id: 'all-comers', type: 'all-comers', n: 300 }],
    },
  },
];

export const CHECK_CASES: CheckCase[] = [
  ...ENRICHMENT_CASES.map((reference) => ({
    id: reference.id,
    source: reference.source,
    script: async () => {
      const seed = recordedSeed(reference.source) ?? reference.id;
      return script(enrichmentScenario(reference, { replicates: reference.iterations, seed }));
    },
  })),
  ...PATIENT_SURVIVAL_CASES.map((reference) => ({
    id: reference.id,
    source: reference.reference.call,
    script: async () => {
      const { call, iterations } = reference.reference;
      const scenario = patientSurvivalScenario(reference, {
        replicates: iterations,
        seed: recordedSeed(call) ?? reference.id,
      });
      return script(scenario, await solve(scenario, TARGET, simulate));
    },
  })),
  ...OWN_CASES.map(({ id, document }) => ({
    id,
    source: 'a one-population design of our own',
    script: async () => {
      const scenario = scenarioFrom(document);
      return script(scenario, await solve(scenario, TARGET, simulate));
    },
  })),
];
