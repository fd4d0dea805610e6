// The `stratum` command line (SCENARIO.md, "Command line"). Bad input exits with status 2,
// nothing on standard output and one line per problem on standard error; never a stack trace.
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parseScenario } from '../engine/scenario/parse.js';
import { unsupportedFeatures } from '../engine/support.js';
import { parseSimulate, USAGE, type SimulateRequest } from './args.js';
import { resultsCsv } from './format.js';
import { simulateOnWorkers } from './pool.js';

class InputError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

function readInput(file: string): string {
  try {
    return file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new InputError([`FILE: cannot read ${JSON.stringify(file)}: ${reason}`]);
  }
}

async function simulateCommand(request: SimulateRequest): Promise<void> {
  const text = readInput(request.file);
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new InputError([`(root): not valid JSON: ${(error as Error).message}`]);
  }
  if (document !== null && typeof document === 'object' && !Array.isArray(document) && (request.replicates !== undefined || request.seed !== undefined)) {
    const withOverrides = document as Record<string, unknown>;
    const simulation = withOverrides.simulation;
    const base = simulation !== null && typeof simulation === 'object' && !Array.isArray(simulation) ? simulation : {};
    withOverrides.simulation = {
      ...base,
      ...(request.replicates !== undefined ? { replicates: request.replicates } : {}),
      ...(request.seed !== undefined ? { seed: request.seed } : {}),
    };
  }
  const parsed = parseScenario(document);
  if (!parsed.ok) throw new InputError(parsed.errors);
  const unsupported = unsupportedFeatures(parsed.scenario);
  if (unsupported.length > 0) throw new InputError(unsupported);

  const started = performance.now();
  const results = await simulateOnWorkers(parsed.scenario, request.workers ?? availableParallelism());
  const elapsedMs = Math.round(performance.now() - started);
  if (request.format === 'csv') process.stdout.write(resultsCsv(results));
  else process.stdout.write(JSON.stringify({ scenario: parsed.scenario, results, elapsedMs }, null, 2) + '\n');
}

async function main(words: string[]): Promise<void> {
  const [command, ...rest] = words;
  if (command === 'simulate') {
    const parsed = parseSimulate(rest);
    if (!parsed.ok) throw new InputError(parsed.errors);
    return simulateCommand(parsed.request);
  }
  if (command === undefined || command === '--help' || command === 'help') {
    process.stdout.write(USAGE + '\n');
    return;
  }
  throw new InputError([`command: unknown command ${JSON.stringify(command)}`, USAGE]);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof InputError) {
    process.stderr.write(error.problems.join('\n') + '\n');
    process.exitCode = 2;
  } else {
    process.stderr.write(`stratum: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
});
