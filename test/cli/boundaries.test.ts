// `stratum boundaries`: rpact's critical values (rpact-analytic.json) through the command line,
// and bad options exit 2 naming the option.
import { describe, expect, it } from 'vitest';
import analytic from '../fixtures/reference/rpact-analytic.json';
import { runCli } from '../support/cli.js';

type BoundaryCase = {
  kind: string;
  spending: string;
  informationRates: number[];
  alpha: number;
  criticalValues: number[];
};
const cases = (analytic as BoundaryCase[]).filter((c) => c.kind === 'boundaries');

describe('stratum boundaries', () => {
  it.each(cases)('$spending at $informationRates', (reference) => {
    const run = runCli([
      'boundaries',
      '--spending',
      reference.spending,
      '--rates',
      reference.informationRates.join(','),
      '--alpha',
      String(reference.alpha),
    ]);
    expect(run.status).toBe(0);
    const { criticalValues } = JSON.parse(run.stdout) as { criticalValues: number[] };
    expect(criticalValues).toHaveLength(reference.criticalValues.length);
    criticalValues.forEach((value, k) => {
      expect(Math.abs(value - reference.criticalValues[k])).toBeLessThan(1e-4);
    });
  });

  it('rejects bad options, one line each, nothing on stdout', () => {
    const run = runCli(['boundaries', '--spending', 'haybittle', '--rates', '0.6,0.5', '--alpha', '2', '--looks', '3']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trim().split('\n');
    expect(lines.map((line) => line.split(':')[0])).toEqual(['--spending', '--rates', '--alpha', '--looks']);
  });

  it('requires --spending and --rates', () => {
    const run = runCli(['boundaries']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--spending: required/);
    expect(run.stderr).toMatch(/--rates: required/);
  });
});
