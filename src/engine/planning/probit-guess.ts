// Where the solver's search starts when no closed form gives a size: a guess from the power simulated
// at one or two sizes. On the probit scale power is close to linear in √size (for a z test exactly:
// Φ⁻¹(power) = δ·√(k·n) − z_{1−α}); one point gives the line through it with that intercept, two the
// line through both. The search then brackets and bisects from the guess, so a poor guess costs steps,
// never the answer.
import { normalQuantile } from '../math/normal.js';

export type PowerAt = { size: number; power: number };

/** the size at which the line reaches `target`, rounded; undefined when the points cannot place it */
export function probitGuess(points: readonly PowerAt[], target: number, alpha: number): number | undefined {
  const z = (power: number) => normalQuantile(Math.min(0.9999, Math.max(0.0001, power)));
  const goal = z(target);
  const [first, second] = points;
  let slope: number;
  let intercept: number;
  const rising =
    second && second.size !== first.size
      ? (z(second.power) - z(first.power)) / (Math.sqrt(second.size) - Math.sqrt(first.size))
      : 0;
  if (rising > 0) {
    slope = rising;
    intercept = z(first.power) - slope * Math.sqrt(first.size);
  } else {
    // one point, or two that do not rise: the one nearer the target, with the z test's intercept
    const near = second && Math.abs(second.power - target) < Math.abs(first.power - target) ? second : first;
    intercept = z(alpha);
    slope = (z(near.power) - intercept) / Math.sqrt(near.size);
  }
  if (!(slope > 0)) return undefined;
  const root = (goal - intercept) / slope;
  return root > 0 && Number.isFinite(root) ? Math.round(root * root) : undefined;
}
