// solve, map, report and rcode with several populations through the built `stratum` command: the target
// is a population's hypothesis (`--hypothesis S1`), checked against the scenario's populations; the map
// is over two parameters of a sweep; rcode writes rpact's enrichment calls and says on standard error
// where rpact cannot express a design; a survival endpoint with several populations is solved, reported and
// written as rpact's calls, its enrichment call with one hazard ratio per rpact subgroup.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import cases from '../fixtures/reference/rpact-rcode-populations.json';
import { runCli } from '../support/cli.js';

const folder = mkdtempSync(join(tmpdir(), 'stratum-populations-planning-'));
const write = (name: string, document: unknown) => {
  const file = join(folder, name);
  writeFileSync(file, JSON.stringify(document));
  return file;
};
const nested = cases[0].scenario;
/** two designs, few replicates: quick runs */
const SMALL = {
  ...nested,
  designs: [
    { id: 'enriched', type: 'enriched', population: 'S1', n: 120 },
    { id: 'strat', type: 'stratified', n: 300, intersection: 'simes' },
  ],
  simulation: { replicates: 2000, seed: 'planning' },
};
const file = write('nested.json', SMALL);

describe('the target names a population', () => {
  it('solve: the size for P(reject H_S1) ≥ 0.8, by the closed form where it is exact, else by simulation', () => {
    const run = runCli(['solve', file, '--power', '0.8', '--hypothesis', 'S1', '--workers', '2']);
    expect(run.status, run.stderr).toBe(0);
    const { target, solutions } = JSON.parse(run.stdout);
    expect(target).toEqual({ power: 0.8, hypothesis: 'S1' });
    expect(solutions.map((solution: { method: string }) => solution.method)).toEqual(['closed form', 'simulation']);
    for (const solution of solutions) {
      expect(solution.power).toBeGreaterThanOrEqual(0.8 - 4 * solution.mcse);
      expect(Number.isFinite(solution.size)).toBe(true);
    }
    // enrolling only S1's patients reaches the target on fewer of them
    expect(solutions[0].size).toBeLessThan(solutions[1].size);
  });

  it('a hypothesis the design does not test is unreachable; one the scenario lacks is refused, listing its own', () => {
    const run = runCli(['solve', file, '--power', '0.8', '--hypothesis', 'S2', '--workers', '2']);
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).solutions[0].unreachable).toBe('enriched designs do not test H_S2');
    const bad = runCli(['solve', file, '--power', '0.8', '--hypothesis', 'S']);
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toBe('--hypothesis: must be S1, S2, F or any, got "S"\n');
  });
});

describe('stratum map over two parameters', () => {
  it('the winners over a subgroup’s share × another’s effect', () => {
    const run = runCli([
      'map',
      file,
      '--power',
      '0.8',
      '--hypothesis',
      'any',
      '--x',
      'subgroups.high.share=0.15,0.35',
      '--y',
      'effect.low=0,0.3',
      '--workers',
      '2',
    ]);
    expect(run.status, run.stderr).toBe(0);
    const map = JSON.parse(run.stdout);
    expect(map.axes).toEqual([
      { parameter: 'subgroups.high.share', values: [0.15, 0.35] },
      { parameter: 'effect.low', values: [0, 0.3] },
    ]);
    expect(map.cells.map((cell: { at: object }) => cell.at)).toEqual([
      { 'subgroups.high.share': 0.15, 'effect.low': 0 },
      { 'subgroups.high.share': 0.15, 'effect.low': 0.3 },
      { 'subgroups.high.share': 0.35, 'effect.low': 0 },
      { 'subgroups.high.share': 0.35, 'effect.low': 0.3 },
    ]);
    for (const cell of map.cells) {
      expect(cell.winners.randomized.length).toBeGreaterThan(0);
      for (const value of Object.values(cell.randomized)) expect(Number.isFinite(value)).toBe(true);
    }
  });

  it('refuses the one-marker axes, a missing axis, an unknown subgroup and a value out of range, by name', () => {
    const run = runCli(['map', file, '--power', '0.8', '--prevalences', '0.2', '--x', 'subgroups.mid.share=0.2']);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([
      '--prevalences: only for the one-marker map',
      '--x: subgroups.mid.share: no subgroup "mid" (high, low, neg)',
      expect.stringMatching(/^--y: required with several populations, NAME=v1,v2,…/),
    ]);
    const range = runCli(['map', file, '--power', '0.8', '--x', 'effect.low=0', '--y', 'effect.high=2e6']);
    expect(range.status).toBe(2);
    expect(range.stderr).toMatch(/^effect\.high = 2000000: endpoint\.effect\.high: /);
  });
});

describe('stratum rcode and report take several populations', () => {
  it('rcode: the enrichment call, and on standard error what rpact cannot express', () => {
    const run = runCli(['rcode', file, '--workers', '1', '--hypothesis', 'S1']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('subGroups = c("S1", "S2", "S12", "R")');
    expect(run.stdout).toContain('getSimulationMeans(');
    expect(run.stderr).toBe('');
    const hierarchical = write('hierarchical.json', {
      ...SMALL,
      designs: [{ id: 'h', type: 'stratified', n: 300, intersection: 'hierarchical', order: ['S2', 'S1', 'F'] }],
    });
    const approximate = runCli(['rcode', hierarchical, '--workers', '1']);
    expect(approximate.status, approximate.stderr).toBe(0);
    expect(approximate.stderr).toMatch(
      /^stratum rcode: design h: rpact's call is not the same design\. Approximation: rpact has no fixed-sequence/,
    );
  });

  it('report: the subgroups, populations and results by population', () => {
    const run = runCli(['report', file, '--workers', '2', '--hypothesis', 'S1']);
    expect(run.status, run.stderr).toBe(0);
    for (const words of ['Share of subgroup high', 'Population S2, its subgroups', 'Effect in S1 (mean difference)'])
      expect(run.stdout).toContain(words);
    expect(run.stdout).toContain('<th scope="col">H_S1</th>');
    expect(run.stdout).toContain('Size for power 0.8 to reject H_S1');
  });

  it('survival with several populations: solve, report, simulate --null and rcode take it', () => {
    const document = {
      ...SMALL,
      endpoint: {
        type: 'survival',
        controlMedian: { high: 12, low: 12, neg: 12 },
        hazardRatio: { high: 0.6, low: 0.8, neg: 1 },
      },
      designs: [{ id: 'enriched', type: 'enriched', population: 'S1', n: 400, events: 100 }],
      simulation: { replicates: 2000, seed: 'survival', method: 'asymptotic' },
    };
    const survival = write('survival.json', document);
    const solved = runCli(['solve', survival, '--power', '0.8', '--hypothesis', 'S1', '--workers', '2']);
    expect(solved.status, solved.stderr).toBe(0);
    const [solution] = JSON.parse(solved.stdout).solutions;
    expect(solution.unit).toBe('events');
    expect(Number.isFinite(solution.size)).toBe(true);
    const report = runCli(['report', survival, '--workers', '2']);
    expect(report.status, report.stderr).toBe(0);
    expect(report.stdout).toContain('Hazard ratio, subgroup low');
    // the report's R code: the enriched design's one-population call on S1 (truly high: HR 0.6)
    expect(report.stdout).not.toContain('not written');
    expect(report.stdout).toContain('sim_1 &lt;- getSimulationSurvival(');
    expect(report.stdout).toContain('  lambda2 = log(2) / 12,\n  hazardRatio = 0.6,\n');
    const nulls = runCli(['simulate', survival, '--null', '--workers', '2']);
    expect(nulls.status, nulls.stderr).toBe(0);
    expect(JSON.parse(nulls.stdout).results[0].null.reject.S1).toBeLessThan(0.05);
    const stratified = write('survival-stratified.json', {
      ...document,
      designs: [{ id: 'strat', type: 'stratified', events: 200, intersection: 'simes' }],
    });
    const rcode = runCli(['rcode', stratified, '--workers', '1']);
    expect(rcode.status, rcode.stderr).toBe(0);
    expect(rcode.stderr).toBe('');
    // rpact's subgroups: S1 only (no one), S2 only (low), both (high), R (neg)
    expect(rcode.stdout).toContain('getSimulationEnrichmentSurvival(');
    expect(rcode.stdout).toContain('subGroups = c("S1", "S2", "S12", "R")');
    expect(rcode.stdout).toContain('hazardRatios = matrix(c(1, 0.8, 0.6, 1), nrow = 1)');
  });
});
