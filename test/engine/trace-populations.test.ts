// Traces of several populations are the simulation's own, as the one-marker ones are (trace.test.ts):
// tracing replicates N..1 of a three-population scenario with an imperfect assay and tallying each
// trace's outcome block by block gives the patient-level run's results byte for byte, for stratified
// designs (Simes, Dunnett, hierarchical) and adaptive ones (ε selection with the inverse normal, Fisher's
// combination, early efficacy with re-sizing). Each trace's records are held to the closed test: a
// hypothesis is rejected exactly when every intersection holding it is (an adaptive design's dropped
// population: when every one was at the interim), the kept set is what the selection rule keeps of the
// measures recorded, and the last record rejects what the outcome counts.
import { describe, expect, it } from 'vitest';
import { BLOCK_SIZE, blockCount, replicatesInBlock } from '../../src/engine/blocks.js';
import { ResultCollector } from '../../src/engine/collector.js';
import { layoutOf } from '../../src/engine/population.js';
import type { Scenario } from '../../src/engine/scenario/types.js';
import { simulate } from '../../src/engine/simulate.js';
import { emptyTally, TALLY } from '../../src/engine/tally.js';
import { watchReplicate } from '../../src/engine/trace/find.js';
import type {
  Decision,
  PopulationsFinalDecision,
  PopulationsInterimDecision,
} from '../../src/engine/trace/recorder.js';
import { addTraceToTally } from '../../src/engine/trace/tally-trace.js';
import { patientLevel, type Trace, Tracer, traceAnyReplicate } from '../../src/engine/trace/trace.js';
import { misread, NESTED, perSubgroup, THREE } from '../support/population-scenarios.js';
import { scenarioFrom } from '../support/scenarios.js';

const population = misread(THREE, 0.8);
const continuous = {
  type: 'continuous',
  effect: perSubgroup(population, (_, i) => [0.8, 0.5, 0.2, 0.8, 0.7, 0.5, 0.9, 0.2][i]),
  sd: perSubgroup(population, (_, i) => 1 + 0.1 * i),
};
const binary = {
  type: 'binary',
  control: perSubgroup(population, () => 0.25),
  treatment: perSubgroup(population, (_, i) => [0.5, 0.35, 0.3, 0.5, 0.45, 0.35, 0.55, 0.27][i]),
};

const STRATIFIED = [
  { id: 'simes', type: 'stratified', n: 160, intersection: 'simes' },
  { id: 'dunnett', type: 'stratified', n: 160, intersection: 'dunnett' },
  { id: 'hierarchical', type: 'stratified', n: 160, intersection: 'hierarchical', order: ['P1', 'F', 'P2', 'P3'] },
];
const ADAPTIVE = [
  {
    id: 'epsilon',
    type: 'adaptive-enrichment',
    n: [80, 160],
    intersection: 'simes',
    selection: { rule: 'epsilon', measure: 'effect', epsilon: 0.1 },
  },
  {
    id: 'fisher',
    type: 'adaptive-enrichment',
    n: [80, 160],
    intersection: 'bonferroni',
    combination: 'fisher',
    selection: { rule: 'rbest', r: 2, measure: 'z', threshold: 0 },
  },
  {
    id: 'early',
    type: 'adaptive-enrichment',
    n: [80, 160],
    intersection: 'sidak',
    efficacy: 'pocock',
    selection: { rule: 'best', measure: 'z' },
    recalculation: { conditionalPower: 0.8, minStage2: 40, maxStage2: 160, assumedEffect: 0.4 },
  },
];

const CASES: { name: string; scenario: Scenario }[] = [
  {
    name: 'stratified, continuous, t, random strata',
    scenario: scenarioFrom({
      population,
      endpoint: continuous,
      designs: STRATIFIED,
      simulation: { replicates: 200, seed: 'trace-populations-stratified' },
    }),
  },
  {
    name: 'adaptive, continuous, z, fixed strata',
    scenario: scenarioFrom({
      population,
      endpoint: continuous,
      analysis: { statistic: 'z', strata: 'fixed', stratified: true },
      designs: ADAPTIVE,
      simulation: { replicates: 200, seed: 'trace-populations-adaptive' },
    }),
  },
  {
    name: 'binary, a stratified and an adaptive design',
    scenario: scenarioFrom({
      population,
      endpoint: binary,
      designs: [STRATIFIED[0], ADAPTIVE[2]],
      simulation: { replicates: 200, seed: 'trace-populations-binary' },
    }),
  },
];

/** the results of tracing every replicate (backwards) and tallying the traces block by block */
function tracedResults(scenario: Scenario, check: (trace: Trace<string>) => void): string {
  const collector = new ResultCollector(patientLevel(scenario));
  const ids = layoutOf(scenario.population).populationIds;
  const replicates = scenario.simulation.replicates;
  scenario.designs.forEach((_, design) => {
    const tracer = new Tracer(scenario, design);
    const outcomes = [];
    for (let replicate = replicates; replicate >= 1; replicate--) {
      const trace = tracer.traceAny(replicate);
      check(trace);
      outcomes[replicate - 1] = trace.outcome;
    }
    for (let block = 0; block < blockCount(replicates); block++) {
      const tally = emptyTally();
      const count = replicatesInBlock(replicates, block);
      for (let i = 0; i < count; i++) addTraceToTally(outcomes[block * BLOCK_SIZE + i], tally, ids);
      tally[TALLY.replicates] = count;
      collector.add(design, block, tally);
    }
  });
  return JSON.stringify(collector.results());
}

/** every intersection holding `id` */
const holding = <Node extends { ids: string[] }>(nodes: readonly Node[], id: string) =>
  nodes.filter((node) => node.ids.includes(id));

/** the selection rule applied to the measures the interim recorded */
function selected(interim: PopulationsInterimDecision): string[] {
  const { selection, hypotheses } = interim;
  const measures = hypotheses.map((h) => h.measure);
  const best = Math.max(...measures);
  const r = selection.rule === 'best' ? 1 : (selection.r ?? hypotheses.length);
  return hypotheses
    .filter((h, k) => {
      const above = measures.filter((m, l) => m > h.measure || (l < k && m === h.measure)).length;
      const keep =
        selection.rule === 'all'
          ? true
          : selection.rule === 'epsilon'
            ? best - h.measure <= selection.epsilon
            : above < r;
      return keep && h.measure > (selection.threshold ?? -Infinity);
    })
    .map((h) => h.id);
}

function checkInterim(interim: PopulationsInterimDecision): void {
  for (const h of interim.hypotheses) {
    expect(h.rejected).toBe(holding(interim.intersections, h.id).every((node) => node.early));
    expect(h.futile).toBe(holding(interim.intersections, h.id).some((node) => node.futile));
  }
  expect(interim.kept).toEqual(interim.hypotheses.filter((h) => h.kept).map((h) => h.id));
  expect(interim.kept).toEqual(selected(interim));
  expect(interim.intersections).toHaveLength(15);
}

function checkFinal(final: PopulationsFinalDecision, interim: PopulationsInterimDecision): void {
  for (const h of final.hypotheses) {
    const nodes = holding(final.intersections, h.id);
    const early = holding(interim.intersections, h.id).every((node) => node.early);
    expect(h.rejected).toBe(early || (h.kept && nodes.every((node) => node.rejected)));
    expect(h.kept).toBe(final.stage2 && interim.kept.includes(h.id));
  }
  for (const node of final.intersections) {
    const combined = final.stage2 && node.ids.some((id) => interim.kept.includes(id));
    expect(node.byCombination !== null).toBe(combined);
    const early = interim.intersections.find((other) => other.name === node.name)?.early;
    expect(node.rejected).toBe(early === true || node.byCombination === true);
  }
}

/** the records hold to the closed test, and the last one rejects what the outcome counts */
function checkDecisions(trace: Trace<string>): void {
  const last = trace.decisions[trace.decisions.length - 1] as Decision;
  const { reject } = trace.outcome;
  if (last.kind === 'populations-closed-test') {
    expect(last.intersections.map((node) => node.name)[0]).toBe('P1∩P2∩P3∩F');
    expect(last.intersections).toHaveLength(15);
    for (const h of last.hypotheses)
      expect(h.rejected).toBe(holding(last.intersections, h.id).every((n) => n.rejected));
  } else {
    expect(last.kind).toBe('populations-final');
    const interim = trace.decisions[0];
    if (last.kind !== 'populations-final' || interim.kind !== 'populations-interim') return;
    checkInterim(interim);
    checkFinal(last, interim);
    const kept = trace.outcome.kept;
    if (kept) expect(Object.keys(kept).filter((id) => kept[id])).toEqual(interim.kept);
  }
  expect(Object.fromEntries(last.hypotheses.map((h) => [h.id, h.rejected]))).toEqual(reject);
  expect(trace.subgroups).toEqual(population.subgroups.map((s) => s.id));
}

describe('trace of several populations: tallying traced replicates gives the patient-level results', () => {
  for (const { name, scenario } of CASES)
    it(name, () => {
      const expected = JSON.stringify(simulate(patientLevel(scenario)));
      expect(tracedResults(scenario, checkDecisions)).toBe(expected);
    });
});

describe('trace of several populations: what it shows', () => {
  const [stratified, adaptive, binaryCase] = CASES.map((c) => c.scenario);

  it('patients by subgroup id; the closed test names every intersection by the ids it holds', () => {
    const trace = traceAnyReplicate(stratified, 'dunnett', 3);
    const ids = population.subgroups.map((s) => s.id);
    for (const p of trace.patients) expect(ids).toContain(p.marker);
    expect(trace.patients.some((p) => p.marker !== p.assay)).toBe(true);
    const [decision] = trace.decisions;
    if (decision.kind !== 'populations-closed-test') throw new Error(decision.kind);
    expect(decision.intersections.map((n) => n.name)).toEqual([
      'P1∩P2∩P3∩F',
      'P1∩P2∩P3',
      'P1∩P2∩F',
      'P1∩P3∩F',
      'P2∩P3∩F',
      'P1∩P2',
      'P1∩P3',
      'P2∩P3',
      'P1∩F',
      'P2∩F',
      'P3∩F',
      'P1',
      'P2',
      'P3',
      'F',
    ]);
    // Dunnett's p of an intersection is at least its smallest elementary p, at most their sum
    const elementary = new Map(decision.intersections.filter((n) => n.ids.length === 1).map((n) => [n.name, n.p]));
    for (const node of decision.intersections) {
      const ps = node.ids.map((id) => elementary.get(id) as number);
      expect(node.p).toBeGreaterThanOrEqual(Math.min(...ps) - 1e-12);
      expect(node.p).toBeLessThanOrEqual(ps.reduce((a, b) => a + b) + 1e-12);
      expect(node.rejected).toBe(node.p <= decision.alpha);
    }
    expect(decision.correlation.map((row) => row.length)).toEqual([4, 4, 4, 4]);
    expect(JSON.parse(JSON.stringify(trace))).toEqual(trace);
  });

  it('an adaptive trial: interim then final; stage 2 randomises only the kept populations', () => {
    const trace = traceAnyReplicate(binaryCase, 'early', 5);
    const [interim, final] = trace.decisions;
    if (interim.kind !== 'populations-interim' || final.kind !== 'populations-final') throw new Error('kinds');
    expect(interim.size).toBe(80);
    expect(trace.patients.filter((p) => p.stage === 1 && p.randomized)).toHaveLength(80);
    if (final.stage2) {
      const layout = layoutOf(binaryCase.population);
      const kept = interim.kept.map((id) => layout.populationIds.indexOf(id));
      const union = kept.reduce((mask, k) => mask | layout.populationMask[k], 0);
      for (const p of trace.patients.filter((q) => q.stage === 2 && q.randomized))
        expect((union >> layout.subgroupIds.indexOf(p.assay)) & 1).toBe(1);
    }
  });

  it('finds one that failed and one that stopped early, ending by population id', () => {
    const failed = watchReplicate(adaptive, 2, { kind: 'failed' });
    expect(Object.values(failed.trace?.outcome.reject ?? { x: true }).some(Boolean)).toBe(false);
    const early = watchReplicate(adaptive, 2, { kind: 'early' });
    expect(early.trace?.outcome.stopped).not.toBeNull();
    const typical = watchReplicate(stratified, 0, { kind: 'typical' });
    expect(Object.keys(typical.found?.replicate ? (typical.found.ending.reject ?? {}) : {})).toEqual([
      'P1',
      'P2',
      'P3',
      'F',
    ]);
  });

  it('survival with two nested populations, patient by patient: the trace is the run replicate', () => {
    const scenario = scenarioFrom({
      population: misread(NESTED, 0.9),
      endpoint: {
        type: 'survival',
        controlMedian: { high: 10, low: 12, neg: 14 },
        hazardRatio: { high: 0.5, low: 0.7, neg: 0.95 },
      },
      designs: [
        { id: 'stratified', type: 'stratified', n: 120, events: 60, intersection: 'simes' },
        {
          id: 'adaptive',
          type: 'adaptive-enrichment',
          n: [80, 160],
          events: [30, 60],
          intersection: 'bonferroni',
          selection: { rule: 'best', measure: 'z' },
        },
      ],
      simulation: { method: 'patient', replicates: 40, seed: 'trace-populations-survival' },
    });
    expect(tracedResults(scenario, () => undefined)).toBe(JSON.stringify(simulate(scenario)));
    const trace = traceAnyReplicate(scenario, 'stratified', 1);
    expect(trace.decisions.map((d) => d.kind)).toEqual(['populations-closed-test']);
    expect(trace.patients.filter((p) => p.followUp?.ending === 'event')).toHaveLength(trace.outcome.events);
  });
});
