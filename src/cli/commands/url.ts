// `stratum url FILE|-`: the scenario's share-link query string; `stratum url --decode URL`: the
// scenario a link holds, filled in, as JSON. The app reads and writes links with the same codec.
import { decodeScenarioQuery, encodeScenarioQuery } from '../../share/url-codec.js';
import { InputError } from '../input-error.js';
import { splitOptions } from '../options.js';
import { readScenario } from '../scenario-input.js';
import type { Command } from './command.js';

export const urlCommand: Command = {
  usage: 'stratum url FILE|-   or   stratum url --decode URL',
  async run(words) {
    const { positional, options, errors } = splitOptions(words);
    for (const name of options.keys())
      if (name !== 'decode') errors.push(`--${name}: unknown option (allowed: --decode)`);
    const link = options.get('decode');
    if (link !== undefined) {
      if (positional.length > 0)
        errors.push(`${positional[0]}: unexpected word (--decode takes the link as its value)`);
      if (errors.length > 0) throw new InputError(errors);
      const decoded = decodeScenarioQuery(link);
      if (!decoded.ok) throw new InputError(decoded.errors);
      process.stdout.write(JSON.stringify(decoded.scenario, null, 2) + '\n');
      return;
    }
    if (positional.length !== 1)
      errors.push(`FILE: give exactly one scenario file, or - for standard input, got ${positional.length}`);
    if (errors.length > 0) throw new InputError(errors);
    process.stdout.write(encodeScenarioQuery(readScenario(positional[0])) + '\n');
  },
};
