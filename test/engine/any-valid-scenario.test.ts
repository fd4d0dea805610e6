// Every scenario the contract accepts simulates: random documents from the whole of SCENARIO.md
// (each design type, endpoint, analysis and method, values across their ranges) run a few
// replicates without throwing and give finite probabilities in [0, 1] and finite expectations.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/engine/scenario/parse.js';
import { simulate } from '../../src/engine/simulate.js';
import { scenarioDocument } from '../support/scenario-arbitrary.js';

const methods = { continuous: ['sufficient', 'patient'], binary: ['sufficient', 'patient'], survival: ['patient', 'asymptotic'] } as const;

describe('any valid scenario', () => {
  it('simulates with finite results, by every method of its endpoint', () => {
    let simulated = 0;
    fc.assert(
      fc.property(scenarioDocument, fc.boolean(), (document, second) => {
        const method = methods[document.endpoint.type as keyof typeof methods][second ? 1 : 0];
        const parsed = parseScenario({ ...document, simulation: { replicates: 40, seed: 'any', method } });
        if (!parsed.ok) return;
        simulated++;
        for (const result of simulate(parsed.scenario)) {
          for (const p of Object.values(result.reject)) expect(p >= 0 && p <= 1, `${result.id} reject ${p}`).toBe(true);
          for (const [key, value] of Object.entries(result.expected)) expect(Number.isFinite(value), `${result.id} expected.${key} = ${value}`).toBe(true);
        }
      }),
      { numRuns: 600, seed: 20261125 },
    );
    expect(simulated).toBeGreaterThan(200);
  });
});
