// `stratum simulate`: byte-identical results for any number of workers, designs independent of
// each other, JSON and CSV output, and bad input answered with exit 2 and the field's path.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const folder = mkdtempSync(join(tmpdir(), 'stratum-cli-'));
function scenarioFile(name: string, document: unknown): string {
  const file = join(folder, name);
  writeFileSync(file, typeof document === 'string' ? document : JSON.stringify(document));
  return file;
}

const base = {
  title: 'HER2-like marker',
  population: { prevalence: 0.3, sensitivity: 0.9, specificity: 0.95 },
  endpoint: { type: 'continuous', sd: { pos: 1, neg: 1 }, effect: { pos: 0.5, neg: 0.1 } },
  trial: { costs: { perScreened: 500, perRandomized: 20000, perMonth: 1e5, fixed: 2e6 } },
  designs: [
    { id: 'all', type: 'all-comers', n: 300 },
    { id: 'enriched', type: 'enriched', n: 150 },
    { id: 'strat', type: 'stratified', n: 300, intersection: 'spiessens-debois' },
  ],
  simulation: { replicates: 5500, seed: 'workers' },
};

describe('stratum simulate', () => {
  it('gives byte-identical results with 1, 2, 3 and 8 workers', () => {
    const file = scenarioFile('base.json', base);
    const outputs = [1, 2, 3, 8].map((workers) => {
      const run = runCli(['simulate', file, '--workers', String(workers)]);
      expect(run.status, run.stderr).toBe(0);
      return JSON.stringify(JSON.parse(run.stdout).results);
    });
    for (const output of outputs) expect(output).toBe(outputs[0]);
    const document = JSON.parse(runCli(['simulate', file, '--workers', '2']).stdout);
    expect(document.results).toHaveLength(3);
    expect(document.scenario.simulation.replicates).toBe(5500);
    expect(typeof document.elapsedMs).toBe('number');
  });

  it('leaves the other designs unchanged when a design is added', () => {
    const before = JSON.parse(runCli(['simulate', scenarioFile('three.json', base), '--workers', '2']).stdout).results;
    const withFourth = {
      ...base,
      designs: [{ id: 'first', type: 'stratified', n: 200, intersection: 'simes' }, ...base.designs],
    };
    const after = JSON.parse(
      runCli(['simulate', scenarioFile('four.json', withFourth), '--workers', '3']).stdout,
    ).results;
    expect(after.slice(1)).toEqual(before);
  });

  it('reads standard input and takes --replicates and --seed', () => {
    const run = runCli(
      ['simulate', '-', '--replicates', '1200', '--seed', 'other', '--workers', '1'],
      JSON.stringify(base),
    );
    expect(run.status, run.stderr).toBe(0);
    const document = JSON.parse(run.stdout);
    expect(document.results[0].replicates).toBe(1200);
    expect(document.scenario.simulation.seed).toBe('other');
  });

  it('prints CSV, one row per design with flat columns', () => {
    const run = runCli(['simulate', scenarioFile('csv.json', base), '--format', 'csv', '--workers', '1']);
    expect(run.status, run.stderr).toBe(0);
    const [header, ...rows] = run.stdout.trim().split('\n');
    expect(header.split(',')).toEqual(
      expect.arrayContaining([
        'id',
        'reject.any',
        'reject.S',
        'reject.F',
        'mcse.any',
        'expected.cost',
        'analytic.reject.F',
      ]),
    );
    expect(rows).toHaveLength(3);
    const json = JSON.parse(runCli(['simulate', scenarioFile('csv.json', base), '--workers', '1']).stdout).results;
    const columns = header.split(',');
    expect(Number(rows[2].split(',')[columns.indexOf('reject.S')])).toBe(json[2].reject.S);
    expect(columns).not.toContain('currency');
  });

  it("names the scenario's currency in JSON, and in a last CSV column", () => {
    const withCurrency = { ...base, trial: { ...base.trial, currency: 'EUR' } };
    const file = scenarioFile('currency.json', withCurrency);
    const document = JSON.parse(runCli(['simulate', file, '--workers', '1']).stdout);
    expect(document.scenario.trial.currency).toBe('EUR');
    const [header, ...rows] = runCli(['simulate', file, '--format', 'csv', '--workers', '1']).stdout.trim().split('\n');
    const columns = header.split(',');
    expect(columns.at(-1)).toBe('currency');
    for (const row of rows) expect(row.split(',').at(-1)).toBe('EUR');
    expect(Number(rows[0].split(',')[columns.indexOf('expected.cost')])).toBe(document.results[0].expected.cost);
    const bad = runCli(['simulate', scenarioFile('bad-currency.json', { ...base, trial: { currency: 'euro' } })]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^trial\.currency: must be an ISO 4217 currency code/);
  });
});

describe('stratum simulate, designs with an interim', () => {
  const interim = {
    ...base,
    designs: [
      {
        id: 'adaptive',
        type: 'adaptive-enrichment',
        n: [150, 300],
        intersection: 'simes',
        efficacy: 'pocock',
        selection: { rule: 'epsilon', epsilon: 0.1 },
      },
      {
        id: 'sequential',
        type: 'enriched',
        n: 150,
        interims: { informationRates: [0.4, 0.7, 1], efficacy: 'obrien-fleming' },
      },
    ],
  };

  it('reports selection and early stopping, the same for 1 and 3 workers', () => {
    const file = scenarioFile('interim.json', interim);
    const [one, three] = [1, 3].map((workers) => runCli(['simulate', file, '--workers', String(workers)]));
    expect(one.status, one.stderr).toBe(0);
    expect(JSON.stringify(JSON.parse(three.stdout).results)).toBe(JSON.stringify(JSON.parse(one.stdout).results));
    const [adaptive, sequential] = JSON.parse(one.stdout).results;
    expect(Object.keys(adaptive.continue)).toEqual(['S', 'F']);
    expect(Object.keys(adaptive.earlyStop)).toEqual(['efficacy', 'futility']);
    expect(adaptive.analytic).toBeUndefined();
    expect(sequential.continue).toBeUndefined();
    expect(sequential.earlyStop.efficacy).toBeGreaterThan(0);
    expect(sequential.expected.randomized).toBeLessThan(150);
  });

  it('puts them in CSV columns', () => {
    const run = runCli(['simulate', scenarioFile('interim-csv.json', interim), '--format', 'csv', '--workers', '1']);
    expect(run.stdout.split('\n')[0].split(',')).toEqual(
      expect.arrayContaining(['continue.S', 'continue.F', 'earlyStop.efficacy', 'earlyStop.futility']),
    );
  });

  it("carries each design's looks and the adaptive stage-2 rule, in JSON and in CSV columns", () => {
    const file = scenarioFile('interim-boundaries.json', interim);
    const [adaptive, sequential] = JSON.parse(runCli(['simulate', file, '--workers', '1']).stdout).results;
    expect(sequential.boundaries.unit).toBe('patients');
    expect(sequential.boundaries.looks.map((look: { size: number }) => look.size)).toEqual([60, 105, 150]);
    expect(adaptive.boundaries.looks).toHaveLength(2);
    const selection = { rule: 'epsilon', measure: 'effect', epsilon: 0.1, tie: 'random' };
    expect(adaptive.boundaries.stage2.selection).toEqual(selection);
    expect(adaptive.boundaries.stage2.combination.test).toBe('inverse-normal');
    const csv = runCli(['simulate', file, '--format', 'csv', '--workers', '1']).stdout.trim().split('\n');
    const columns = csv[0].split(',');
    expect(columns).toEqual(
      expect.arrayContaining([
        'boundaries.unit',
        'boundaries.looks.0.critical',
        'boundaries.looks.2.spent',
        'boundaries.stage2.selection.rule',
        'boundaries.stage2.combination.finalCritical',
        'boundaries.stage2.futility.bound',
      ]),
    );
    const cell = (row: number, column: string) => csv[row].split(',')[columns.indexOf(column)];
    expect(Number(cell(2, 'boundaries.looks.0.critical'))).toBe(sequential.boundaries.looks[0].critical);
    expect(cell(1, 'boundaries.stage2.selection.rule')).toBe('epsilon');
    expect(cell(2, 'boundaries.stage2.selection.rule')).toBe('');
  });
});

describe('stratum simulate --null', () => {
  // the pooled z test of two proportions with 18 per arm at a response rate of 0.44: exact size 0.0317
  // by enumeration (test/engine/type-one-error-block.test.ts), far above α = 0.025 at 20,000 trials
  const liberal = {
    population: { prevalence: 0.4 },
    endpoint: { type: 'binary', control: { pos: 0.44, neg: 0.3 }, treatment: { pos: 0.7, neg: 0.35 } },
    analysis: { statistic: 'z', strata: 'fixed' },
    designs: [
      { id: 'small', type: 'enriched', n: 36 },
      { id: 'strat', type: 'stratified', n: 400, intersection: 'simes' },
    ],
    simulation: { replicates: 20_000, seed: 'null-cli' },
  };

  it('gives each design its type I error under the global null, the same seed, beside its power', () => {
    const file = scenarioFile('liberal.json', liberal);
    const run = runCli(['simulate', file, '--null', '--workers', '2']);
    expect(run.status, run.stderr).toBe(0);
    const { scenario, results } = JSON.parse(run.stdout);
    const nullScenario = {
      ...liberal,
      endpoint: { ...liberal.endpoint, treatment: liberal.endpoint.control },
    };
    const underNull = JSON.parse(
      runCli(['simulate', scenarioFile('null.json', nullScenario), '--workers', '1']).stdout,
    ).results;
    const plain = JSON.parse(runCli(['simulate', file, '--workers', '1']).stdout).results;
    expect(scenario.endpoint.treatment).toEqual(liberal.endpoint.treatment);
    results.forEach((result: Record<string, unknown> & { null: Record<string, unknown> }, d: number) => {
      const { null: block, ...rest } = result;
      expect(rest).toEqual(plain[d]);
      expect(block.reject).toEqual(underNull[d].reject);
      expect(block.mcse).toEqual(underNull[d].mcse);
      expect(block.limit).toBe(0.025 + 3 * underNull[d].mcse.any);
      expect(block.flagged).toBe(underNull[d].reject.any > (block.limit as number));
    });
    expect(results[0].null.flagged).toBe(true);
    expect(Object.keys(results[1].null.reject)).toEqual(['any', 'S', 'F', 'both']);
  });

  it('puts the null block in CSV columns, and is refused with --shard', () => {
    const file = scenarioFile('liberal-csv.json', liberal);
    const run = runCli(['simulate', '--null', file, '--format', 'csv', '--workers', '1']);
    expect(run.status, run.stderr).toBe(0);
    const [header, first] = run.stdout.trim().split('\n');
    const columns = header.split(',');
    expect(columns).toEqual(
      expect.arrayContaining(['null.reject.any', 'null.mcse.any', 'null.limit', 'null.flagged', 'null.reject.both']),
    );
    expect(first.split(',')[columns.indexOf('null.flagged')]).toBe('true');
    const sharded = runCli(['simulate', file, '--null', '--shard', '1/2']);
    expect(sharded.status).toBe(2);
    expect(sharded.stderr).toMatch(/^--null: /m);
    const valued = runCli(['simulate', file, '--null=yes']);
    expect(valued.status).toBe(2);
    expect(valued.stderr).toBe('--null: takes no value, got "yes"\n');
  });
});

describe('stratum simulate with bad input', () => {
  const expectInputError = (args: string[], patterns: RegExp[], input?: string) => {
    const run = runCli(args, input);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    for (const pattern of patterns) expect(run.stderr).toMatch(pattern);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  };

  it('names every invalid field, one line each', () => {
    const bad = {
      ...base,
      population: { prevalence: 1.3 },
      designs: [base.designs[0], { id: 'x', type: 'enriched', n: -3 }],
    };
    expectInputError(
      ['simulate', scenarioFile('bad.json', bad)],
      [/^population\.prevalence: /m, /^designs\[1\]\.n: .*-3/m],
    );
  });

  it('rejects an unknown design type, malformed JSON, a missing file and bad options', () => {
    expectInputError(
      ['simulate', scenarioFile('type.json', { ...base, designs: [{ id: 'a', type: 'basket', n: 10 }] })],
      [/^designs\[0\]\.type: /m],
    );
    expectInputError(['simulate', scenarioFile('broken.json', '{"population": ')], [/not valid JSON/]);
    expectInputError(['simulate', join(folder, 'missing.json')], [/^FILE: /m]);
    expectInputError(
      ['simulate', scenarioFile('ok.json', base), '--workers', 'many', '--format', 'xml'],
      [/^--workers: /m, /^--format: /m],
    );
    expectInputError(['frobnicate'], [/^command: /m]);
    expectInputError([], [/^command: missing/m, /^usage:/m]);
  });

  it('prints its usage on standard output when asked', () => {
    const run = runCli(['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^usage:\n {2}stratum simulate FILE/);
  });
});
