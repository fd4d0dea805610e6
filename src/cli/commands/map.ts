// `stratum map FILE --power 0.8 [--prevalences …] [--ratios …]`: the design map, which design
// needs the fewest randomised patients (and the least cost) over prevalence × effect⁻/effect⁺; with
// several populations, over two parameters a sweep can vary: `--x subgroups.high.share=0.1,0.2,0.3
// --y effect.low=0,0.2`.
import { availableParallelism } from 'node:os';
import {
  type DesignMap,
  designMap,
  type MapAxis,
  type ParameterMap,
  parameterMap,
} from '../../engine/planning/design-map.js';
import { PARAMETER_WORDS, withParameter } from '../../engine/planning/parameter.js';
import type { Target } from '../../engine/planning/solve.js';
import { isMarkerPopulation, type Scenario } from '../../engine/scenario/types.js';
import { resultsCsv } from '../../share/results-csv.js';
import { InputError } from '../input-error.js';
import { formatOption, integerOption, numberList, splitOptions, type Format } from '../options.js';
import { type WorkerPool, withWorkers } from '../pool.js';
import { readScenario } from '../scenario-input.js';
import { checkedTarget, parseTarget } from '../target.js';
import type { Command } from './command.js';

const PREVALENCES = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
const RATIOS = [0, 0.25, 0.5, 0.75, 1];
const ONE_MARKER = ['prevalences', 'ratios'];
const SEVERAL = ['x', 'y'];

export const mapCommand: Command = {
  usage:
    'stratum map FILE|- --power 0.8 [--hypothesis S|F|both|any|ID] [--prevalences 0.1,…] [--ratios 0,0.5,1] ' +
    '[--x NAME=v1,… --y NAME=v1,…] [--workers K] [--format json|csv]   ' +
    `(--x and --y, with several populations: NAME is ${PARAMETER_WORDS})`,
  async run(words) {
    const { positional, options, errors } = splitOptions(words);
    let workers = availableParallelism();
    let format: Format = 'json';
    let prevalences = PREVALENCES;
    let ratios = RATIOS;
    const axes: Partial<Record<string, MapAxis>> = {};
    for (const [name, value] of options) {
      if (name === 'workers') workers = integerOption(name, value, 1, 256, errors) ?? workers;
      else if (name === 'format') format = formatOption(value, errors) ?? 'json';
      else if (name === 'prevalences') prevalences = numberList(name, value, 50, errors) ?? prevalences;
      else if (name === 'ratios') ratios = numberList(name, value, 50, errors) ?? ratios;
      else if (SEVERAL.includes(name)) axes[name] = axisOption(name, value, errors);
      else if (name !== 'power' && name !== 'hypothesis')
        errors.push(
          `--${name}: unknown option (allowed: --power, --hypothesis, --prevalences, --ratios, --x, --y, ` +
            '--workers, --format)',
        );
    }
    const { power, hypothesis } = parseTarget(options, errors);
    if (positional.length !== 1)
      errors.push(`FILE: give exactly one scenario file, or - for standard input, got ${positional.length}`);
    if (errors.length > 0 || power === undefined) throw new InputError(errors);
    const scenario = readScenario(positional[0]);
    const target = checkedTarget(scenario, { power, hypothesis });
    const one = isMarkerPopulation(scenario.population);
    const misplaced = (one ? SEVERAL : ONE_MARKER).filter((name) => options.has(name));
    const why = one ? 'the map of several populations' : 'the one-marker map';
    const problems = misplaced.map((name) => `--${name}: only for ${why}`);
    if (!one) problems.push(...SEVERAL.flatMap((name) => axisProblems(scenario, name, axes[name])));
    if (problems.length > 0) throw new InputError(problems);
    const mapOn = (pool: WorkerPool): Promise<DesignMap | ParameterMap> => {
      const simulate = (point: Scenario) => pool.simulate(point);
      return one
        ? designMap(scenario, prevalences, ratios, target as Target, simulate)
        : parameterMap(scenario, [axes.x as MapAxis, axes.y as MapAxis], target, simulate);
    };
    try {
      // a grid value the contract refuses (e.g. prevalence 1) comes back as a message naming it
      const map = await withWorkers(workers, mapOn);
      if (format === 'csv') process.stdout.write(resultsCsv(map.cells, { currency: scenario.trial.currency }));
      else process.stdout.write(JSON.stringify({ scenario, ...map }, null, 2) + '\n');
    } catch (error) {
      throw new InputError((error as Error).message.split('\n'));
    }
  },
};

/** `NAME=v1,v2,…`: a parameter and 1 to 50 values */
function axisOption(name: string, text: string, errors: string[]): MapAxis | undefined {
  const equals = text.indexOf('=');
  if (equals <= 0) {
    errors.push(`--${name}: must be NAME=v1,v2,… (e.g. subgroups.high.share=0.1,0.2), got ${JSON.stringify(text)}`);
    return undefined;
  }
  const values = numberList(name, text.slice(equals + 1), 50, errors);
  return values && { parameter: text.slice(0, equals), values };
}

/** a missing axis, or one whose parameter the scenario does not have (a value out of range is found later) */
function axisProblems(scenario: Scenario, name: string, axis: MapAxis | undefined): string[] {
  if (axis === undefined)
    return [`--${name}: required with several populations, NAME=v1,v2,… (NAME: ${PARAMETER_WORDS})`];
  const varied = withParameter(scenario, axis.parameter, axis.values[0]);
  return varied.ok
    ? []
    : varied.errors
        .filter((error) => error.startsWith('--param: '))
        .map((error) => error.replace(/^--param: /, `--${name}: `));
}
