// `stratum rcode FILE|- [--power P] [--hypothesis S|F|both|any|ID] [--workers K]`: the R script that
// reproduces the scenario's designs with rpact, with this run's numbers beside rpact's
// (src/report/r/); --power is the target of its getSampleSize* calls.
import { availableParallelism } from 'node:os';
import { rScript } from '../../report/r/rcode.js';
import { STRATUM_VERSION } from '../../report/version.js';
import { InputError } from '../input-error.js';
import { integerOption, splitOptions } from '../options.js';
import { simulateOnWorkers } from '../pool.js';
import { readScenario } from '../scenario-input.js';
import { checkedTarget } from '../target.js';
import type { Command } from './command.js';
import { reportTarget } from './report.js';

export const rcodeCommand: Command = {
  usage: 'stratum rcode FILE|- [--power 0.8] [--hypothesis S|F|both|any|ID] [--workers K]',
  async run(words) {
    const { positional, options, errors } = splitOptions(words);
    let workers = availableParallelism();
    for (const [name, value] of options) {
      if (name === 'workers') workers = integerOption(name, value, 1, 256, errors) ?? workers;
      else if (name !== 'power' && name !== 'hypothesis')
        errors.push(`--${name}: unknown option (allowed: --power, --hypothesis, --workers)`);
    }
    const parsed = reportTarget(options, errors);
    if (positional.length !== 1)
      errors.push(`FILE: give exactly one scenario file, or - for standard input, got ${positional.length}`);
    if (errors.length > 0) throw new InputError(errors);
    const scenario = readScenario(positional[0]);
    const target = checkedTarget(scenario, parsed);
    const results = await simulateOnWorkers(scenario, workers);
    const script = rScript({ scenario, results, target, version: STRATUM_VERSION });
    process.stdout.write(script.text);
    // what rpact cannot express is said in the script; the user hears of it here too
    for (const { id, reason } of script.approximate)
      process.stderr.write(`stratum rcode: design ${id}: rpact's call is not the same design. ${reason}\n`);
  },
};
