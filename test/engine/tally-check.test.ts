// The merge's tally check refuses only what no block can produce: every tally the engine itself
// makes, for any scenario the contract accepts (every design type, endpoint and method), passes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/engine/scenario/parse.js';
import { simulateBlock } from '../../src/engine/simulate-block.js';
import { tallyProblems } from '../../src/engine/tally-check.js';
import { scenarioDocument } from '../support/scenario-arbitrary.js';

const methods = {
  continuous: ['sufficient', 'patient'],
  binary: ['sufficient', 'patient'],
  survival: ['patient', 'asymptotic'],
} as const;

describe('tally check', () => {
  it('passes every tally the engine makes', () => {
    let checked = 0;
    fc.assert(
      fc.property(scenarioDocument, fc.boolean(), (document, second) => {
        const method = methods[document.endpoint.type as keyof typeof methods][second ? 1 : 0];
        const parsed = parseScenario({ ...document, simulation: { replicates: 60, seed: 'tally-check', method } });
        if (!parsed.ok) return;
        checked++;
        parsed.scenario.designs.forEach((design, d) => {
          const tally = Array.from(simulateBlock(parsed.scenario, d, 0));
          expect(tallyProblems(parsed.scenario, d, 0, tally), design.id).toEqual([]);
        });
      }),
      { numRuns: 200, seed: 20261126 },
    );
    expect(checked).toBeGreaterThan(70);
  });
});
