// `stratum merge SHARD.json…`: the shards of one run (`simulate --shard i/k`) merged into exactly
// the result of the unsharded run.
import { mergeShards } from '../../engine/shard.js';
import { InputError } from '../input-error.js';
import { formatOption, splitOptions, type Format } from '../options.js';
import { resultsCsv } from '../../share/results-csv.js';
import { readInput } from '../scenario-input.js';
import type { Command } from './command.js';

export const merge: Command = {
  usage: 'stratum merge SHARD.json… [--format json|csv]',
  async run(words) {
    const { positional, options, errors } = splitOptions(words);
    let format: Format = 'json';
    for (const [name, value] of options) {
      if (name === 'format') format = formatOption(value, errors) ?? 'json';
      else errors.push(`--${name}: unknown option (allowed: --format)`);
    }
    if (positional.length === 0) errors.push('SHARD: give the shard files of one run, e.g. part-1.json part-2.json');
    if (errors.length > 0) throw new InputError(errors);
    const files = positional.map((file) => {
      try {
        return JSON.parse(readInput(file)) as unknown;
      } catch (error) {
        if (error instanceof InputError) throw error;
        throw new InputError([`${file}: not valid JSON: ${(error as Error).message}`]);
      }
    });
    const merged = mergeShards(files, positional);
    if (!merged.ok) throw new InputError(merged.errors);
    if (format === 'csv')
      process.stdout.write(resultsCsv(merged.results, { currency: merged.scenario.trial.currency }));
    else
      process.stdout.write(
        JSON.stringify({ scenario: merged.scenario, results: merged.results, elapsedMs: merged.elapsedMs }, null, 2) +
          '\n',
      );
  },
};
