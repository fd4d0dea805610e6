// The average hazard ratio (Kalbfleisch & Prentice 1981; Mukhopadhyay et al. 2020), as gsDesign2's
// ahr() computes it: over the pieces j of every marker cell's law (both arms share the breakpoints),
// AHR = exp(Σ_j d_j·ln HR_j / Σ_j d_j), d_j the expected events of both arms in piece j. Beside it the
// log-rank's information as gsDesign2's pw_info() has it: under H0, Σ_j d_j·r/(1 + r)²; under the
// alternative, Σ_j 1/(1/d_Tj + 1/d_Cj), each piece's log hazard ratio estimated from its own events.
import { pieceProbability } from '../endpoints/survival/piece-events.js';
import { survivalHazards, type SurvivalHazards } from '../endpoints/survival/hazards.js';
import type { TestedPopulation } from '../endpoints/outcome-model.js';
import { allocationFactor, treatmentShare } from '../population.js';
import { constantOf } from '../scenario/pieces.js';
import type { Scenario, SurvivalEndpoint } from '../scenario/types.js';
import { CONTROL, TREATMENT } from '../endpoints/stage.js';
import { eventsPlan, type EventsPlan } from './expected-events.js';
import { subgroupSlots } from './survival-curves.js';

export type AverageHazardRatio = {
  ratio: number;
  /** expected events in the tested population */
  events: number;
  /** the log-rank's information under H0 and under the alternative (gsDesign2's info0 and info) */
  information0: number;
  information1: number;
};

/** the AHR of the tested population at calendar month `month`, `n` patients randomised from `from` */
export function averageHazardRatio(
  scenario: Scenario & { endpoint: SurvivalEndpoint },
  from: TestedPopulation,
  n: number,
  month: number,
): AverageHazardRatio {
  return averageHazardRatioOf(eventsPlan(scenario, from, n), scenario.trial.allocation, month);
}

/** the same from a trial's recruitment and laws, made once (eventsPlan) */
export function averageHazardRatioOf(plan: EventsPlan, allocation: number, month: number): AverageHazardRatio {
  const { law, accrual, counted, layout } = plan;
  const byPiece = new Float64Array(law.start.length);
  accrual.events(month, counted, byPiece);
  return average(law, byPiece, (cell) => ((counted >> layout.cellClassified[cell]) & 1) !== 0, allocation);
}

/**
 * The AHR of one true subgroup's patients (a marker status in the one-marker form) followed until
 * their event or dropout, with no trial to end their follow-up: the one hazard ratio that summarises
 * pieces where no design is given (the number itself for proportional hazards).
 */
export function eventualHazardRatio(endpoint: SurvivalEndpoint, subgroup: string, allocation: number): number {
  const law = survivalHazards(endpoint, subgroupSlots(subgroup));
  const byPiece = new Float64Array(law.start.length);
  const share = treatmentShare(allocation);
  // the one cell's slots are its arms
  for (const [slot, weight] of [
    [TREATMENT, share],
    [CONTROL, 1 - share],
  ]) {
    for (let j = law.first[slot]; j < law.first[slot + 1]; j++) byPiece[j] = pieceProbability(law, slot, j, weight);
  }
  return average(law, byPiece, () => true, allocation).ratio;
}

/** a true subgroup's one hazard ratio: the constant one as given, else its eventual AHR */
export function subgroupHazardRatio(endpoint: SurvivalEndpoint, subgroup: string, allocation: number): number {
  return (
    constantOf(endpoint.hazardRatio[subgroup as 'pos' | 'neg']) ?? eventualHazardRatio(endpoint, subgroup, allocation)
  );
}

/** the AHR and information of per-piece events, over the cells `counted` admits */
function average(
  law: SurvivalHazards,
  byPiece: Float64Array,
  counted: (cell: number) => boolean,
  allocation: number,
): AverageHazardRatio {
  let events = 0;
  let logSum = 0;
  let information1 = 0;
  const cells = law.slots / 2;
  for (let cell = 0; cell < cells; cell++) {
    if (!counted(cell)) continue;
    const treated = law.first[TREATMENT * cells + cell];
    const control = law.first[CONTROL * cells + cell];
    for (let i = 0; i < law.first[cell + 1] - treated; i++) {
      const dT = byPiece[treated + i];
      const dC = byPiece[control + i];
      events += dT + dC;
      logSum += (dT + dC) * Math.log(law.hazardRatio[treated + i]);
      if (dT > 0 && dC > 0) information1 += 1 / (1 / dT + 1 / dC);
    }
  }
  return {
    ratio: events > 0 ? Math.exp(logSum / events) : 1,
    events,
    information0: events * allocationFactor(allocation),
    information1,
  };
}
