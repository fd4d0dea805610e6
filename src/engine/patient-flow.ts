// A design's expected patient flow for the app's flow diagram: screened → assay+ / assay− →
// randomised → treatment / control → analysed. Every screened patient's assay is independent, so
// E[assay+] = E[screened]·P(assay+) (Wald's identity also for screening that stops at the n-th
// assay-positive patient, where it equals n).
import { summarisePopulation, treatmentShare } from './population.js';
import type { DesignResult } from './results.js';
import type { Scenario } from './scenario/types.js';

export type PatientFlow = {
  screened: number;
  assayPositive: number;
  assayNegative: number;
  randomized: number;
  notRandomized: number;
  treatment: number;
  control: number;
  /** patients in the final analysis (survival: its events) */
  analysed: number;
  analysedUnit: 'patients' | 'events';
};

export function patientFlow(scenario: Scenario, result: DesignResult): PatientFlow {
  const { screened, randomized, events } = result.expected;
  const assayPositive = screened * summarisePopulation(scenario.population).assayPositive;
  const share = treatmentShare(scenario.trial.allocation);
  const survival = scenario.endpoint.type === 'survival' && events !== undefined;
  return {
    screened,
    assayPositive,
    assayNegative: screened - assayPositive,
    randomized,
    notRandomized: Math.max(0, screened - randomized),
    treatment: randomized * share,
    control: randomized * (1 - share),
    analysed: survival ? events : randomized,
    analysedUnit: survival ? 'events' : 'patients',
  };
}
