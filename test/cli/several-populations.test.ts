// A scenario in the several-populations form through the built `stratum` command: the contract takes it,
// `stratum trace` follows its designs patient by patient (true and classified subgroups, rejections by
// population, a stratified design's closed test over every intersection); `stratum fields` describes the
// form. solve, map, report and rcode with several populations: populations-planning.test.ts.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import cases from '../fixtures/reference/rpact-populations.json';
import { runCli } from '../support/cli.js';

const folder = mkdtempSync(join(tmpdir(), 'stratum-several-populations-'));
const write = (name: string, document: unknown) => {
  const file = join(folder, name);
  writeFileSync(file, JSON.stringify(document));
  return file;
};
const reference = (id: string) => {
  const found = cases.find((entry) => entry.id === id);
  if (found === undefined) throw new Error(`no reference case ${id}`);
  return found.scenario;
};
const file = write('overlapping.json', reference('pop3-strat-simes-overlap'));

describe('stratum trace with several populations', () => {
  const traced = write('traced.json', {
    ...reference('pop3-strat-simes-overlap'),
    designs: [
      { id: 'e', type: 'enriched', population: 'P2', n: 60 },
      { id: 'd', type: 'stratified', n: 400, intersection: 'simes' },
    ],
    analysis: { statistic: 'z', strata: 'random', stratified: true },
  });

  it('an enriched design: each patient’s true and classified subgroup, the rejection by population', () => {
    const run = runCli(['trace', traced, '--design', 'e', '--replicate', '3']);
    expect(run.status, run.stderr).toBe(0);
    const trace = JSON.parse(run.stdout);
    const subgroups = ['S1', 'S2', 'S12', 'R'];
    for (const patient of trace.patients) {
      expect(subgroups).toContain(patient.marker);
      expect(patient.assay).toBe(patient.marker);
      expect(patient.randomized).toBe(['S2', 'S12'].includes(patient.assay));
    }
    expect(trace.patients.filter((patient: { randomized: boolean }) => patient.randomized)).toHaveLength(60);
    expect(Object.keys(trace.outcome.reject)).toEqual(['P2']);
    expect(trace.decisions).toMatchObject([{ kind: 'look', population: 'P2', size: 60 }]);
  });

  it('a stratified design: its closed test over the 7 intersections of P1, P2 and F, rejections by population', () => {
    const run = runCli(['trace', traced, '--design', 'd', '--replicate', '1']);
    expect(run.status, run.stderr).toBe(0);
    const trace = JSON.parse(run.stdout);
    const [decision] = trace.decisions;
    expect(decision.kind).toBe('populations-closed-test');
    expect(decision.intersections).toHaveLength(7);
    expect(Object.keys(trace.outcome.reject).sort()).toEqual(['F', 'P1', 'P2']);
  });
});

describe('commands check their own options first', () => {
  it('the command’s own problems come first, as with any file', () => {
    const run = runCli(['solve', file, '--hypothesis', 'P1']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('--power: required, the target power, e.g. 0.8\n');
  });
});

describe('stratum sweep varies a subgroup’s share or effect', () => {
  const sweepOf = (parameter: string, values: string) =>
    runCli(['sweep', file, '--param', parameter, '--values', values]);
  type Point = { value: number; results: { reject: Record<string, number> }[] };

  it('a subgroup’s share: the others keep their proportions, and a larger S12 is more power in P1 and P2', () => {
    const run = sweepOf('subgroups.S12.share', '0.05,0.3');
    expect(run.status, run.stderr).toBe(0);
    const { points, scenario } = JSON.parse(run.stdout) as { points: Point[]; scenario: unknown };
    expect(scenario).toBeDefined();
    const [small, large] = points.map((point) => point.results[0].reject);
    expect(large.P1).toBeGreaterThan(small.P1);
    expect(large.P2).toBeGreaterThan(small.P2);
  });

  it('a subgroup’s effect, by its id', () => {
    const run = sweepOf('effect.S1', '0,0.8');
    expect(run.status, run.stderr).toBe(0);
    const [none, strong] = (JSON.parse(run.stdout) as { points: Point[] }).points.map((p) => p.results[0].reject);
    expect(strong.P1).toBeGreaterThan(none.P1);
  });

  it('refuses the one-marker parameters and unknown subgroups, naming the parameter', () => {
    const prevalence = sweepOf('prevalence', '0.2');
    expect(prevalence.status).toBe(2);
    expect(prevalence.stderr).toContain("--param: prevalence is the one-marker form's; with several populations vary");
    const unknown = sweepOf('subgroups.S9.share', '0.2');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('--param: subgroups.S9.share: no subgroup "S9" (S1, S2, S12, R)');
    const effect = sweepOf('effect.pos', '0.2');
    expect(effect.status).toBe(2);
    expect(effect.stderr).toContain('--param: must be one of');
  });
});

describe('the contract through the command line', () => {
  it('simulates a survival endpoint with several populations, its results keyed by population', () => {
    const run = runCli(['simulate', write('survival.json', reference('pop3-surv-ae-simes')), '--replicates', '2000']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const [result] = JSON.parse(run.stdout).results;
    expect(Object.keys(result.reject).sort()).toEqual(['F', 'P1', 'P2', 'any']);
    expect(result.expected.events).toBeGreaterThan(150);
  });
});

describe('stratum fields describes the form', () => {
  it('lists the population’s subgroups, populations and assay', () => {
    const run = runCli(['fields']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('population.subgroups\n  Subgroups: Several populations:');
    expect(run.stdout).toContain('population.subgroups.share\n  Share (of those screened): The shares add up to 1.');
    expect(run.stdout).toContain('population.populations.subgroups\n');
    expect(run.stdout).toContain('population.assay\n  Assay (P(classified | truly)):');
  });

  it('gives a stratified design’s order and both forms’ intersection tests', () => {
    const run = runCli(['fields', '--design', 'stratified']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(
      'allowed: bonferroni | simes | sidak | spiessens-debois | hierarchical-S | hierarchical-F; ' +
        'with several populations: bonferroni | simes | sidak | dunnett | spiessens-debois | hierarchical\n',
    );
    expect(run.stdout).toContain('order\n  Order: Hierarchical: the populations and F, each once, first tested first.');
  });

  it('gives an enriched design’s population', () => {
    const run = runCli(['fields', '--design', 'enriched']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('population\n  Population: Several populations: the one it enrols and tests');
  });
});
