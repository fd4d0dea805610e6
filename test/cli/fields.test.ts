// `stratum fields`: the scenario's fields as the page's form describes them, through the built CLI.
import { describe, expect, it } from 'vitest';
import { fieldPaths, fieldView } from '../../src/engine/scenario/field-docs.js';
import { runCli } from '../support/cli.js';

describe('stratum fields', () => {
  it('lists every field of a survival scenario with its words and what it allows', () => {
    const run = runCli(['fields', '--endpoint', 'survival']);
    expect(run.status, run.stderr).toBe(0);
    const listed = run.stdout.split('\n').filter((line) => line !== '' && !line.startsWith(' '));
    const expected = fieldPaths('survival').filter((path) => fieldView(path, 'survival')?.kind !== 'object');
    expect(listed).toEqual(expected);
    expect(run.stdout).toContain('endpoint.hazardRatio.pos\n  Hazard ratio, marker+ (treatment : control): Below 1');
    expect(run.stdout).toContain('population.prevalence\n  Prevalence (P(marker+))');
    expect(run.stdout).toContain('allowed: 0.001 ≤ x ≤ 0.999');
  });

  it('lists a design type’s fields with its keywords', () => {
    const run = runCli(['fields', '--design', 'adaptive-enrichment']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(
      'intersection\n  Intersection test: How H_S ∩ H_F is tested.\n  allowed: bonferroni | simes',
    );
    expect(run.stdout).toContain('selection.threshold');
    expect(run.stdout).toMatch(/id\n {2}Id: .*\n {2}allowed: 1–40 letters, digits/);
  });

  it('exits 2 naming the option when it is wrong', () => {
    const run = runCli(['fields', '--endpoint', 'ordinal', '--design', 'bayesian', '--colour', 'red']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--endpoint: must be one of continuous, binary, survival, got ordinal');
    expect(run.stderr).toContain('--design: must be one of');
    expect(run.stderr).toContain('--colour: unknown option');
  });
});
