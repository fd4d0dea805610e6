// `stratum fields [--endpoint continuous|binary|survival] [--design TYPE]`: every field of the
// scenario file (or of a design of TYPE) with what it allows, its default and what it means, from
// the same descriptions the page's form shows (engine/scenario/field-docs.ts).
import { DESIGN_TYPES } from '../../engine/scenario/design-meta.js';
import { ENDPOINT_TYPES } from '../../engine/scenario/endpoint.js';
import { fieldPaths, fieldView } from '../../engine/scenario/field-docs.js';
import type { DesignType, EndpointType } from '../../engine/scenario/types.js';
import { InputError } from '../input-error.js';
import { splitOptions } from '../options.js';
import type { Command } from './command.js';

export const fieldsCommand: Command = {
  usage: `stratum fields [--endpoint ${ENDPOINT_TYPES.join('|')}] [--design ${DESIGN_TYPES.join('|')}]`,
  async run(words) {
    const { positional, options, errors } = splitOptions(words);
    for (const name of options.keys())
      if (name !== 'endpoint' && name !== 'design')
        errors.push(`--${name}: unknown option (allowed: --endpoint, --design)`);
    for (const word of positional) errors.push(`${word}: unexpected word (fields takes only options)`);
    const endpoint = options.get('endpoint') ?? 'continuous';
    const design = options.get('design');
    if (!(ENDPOINT_TYPES as string[]).includes(endpoint))
      errors.push(`--endpoint: must be one of ${ENDPOINT_TYPES.join(', ')}, got ${endpoint}`);
    if (design !== undefined && !(DESIGN_TYPES as string[]).includes(design))
      errors.push(`--design: must be one of ${DESIGN_TYPES.join(', ')}, got ${design}`);
    if (errors.length > 0) throw new InputError(errors);
    const lines = fieldPaths(endpoint as EndpointType, design as DesignType | undefined).flatMap((path) => {
      const view = fieldView(path, endpoint as EndpointType, design as DesignType | undefined);
      if (view === undefined || view.kind === 'object') return [];
      const shown = path.replace('designs[0].', '');
      const keywords = (options: [string, string][]) => options.map(([value]) => value).join(' | ');
      const several = view.severalOptions ? `; with several populations: ${keywords(view.severalOptions)}` : '';
      const allowed = view.options ? `${keywords(view.options)}${several}` : view.range;
      const unit = view.unit ? ` (${view.unit})` : '';
      return [
        `${shown}\n  ${view.label}${unit}: ${view.help}\n  allowed: ${allowed}${view.nullable ? ', or null' : ''}`,
      ];
    });
    process.stdout.write(`${lines.join('\n')}\n`);
  },
};
