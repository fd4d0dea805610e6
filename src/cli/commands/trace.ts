// `stratum trace FILE --design ID --replicate K`: one replicate of one design, patient by patient,
// as JSON: every patient screened and every decision (engine/trace/trace.ts). It is the patient-level
// run's replicate K, the one its results count, and the trial the page's "Watch one trial" shows. With
// several populations every design and endpoint, its closed tests over every intersection of the
// populations' hypotheses (engine/trace/recorder.ts).
import { replicateProblem, TraceError, traceAnyReplicate } from '../../engine/trace/trace.js';
import { InputError } from '../input-error.js';
import { splitOptions } from '../options.js';
import { readScenario } from '../scenario-input.js';
import type { Command } from './command.js';

export const traceCommand: Command = {
  usage: 'stratum trace FILE|- --design ID --replicate K',
  async run(words) {
    const { positional, options, errors } = splitOptions(words);
    for (const name of options.keys())
      if (name !== 'design' && name !== 'replicate')
        errors.push(`--${name}: unknown option (allowed: --design, --replicate)`);
    if (positional.length !== 1)
      errors.push(`FILE: give exactly one scenario file, or - for standard input, got ${positional.length}`);
    const id = options.get('design');
    const replicateWord = options.get('replicate');
    if (id === undefined) errors.push("--design: required, the id of one of the scenario's designs");
    if (replicateWord === undefined) errors.push('--replicate: required, a whole number from 1 to the replicates');
    if (errors.length > 0 || id === undefined || replicateWord === undefined) throw new InputError(errors);
    const scenario = readScenario(positional[0]);
    const design = scenario.designs.find((d) => d.id === id);
    if (design === undefined) {
      const ids = scenario.designs.map((d) => JSON.stringify(d.id)).join(', ');
      errors.push(`--design: no design has the id ${JSON.stringify(id)} (the scenario's: ${ids})`);
    }
    const replicate = /^\d+$/.test(replicateWord) ? Number(replicateWord) : Number.NaN;
    const problem = replicateProblem(scenario, replicate);
    if (problem) errors.push(`--replicate: ${problem.replace(/got .*$/, `got ${JSON.stringify(replicateWord)}`)}`);
    if (errors.length > 0) throw new InputError(errors);
    try {
      process.stdout.write(`${JSON.stringify(traceAnyReplicate(scenario, id, replicate), null, 2)}\n`);
    } catch (error) {
      // a scenario the trace cannot follow (survival by the asymptotic method without n): its path and why
      if (error instanceof TraceError) throw new InputError([error.message]);
      throw error;
    }
  },
};
