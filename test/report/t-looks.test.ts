// The report's looks are the ones the trial uses: for t statistics the critical values from the
// joint t law (as group-sequential.ts compares them), not the z boundaries.
import { describe, expect, it } from 'vitest';
import { lookCriticalValues } from '../../src/engine/designs/group-sequential.js';
import { efficacyBoundaries } from '../../src/engine/inference/sequential/boundaries.js';
import { designBoundaries } from '../../src/engine/designs/boundaries.js';
import { continuousEndpoint, REALISTIC, scenarioFrom } from '../support/scenarios.js';

describe('report boundaries with t statistics', () => {
  it("are the engine's t-law critical values for each look", () => {
    const interims = { informationRates: [0.25, 0.5, 0.75, 1], efficacy: 'obrien-fleming' };
    const scenario = scenarioFrom({
      population: { prevalence: 0.4 },
      endpoint: continuousEndpoint(0.5, 0.2),
      analysis: REALISTIC,
      designs: [{ id: 'gs', type: 'enriched', n: 24, interims }],
    });
    const design = scenario.designs[0];
    if (design.type !== 'enriched' || !design.interims) throw new Error('an enriched group-sequential design');
    // S, one stratum: its two arms' means are estimated
    const engine = Array.from(lookCriticalValues(scenario, 2, design.interims, 24));
    const report = designBoundaries(scenario, design)!.looks.map((look) => look.critical);
    expect(report).toEqual(engine);
    // and these are not the z boundaries (small looks: the t law's nominal levels are lower)
    const z = Array.from(efficacyBoundaries('obrien-fleming', interims.informationRates, scenario.alpha));
    expect(report[3]! - z[3]).toBeGreaterThan(1e-4);
  });
});
