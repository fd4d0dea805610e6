// A design's expected patient flow for the flow diagram: screened → each subgroup as the assay
// classifies them (assay+ and assay− with one marker) → randomised or not → treatment / control →
// analysed. Every screened patient's assay is independent, so E[classified j] = E[screened]·P(classified
// j) (Wald's identity also for screening that stops at the n-th patient of a population).
//
// Each subgroup's arrows say where its patients can go: randomised when some stage enrols it, turned
// away when some stage may not (an enriched design's other subgroups; an adaptive design's subgroups
// outside stage 1's population, and those outside every population of a set stage 2 may keep).
import { layoutOf, treatmentShare } from './population.js';
import type { CellLayout } from './population-model.js';
import type { DesignResult } from './results.js';
import { enrolledPopulation, firstStagePopulation, testedPopulations } from './designs/tested.js';
import { type Design, isMarkerPopulation, type Scenario } from './scenario/types.js';

export type FlowSubgroup = {
  label: string;
  /** expected patients screened into it */
  count: number;
  /** some of them are randomised, some are not */
  randomized: boolean;
  turnedAway: boolean;
};

export type PatientFlow = {
  screened: number;
  classified: FlowSubgroup[];
  randomized: number;
  notRandomized: number;
  treatment: number;
  control: number;
  /** patients in the final analysis (survival: its events) */
  analysed: number;
  analysedUnit: 'patients' | 'events';
};

/** the flow of the design whose result this is */
export function patientFlow(scenario: Scenario, result: DesignResult): PatientFlow {
  const design = scenario.designs.find((candidate) => candidate.id === result.id);
  if (design === undefined) throw new Error(`no design "${result.id}" in the scenario`);
  const { screened, randomized, events } = result.expected;
  const layout = layoutOf(scenario.population);
  const share = treatmentShare(scenario.trial.allocation);
  const survival = scenario.endpoint.type === 'survival' && events !== undefined;
  const labels = isMarkerPopulation(scenario.population) ? ['assay+', 'assay−'] : layout.subgroupIds;
  const { enrolled, leftOut } = routes(layout, design);
  return {
    screened,
    classified: labels.map((label, j) => ({
      label,
      count: screened * layout.classifiedShare[j],
      randomized: (enrolled & (1 << j)) !== 0,
      turnedAway: (leftOut & (1 << j)) !== 0,
    })),
    randomized,
    notRandomized: Math.max(0, screened - randomized),
    treatment: randomized * share,
    control: randomized * (1 - share),
    analysed: survival ? events : randomized,
    analysedUnit: survival ? 'events' : 'patients',
  };
}

/** the classified subgroups some stage enrols, and those some stage turns away (bit masks) */
function routes(layout: CellLayout, design: Design): { enrolled: number; leftOut: number } {
  const everyone = layout.populationMask[layout.full];
  if (design.type !== 'adaptive-enrichment') {
    const enrolled = layout.populationMask[enrolledPopulation(layout, design)];
    return { enrolled, leftOut: everyone & ~enrolled };
  }
  const enrolled = layout.populationMask[firstStagePopulation(layout, design)];
  // stage 2 enrols the union of what it keeps: with a threshold, or by `best` or `epsilon`, a single
  // population may be all it keeps; by `rbest`, any r of them; by `all`, every one
  const tested = testedPopulations(layout, design);
  const { rule, threshold } = design.selection;
  const fewest =
    threshold !== null || rule === 'best' || rule === 'epsilon'
      ? 1
      : rule === 'rbest'
        ? Math.min(design.selection.r ?? tested.length, tested.length)
        : tested.length;
  let leftOut = everyone & ~enrolled;
  for (let j = 0; j < layout.subgroupIds.length; j++) {
    const without = tested.filter((k) => (layout.populationMask[k] & (1 << j)) === 0).length;
    if ((enrolled & (1 << j)) !== 0 && without >= fewest) leftOut |= 1 << j;
  }
  return { enrolled, leftOut };
}
