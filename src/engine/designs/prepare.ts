// The table from a design's type to its simulation.
import type { Design } from '../scenario/types.js';
import { prepareAdaptiveEnrichment } from './adaptive-enrichment.js';
import { prepareAllComers } from './all-comers.js';
import type { TrialContext } from './context.js';
import { prepareEnriched } from './enriched.js';
import type { DesignRunner } from './runner.js';
import { prepareStratified } from './stratified.js';

export function prepareDesign(context: TrialContext, design: Design): DesignRunner {
  switch (design.type) {
    case 'all-comers':
      return prepareAllComers(context, design);
    case 'enriched':
      return prepareEnriched(context, design);
    case 'stratified':
      return prepareStratified(context, design);
    case 'adaptive-enrichment':
      return prepareAdaptiveEnrichment(context, design);
  }
}
