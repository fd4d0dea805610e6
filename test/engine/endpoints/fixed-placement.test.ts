// Fixed strata place every arm × cell's expected share of a stage once per (mask, n), and a stage's data
// keeps that placement from one enrolment to the next (enrolment.ts): whatever the stage held before, an
// enrolment must leave exactly the counts, sizes and screened patients of the expected shares.
import { describe, expect, it } from 'vitest';
import { TrialContext } from '../../../src/engine/designs/context.js';
import { addStage, clearStage, StageData } from '../../../src/engine/endpoints/stage.js';
import { ONE_MARKER, roundHalfEven } from '../../../src/engine/population.js';
import { Sampler } from '../../../src/engine/random/sampler.js';
import { blockStream } from '../../../src/engine/random/stream.js';
import { binaryEndpoint, continuousEndpoint, scenarioFrom } from '../../support/scenarios.js';

const cases = [
  { name: 'continuous, sufficient', endpoint: continuousEndpoint(0.5, 0.1), method: 'sufficient' },
  { name: 'continuous, patient level', endpoint: continuousEndpoint(0.5, 0.1), method: 'patient' },
  { name: 'binary, sufficient', endpoint: binaryEndpoint([0.2, 0.2], [0.45, 0.25]), method: 'sufficient' },
];

function contextOf(endpoint: object, method: string): TrialContext {
  return new TrialContext(
    scenarioFrom({
      population: { prevalence: 0.3, sensitivity: 0.85, specificity: 0.9 },
      endpoint,
      analysis: { statistic: 'z', strata: 'fixed', stratified: true },
      designs: [{ id: 'a', type: 'all-comers', n: 200 }],
      simulation: { method, replicates: 1000 },
    }),
  );
}

/** the expected shares written out: n·(arm's share)·P(cell | mask), whole for binary or patient level */
function expectedPlacement(context: TrialContext, mask: number, n: number, binary: boolean, whole: boolean) {
  const { layout } = context;
  const inMask = (cell: number) => (mask & (1 << layout.cellClassified[cell])) !== 0;
  let share = 0;
  for (let cell = 0; cell < layout.cells; cell++) if (inMask(cell)) share += layout.cellProbability[cell];
  const count = new Float64Array(2 * layout.cells);
  const size = new Float64Array(2 * layout.cells);
  for (let arm = 0; arm < 2; arm++) {
    for (let cell = 0; cell < layout.cells; cell++) {
      if (!inMask(cell) || layout.cellProbability[cell] === 0) continue;
      const expected = (n / 2) * (layout.cellProbability[cell] / share);
      count[arm * layout.cells + cell] = whole ? roundHalfEven(expected) : expected;
      size[arm * layout.cells + cell] = binary ? expected : count[arm * layout.cells + cell];
    }
  }
  return { count, size, screened: n / share };
}

describe('fixed strata: a stage keeps its placement only while it is the one asked for', () => {
  it.each(cases)('$name', ({ endpoint, method }) => {
    const context = contextOf(endpoint, method);
    const sampler = new Sampler(blockStream('placement', 'a', 0));
    const binary = endpoint.type === 'binary';
    const whole = binary || method === 'patient';
    const F = context.enrolment.maskOf(ONE_MARKER.F);
    const S = context.enrolment.maskOf(ONE_MARKER.S);
    const stage = new StageData(context.layout);
    const check = (mask: number, n: number) => {
      context.enrolment.enrol(stage, mask, n, sampler);
      const expected = expectedPlacement(context, mask, n, binary, whole);
      for (let slot = 0; slot < stage.slots; slot++) {
        expect(stage.count[slot]).toBeCloseTo(expected.count[slot], 12);
        expect(stage.size[slot]).toBeCloseTo(expected.size[slot], 12);
      }
      expect(stage.screened).toBeCloseTo(mask === F ? n : expected.screened, 9);
    };
    // the same placement again, another mask, another size, and back
    for (const [mask, n] of [
      [F, 200],
      [F, 200],
      [S, 90],
      [S, 91],
      [F, 200],
      [S, 90],
    ])
      check(mask, n);
    // whatever else writes the counts makes the next placement copy again
    clearStage(stage);
    check(S, 90);
    const other = new StageData(context.layout);
    context.enrolment.enrol(other, F, 120, sampler);
    addStage(stage, other);
    check(S, 90);
  });
});
