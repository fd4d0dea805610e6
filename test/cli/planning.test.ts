// `stratum sweep`, `solve`, `map`, and sharded runs merged back byte for byte.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const folder = mkdtempSync(join(tmpdir(), 'stratum-planning-'));
const write = (name: string, content: unknown) => {
  const file = join(folder, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
};
const scenario = {
  population: { prevalence: 0.3 },
  endpoint: { type: 'continuous', sd: { pos: 1, neg: 1 }, effect: { pos: 0.5, neg: 0.1 } },
  analysis: { statistic: 'z', strata: 'fixed' },
  designs: [
    { id: 'all', type: 'all-comers', n: 400 },
    { id: 'enriched', type: 'enriched', n: 150 },
    { id: 'adaptive', type: 'adaptive-enrichment', n: [150, 300], intersection: 'simes' },
  ],
  simulation: { replicates: 7500, seed: 'planning' },
};
const file = write('scenario.json', scenario);
const results = (stdout: string) => JSON.stringify(JSON.parse(stdout).results);

describe('sharded runs', () => {
  const whole = runCli(['simulate', file, '--workers', '2']);
  it.each([1, 2, 3])('%i shards merge into exactly the unsharded results', (k) => {
    const shards = Array.from({ length: k }, (_, i) => {
      const run = runCli(['simulate', file, '--shard', `${i + 1}/${k}`, '--workers', String(1 + (i % 2))]);
      expect(run.status, run.stderr).toBe(0);
      return write(`shard-${i + 1}-of-${k}.json`, run.stdout);
    });
    const merged = runCli(['merge', ...shards.reverse()]);
    expect(merged.status, merged.stderr).toBe(0);
    expect(results(merged.stdout)).toBe(results(whole.stdout));
  });

  it('refuses incomplete, duplicated, foreign or malformed shards, naming the file', () => {
    const first = write('a.json', runCli(['simulate', file, '--shard', '1/2']).stdout);
    const other = write('b.json', runCli(['simulate', file, '--shard', '2/2', '--seed', 'else']).stdout);
    const expectRefused = (args: string[], pattern: RegExp) => {
      const run = runCli(['merge', ...args]);
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(pattern);
    };
    expectRefused([first], /shards: missing 2\/2/);
    expectRefused([first, first], /also in/);
    expectRefused([first, other], /b\.json: its scenario differs/);
    expectRefused([write('bad.json', '{"shard":"x"}')], /bad\.json: not a shard file/);
    const bad = runCli(['simulate', file, '--shard', '3/2']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^--shard: /);
  });
});

describe('stratum sweep and solve', () => {
  it('sweeps n for every design, as JSON and CSV', () => {
    const run = runCli(['sweep', file, '--param', 'n', '--values', '200,300', '--workers', '2']);
    expect(run.status, run.stderr).toBe(0);
    const document = JSON.parse(run.stdout);
    expect(document.points.map((p: { value: number }) => p.value)).toEqual([200, 300]);
    expect(document.points[1].results).toHaveLength(3);
    const csv = runCli(['sweep', file, '--param', 'prevalence', '--values', '0.2,0.4', '--format', 'csv'])
      .stdout.trim()
      .split('\n');
    expect(csv[0].split(',').slice(0, 2)).toEqual(['prevalence', 'id']);
    expect(csv).toHaveLength(1 + 2 * 3);
  });

  it('solves every design, closed form or simulation', () => {
    const run = runCli(['solve', file, '--power', '0.8', '--hypothesis', 'any']);
    expect(run.status, run.stderr).toBe(0);
    const { solutions } = JSON.parse(run.stdout);
    expect(solutions.map((s: { method: string }) => s.method)).toEqual(['closed form', 'closed form', 'simulation']);
    expect(solutions[0].size).toBe(649);
  });

  it('solves for rejecting both hypotheses, which only designs that test both can', () => {
    const both = write('both.json', {
      ...scenario,
      designs: [...scenario.designs, { id: 'simes', type: 'stratified', n: 300, intersection: 'simes' }],
    });
    const run = runCli(['solve', both, '--power', '0.5', '--hypothesis', 'both', '--workers', '2']);
    expect(run.status, run.stderr).toBe(0);
    const { target, solutions } = JSON.parse(run.stdout);
    expect(target).toEqual({ power: 0.5, hypothesis: 'both' });
    expect(solutions[0].unreachable).toBe('all-comers designs do not test both H_S and H_F');
    expect(solutions[1].unreachable).toBe('enriched designs do not test both H_S and H_F');
    // "best" keeps one population for stage 2 and nothing is rejected at the interim without efficacy stops
    expect(solutions[2].unreachable).toMatch(/^this design never rejects both: /);
    const [simes] = solutions.slice(3);
    expect(simes.method).toBe('closed form');
    expect(simes.closedForm.power).toBeGreaterThanOrEqual(0.5);
    expect(Math.abs(simes.power - simes.closedForm.power)).toBeLessThanOrEqual(4 * simes.mcse);
  });

  it('names bad options and values, exit 2, nothing on stdout', () => {
    for (const [args, pattern] of [
      [['sweep', file, '--param', 'colour', '--values', '1'], /^--param: must be one of/m],
      [['sweep', file, '--param', 'prevalence', '--values', '0.2,1.5'], /^prevalence = 1.5: population\.prevalence: /m],
      [['sweep', file, '--values', 'a,b'], /^--values: /m],
      [['solve', file, '--power', '2'], /^--power: /m],
      // which hypotheses there are is the scenario's: a bad one is named once the file is read
      [['solve', file, '--power', '0.8', '--hypothesis', 'G'], /^--hypothesis: must be S, F, both or any, got "G"$/m],
      [['map', file], /^--power: required/m],
    ] as [string[], RegExp][]) {
      const run = runCli(args);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(pattern);
    }
  });

  it('maps which design needs the fewest patients', () => {
    const fixed = write('fixed.json', { ...scenario, designs: scenario.designs.slice(0, 2) });
    const run = runCli(['map', fixed, '--power', '0.8', '--prevalences', '0.2,0.8', '--ratios', '0,1']);
    expect(run.status, run.stderr).toBe(0);
    const map = JSON.parse(run.stdout);
    expect(map.cells).toHaveLength(4);
    expect(map.cells[0].fewestRandomized).toBe('enriched');
  });
});
