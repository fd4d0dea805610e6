// Scenario helpers for tests: build a filled scenario from a partial document.
import { parseScenario } from '../../src/engine/scenario/parse.js';
import type { Scenario } from '../../src/engine/scenario/types.js';

export function scenarioFrom(document: Record<string, unknown>): Scenario {
  const parsed = parseScenario(document);
  if (!parsed.ok) throw new Error(`test scenario is invalid:\n${parsed.errors.join('\n')}`);
  return parsed.scenario;
}

export const continuousEndpoint = (effectPos: number, effectNeg: number, sdPos = 1, sdNeg = 1) => ({
  type: 'continuous',
  sd: { pos: sdPos, neg: sdNeg },
  effect: { pos: effectPos, neg: effectNeg },
});

export const binaryEndpoint = (control: [number, number], treatment: [number, number]) => ({
  type: 'binary',
  control: { pos: control[0], neg: control[1] },
  treatment: { pos: treatment[0], neg: treatment[1] },
});

export const RPACT_LIKE = { statistic: 'z', strata: 'fixed', stratified: true };
export const REALISTIC = { statistic: 't', strata: 'random', stratified: true };
