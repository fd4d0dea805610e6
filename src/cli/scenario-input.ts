// Reading a scenario for a command: the file (or standard input), JSON, the --replicates and
// --seed overrides, then the scenario contract's checks. Every problem becomes an InputError.
import { readFileSync } from 'node:fs';
import { parseScenario, withoutByteOrderMark } from '../engine/scenario/parse.js';
import type { Scenario } from '../engine/scenario/types.js';
import { InputError } from './input-error.js';

export type SimulationOverrides = { replicates?: number; seed?: string };

/** the file's text (`-`: standard input), without the byte-order mark some editors put first, as the app's import */
export function readInput(file: string): string {
  try {
    const text = file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8');
    return withoutByteOrderMark(text);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new InputError([`FILE: cannot read ${JSON.stringify(file)}: ${reason}`]);
  }
}

export function readScenario(file: string, overrides: SimulationOverrides = {}): Scenario {
  const text = readInput(file);
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new InputError([`(root): not valid JSON: ${(error as Error).message}`]);
  }
  const isObject = (value: unknown): value is Record<string, unknown> =>
    value !== null && typeof value === 'object' && !Array.isArray(value);
  if (isObject(document) && (overrides.replicates !== undefined || overrides.seed !== undefined)) {
    const base = isObject(document.simulation) ? document.simulation : {};
    document.simulation = {
      ...base,
      ...(overrides.replicates !== undefined ? { replicates: overrides.replicates } : {}),
      ...(overrides.seed !== undefined ? { seed: overrides.seed } : {}),
    };
  }
  const parsed = parseScenario(document);
  if (!parsed.ok) throw new InputError(parsed.errors);
  return parsed.scenario;
}
