// `stratum map FILE --power 0.8 [--prevalences …] [--ratios …]`: the design map, which design
// needs the fewest randomised patients (and the least cost) over prevalence × effect⁻/effect⁺.
import { availableParallelism } from 'node:os';
import { type DesignMap, designMap } from '../../engine/planning/design-map.js';
import { resultsCsv } from '../../share/results-csv.js';
import { InputError } from '../input-error.js';
import { formatOption, integerOption, numberList, splitOptions, type Format } from '../options.js';
import { simulateOnWorkers } from '../pool.js';
import { oneMarkerOnly, readScenario } from '../scenario-input.js';
import type { Command } from './command.js';
import { parseTarget } from './solve.js';

const PREVALENCES = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
const RATIOS = [0, 0.25, 0.5, 0.75, 1];

export const mapCommand: Command = {
  usage:
    'stratum map FILE|- --power 0.8 [--hypothesis S|F|both|any] [--prevalences 0.1,…] [--ratios 0,0.5,1] ' +
    '[--workers K] [--format json|csv]',
  async run(words) {
    const { positional, options, errors } = splitOptions(words);
    let workers = availableParallelism();
    let format: Format = 'json';
    let prevalences = PREVALENCES;
    let ratios = RATIOS;
    for (const [name, value] of options) {
      if (name === 'workers') workers = integerOption(name, value, 1, 256, errors) ?? workers;
      else if (name === 'format') format = formatOption(value, errors) ?? 'json';
      else if (name === 'prevalences') prevalences = numberList(name, value, 50, errors) ?? prevalences;
      else if (name === 'ratios') ratios = numberList(name, value, 50, errors) ?? ratios;
      else if (name !== 'power' && name !== 'hypothesis')
        errors.push(
          `--${name}: unknown option (allowed: --power, --hypothesis, --prevalences, --ratios, --workers, --format)`,
        );
    }
    const { power, hypothesis } = parseTarget(options, errors);
    if (positional.length !== 1)
      errors.push(`FILE: give exactly one scenario file, or - for standard input, got ${positional.length}`);
    if (errors.length > 0 || power === undefined) throw new InputError(errors);
    const scenario = oneMarkerOnly(readScenario(positional[0]), 'stratum map');
    let map: DesignMap;
    try {
      map = await designMap(scenario, prevalences, ratios, { power, hypothesis }, (point) =>
        simulateOnWorkers(point, workers),
      );
    } catch (error) {
      // a grid value the contract refuses (e.g. prevalence 1) comes back as a message naming it
      throw new InputError((error as Error).message.split('\n'));
    }
    if (format === 'csv') process.stdout.write(resultsCsv(map.cells, { currency: scenario.trial.currency }));
    else process.stdout.write(JSON.stringify({ scenario, ...map }, null, 2) + '\n');
  },
};
