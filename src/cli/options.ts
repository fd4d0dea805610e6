// Command-line words → positional words and `--name value` options, and checks for option values,
// each problem naming the option.
export type Format = 'json' | 'csv';

export type Parsed<T> = { ok: true; request: T } | { ok: false; errors: string[] };

export type Split = {
  positional: string[];
  options: Map<string, string>;
  /** the `flags` given (options that take no value) */
  flags: Set<string>;
  errors: string[];
  help: boolean;
};

/**
 * Split `--name value` and `--name=value` options from positional words. An option given twice is
 * refused rather than the last one winning silently. `--help` and `-h` take no value: they ask for
 * the command's usage (main.ts answers before the command runs); nor do the command's `flags`
 * (`--null`), so the word after one is read as what it is.
 */
export function splitOptions(words: string[], flags: readonly string[] = []): Split {
  const positional: string[] = [];
  const options = new Map<string, string>();
  const given = new Set<string>();
  const errors: string[] = [];
  const repeated = new Set<string>();
  let help = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (word === '--help' || word === '-h') {
      help = true;
      continue;
    }
    if (!word.startsWith('--')) {
      positional.push(word);
      continue;
    }
    const equals = word.indexOf('=');
    const name = equals >= 0 ? word.slice(2, equals) : word.slice(2);
    if (flags.includes(name)) {
      if (equals >= 0) errors.push(`--${name}: takes no value, got ${JSON.stringify(word.slice(equals + 1))}`);
      else if (!given.has(name)) given.add(name);
      else if (!repeated.has(name)) {
        repeated.add(name);
        errors.push(`--${name}: given twice`);
      }
      continue;
    }
    let value: string | undefined = equals >= 0 ? word.slice(equals + 1) : words[i + 1];
    if (equals < 0) {
      if (value === undefined || value.startsWith('--')) value = undefined;
      else i++;
    }
    if (value === undefined) errors.push(`--${name}: needs a value`);
    else if (!options.has(name)) options.set(name, value);
    else if (!repeated.has(name)) {
      repeated.add(name);
      errors.push(`--${name}: given twice`);
    }
  }
  return { positional, options, flags: given, errors, help };
}

/** an integer option within [min, max], or the problem with it pushed onto `errors` */
export function integerOption(
  name: string,
  value: string,
  min: number,
  max: number,
  errors: string[],
): number | undefined {
  const n = Number(value);
  if (/^\d+$/.test(value) && n >= min && n <= max) return n;
  errors.push(`--${name}: must be an integer from ${min} to ${max}, got ${JSON.stringify(value)}`);
  return undefined;
}

/** `--format json|csv` */
export function formatOption(value: string, errors: string[]): Format | undefined {
  if (value === 'json' || value === 'csv') return value;
  errors.push(`--format: must be json or csv, got ${JSON.stringify(value)}`);
  return undefined;
}

/** a comma-separated list of 1 to `most` finite numbers */
export function numberList(name: string, value: string, most: number, errors: string[]): number[] | undefined {
  const numbers = value.split(',').map((word) => (word.trim() === '' ? NaN : Number(word)));
  if (numbers.length >= 1 && numbers.length <= most && numbers.every(Number.isFinite)) return numbers;
  errors.push(`--${name}: must be 1 to ${most} comma-separated numbers, got ${JSON.stringify(value)}`);
  return undefined;
}

/** a number option within [min, max] */
export function numberOption(
  name: string,
  value: string,
  min: number,
  max: number,
  errors: string[],
): number | undefined {
  const n = Number(value);
  if (value.trim() !== '' && Number.isFinite(n) && n >= min && n <= max) return n;
  errors.push(`--${name}: must be a number from ${min} to ${max}, got ${JSON.stringify(value)}`);
  return undefined;
}
