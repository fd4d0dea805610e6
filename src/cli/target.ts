// The target of `stratum solve`, `map`, `report` and `rcode`: --power and --hypothesis. Which hypotheses
// there are is known only once the scenario is read (with several populations they are the populations'
// ids), so --hypothesis is read here and checked against the scenario by `checkedTarget`.
import type { PopulationTarget } from '../engine/planning/solve.js';
import { targetHypotheses } from '../engine/planning/target-hypotheses.js';
import type { Scenario } from '../engine/scenario/types.js';
import { InputError } from './input-error.js';
import { numberOption } from './options.js';

/** --power (required unless `defaultPower` is given) and --hypothesis (default: any), unchecked */
export function parseTarget(
  options: Map<string, string>,
  errors: string[],
  defaultPower?: number,
): { power?: number; hypothesis: string } {
  const text = options.get('power');
  let power = defaultPower;
  if (text === undefined && power === undefined) errors.push('--power: required, the target power, e.g. 0.8');
  else if (text !== undefined) power = numberOption('power', text, 0.01, 0.999, errors);
  return { power, hypothesis: options.get('hypothesis') ?? 'any' };
}

/** the target, its hypothesis one the scenario has */
export function checkedTarget(scenario: Scenario, target: { power: number; hypothesis: string }): PopulationTarget {
  const allowed = targetHypotheses(scenario);
  if (allowed.includes(target.hypothesis)) return target;
  const list = `${allowed.slice(0, -1).join(', ')} or ${allowed[allowed.length - 1]}`;
  throw new InputError([`--hypothesis: must be ${list}, got ${JSON.stringify(target.hypothesis)}`]);
}
