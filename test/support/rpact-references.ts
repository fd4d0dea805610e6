// The rpact reference cases of test/fixtures as Stratum scenarios, for every test that reads them:
// the enrichment simulations (reference/rpact-cases.json and rpact-cases-more.json, each holding
// its scenario) and rpact's patient-level survival simulations (survival/rpact-patient*.json:
// one all-comers trial, 400 patients recruited over 20 months, median 12, hazard ratio 0.7,
// with and without an O'Brien–Fleming interim).
import cases from '../fixtures/reference/rpact-cases.json';
import moreCases from '../fixtures/reference/rpact-cases-more.json';
import rpactPatient from '../fixtures/survival/rpact-patient.json';
import rpactPatientGs from '../fixtures/survival/rpact-patient-gs.json';
import type { Scenario } from '../../src/engine/scenario/types.js';
import { scenarioFrom } from './scenarios.js';

export type Simulation = { replicates: number; seed: string };

type Sizes = { id: string; n?: number | number[]; events?: number | number[] };
export type EnrichmentCase = {
  id: string;
  scenario: { designs: Sizes[]; simulation?: object };
  design: string;
  expected: {
    any: number;
    S: number;
    F: number;
    expectedN?: number;
    expectedEvents?: number;
    continueS?: number;
    continueF?: number;
    earlyStop?: number;
  };
  iterations: number;
  /** the rpact call that made the case */
  source: string;
};

export const ENRICHMENT_CASES = [...cases, ...moreCases] as unknown as EnrichmentCase[];

export function enrichmentScenario(reference: EnrichmentCase, simulation: Simulation): Scenario {
  return scenarioFrom({ ...reference.scenario, simulation: { ...reference.scenario.simulation, ...simulation } });
}

export type PatientSurvivalCase = {
  id: string;
  reference: typeof rpactPatient | typeof rpactPatientGs;
  document: Record<string, unknown>;
};

const survivalTrial = (design: Record<string, unknown>) => ({
  // prevalence ½ with the same hazards in both marker groups: the marker plays no part
  population: { prevalence: 0.5 },
  endpoint: {
    type: 'survival',
    controlMedian: { pos: 12, neg: 12 },
    hazardRatio: { pos: 0.7, neg: 0.7 },
    dropoutPerYear: 0,
  },
  // 20 screened a month, so 400 enter over 20 months
  trial: { screeningRate: 400 / 20 },
  designs: [{ type: 'all-comers', n: 400, events: 250, ...design }],
});

export const PATIENT_SURVIVAL_CASES: PatientSurvivalCase[] = [
  { id: 'rpact-patient', reference: rpactPatient, document: survivalTrial({ id: 'all-comers' }) },
  {
    id: 'rpact-patient-gs',
    reference: rpactPatientGs,
    document: survivalTrial({ id: 'gs', interims: { informationRates: [0.5, 1], efficacy: 'obrien-fleming' } }),
  },
];

export function patientSurvivalScenario(reference: PatientSurvivalCase, simulation: Simulation): Scenario {
  return scenarioFrom({ ...reference.document, simulation });
}
