// `sufficient` and `patient` simulation agree (docs/methods.md): rejection (each hypothesis, both and
// any), selection and early-stop probabilities and the expected patients screened of fixed,
// group-sequential and adaptive designs within 4 standard errors, and the same distribution of the
// final test statistics (two-sample KS).
import { describe, expect, it } from 'vitest';
import { TrialContext } from '../../src/engine/designs/context.js';
import { ONE_MARKER } from '../../src/engine/population.js';
import { blockStream } from '../../src/engine/random/stream.js';
import { Sampler } from '../../src/engine/random/sampler.js';
import { simulate } from '../../src/engine/simulate.js';
import { binaryEndpoint, continuousEndpoint, scenarioFrom } from '../support/scenarios.js';
import { agreementBound, kolmogorovSmirnov } from '../support/monte-carlo.js';

const cases = [
  {
    name: 'continuous, t, random strata, imperfect assay',
    endpoint: continuousEndpoint(0.45, 0.1, 1, 1.3),
    analysis: { statistic: 't', strata: 'random' },
    population: { prevalence: 0.35, sensitivity: 0.85, specificity: 0.9 },
  },
  {
    name: 'continuous, z, fixed strata',
    endpoint: continuousEndpoint(0.4, 0.15),
    analysis: { statistic: 'z', strata: 'fixed' },
    population: { prevalence: 0.3 },
  },
  {
    name: 'continuous, t, unstratified, 2:1',
    endpoint: continuousEndpoint(0.4, 0.2),
    analysis: { statistic: 't', strata: 'random', stratified: false },
    population: { prevalence: 0.5, sensitivity: 0.9, specificity: 0.8 },
    allocation: 2,
  },
  {
    name: 'binary, random strata, imperfect assay',
    endpoint: binaryEndpoint([0.2, 0.25], [0.45, 0.3]),
    analysis: { strata: 'random' },
    population: { prevalence: 0.35, sensitivity: 0.9, specificity: 0.85 },
  },
  {
    name: 'binary, fixed strata',
    endpoint: binaryEndpoint([0.2, 0.2], [0.45, 0.25]),
    analysis: { strata: 'fixed', statistic: 'z' },
    population: { prevalence: 0.35 },
  },
];

const BATCHES = 8;

/**
 * the scenario run in BATCHES independent batches (seeds): results pooled over all replicates, and
 * each design's E[screened] with its standard error from the spread of the batch means
 */
function batched(c: (typeof cases)[number], method: string, replicates: number) {
  const runs = Array.from({ length: BATCHES }, (_, batch) =>
    simulate(
      scenarioFrom({
        ...document(c, method, replicates / BATCHES),
        simulation: { replicates: replicates / BATCHES, method, seed: `methods-${method}-${batch}` },
      }),
    ),
  );
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  return runs[0].map((first, d) => {
    const pooled = (pick: (result: typeof first) => number | undefined) => {
      const values = runs.map((run) => pick(run[d]));
      return values[0] === undefined ? undefined : mean(values as number[]);
    };
    const screened = runs.map((run) => run[d].expected.screened);
    const screenedMean = mean(screened);
    const screenedSe = Math.sqrt(
      screened.reduce((sum, x) => sum + (x - screenedMean) ** 2, 0) / (BATCHES - 1) / BATCHES,
    );
    return {
      id: first.id,
      reject: {
        any: pooled((r) => r.reject.any),
        S: pooled((r) => r.reject.S),
        F: pooled((r) => r.reject.F),
        both: pooled((r) => r.reject.both),
      },
      continue: first.continue && { S: pooled((r) => r.continue?.S)!, F: pooled((r) => r.continue?.F)! },
      earlyStop: first.earlyStop && { efficacy: pooled((r) => r.earlyStop?.efficacy)! },
      screened: { mean: screenedMean, se: screenedSe },
    };
  });
}

function document(c: (typeof cases)[number], method: string, replicates: number) {
  return {
    population: c.population,
    endpoint: c.endpoint,
    analysis: c.analysis,
    trial: { allocation: c.allocation ?? 1 },
    designs: [
      { id: 'all-comers', type: 'all-comers', n: 160 },
      { id: 'enriched', type: 'enriched', n: 80 },
      { id: 'stratified', type: 'stratified', n: 200, intersection: 'spiessens-debois' },
      {
        id: 'adaptive',
        type: 'adaptive-enrichment',
        n: [100, 200],
        intersection: 'simes',
        efficacy: 'obrien-fleming',
        selection: { rule: 'epsilon', measure: 'effect', epsilon: 0.1 },
        recalculation: { conditionalPower: 0.8, minStage2: 60, maxStage2: 200, assumedEffect: 0.4 },
      },
      {
        id: 'group-sequential',
        type: 'all-comers',
        n: 160,
        interims: { informationRates: [0.5, 1], efficacy: 'pocock' },
      },
    ],
    simulation: { replicates, method, seed: `methods-${method}` },
  };
}

describe('sufficient and patient simulation agree', () => {
  it.each(cases)('rejection probabilities: $name', (c) => {
    const replicates = 40_000;
    const sufficient = batched(c, 'sufficient', replicates);
    const patient = batched(c, 'patient', replicates);
    for (let d = 0; d < sufficient.length; d++) {
      for (const hypothesis of ['any', 'S', 'F', 'both'] as const) {
        const a = sufficient[d].reject[hypothesis];
        const b = patient[d].reject[hypothesis];
        if (a === undefined) continue;
        expect(Math.abs(a - b!), `${sufficient[d].id} ${hypothesis}: ${a} vs ${b}`).toBeLessThanOrEqual(
          agreementBound(a, replicates, b!, replicates),
        );
      }
      const pairs: [string, number | undefined, number | undefined][] = [
        ['continue S', sufficient[d].continue?.S, patient[d].continue?.S],
        ['continue F', sufficient[d].continue?.F, patient[d].continue?.F],
        ['early efficacy', sufficient[d].earlyStop?.efficacy, patient[d].earlyStop?.efficacy],
      ];
      for (const [what, a, b] of pairs) {
        if (a === undefined) continue;
        expect(Math.abs(a - b!), `${sufficient[d].id} ${what}: ${a} vs ${b}`).toBeLessThanOrEqual(
          agreementBound(a, replicates, b!, replicates),
        );
      }
      // E[screened]: within 4 combined standard errors (a design that screens a fixed number has none)
      const [a, b] = [sufficient[d].screened, patient[d].screened];
      expect(Math.abs(a.mean - b.mean), `${sufficient[d].id} screened: ${a.mean} vs ${b.mean}`).toBeLessThanOrEqual(
        4 * Math.hypot(a.se, b.se) + 1e-9 * a.mean,
      );
    }
  });

  it.each(cases)('distribution of z_S and z_F (KS): $name', (c) => {
    const trials = 20_000;
    const statistics = (method: string) => {
      const context = new TrialContext(scenarioFrom(document(c, method, 1)));
      const sampler = new Sampler(blockStream(`ks-${method}`, 'd', 0));
      const zS = new Float64Array(trials);
      const zF = new Float64Array(trials);
      for (let i = 0; i < trials; i++) {
        context.enrolment.enrol(context.stage, context.enrolment.maskOf(ONE_MARKER.F), 200, sampler);
        zS[i] = context.model.statistic(context.stage, ONE_MARKER.S);
        zF[i] = context.model.statistic(context.stage, ONE_MARKER.F);
      }
      return { zS, zF };
    };
    const sufficient = statistics('sufficient');
    const patient = statistics('patient');
    // a fixed seed makes this deterministic; p < 0.001 would flag a real difference in law
    expect(kolmogorovSmirnov(sufficient.zS, patient.zS).p).toBeGreaterThan(0.001);
    expect(kolmogorovSmirnov(sufficient.zF, patient.zF).p).toBeGreaterThan(0.001);
  });
});
