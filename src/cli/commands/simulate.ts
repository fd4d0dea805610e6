// `stratum simulate FILE|- [--replicates N] [--seed S] [--workers K] [--format json|csv]`
import { availableParallelism } from 'node:os';
import { resultsCsv } from '../format.js';
import { InputError } from '../input-error.js';
import { formatOption, integerOption, splitOptions, type Format, type Parsed } from '../options.js';
import { simulateOnWorkers } from '../pool.js';
import { readScenario } from '../scenario-input.js';
import type { Command } from './command.js';

export type SimulateRequest = { file: string; replicates?: number; seed?: string; workers?: number; format: Format };

export function parseSimulate(words: string[]): Parsed<SimulateRequest> {
  const { positional, options, errors } = splitOptions(words);
  if (positional.length !== 1) errors.push(`FILE: give exactly one scenario file, or - for standard input, got ${positional.length}`);
  const request: SimulateRequest = { file: positional[0] ?? '-', format: 'json' };
  for (const [name, value] of options) {
    if (name === 'replicates') request.replicates = integerOption(name, value, 1, 10_000_000, errors);
    else if (name === 'seed') {
      if (value.length > 100) errors.push(`--seed: must be at most 100 characters, got ${value.length}`);
      else request.seed = value;
    } else if (name === 'workers') request.workers = integerOption(name, value, 1, 256, errors);
    else if (name === 'format') request.format = formatOption(value, errors) ?? 'json';
    else errors.push(`--${name}: unknown option (allowed: --replicates, --seed, --workers, --format)`);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, request };
}

export const simulate: Command = {
  usage: 'stratum simulate FILE|- [--replicates N] [--seed S] [--workers K] [--format json|csv]',
  async run(words) {
    const parsed = parseSimulate(words);
    if (!parsed.ok) throw new InputError(parsed.errors);
    const request = parsed.request;
    const scenario = readScenario(request.file, request);
    const started = performance.now();
    const results = await simulateOnWorkers(scenario, request.workers ?? availableParallelism());
    const elapsedMs = Math.round(performance.now() - started);
    if (request.format === 'csv') process.stdout.write(resultsCsv(results));
    else process.stdout.write(JSON.stringify({ scenario, results, elapsedMs }, null, 2) + '\n');
  },
};
