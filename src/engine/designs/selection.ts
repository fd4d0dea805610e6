// The interim's selection of an adaptive-enrichment design over its G hypotheses' measures (the
// effect estimates or the z statistics), as a mask of those kept: `all`; the r best (`best` is r = 1:
// a hypothesis is kept when fewer than r rank above it, the earlier first on a tie); those within ε of
// the best; each only when its measure is above the threshold.
//
// rpact adds U(−10⁻⁵, 10⁻⁵) to every measure before selecting, so that ties (rates' effects tie often)
// fall at random. The jitter moves a difference of two measures by less than 2·10⁻⁵ and a measure by
// less than 10⁻⁵: where no comparison the rule makes is that close, it cannot change the selection, and
// it is drawn only where one is. The selection's law is that of jittering always (the jitter is
// independent of the measures), and a trial draws two uniforms fewer in almost every case.
import type { Sampler } from '../random/sampler.js';
import type { Selection } from '../scenario/types.js';

/** the half-width of the uniform rpact adds to each selection measure (its getSimulationEnrichment…) */
export const TIE_JITTER = 1e-5;

/** the mask of the hypotheses kept, from their `measures` (jittered in place where it matters) */
export type Selector = (measures: Float64Array, sampler: Sampler) => number;

export function selector(selection: Selection, hypotheses: number): Selector {
  const threshold = selection.threshold ?? -Infinity;
  const epsilon = selection.rule === 'epsilon' ? selection.epsilon : NaN;
  const r = selection.rule === 'best' ? 1 : (selection.r ?? hypotheses);
  const keeps = (measures: Float64Array): number => {
    let best = -Infinity;
    for (let k = 0; k < hypotheses; k++) best = Math.max(best, measures[k]);
    let kept = 0;
    for (let k = 0; k < hypotheses; k++) {
      const measure = measures[k];
      let keep: boolean;
      if (selection.rule === 'all') keep = true;
      else if (selection.rule === 'epsilon') keep = best - measure <= epsilon;
      else {
        let above = 0;
        for (let l = 0; l < hypotheses; l++) if (measures[l] > measure || (l < k && measures[l] === measure)) above++;
        keep = above < r;
      }
      if (keep && measure > threshold) kept |= 1 << k;
    }
    return kept;
  };
  return (measures, sampler) => {
    if (close(measures, hypotheses, epsilon, threshold))
      for (let k = 0; k < hypotheses; k++) measures[k] += (2 * sampler.uniform() - 1) * TIE_JITTER;
    return keeps(measures);
  };
}

/**
 * whether the jitter could change a comparison a rule makes: two measures within 2·10⁻⁵ (a rank, the
 * best), or of a difference ε apart, or a measure within 10⁻⁵ of the threshold
 */
function close(measures: Float64Array, hypotheses: number, epsilon: number, threshold: number): boolean {
  for (let k = 0; k < hypotheses; k++) {
    if (Math.abs(measures[k] - threshold) <= TIE_JITTER) return true;
    for (let l = k + 1; l < hypotheses; l++) {
      const gap = Math.abs(measures[l] - measures[k]);
      if (gap <= 2 * TIE_JITTER || Math.abs(gap - epsilon) <= 2 * TIE_JITTER) return true;
    }
  }
  return false;
}
