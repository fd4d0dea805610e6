// Every scenario the contract accepts simulates: random documents from the whole of docs/scenario.md
// (each design type, endpoint, analysis and method, values across their ranges) run a few
// replicates without throwing and give probabilities in [0, 1] and every number finite: the results
// contract allows a null with its reason under `nulls`, and an accepted scenario needs one only for a
// look that cannot stop (it spends no α, so it has no critical value).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/engine/scenario/parse.js';
import { nonFinitePaths } from '../../src/engine/finite.js';
import { simulate } from '../../src/engine/simulate.js';
import { scenarioDocument } from '../support/scenario-arbitrary.js';

const methods = {
  continuous: ['sufficient', 'patient'],
  binary: ['sufficient', 'patient'],
  survival: ['patient', 'asymptotic'],
} as const;

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
          for (const p of Object.values(result.reject))
            expect(p !== undefined && p >= 0 && p <= 1, `${result.id} reject ${p}`).toBe(true);
          expect(nonFinitePaths(result), `${result.id}: ${JSON.stringify(result)}`).toEqual([]);
          // the contract allows a null with its reason; a simulation of an accepted scenario needs none
          // but for the looks that cannot stop and the analyses no simulated trial held
          const reasons = Object.keys(result.nulls ?? {});
          for (const path of reasons) {
            const unheld = /^analyses\.(\d+)\.(months|events)$/.exec(path);
            if (unheld) expect(result.analyses?.[Number(unheld[1])].held, `${result.id} ${path}`).toBe(0);
            else expect(path, result.id).toMatch(/^boundaries\.looks\.\d+\.(critical|nominal)$/);
          }
          expect(nullPaths(result), result.id).toEqual(reasons);
        }
      }),
      { numRuns: 600, seed: 20261125 },
    );
    expect(simulated).toBeGreaterThan(200);
  });
});

/** paths of the nulls in a result (outside its `nulls` record) */
function nullPaths(value: unknown, path = ''): string[] {
  if (value === null) return [path];
  if (typeof value !== 'object') return [];
  return Object.entries(value as object).flatMap(([key, child]) =>
    path === '' && key === 'nulls' ? [] : nullPaths(child, path === '' ? key : `${path}.${key}`),
  );
}
