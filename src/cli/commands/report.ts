// `stratum report FILE [-o FILE] [--format html|md] [--power P] [--hypothesis S|F|both|any|ID] [--app-url URL]
// [--workers K]`: the protocol's report of a scenario (src/report/): one self-contained HTML file,
// on standard output unless -o names a file, or Markdown with its charts as SVG files beside it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, extname, join } from 'node:path';
import { buildReport } from '../../report/build-report.js';
import { computeReport } from '../../report/report-data.js';
import { renderHtml } from '../../report/render-html.js';
import { renderMarkdown } from '../../report/render-markdown.js';
import { STRATUM_VERSION } from '../../report/version.js';
import { encodeScenarioQuery } from '../../share/url-codec.js';
import { InputError } from '../input-error.js';
import { integerOption, splitOptions } from '../options.js';
import { withWorkers } from '../pool.js';
import { readScenario } from '../scenario-input.js';
import type { Command } from './command.js';
import { checkedTarget, parseTarget } from '../target.js';

/** the target power when --power is not given: the usual 80% */
const DEFAULT_POWER = 0.8;

/** `-o FILE` is `--output FILE` */
export function expandOutput(words: string[]): string[] {
  return words.map((word) => (word === '-o' ? '--output' : word));
}

/** --power (default 0.8) and --hypothesis, as `stratum solve` reads them */
export function reportTarget(options: Map<string, string>, errors: string[]): { power: number; hypothesis: string } {
  const { power, hypothesis } = parseTarget(options, errors, DEFAULT_POWER);
  return { power: power ?? DEFAULT_POWER, hypothesis };
}

export const reportCommand: Command = {
  usage:
    'stratum report FILE|- [-o FILE] [--format html|md] [--power 0.8] [--hypothesis S|F|both|any|ID] ' +
    '[--app-url URL] [--workers K]   (md needs -o: its charts are SVG files beside it)',
  async run(words) {
    const { positional, options, errors } = splitOptions(expandOutput(words));
    let workers = availableParallelism();
    let format: 'html' | 'md' = 'html';
    let appUrl: URL | undefined;
    for (const [name, value] of options) {
      if (name === 'workers') workers = integerOption(name, value, 1, 256, errors) ?? workers;
      else if (name === 'format') {
        if (value === 'html' || value === 'md') format = value;
        else errors.push(`--format: must be html or md, got ${JSON.stringify(value)}`);
      } else if (name === 'app-url') {
        appUrl = URL.canParse(value) ? new URL(value) : undefined;
        if (!appUrl || !/^https?:$/.test(appUrl.protocol)) {
          errors.push(
            `--app-url: must be the app's http or https address, e.g. https://example.org/stratum/, got ` +
              `${JSON.stringify(value)}`,
          );
        }
      } else if (!['output', 'power', 'hypothesis'].includes(name)) {
        errors.push(
          `--${name}: unknown option (allowed: -o/--output, --format, --power, --hypothesis, --app-url, --workers)`,
        );
      }
    }
    const parsed = reportTarget(options, errors);
    const output = options.get('output');
    if (format === 'md' && output === undefined)
      errors.push('--output: required with --format md, which writes its charts as SVG files beside it');
    if (positional.length !== 1)
      errors.push(`FILE: give exactly one scenario file, or - for standard input, got ${positional.length}`);
    if (errors.length > 0) throw new InputError(errors);
    const scenario = readScenario(positional[0]);
    const target = checkedTarget(scenario, parsed);
    const data = await withWorkers(workers, (pool) =>
      computeReport(scenario, target, (single) => pool.simulate(single)),
    );
    const query = encodeScenarioQuery(scenario);
    const link = appUrl ? `${appUrl.origin}${appUrl.pathname}${query}` : query;
    const report = buildReport(data, { date: new Date().toISOString().slice(0, 10), version: STRATUM_VERSION, link });
    if (format === 'html') {
      const html = renderHtml(report);
      if (output === undefined) process.stdout.write(html);
      else write(output, html);
      return;
    }
    const file = output as string;
    const stem = basename(file, extname(file));
    const { markdown, images } = renderMarkdown(report, (id) => `${stem}-${id}.svg`);
    write(file, markdown);
    for (const image of images) write(join(dirname(file), image.file), image.svg);
  },
};

function write(file: string, text: string): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  } catch (error) {
    throw new InputError([`--output: cannot write ${JSON.stringify(file)}: ${(error as Error).message}`]);
  }
}
