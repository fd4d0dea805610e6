// What every `stratum` command does with its words before its own work: an option given twice is
// refused, not silently overridden; --help and -h print the command's usage; a scenario file may
// start with a byte-order mark, as the app's import takes it; a long list of problems is cut to
// its first 20.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands/index.js';
import { decodeScenarioQuery, MAX_QUERY_LENGTH } from '../../src/share/url-codec.js';
import { runCli } from '../support/cli.js';

const folder = mkdtempSync(join(tmpdir(), 'stratum-command-line-'));
const write = (name: string, content: string) => {
  const file = join(folder, name);
  writeFileSync(file, content);
  return file;
};
const scenario = JSON.stringify({
  population: { prevalence: 0.3 },
  endpoint: { type: 'continuous', sd: { pos: 1, neg: 1 }, effect: { pos: 0.5, neg: 0.1 } },
  designs: [{ id: 'enriched', type: 'enriched', n: 150 }],
  simulation: { replicates: 1000, seed: 'command-line' },
});
const file = write('scenario.json', scenario);

describe('an option given twice is refused', () => {
  it.each([
    ['--replicates', ['simulate', file, '--replicates', '0', '--replicates', '100']],
    ['--seed', ['simulate', file, '--seed=a', '--seed', 'b', '--seed', 'c']],
    ['--power', ['solve', file, '--power', '0.8', '--power=0.9']],
    ['--spending', ['boundaries', '--spending', 'pocock', '--rates', '0.5,1', '--spending', 'obrien-fleming']],
    ['--decode', ['url', '--decode', '?a=1', '--decode', '?b=2']],
  ])('%s given twice exits 2, said once', (option, args) => {
    const run = runCli(args);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n').filter((line) => line === `${option}: given twice`)).toHaveLength(1);
  });
});

describe('--help and -h', () => {
  const asked = Object.keys(COMMANDS).flatMap((name) => [
    [name, '--help'],
    [name, '-h'],
  ]);
  it.each(asked)('stratum %s %s prints its usage on stdout, exit 0', (name, flag) => {
    // with other words around it too: asking for help wins over running
    for (const args of [
      [name, flag],
      [name, file, '--workers', '1', flag],
    ]) {
      const run = runCli(args);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stderr).toBe('');
      expect(run.stdout).toBe(`usage: ${COMMANDS[name].usage}\n`);
    }
  });

  it('a value that happens to be -h is still a value', () => {
    const run = runCli(['simulate', file, '--seed', '-h', '--workers', '1']);
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).scenario.simulation.seed).toBe('-h');
  });

  it('stratum -h prints every command', () => {
    const run = runCli(['-h']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^usage:\n {2}stratum simulate FILE/);
  });
});

describe('a byte-order mark', () => {
  it('at the start of a scenario file or standard input is taken, by every command that reads one', () => {
    const marked = write('marked.json', '\uFEFF' + scenario);
    const plain = runCli(['simulate', file, '--workers', '1']);
    for (const [args, input] of [
      [['simulate', marked, '--workers', '1'], undefined],
      [['simulate', '-', '--workers', '1'], '\uFEFF' + scenario],
    ] as const) {
      const run = runCli([...args], input);
      expect(run.status, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout).results).toEqual(JSON.parse(plain.stdout).results);
    }
    expect(runCli(['url', marked]).stdout).toBe(runCli(['url', file]).stdout);
    expect(runCli(['url', marked]).status).toBe(0);
  });

  it('only one is taken: a second is still refused as not JSON', () => {
    const run = runCli(['simulate', write('twice.json', '\uFEFF\uFEFF' + scenario)]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^\(root\): not valid JSON/m);
  });
});

describe('a long list of problems', () => {
  it('prints the first 20 and how many more, for a tampered link of 20 kB', () => {
    const keys = Array.from({ length: 3000 }, (_, i) => `trial.k${i}=1`);
    let link = '?';
    for (const key of keys) if (link.length + key.length < MAX_QUERY_LENGTH) link += key + '&';
    const decoded = decodeScenarioQuery(link);
    const total = decoded.ok ? 0 : decoded.errors.length;
    expect(total).toBeGreaterThan(1000);
    const run = runCli(['url', '--decode', link]);
    expect(run.status).toBe(2);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(21);
    expect(lines.slice(0, 20)).toEqual(decoded.ok ? [] : decoded.errors.slice(0, 20));
    expect(lines[20]).toBe(`… and ${total - 20} more problems`);
  });

  it('prints every problem when there are 20 or fewer', () => {
    const bad = { ...JSON.parse(scenario), alpha: 2, population: { prevalence: 2 } };
    const run = runCli(['simulate', write('two-problems.json', JSON.stringify(bad))]);
    expect(run.status).toBe(2);
    const paths = run.stderr
      .trimEnd()
      .split('\n')
      .map((line) => line.split(':')[0]);
    expect(paths).toEqual(['alpha', 'population.prevalence']);
  });
});
