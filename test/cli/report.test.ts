// `stratum report` and `stratum rcode` through the built command: a bad file gives simulate's
// messages and exit 2, their own options are checked and a repeated one refused, --help prints the
// usage; the HTML goes to standard output or -o, Markdown needs -o and writes its charts beside it;
// rcode prints the script of this run's numbers.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DesignResult } from '../../src/engine/results.js';
import { rCode } from '../../src/report/r/rcode.js';
import { STRATUM_VERSION } from '../../src/report/version.js';
import { runCli } from '../support/cli.js';
import { REPORT_DOCUMENT, reportScenario } from '../support/report-scenario.js';

/** two designs of the report's scenario, so that each run is quick */
const SMALL = JSON.stringify({ ...REPORT_DOCUMENT, designs: REPORT_DOCUMENT.designs.slice(0, 2) });

describe('stratum report and rcode: bad input', () => {
  const bad: [string, string | undefined][] = [
    ['no-such-file.json', undefined],
    ['-', '{"population": '],
    [
      '-',
      JSON.stringify({
        ...REPORT_DOCUMENT,
        population: { prevalence: 2 },
        designs: [{ id: 'x', type: 'enriched', n: -3 }],
      }),
    ],
  ];
  it.each(bad)('%s: the same messages and exit status as simulate', (file, input) => {
    const simulate = runCli(['simulate', file], input);
    expect(simulate.status).toBe(2);
    for (const command of ['report', 'rcode']) {
      const run = runCli([command, file], input);
      expect(run.status, command).toBe(2);
      expect(run.stdout, command).toBe('');
      expect(run.stderr, command).toBe(simulate.stderr);
    }
  });

  it('refuses their own bad options, a repeated one and a missing -o for Markdown, naming each', () => {
    const run = runCli(
      [
        'report',
        '-',
        '-o',
        'a.html',
        '--output',
        'b.html',
        '--format',
        'pdf',
        '--power',
        '1.5',
        '--app-url',
        'javascript:x',
        '--colour',
        'red',
      ],
      SMALL,
    );
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toEqual([
      '--output: given twice',
      '--format: must be html or md, got "pdf"',
      `--app-url: must be the app's http or https address, e.g. https://example.org/stratum/, got "javascript:x"`,
      '--colour: unknown option (allowed: -o/--output, --format, --power, --hypothesis, --app-url, --workers)',
      '--power: must be a number from 0.01 to 0.999, got "1.5"',
    ]);
    const markdown = runCli(['report', '-', '--format', 'md'], SMALL);
    expect(markdown.status).toBe(2);
    expect(markdown.stderr).toBe(
      '--output: required with --format md, which writes its charts as SVG files beside it\n',
    );
    const rcode = runCli(['rcode', '-', '--power', '0.8', '--power', '0.9', '--hypothesis', 'G'], SMALL);
    expect(rcode.status).toBe(2);
    expect(rcode.stderr.trim().split('\n')).toEqual(['--power: given twice']);
    // which hypotheses there are is the scenario's: a bad one is named once the file is read
    expect(runCli(['rcode', '-', '--hypothesis', 'G'], SMALL).stderr).toBe(
      '--hypothesis: must be S, F, both or any, got "G"\n',
    );
    expect(runCli(['rcode', 'a.json', 'b.json']).stderr).toBe(
      'FILE: give exactly one scenario file, or - for standard input, got 2\n',
    );
  });

  it('--help prints the usage on standard output', () => {
    for (const command of ['report', 'rcode']) {
      const run = runCli([command, '--help']);
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(new RegExp(`^usage: stratum ${command} FILE\\|- `));
    }
    expect(runCli(['--help']).stdout).toMatch(/stratum report FILE[\s\S]*stratum rcode FILE/);
  });
});

describe('stratum report and rcode: output', () => {
  it('report: the HTML on standard output, or in -o; the link from --app-url', () => {
    const out = mkdtempSync(join(tmpdir(), 'stratum-report-'));
    const file = join(out, 'report.html');
    const run = runCli(
      ['report', '-', '-o', file, '--app-url', 'https://example.org/stratum/?old=1', '--workers', '2'],
      SMALL,
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe('');
    const html = readFileSync(file, 'utf8');
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).toContain('<a href="https://example.org/stratum/?version=1&amp;title=');
    expect(html).toContain(`<dt>Stratum version</dt><dd>${STRATUM_VERSION}</dd>`);
    const stdout = runCli(['report', '-', '--power', '0.9', '--workers', '2'], SMALL);
    expect(stdout.status).toBe(0);
    expect(stdout.stdout).toMatch(
      /^<!doctype html>[\s\S]*<code>\?version=1&amp;title=[\s\S]*Size for power 0\.9 to reject/,
    );
  });

  it('report --format md: the Markdown and its charts as SVG files beside it', () => {
    const out = mkdtempSync(join(tmpdir(), 'stratum-report-'));
    const run = runCli(['report', '-', '--format', 'md', '-o', join(out, 'protocol.md'), '--workers', '2'], SMALL);
    expect(run.status, run.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      'protocol-figure-at-target.svg',
      'protocol-figure-flow-1.svg',
      'protocol-figure-flow-2.svg',
      'protocol-figure-power-size.svg',
      'protocol.md',
    ]);
    const markdown = readFileSync(join(out, 'protocol.md'), 'utf8');
    expect(markdown).toMatch(/^# &lt;script&gt;/);
    expect(markdown).toContain('![Power for any hypothesis against size');
  });

  it('rcode: the script with the numbers of `stratum simulate` on the same file', () => {
    const simulated = runCli(['simulate', '-', '--workers', '2'], SMALL);
    const results = (JSON.parse(simulated.stdout) as { results: DesignResult[] }).results;
    const run = runCli(['rcode', '-', '--workers', '1'], SMALL);
    expect(run.status).toBe(0);
    const scenario = { ...reportScenario(), designs: reportScenario().designs.slice(0, 2) };
    expect(run.stdout).toBe(
      rCode({ scenario, results, target: { power: 0.8, hypothesis: 'any' }, version: STRATUM_VERSION }),
    );
  });
});
