// The view settings a share link keeps beside its scenario: the target power and the target
// hypothesis, in the address's fragment (`#power=0.9&hypothesis=S`, or a population's id with several
// populations), so the query string stays the scenario contract's alone. A fragment that is not ours,
// or is tampered with, is read as far as it is valid and the rest is named.
import { HYPOTHESES, type PopulationTarget } from '../engine/planning/solve.js';

export const POWER_RANGE = { min: 0.5, max: 0.99 };
export const DEFAULT_TARGET: PopulationTarget = { power: 0.8, hypothesis: 'any' };

export function encodeTargetHash(target: PopulationTarget): string {
  const same = target.power === DEFAULT_TARGET.power && target.hypothesis === DEFAULT_TARGET.hypothesis;
  // an id may hold `+`, which a fragment read as search parameters would take for a space
  return same ? '' : `#power=${target.power}&hypothesis=${encodeURIComponent(target.hypothesis)}`;
}

/**
 * the target a fragment names (defaults for what it leaves out), and what of it could not be read;
 * `hypotheses`: those the scenario has (target-hypotheses.ts), one marker's by default
 */
export function decodeTargetHash(
  hash: string,
  hypotheses: readonly string[] = HYPOTHESES,
): { target: PopulationTarget; problems: string[] } {
  const target = { ...DEFAULT_TARGET };
  const problems: string[] = [];
  const text = hash.replace(/^#/, '');
  // a plain anchor (`#how-S`) is a place on the page, not settings
  if (!text.includes('=')) return { target, problems };
  for (const [key, value] of new URLSearchParams(text)) {
    if (key === 'power') {
      const power = Number(value);
      if (value.trim() !== '' && power >= POWER_RANGE.min && power <= POWER_RANGE.max) target.power = power;
      else problems.push(`power: must be a number from ${POWER_RANGE.min} to ${POWER_RANGE.max}, got ${value}`);
    } else if (key === 'hypothesis') {
      if (hypotheses.includes(value)) target.hypothesis = value;
      else problems.push(`hypothesis: must be one of ${hypotheses.join(', ')}, got ${value}`);
    } else {
      problems.push(`${key}: not a setting of the page`);
    }
  }
  return { target, problems };
}
