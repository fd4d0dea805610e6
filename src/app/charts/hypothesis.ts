// How the charts name a target hypothesis, and the dash that tells its line apart when a chart
// draws several hypotheses per design (the colour is the design's). No dash is the target line's
// (5 4). With several populations a hypothesis is a population's id: H_SA.
import type { Hypothesis } from '../../engine/planning/solve.js';

/** what is rejected: "P(reject H_S)", "80% power for H_S and H_F" */
export const HYPOTHESIS_TEXT: Record<Hypothesis, string> = {
  S: 'H_S',
  F: 'H_F',
  both: 'H_S and H_F',
  any: 'any hypothesis',
};

/** the same for any key of the results' `reject`: one marker's above, else a population's H_id */
export function hypothesisText(hypothesis: string): string {
  return HYPOTHESIS_TEXT[hypothesis as Hypothesis] ?? `H_${hypothesis}`;
}

/** the lines of the hypotheses a chart draws, in their order: one marker's S, F, both, any */
const LINES = [
  { dash: 'none', name: 'solid' },
  { dash: '2 3', name: 'dotted' },
  { dash: '9 3 2 3', name: 'dash-dotted' },
  { dash: '12 3 2 3 2 3', name: 'dash-dot-dotted' },
];

/** the line of the `index`-th hypothesis a chart draws: its stroke-dasharray, and the same in words */
export function hypothesisLine(index: number): { dash: string; name: string } {
  return LINES[index % LINES.length];
}
