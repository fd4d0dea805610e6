// What a traced trial adds to a run's results, read from the tally its runner wrote: the hypotheses it
// rejected (H_S and H_F for one marker, each tested population's by id with several), how it stopped,
// what an adaptive design kept, its patients, months and events, and each analysis held.
import { testedPopulations } from '../designs/tested.js';
import { layoutOf, ONE_MARKER } from '../population.js';
import { type Design, isMarkerPopulation, type Scenario } from '../scenario/types.js';
import { ANALYSES, CONTINUE, MAX_ANALYSES, REJECT, TALLY } from '../tally.js';

/** what the trial adds to a run's tally (tally-trace.ts adds it back) */
export type TraceOutcome = {
  /** one marker: whether H_S and H_F were rejected */
  rejectS?: boolean;
  rejectF?: boolean;
  /** several populations: whether each tested population's hypothesis was rejected, by id */
  reject?: Record<string, boolean>;
  /** stopped at an interim look: for efficacy, or (adaptive designs) for futility */
  stopped: 'efficacy' | 'futility' | null;
  /** adaptive designs that went on to stage 2: the populations kept (S and F, or each tested one by id); else null */
  kept: Record<string, boolean> | null;
  randomized: number;
  screened: number;
  months: number;
  /** events at the last analysis (survival; 0 otherwise) */
  events: number;
  /** survival designs: each analysis held, its month and events (tally.ts); else empty */
  analyses: { months: number; events: number }[];
};

/** one trial's tally, which the runner wrote, as the trace's outcome */
export function outcomeOf(scenario: Scenario, design: Design, tally: Float64Array): TraceOutcome {
  const { S, F } = ONE_MARKER;
  const layout = layoutOf(scenario.population);
  const tested = testedPopulations(layout, design);
  const oneMarker = isMarkerPopulation(scenario.population);
  const byId = (slot: number) => Object.fromEntries(tested.map((k) => [layout.populationIds[k], tally[slot + k] > 0]));
  const rejected = oneMarker
    ? { rejectS: tally[REJECT + S] > 0, rejectF: tally[REJECT + F] > 0 }
    : { reject: byId(REJECT) };
  const continued = tested.some((k) => tally[CONTINUE + k] > 0);
  return {
    ...rejected,
    stopped: tally[TALLY.earlyEfficacy] > 0 ? 'efficacy' : tally[TALLY.earlyFutility] > 0 ? 'futility' : null,
    kept:
      design.type !== 'adaptive-enrichment' || !continued
        ? null
        : oneMarker
          ? { S: tally[CONTINUE + S] > 0, F: tally[CONTINUE + F] > 0 }
          : byId(CONTINUE),
    randomized: tally[TALLY.randomized],
    screened: tally[TALLY.screened],
    months: tally[TALLY.months],
    events: tally[TALLY.events],
    analyses: heldAnalyses(tally),
  };
}

function heldAnalyses(tally: Float64Array): { months: number; events: number }[] {
  const held: { months: number; events: number }[] = [];
  for (let k = 0; k < MAX_ANALYSES && tally[ANALYSES + 3 * k] > 0; k++)
    held.push({ months: tally[ANALYSES + 3 * k + 1], events: tally[ANALYSES + 3 * k + 2] });
  return held;
}
