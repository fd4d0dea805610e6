// `stratum solve FILE --power 0.8 [--hypothesis S|F|both|any] [--workers K] [--format json|csv]`: each
// design's smallest size reaching the target power, with its expected screened, months and cost.
import { availableParallelism } from 'node:os';
import { HYPOTHESES, solve, type Hypothesis } from '../../engine/planning/solve.js';
import { resultsCsv } from '../../share/results-csv.js';
import { InputError } from '../input-error.js';
import { formatOption, integerOption, numberOption, splitOptions, type Format } from '../options.js';
import { simulateOnWorkers } from '../pool.js';
import { oneMarkerOnly, readScenario } from '../scenario-input.js';
import type { Command } from './command.js';

export function parseTarget(
  options: Map<string, string>,
  errors: string[],
): { power?: number; hypothesis: Hypothesis } {
  let power: number | undefined;
  let hypothesis: Hypothesis = 'any';
  const text = options.get('power');
  if (text === undefined) errors.push('--power: required, the target power, e.g. 0.8');
  else power = numberOption('power', text, 0.01, 0.999, errors);
  const chosen = options.get('hypothesis');
  if (chosen !== undefined) {
    if ((HYPOTHESES as readonly string[]).includes(chosen)) hypothesis = chosen as Hypothesis;
    else errors.push(`--hypothesis: must be S, F, both or any, got ${JSON.stringify(chosen)}`);
  }
  return { power, hypothesis };
}

export const solveCommand: Command = {
  usage: 'stratum solve FILE|- --power 0.8 [--hypothesis S|F|both|any] [--workers K] [--format json|csv]',
  async run(words) {
    const { positional, options, errors } = splitOptions(words);
    let workers = availableParallelism();
    let format: Format = 'json';
    for (const [name, value] of options) {
      if (name === 'workers') workers = integerOption(name, value, 1, 256, errors) ?? workers;
      else if (name === 'format') format = formatOption(value, errors) ?? 'json';
      else if (name !== 'power' && name !== 'hypothesis')
        errors.push(`--${name}: unknown option (allowed: --power, --hypothesis, --workers, --format)`);
    }
    const { power, hypothesis } = parseTarget(options, errors);
    if (positional.length !== 1)
      errors.push(`FILE: give exactly one scenario file, or - for standard input, got ${positional.length}`);
    if (errors.length > 0 || power === undefined) throw new InputError(errors);
    const scenario = oneMarkerOnly(readScenario(positional[0]), 'stratum solve');
    const target = { power, hypothesis };
    const solutions = await solve(scenario, target, (single) => simulateOnWorkers(single, workers));
    if (format === 'csv') process.stdout.write(resultsCsv(solutions, { currency: scenario.trial.currency }));
    else process.stdout.write(JSON.stringify({ scenario, target, solutions }, null, 2) + '\n');
  },
};
