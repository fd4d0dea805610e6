// `stratum sweep FILE --param NAME --values v1,v2,… [--workers K] [--format json|csv]`: every
// design at every value of one parameter, on common random numbers (the same seed throughout).
import { availableParallelism } from 'node:os';
import { PARAMETER_WORDS } from '../../engine/planning/parameter.js';
import { sweep, sweepScenarios } from '../../engine/planning/sweep.js';
import { resultsCsv } from '../../share/results-csv.js';
import { InputError } from '../input-error.js';
import { formatOption, integerOption, numberList, splitOptions, type Format } from '../options.js';
import { withWorkers } from '../pool.js';
import { readScenario } from '../scenario-input.js';
import type { Command } from './command.js';

export const sweepCommand: Command = {
  usage:
    'stratum sweep FILE|- --param NAME --values v1,v2,… [--workers K] [--format json|csv]   ' +
    `(NAME: ${PARAMETER_WORDS})`,
  async run(words) {
    const { positional, options, errors } = splitOptions(words);
    let parameter: string | undefined;
    let values: number[] | undefined;
    let workers = availableParallelism();
    let format: Format = 'json';
    for (const [name, value] of options) {
      if (name === 'param') parameter = value;
      else if (name === 'values') values = numberList(name, value, 200, errors);
      else if (name === 'workers') workers = integerOption(name, value, 1, 256, errors) ?? workers;
      else if (name === 'format') format = formatOption(value, errors) ?? 'json';
      else errors.push(`--${name}: unknown option (allowed: --param, --values, --workers, --format)`);
    }
    if (positional.length !== 1)
      errors.push(`FILE: give exactly one scenario file, or - for standard input, got ${positional.length}`);
    if (parameter === undefined) errors.push(`--param: required, one of ${PARAMETER_WORDS}`);
    if (!options.has('values')) errors.push('--values: required, a comma-separated list of numbers');
    if (errors.length > 0 || parameter === undefined || values === undefined) throw new InputError(errors);
    const scenario = readScenario(positional[0]);
    const planned = sweepScenarios(scenario, parameter, values);
    if (!planned.ok) throw new InputError(planned.errors);
    const points = await withWorkers(workers, (pool) =>
      sweep(scenario, parameter, values, (point) => pool.simulate(point)),
    );
    if (format === 'csv') {
      process.stdout.write(
        resultsCsv(
          points.flatMap((point) => point.results.map((result) => ({ [parameter!]: point.value, ...result }))),
          { currency: scenario.trial.currency },
        ),
      );
    } else {
      process.stdout.write(JSON.stringify({ scenario, parameter, points }, null, 2) + '\n');
    }
  },
};
