// A traced replicate is the simulation's own: tracing replicates N..1 (backwards, so that none is
// drawn after the ones before it) and adding each trace's outcome to its block's tally, blocks folded
// in order, gives a patient-level run's results of N replicates byte for byte — for every design type
// and endpoint, group-sequential and adaptive variants, fixed and random strata, and a run of two
// blocks. Each trace's decisions are also held to its outcome: the closed test's nodes, lit as the
// runner lit them, reject what the run counts.
import { describe, expect, it } from 'vitest';
import { closedTestRejects } from '../../src/app/charts/closed-test-diagram.js';
import { BLOCK_SIZE, blockCount, replicatesInBlock } from '../../src/engine/blocks.js';
import { ResultCollector } from '../../src/engine/collector.js';
import type { Scenario } from '../../src/engine/scenario/types.js';
import { simulate } from '../../src/engine/simulate.js';
import { emptyTally, TALLY } from '../../src/engine/tally.js';
import { findReplicate, watchReplicate } from '../../src/engine/trace/find.js';
import { addTraceToTally } from '../../src/engine/trace/tally-trace.js';
import { patientLevel, type Trace, TraceError, Tracer, traceReplicate } from '../../src/engine/trace/trace.js';
import { binaryEndpoint, continuousEndpoint, RPACT_LIKE, scenarioFrom } from '../support/scenarios.js';

const ASSAY = { prevalence: 0.35, sensitivity: 0.85, specificity: 0.9 };
const INTERIMS_OBF = { informationRates: [0.34, 0.67, 1], efficacy: 'obrien-fleming' };

const SAMPLE_DESIGNS = [
  { id: 'all-comers', type: 'all-comers', n: 80 },
  { id: 'enriched', type: 'enriched', n: 40 },
  { id: 'stratified', type: 'stratified', n: 80, intersection: 'simes' },
  { id: 'all-comers-gs', type: 'all-comers', n: 90, interims: INTERIMS_OBF },
  { id: 'enriched-gs', type: 'enriched', n: 60, interims: { informationRates: [0.5, 1], efficacy: 'pocock' } },
  {
    id: 'adaptive',
    type: 'adaptive-enrichment',
    n: [40, 80],
    intersection: 'simes',
    selection: { rule: 'epsilon', measure: 'effect', epsilon: 0.1 },
  },
  {
    id: 'adaptive-efficacy',
    type: 'adaptive-enrichment',
    n: [40, 80],
    intersection: 'spiessens-debois',
    efficacy: 'obrien-fleming',
    selection: { rule: 'best', measure: 'z', threshold: 0 },
  },
  {
    id: 'adaptive-fisher',
    type: 'adaptive-enrichment',
    n: [40, 80],
    intersection: 'bonferroni',
    combination: 'fisher',
    selection: { rule: 'all' },
    recalculation: { conditionalPower: 0.8, minStage2: 20, maxStage2: 120, assumedEffect: 0.4 },
  },
];

const SURVIVAL_DESIGNS = [
  { id: 'all-comers', type: 'all-comers', n: 120, events: 60 },
  { id: 'enriched', type: 'enriched', n: 60, events: 30 },
  { id: 'stratified', type: 'stratified', n: 120, events: 60, intersection: 'bonferroni' },
  { id: 'all-comers-gs', type: 'all-comers', n: 120, events: 60, interims: INTERIMS_OBF },
  {
    id: 'adaptive',
    type: 'adaptive-enrichment',
    n: [80, 160],
    events: [30, 60],
    intersection: 'simes',
    efficacy: 'pocock',
    selection: { rule: 'epsilon', measure: 'effect', epsilon: 0.1 },
  },
];

const survival = {
  type: 'survival',
  controlMedian: { pos: 10, neg: 14 },
  hazardRatio: { pos: 0.55, neg: 0.85 },
  dropoutPerYear: 0.1,
};

const CASES: { name: string; scenario: Scenario }[] = [
  {
    name: 'continuous, t, random strata (sufficient traced at patient level)',
    scenario: scenarioFrom({
      population: ASSAY,
      endpoint: continuousEndpoint(0.6, 0.2),
      trial: { endpointDelay: 2 },
      designs: SAMPLE_DESIGNS,
      simulation: { replicates: 300, seed: 'trace-continuous' },
    }),
  },
  {
    name: 'continuous, z, fixed strata, 2:1',
    scenario: scenarioFrom({
      population: ASSAY,
      endpoint: continuousEndpoint(0.6, 0.2),
      trial: { allocation: 2 },
      analysis: RPACT_LIKE,
      designs: SAMPLE_DESIGNS,
      simulation: { replicates: 200, seed: 'trace-fixed', method: 'patient' },
    }),
  },
  {
    name: 'binary, random strata',
    scenario: scenarioFrom({
      population: ASSAY,
      endpoint: binaryEndpoint([0.3, 0.3], [0.6, 0.4]),
      designs: SAMPLE_DESIGNS,
      simulation: { replicates: 300, seed: 'trace-binary' },
    }),
  },
  {
    name: 'survival, patient level, with dropout',
    scenario: scenarioFrom({
      population: ASSAY,
      endpoint: survival,
      designs: SURVIVAL_DESIGNS,
      simulation: { replicates: 200, seed: 'trace-survival' },
    }),
  },
  {
    name: 'two blocks: 1,100 replicates',
    scenario: scenarioFrom({
      population: ASSAY,
      endpoint: continuousEndpoint(0.6, 0.2),
      designs: [SAMPLE_DESIGNS[1], SAMPLE_DESIGNS[5]].map((design) => ({
        ...design,
        n: design.type === 'enriched' ? 24 : [20, 40],
      })),
      simulation: { replicates: BLOCK_SIZE + 100, seed: 'trace-blocks' },
    }),
  },
];

/** the results of tracing every replicate (backwards) and tallying the traces block by block */
function tracedResults(scenario: Scenario, check: (trace: Trace) => void): string {
  const collector = new ResultCollector(patientLevel(scenario));
  const replicates = scenario.simulation.replicates;
  scenario.designs.forEach((_, design) => {
    const tracer = new Tracer(scenario, design);
    const outcomes = [];
    for (let replicate = replicates; replicate >= 1; replicate--) {
      const trace = tracer.trace(replicate);
      check(trace);
      outcomes[replicate - 1] = trace.outcome;
    }
    for (let block = 0; block < blockCount(replicates); block++) {
      const tally = emptyTally();
      const count = replicatesInBlock(replicates, block);
      for (let i = 0; i < count; i++) addTraceToTally(outcomes[block * BLOCK_SIZE + i], tally);
      tally[TALLY.replicates] = count;
      collector.add(design, block, tally);
    }
  });
  return JSON.stringify(collector.results());
}

/** the trace's decisions say what its outcome counts */
function checkDecisions(trace: Trace): void {
  const last = trace.decisions[trace.decisions.length - 1];
  const { outcome } = trace;
  if (last.kind === 'look') {
    const rejected = trace.decisions.some((d) => d.kind === 'look' && d.rejected);
    expect(rejected).toBe(last.population === 'S' ? outcome.rejectS : outcome.rejectF);
    expect(outcome.stopped === 'efficacy').toBe(rejected && last.look < last.looks);
  } else {
    expect(last.kind === 'closed-test' || last.kind === 'final').toBe(true);
    if (last.kind !== 'closed-test' && last.kind !== 'final') return;
    expect(closedTestRejects(last.local)).toEqual({ S: outcome.rejectS, F: outcome.rejectF });
    expect({ S: last.rejectS, F: last.rejectF }).toEqual({ S: outcome.rejectS, F: outcome.rejectF });
  }
  const randomized = trace.patients.filter((p) => p.randomized).length;
  // fixed strata round each of the 8 arm × cell shares to whole patients: a few more or fewer than
  // the n the run counts (half a patient per share at most)
  if (trace.patients[0].month === null) expect(Math.abs(randomized - outcome.randomized)).toBeLessThanOrEqual(8);
  else expect(randomized).toBe(outcome.randomized);
  for (const patient of trace.patients) {
    expect(patient.randomized).toBe(patient.arm !== null);
    if (trace.endpoint === 'survival') expect(patient.month).not.toBeNull();
  }
}

describe('trace: tallying traced replicates 1..N gives the patient-level results of N replicates', () => {
  for (const { name, scenario } of CASES) {
    it(name, () => {
      const expected = JSON.stringify(simulate(patientLevel(scenario)));
      expect(tracedResults(scenario, checkDecisions)).toBe(expected);
    });
  }
});

describe('trace: what one replicate shows', () => {
  const [continuous, , binary, survivalCase] = CASES.map((c) => c.scenario);

  it('every screened patient with its cell, arm and outcome; assay errors occur; months on the clock', () => {
    const trace = traceReplicate(continuous, 'enriched', 7);
    expect(trace).toMatchObject({ replicate: 7, block: 0, index: 6, endpoint: 'continuous' });
    expect(trace.patients.length).toBe(trace.outcome.screened);
    const taken = trace.patients.filter((p) => p.randomized);
    expect(taken.length).toBe(40);
    expect(taken.every((p) => p.assay === 'pos')).toBe(true);
    expect(trace.patients.some((p) => !p.randomized && p.assay === 'neg')).toBe(true);
    // with sensitivity and specificity below 1, some assay results disagree with the true status
    expect(trace.patients.some((p) => p.marker !== p.assay)).toBe(true);
    expect(trace.patients[9].month).toBeCloseTo(10 / continuous.trial.screeningRate, 12);
    for (const p of taken) expect(p.observed).toBeCloseTo((p.month as number) + 2, 12);
    expect(trace.decisions).toHaveLength(1);
    expect(trace.outcome.months).toBeCloseTo(trace.outcome.screened / continuous.trial.screeningRate + 2, 12);
  });

  it('binary outcomes are 1 or 0; a group-sequential trial has one decision per look held', () => {
    const trace = traceReplicate(binary, 'all-comers-gs', 3);
    for (const p of trace.patients) expect([0, 1]).toContain(p.outcome);
    const looks = trace.decisions.filter((d) => d.kind === 'look');
    expect(looks.length).toBeGreaterThanOrEqual(1);
    expect(looks.length).toBeLessThanOrEqual(3);
    expect(new Set(trace.patients.map((p) => p.stage)).size).toBe(looks.length);
  });

  it('survival: event, dropout and how follow-up ended at the last analysis', () => {
    const trace = traceReplicate(survivalCase, 'all-comers', 2);
    const end = trace.outcome.months;
    const events = trace.patients.filter((p) => p.followUp?.ending === 'event');
    expect(events.length).toBe(trace.outcome.events);
    for (const p of trace.patients) {
      expect(p.month as number).toBeLessThanOrEqual(end);
      expect(p.followUp!.month).toBeLessThanOrEqual(end);
    }
    expect(trace.patients.some((p) => p.followUp?.ending === 'censored')).toBe(true);
  });

  it('an adaptive trial: the interim with its selection, then stage 2 and the closed combination test', () => {
    const trace = traceReplicate(continuous, 'adaptive', 1);
    const [interim, final] = trace.decisions;
    expect(interim.kind).toBe('interim');
    expect(final.kind).toBe('final');
    if (interim.kind !== 'interim' || final.kind !== 'final') return;
    expect(interim.size).toBe(40);
    expect(interim.interimCritical).toBeNull(); // no early efficacy: never reached, as JSON holds ∞
    expect(trace.patients.filter((p) => p.stage === 1 && p.randomized)).toHaveLength(40);
    if (final.stage2) expect(trace.patients.filter((p) => p.stage === 2 && p.randomized)).toHaveLength(40);
    expect(JSON.parse(JSON.stringify(trace))).toEqual(trace);
  });

  it('any replicate is drawn without the ones before it: the same trace alone or after others', () => {
    const alone = traceReplicate(CASES[4].scenario, 'adaptive', 1042);
    expect(alone).toMatchObject({ block: 1, index: 41 });
    const tracer = new Tracer(CASES[4].scenario, 1);
    for (const replicate of [5, 1041, 1043]) tracer.trace(replicate);
    expect(JSON.stringify(tracer.trace(1042))).toBe(JSON.stringify(alone));
  });

  it('finds a typical trial, one that failed and one that stopped early, as the run counts them', () => {
    const index = continuous.designs.findIndex((d) => d.id === 'all-comers-gs');
    const early = findReplicate(continuous, index, 'early');
    expect(early.replicate).not.toBeNull();
    const watched = watchReplicate(continuous, index, { kind: 'early' });
    expect(watched.trace?.outcome.stopped).not.toBeNull();
    const failed = watchReplicate(continuous, index, { kind: 'failed' });
    expect(failed.trace?.outcome.rejectF).toBe(false);
    const typical = findReplicate(continuous, index, 'typical');
    if (typical.replicate === null) throw new Error('no typical trial');
    expect(typical.alike).toBeGreaterThan(continuous.simulation.replicates / 3);
    const enriched = continuous.designs.findIndex((d) => d.id === 'enriched');
    expect(findReplicate(continuous, enriched, 'early')).toMatchObject({ replicate: null });
  });

  it('refuses what it cannot trace, saying where', () => {
    expect(() => traceReplicate(continuous, 'nope', 1)).toThrow(/^design: no design has the id "nope"/);
    expect(() => traceReplicate(continuous, 'enriched', 301)).toThrow(TraceError);
    expect(() => traceReplicate(continuous, 'enriched', 0)).toThrow(/^replicate: must be a whole number from 1 to 300/);
    expect(() => traceReplicate(continuous, 'enriched', 1.5)).toThrow(/^replicate:/);
  });
});
