// `stratum url`: a scenario file to its share link's query string and back, through the built CLI.
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/engine/scenario/parse.js';
import { encodeScenarioQuery } from '../../src/share/url-codec.js';
import { runCli } from '../support/cli.js';

const SCENARIO = {
  title: 'HER2-like',
  population: { prevalence: 0.25, sensitivity: 0.9 },
  endpoint: { type: 'continuous', sd: { pos: 1, neg: 1 }, effect: { pos: 0.5, neg: 0 } },
  designs: [
    { id: 'enriched', type: 'enriched', n: 200 },
    { id: 'ae', type: 'adaptive-enrichment', n: [150, 300], intersection: 'simes' },
  ],
  simulation: { seed: '42' },
};

describe('stratum url', () => {
  it('prints the query string the app writes, and --decode gives the filled scenario back', () => {
    const encoded = runCli(['url', '-'], JSON.stringify(SCENARIO));
    expect(encoded.status).toBe(0);
    const parsed = parseScenario(SCENARIO);
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    expect(encoded.stdout.trim()).toBe(encodeScenarioQuery(parsed.scenario));
    const decoded = runCli(['url', '--decode', `https://stratum.example/app/${encoded.stdout.trim()}`]);
    expect(decoded.status).toBe(0);
    expect(JSON.parse(decoded.stdout)).toEqual(parsed.scenario);
  });

  it('takes several populations: ids with + and - in keys, and back', () => {
    const scenario = {
      population: {
        subgroups: [
          { id: 'A+B+', share: 0.3 },
          { id: 'A+B-', share: 0.3 },
          { id: 'A-', share: 0.4 },
        ],
        populations: [{ id: 'SA', subgroups: ['A+B+', 'A+B-'] }],
        assay: { 'A-': { 'A-': 0.9, 'A+B-': 0.1 } },
      },
      endpoint: { type: 'continuous', effect: { 'A+B+': 0.5, 'A+B-': 0.3, 'A-': 0 } },
      designs: [{ id: 'e', type: 'enriched', n: 200, population: 'SA' }],
    };
    const encoded = runCli(['url', '-'], JSON.stringify(scenario));
    expect(encoded.status, encoded.stderr).toBe(0);
    expect(encoded.stdout).toContain('&population.assay.A-.A%2BB-=0.1&');
    const decoded = runCli(['url', '--decode', encoded.stdout.trim()]);
    expect(decoded.status, decoded.stderr).toBe(0);
    const parsed = parseScenario(scenario);
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    expect(JSON.parse(decoded.stdout)).toEqual(parsed.scenario);
  });

  it('a tampered link exits 2 naming the field, nothing on stdout', () => {
    const run = runCli([
      'url',
      '--decode',
      '?version=1&population.prevalence=2&endpoint.type=continuous' +
        '&designs.0.id=a&designs.0.type=enriched&designs.0.n=-3',
    ]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^population\.prevalence: /m);
    expect(run.stderr).toMatch(/designs\[0\]\.n: /);
    expect(run.stderr).not.toMatch(/at .*\.js/);
  });

  it('a lone surrogate in a text field exits 2 naming the field, not "URI malformed"', () => {
    const allowed = 'must be text of at most \\d+ characters without unpaired surrogates \\(U\\+D800–U\\+DFFF\\)';
    const lone = (path: string) => new RegExp(`^${path}: ${allowed}, got `, 'm');
    // JSON.stringify writes a lone surrogate as the escape \ud800, as an edited file would hold it
    const cases = [
      [{ ...SCENARIO, title: 'HER2 \uD800' }, lone('title')],
      [
        { ...SCENARIO, designs: [{ ...SCENARIO.designs[0], label: '\uDFFF' }, SCENARIO.designs[1]] },
        lone('designs\\[0\\]\\.label'),
      ],
      [{ ...SCENARIO, simulation: { seed: '\uD83D' } }, lone('simulation\\.seed')],
    ] as const;
    for (const [scenario, message] of cases) {
      const run = runCli(['url', '-'], JSON.stringify(scenario));
      expect(run.status, run.stderr).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toMatch(/URI malformed/);
    }
  });

  it('needs a file or --decode', () => {
    const run = runCli(['url']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/FILE: /);
  });
});
