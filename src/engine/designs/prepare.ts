// The table from a design's type to its simulation.
import type { Design, Scenario } from '../scenario/types.js';
import type { TraceRecorder } from '../trace/recorder.js';
import { prepareAdaptiveEnrichment } from './adaptive-enrichment.js';
import { TrialContext } from './context.js';
import { prepareOneHypothesis } from './one-hypothesis.js';
import type { DesignRunner } from './runner.js';
import { SampleStages } from './sample-stages.js';
import { stage2Size } from './recalculation.js';
import { prepareStratified } from './stratified.js';
import { prepareSurvivalDesign } from './survival.js';
import { enrolledPopulation } from './tested.js';

/** `recorder`: a trace's (trace/trace.ts), told of every patient and decision; null when simulating blocks */
export function prepareDesign(scenario: Scenario, design: Design, recorder: TraceRecorder | null = null): DesignRunner {
  if (scenario.endpoint.type === 'survival')
    return prepareSurvivalDesign(scenario, scenario.endpoint, design, recorder);
  // each design gets its own context: designs never share mutable stage buffers
  const context = new TrialContext(scenario, recorder);
  switch (design.type) {
    case 'all-comers':
    case 'enriched':
      return prepareOneHypothesis(context, enrolledPopulation(context.layout, design), design);
    case 'stratified':
      return prepareStratified(context, design);
    case 'adaptive-enrichment':
      return prepareAdaptiveEnrichment(
        context.scenario,
        context.layout,
        design,
        new SampleStages(context),
        design.n,
        design.recalculation
          ? (test) => stage2Size(context.scenario, context.layout, design.recalculation!, test)
          : null,
        recorder,
      );
  }
}
