// `stratum simulate FILE|- [--replicates N] [--seed S] [--workers K] [--format json|csv] [--shard i/k] [--null]`;
// with --null every design is simulated under the global null too and its result carries the
// `null` block (type I error beside power, engine/type-one-error.ts).
import { availableParallelism } from 'node:os';
import { resultsCsv } from '../../share/results-csv.js';
import { InputError } from '../input-error.js';
import { formatOption, integerOption, splitOptions, type Format, type Parsed } from '../options.js';
import { planBlocks } from '../../engine/blocks.js';
import { simulateOnWorkers, withWorkers } from '../pool.js';
import { readScenario } from '../scenario-input.js';
import { globalNull } from '../../engine/planning/global-null.js';
import { inShard, parseShard, type Shard, type ShardFile } from '../../engine/shard.js';
import { withTypeOneError } from '../../engine/type-one-error.js';
import type { Command } from './command.js';

export type SimulateRequest = {
  file: string;
  replicates?: number;
  seed?: string;
  workers?: number;
  format: Format;
  shard?: Shard;
  /** simulate the global null too, for each design's type I error */
  null: boolean;
};

export function parseSimulate(words: string[]): Parsed<SimulateRequest> {
  const { positional, options, flags, errors } = splitOptions(words, ['null']);
  if (positional.length !== 1)
    errors.push(`FILE: give exactly one scenario file, or - for standard input, got ${positional.length}`);
  const request: SimulateRequest = { file: positional[0] ?? '-', format: 'json', null: flags.has('null') };
  for (const [name, value] of options) {
    if (name === 'replicates') request.replicates = integerOption(name, value, 1, 10_000_000, errors);
    else if (name === 'seed') {
      if (value.length > 100) errors.push(`--seed: must be at most 100 characters, got ${value.length}`);
      else request.seed = value;
    } else if (name === 'workers') request.workers = integerOption(name, value, 1, 256, errors);
    else if (name === 'format') request.format = formatOption(value, errors) ?? 'json';
    else if (name === 'shard') {
      request.shard = parseShard(value);
      if (!request.shard)
        errors.push(`--shard: must be i/k with 1 ≤ i ≤ k ≤ 10000, e.g. 2/8, got ${JSON.stringify(value)}`);
    } else
      errors.push(`--${name}: unknown option (allowed: --replicates, --seed, --workers, --format, --shard, --null)`);
  }
  if (request.shard && request.format === 'csv')
    errors.push('--format: a shard is written as JSON for `stratum merge`; csv is for whole runs');
  if (request.shard && request.null)
    errors.push('--null: a shard holds the tallies of one scenario for `stratum merge`; --null is for whole runs');
  return errors.length > 0 ? { ok: false, errors } : { ok: true, request };
}

export const simulate: Command = {
  usage:
    'stratum simulate FILE|- [--replicates N] [--seed S] [--workers K] [--format json|csv] [--shard i/k] ' +
    '[--null]   (--null: each design under the global null too, its type I error in `null`)',
  async run(words) {
    const parsed = parseSimulate(words);
    if (!parsed.ok) throw new InputError(parsed.errors);
    const request = parsed.request;
    const scenario = readScenario(request.file, request);
    const started = performance.now();
    const workers = request.workers ?? availableParallelism();
    if (request.shard) {
      const tallies: ShardFile['tallies'] = [];
      await simulateOnWorkers(scenario, workers, {
        blocks: inShard(request.shard),
        onTally: (task, tally) => tallies.push({ design: task.design, block: task.block, tally: Array.from(tally) }),
      });
      const file: ShardFile = {
        shard: `${request.shard.index}/${request.shard.count}`,
        scenario,
        tallies,
        elapsedMs: Math.round(performance.now() - started),
      };
      process.stdout.write(JSON.stringify(file) + '\n');
      return;
    }
    // with --null, the scenario and its global null side by side on the same threads
    const results = await withWorkers(
      workers,
      async (pool) => {
        const [results, nulls] = await Promise.all([
          pool.simulate(scenario),
          request.null ? pool.simulate(globalNull(scenario)) : undefined,
        ]);
        return nulls ? withTypeOneError(results, nulls, scenario.alpha) : results;
      },
      planBlocks(scenario).length,
    );
    const elapsedMs = Math.round(performance.now() - started);
    if (request.format === 'csv') process.stdout.write(resultsCsv(results, { currency: scenario.trial.currency }));
    else process.stdout.write(JSON.stringify({ scenario, results, elapsedMs }, null, 2) + '\n');
  },
};
