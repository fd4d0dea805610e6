// `stratum trace`: one replicate, patient by patient, as JSON through the built CLI; bad input exits 2
// with a message naming the flag, and nothing on standard output.
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import { patientLevel, traceAnyReplicate, traceReplicate } from '../../src/engine/trace/trace.js';
import { runCli } from '../support/cli.js';
import { NESTED } from '../support/population-scenarios.js';
import { scenarioFrom } from '../support/scenarios.js';

const SCENARIO = {
  population: { prevalence: 0.3, sensitivity: 0.9, specificity: 0.85 },
  endpoint: { type: 'binary', control: { pos: 0.3, neg: 0.3 }, treatment: { pos: 0.6, neg: 0.35 } },
  designs: [
    { id: 'enriched', type: 'enriched', n: 40 },
    { id: 'ae', type: 'adaptive-enrichment', n: [40, 80], intersection: 'simes', efficacy: 'pocock' },
  ],
  simulation: { replicates: 1200, seed: 'cli-trace' },
};
const TEXT = JSON.stringify(SCENARIO);

describe('stratum trace', () => {
  it("prints the engine's trace of the replicate: every patient and every decision", () => {
    const run = runCli(['trace', '-', '--design', 'ae', '--replicate', '1105'], TEXT);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const printed = JSON.parse(run.stdout);
    const scenario = scenarioFrom(SCENARIO);
    expect(JSON.stringify(printed)).toBe(JSON.stringify(traceReplicate(scenario, 'ae', 1105)));
    expect(printed).toMatchObject({ replicate: 1105, block: 1, index: 104, design: { id: 'ae' } });
    expect(printed.decisions.map((d: { kind: string }) => d.kind)).toEqual(['interim', 'final']);
    expect(printed.patients.length).toBeGreaterThanOrEqual(40);
  });

  it('its decision is the one the patient-level run counts', () => {
    const scenario = scenarioFrom({ ...SCENARIO, simulation: { ...SCENARIO.simulation, replicates: 3 } });
    const rejected = [1, 2, 3].filter((k) => {
      const run = runCli(['trace', '-', '--design=enriched', `--replicate=${k}`], JSON.stringify(scenario));
      return JSON.parse(run.stdout).outcome.rejectS;
    }).length;
    expect(simulate(patientLevel(scenario))[0].reject.S).toBe(rejected / 3);
  });

  const SEVERAL = {
    population: {
      ...NESTED,
      assay: { high: { high: 0.9, low: 0.1 }, low: { high: 0.1, low: 0.8, neg: 0.1 }, neg: { low: 0.1, neg: 0.9 } },
    },
    endpoint: {
      type: 'binary',
      control: { high: 0.3, low: 0.3, neg: 0.3 },
      treatment: { high: 0.6, low: 0.5, neg: 0.35 },
    },
    designs: [
      { id: 'stratified', type: 'stratified', n: 120, intersection: 'simes' },
      { id: 'ae', type: 'adaptive-enrichment', n: [60, 120], intersection: 'bonferroni', efficacy: 'pocock' },
    ],
    simulation: { replicates: 50, seed: 'cli-trace-populations' },
  };

  it('several populations: a stratified trace, every intersection named by the ids it holds', () => {
    const run = runCli(['trace', '-', '--design', 'stratified', '--replicate', '7'], JSON.stringify(SEVERAL));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const printed = JSON.parse(run.stdout);
    expect(JSON.stringify(printed)).toBe(JSON.stringify(traceAnyReplicate(scenarioFrom(SEVERAL), 'stratified', 7)));
    expect(printed.subgroups).toEqual(['high', 'low', 'neg']);
    const [decision] = printed.decisions;
    expect(decision.kind).toBe('populations-closed-test');
    const names = decision.intersections.map((node: { name: string }) => node.name);
    expect(names).toEqual(['S1∩S2∩F', 'S1∩S2', 'S1∩F', 'S2∩F', 'S1', 'S2', 'F']);
  });

  it('several populations with a survival endpoint: an adaptive trace, interim then final', () => {
    const survival = {
      ...SEVERAL,
      endpoint: {
        type: 'survival',
        controlMedian: { high: 10, low: 12, neg: 14 },
        hazardRatio: { high: 0.5, low: 0.7, neg: 0.95 },
      },
      designs: [{ ...SEVERAL.designs[1], n: [80, 160], events: [30, 60] }],
    };
    const run = runCli(['trace', '-', '--design', 'ae', '--replicate', '3'], JSON.stringify(survival));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const printed = JSON.parse(run.stdout);
    expect(JSON.stringify(printed)).toBe(JSON.stringify(traceAnyReplicate(scenarioFrom(survival), 'ae', 3)));
    expect(printed.decisions.map((d: { kind: string }) => d.kind)).toEqual([
      'populations-interim',
      'populations-final',
    ]);
  });

  const bad: [string, string[], RegExp][] = [
    ['--replicate not a whole number', ['--design', 'ae', '--replicate', '2.5'], /^--replicate: must be a whole/m],
    ['--replicate a word', ['--design', 'ae', '--replicate', 'typical'], /^--replicate: .*got "typical"/m],
    ['--replicate 0', ['--design', 'ae', '--replicate', '0'], /^--replicate: must be a whole number from 1 to 1200/m],
    ['--replicate beyond the replicates', ['--design', 'ae', '--replicate', '1201'], /^--replicate: .*got "1201"/m],
    ['--design naming no design', ['--design', 'nope', '--replicate', '1'], /^--design: no design has the id "nope"/m],
    ['--design missing', ['--replicate', '1'], /^--design: required/m],
    ['--replicate missing', ['--design', 'ae'], /^--replicate: required/m],
    ['--replicate without its value', ['--design', 'ae', '--replicate'], /^--replicate: needs a value/m],
    ['an unknown option', ['--design', 'ae', '--replicate', '1', '--seed', 'x'], /^--seed: unknown option/m],
  ];
  for (const [what, flags, message] of bad) {
    it(`${what}: exit 2, the flag named, nothing on stdout`, () => {
      const run = runCli(['trace', '-', ...flags], TEXT);
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(message);
    });
  }

  it('a missing file, and a survival design the asymptotic method runs without n, exit 2 saying where', () => {
    const missing = runCli(['trace', '--design', 'ae', '--replicate', '1']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^FILE: /m);
    const asymptotic = {
      population: { prevalence: 0.4 },
      endpoint: { type: 'survival', controlMedian: { pos: 12, neg: 12 }, hazardRatio: { pos: 0.6, neg: 0.9 } },
      designs: [{ id: 'all', type: 'all-comers', events: 100 }],
      simulation: { method: 'asymptotic', replicates: 10 },
    };
    const run = runCli(['trace', '-', '--design', 'all', '--replicate', '1'], JSON.stringify(asymptotic));
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^designs\[0\]\.n: required to trace patient by patient/m);
  });
});
