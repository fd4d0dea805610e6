// The table from a design's type to its simulation.
import type { Design } from '../scenario/types.js';
import { prepareAdaptiveEnrichment } from './adaptive-enrichment.js';
import type { TrialContext } from './context.js';
import { prepareOneHypothesis } from './one-hypothesis.js';
import type { DesignRunner } from './runner.js';
import { SampleStages } from './sample-stages.js';
import { stage2Size } from './recalculation.js';
import { prepareStratified } from './stratified.js';

export function prepareDesign(context: TrialContext, design: Design): DesignRunner {
  switch (design.type) {
    case 'all-comers':
      return prepareOneHypothesis(context, 'F', design);
    case 'enriched':
      return prepareOneHypothesis(context, 'S', design);
    case 'stratified':
      return prepareStratified(context, design);
    case 'adaptive-enrichment':
      return prepareAdaptiveEnrichment(
        context.scenario,
        design,
        new SampleStages(context),
        design.n,
        design.recalculation ? (test) => stage2Size(context.scenario, context.population, design.recalculation!, test) : null,
      );
  }
}
