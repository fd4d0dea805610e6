// How the charts name a target hypothesis, and the dash that tells its line apart when a chart
// draws several hypotheses per design (the colour is the design's). No dash is the target line's
// (5 4).
import type { Hypothesis } from '../../engine/planning/solve.js';

/** what is rejected: "P(reject H_S)", "80% power for H_S and H_F" */
export const HYPOTHESIS_TEXT: Record<Hypothesis, string> = {
  S: 'H_S',
  F: 'H_F',
  both: 'H_S and H_F',
  any: 'any hypothesis',
};

/** each hypothesis's line: its stroke-dasharray, and the same in words for the description */
export const HYPOTHESIS_LINE: Record<Hypothesis, { dash: string; name: string }> = {
  S: { dash: 'none', name: 'solid' },
  F: { dash: '2 3', name: 'dotted' },
  both: { dash: '9 3 2 3', name: 'dash-dotted' },
  any: { dash: '12 3 2 3 2 3', name: 'dash-dot-dotted' },
};
