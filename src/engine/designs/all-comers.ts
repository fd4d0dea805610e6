// All-comers: randomise every screened patient and test H_F.
import type { AllComersDesign } from '../scenario/types.js';
import type { TrialContext } from './context.js';
import { prepareOneHypothesis } from './one-hypothesis.js';
import type { DesignRunner } from './runner.js';

export function prepareAllComers(context: TrialContext, design: AllComersDesign): DesignRunner {
  return prepareOneHypothesis(context, 'F', design);
}
