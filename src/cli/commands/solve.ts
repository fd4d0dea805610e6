// `stratum solve FILE --power 0.8 [--hypothesis S|F|both|any|ID] [--workers K] [--format json|csv]`: each
// design's smallest size reaching the target power, with its expected screened, months and cost; with
// several populations the hypothesis is a population's id, F or any.
import { availableParallelism } from 'node:os';
import { solve } from '../../engine/planning/solve.js';
import { resultsCsv } from '../../share/results-csv.js';
import { InputError } from '../input-error.js';
import { formatOption, integerOption, splitOptions, type Format } from '../options.js';
import { withWorkers } from '../pool.js';
import { readScenario } from '../scenario-input.js';
import { checkedTarget, parseTarget } from '../target.js';
import type { Command } from './command.js';

export const solveCommand: Command = {
  usage: 'stratum solve FILE|- --power 0.8 [--hypothesis S|F|both|any|ID] [--workers K] [--format json|csv]',
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
    const scenario = readScenario(positional[0]);
    const target = checkedTarget(scenario, { power, hypothesis });
    const solutions = await withWorkers(workers, (pool) => solve(scenario, target, (single) => pool.simulate(single)));
    if (format === 'csv') process.stdout.write(resultsCsv(solutions, { currency: scenario.trial.currency }));
    else process.stdout.write(JSON.stringify({ scenario, target, solutions }, null, 2) + '\n');
  },
};
