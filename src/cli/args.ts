// Command-line words → a request, or the problems with them (each naming the option).
export type Format = 'json' | 'csv';

export type SimulateRequest = {
  command: 'simulate';
  file: string;
  replicates?: number;
  seed?: string;
  workers?: number;
  format: Format;
};

export type Parsed<T> = { ok: true; request: T } | { ok: false; errors: string[] };

export const USAGE = `usage:
  stratum simulate FILE|- [--replicates N] [--seed S] [--workers K] [--format json|csv]`;

/** split `--name value` and `--name=value` options from positional words */
export function splitOptions(words: string[]): { positional: string[]; options: Map<string, string>; errors: string[] } {
  const positional: string[] = [];
  const options = new Map<string, string>();
  const errors: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (!word.startsWith('--')) {
      positional.push(word);
      continue;
    }
    const equals = word.indexOf('=');
    const name = equals >= 0 ? word.slice(2, equals) : word.slice(2);
    let value: string | undefined = equals >= 0 ? word.slice(equals + 1) : words[i + 1];
    if (equals < 0) {
      if (value === undefined || value.startsWith('--')) value = undefined;
      else i++;
    }
    if (value === undefined) errors.push(`--${name}: needs a value`);
    else options.set(name, value);
  }
  return { positional, options, errors };
}

export function parseSimulate(words: string[]): Parsed<SimulateRequest> {
  const { positional, options, errors } = splitOptions(words);
  if (positional.length !== 1) errors.push(`FILE: give exactly one scenario file, or - for standard input, got ${positional.length}`);
  const request: SimulateRequest = { command: 'simulate', file: positional[0] ?? '-', format: 'json' };
  for (const [name, value] of options) {
    if (name === 'replicates') {
      const n = Number(value);
      if (!/^\d+$/.test(value) || n < 1 || n > 1e7) errors.push(`--replicates: must be an integer from 1 to 10000000, got ${JSON.stringify(value)}`);
      else request.replicates = n;
    } else if (name === 'seed') {
      if (value.length > 100) errors.push(`--seed: must be at most 100 characters, got ${value.length}`);
      else request.seed = value;
    } else if (name === 'workers') {
      const k = Number(value);
      if (!/^\d+$/.test(value) || k < 1 || k > 256) errors.push(`--workers: must be an integer from 1 to 256, got ${JSON.stringify(value)}`);
      else request.workers = k;
    } else if (name === 'format') {
      if (value !== 'json' && value !== 'csv') errors.push(`--format: must be json or csv, got ${JSON.stringify(value)}`);
      else request.format = value;
    } else {
      errors.push(`--${name}: unknown option (allowed: --replicates, --seed, --workers, --format)`);
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, request };
}
