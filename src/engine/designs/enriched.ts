// Enriched: screen until n assay-positive patients are randomised and test H_S.
import type { EnrichedDesign } from '../scenario/types.js';
import type { TrialContext } from './context.js';
import { prepareOneHypothesis } from './one-hypothesis.js';
import type { DesignRunner } from './runner.js';

export function prepareEnriched(context: TrialContext, design: EnrichedDesign): DesignRunner {
  return prepareOneHypothesis(context, 'S', design);
}
