// Who takes a scenario in the several-populations form yet (docs/populations.md, "Where it stands"):
// the contract reads it and `stratum simulate` (whole, sharded, merged) hands it to the engine, but the
// planning commands, the report, share links and the page were made for one marker and read
// prevalence, sensitivity and `pos`/`neg` values it does not have. Each refuses it where it enters,
// with this one message, rather than failing later or computing from fields that are not there.
import { isMarkerPopulation, type Scenario } from './types.js';

/**
 * Why `who` ("stratum solve", "the page") refuses `scenario`, or undefined when it takes it; `verb` is
 * what `who` does with a scenario.
 */
export function severalPopulationsRefused(
  scenario: Scenario,
  who: string,
  verb: 'take' | 'show' = 'take',
): string | undefined {
  if (isMarkerPopulation(scenario.population)) return undefined;
  return `population.subgroups: ${who} does not ${verb} several biomarker populations yet (docs/populations.md)`;
}
