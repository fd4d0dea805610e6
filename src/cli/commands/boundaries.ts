// `stratum boundaries --spending obrien-fleming|pocock --rates 0.5,1 [--alpha 0.025]`:
// group-sequential efficacy boundaries on the z scale.
import { efficacyBoundaries } from '../../engine/inference/sequential/boundaries.js';
import type { Spending } from '../../engine/inference/sequential/spending.js';
import { InputError } from '../input-error.js';
import { splitOptions } from '../options.js';
import type { Command } from './command.js';

const MAX_LOOKS = 20;

export function parseBoundaries(words: string[]): { spending: Spending; rates: number[]; alpha: number } {
  const { positional, options, errors } = splitOptions(words);
  if (positional.length > 0) errors.push(`${positional[0]}: unexpected word (boundaries takes only options)`);
  let spending: Spending | undefined;
  let rates: number[] | undefined;
  let alpha = 0.025;
  for (const [name, value] of options) {
    if (name === 'spending') {
      if (value === 'obrien-fleming' || value === 'pocock') spending = value;
      else errors.push(`--spending: must be obrien-fleming or pocock, got ${JSON.stringify(value)}`);
    } else if (name === 'rates') {
      const parsed = value.split(',').map((word) => (word.trim() === '' ? NaN : Number(word)));
      const increasing = parsed.every(
        (t, k) => Number.isFinite(t) && t > 0 && t <= 1 && (k === 0 || t > parsed[k - 1]),
      );
      if (!increasing || parsed.length > MAX_LOOKS || parsed[parsed.length - 1] !== 1) {
        errors.push(
          `--rates: must be 1 to ${MAX_LOOKS} increasing information rates in (0, 1] ending with 1, e.g. 0.5,1, ` +
            `got ${JSON.stringify(value)}`,
        );
      } else rates = parsed;
    } else if (name === 'alpha') {
      const a = Number(value);
      if (value.trim() !== '' && a > 0 && a < 0.5) alpha = a;
      else errors.push(`--alpha: must be a number > 0 and < 0.5, got ${JSON.stringify(value)}`);
    } else errors.push(`--${name}: unknown option (allowed: --spending, --rates, --alpha)`);
  }
  if (!options.has('spending')) errors.push('--spending: required, obrien-fleming or pocock');
  if (!options.has('rates')) errors.push('--rates: required, increasing information rates ending with 1, e.g. 0.5,1');
  if (errors.length > 0 || !spending || !rates) throw new InputError(errors);
  return { spending, rates, alpha };
}

export const boundaries: Command = {
  usage: 'stratum boundaries --spending obrien-fleming|pocock --rates 0.5,1 [--alpha 0.025]',
  async run(words) {
    const { spending, rates, alpha } = parseBoundaries(words);
    const criticalValues = Array.from(efficacyBoundaries(spending, rates, alpha));
    process.stdout.write(JSON.stringify({ criticalValues }) + '\n');
  },
};
