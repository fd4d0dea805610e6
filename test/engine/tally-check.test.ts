// The merge's tally check refuses only what no block can produce: every tally the engine itself
// makes, for any scenario the contract accepts (every design type, endpoint and method), passes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/engine/scenario/parse.js';
import { simulateBlock } from '../../src/engine/simulate-block.js';
import { tallyProblems } from '../../src/engine/tally-check.js';
import { ANALYSES, TALLY } from '../../src/engine/tally.js';
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

describe('tally check of each analysis', () => {
  const scenario = (() => {
    const parsed = parseScenario({
      population: { prevalence: 0.4 },
      endpoint: { type: 'survival', controlMedian: { pos: 12, neg: 12 }, hazardRatio: { pos: 0.6, neg: 0.9 } },
      designs: [{ id: 'gs', type: 'all-comers', n: 300, events: 200, interims: { informationRates: [0.5, 1] } }],
      simulation: { replicates: 60, seed: 'analyses', method: 'patient' },
    });
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    return parsed.scenario;
  })();
  const tally = () => Array.from(simulateBlock(scenario, 0, 0));

  it('refuses a first analysis not held by every trial, a later one held by more, and one never planned', () => {
    const edited = tally();
    const replicates = edited[TALLY.replicates];
    edited[ANALYSES] = replicates - 1;
    expect(tallyProblems(scenario, 0, 0, edited)).toEqual([
      `analysis 1: held by ${replicates - 1} trials, must be a whole number from ${replicates} to ${replicates}`,
    ]);
    const more = tally();
    more[ANALYSES + 3] = replicates + 1;
    expect(tallyProblems(scenario, 0, 0, more)[0]).toMatch(/^analysis 2: held by \d+ trials, must be a whole number/);
    const unplanned = tally();
    unplanned[ANALYSES + 6] = 1;
    unplanned[ANALYSES + 7] = 3;
    expect(tallyProblems(scenario, 0, 0, unplanned)).toEqual([
      'analysis 3: held by 1 trials, must be 0 (the design plans 2)',
    ]);
  });

  it('refuses months or events that are negative, not numbers, or summed over no trial', () => {
    const edited = tally();
    edited[ANALYSES + 1] = -1;
    const unheld = tally();
    unheld[ANALYSES + 11] = 5;
    expect(tallyProblems(scenario, 0, 0, edited)).toEqual([
      'analysis 1: months is -1, must be a finite number ≥ 0 (0 when no trial held it)',
    ]);
    expect(tallyProblems(scenario, 0, 0, unheld)).toEqual([
      'analysis 4: events is 5, must be a finite number ≥ 0 (0 when no trial held it)',
    ]);
  });
});
