// Survival with several populations keeps the family-wise error under the global null (no subgroup
// benefits): P(reject any) ≤ α + 3 MCSE at 10⁵ replicates, patient by patient with three populations,
// an imperfect assay and random strata, and on rpact's asymptotic law with nested and overlapping
// populations; every intersection test, one stage and two (docs/populations.md). Agreement with rpact's
// survival simulator is in rpact-populations.test.ts; that a one-marker scenario written in this form
// is the same trial, draw for draw, in one-marker-as-populations.test.ts.
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/engine/scenario/parse.js';
import { simulate } from '../../../src/engine/simulate.js';
import { proportionSe } from '../../support/monte-carlo.js';
import { misread, NESTED, OVERLAPPING, perSubgroup, THREE } from '../../support/population-scenarios.js';

const REPLICATES = 100_000;
const ALPHA = 0.025;
const BOUND = ALPHA + 3 * proportionSe(ALPHA, REPLICATES);

type Population = typeof THREE;

let runs = 0;

/** P(reject any) of each design, under no effect anywhere and a different control median per subgroup */
function familyWiseErrors(population: Population, method: string, designs: Record<string, unknown>[]) {
  const parsed = parseScenario({
    alpha: ALPHA,
    population,
    endpoint: {
      type: 'survival',
      controlMedian: perSubgroup(population, (_, i) => 9 + 2 * i),
      hazardRatio: perSubgroup(population, () => 1),
      dropoutPerYear: 0.05,
    },
    // 1:1, as the log-rank's one-sided size is α only then (survival.test.ts)
    trial: { allocation: 1, screeningRate: 20 },
    analysis: { strata: 'random', stratified: true },
    designs,
    simulation: { method, replicates: REPLICATES, seed: `survival null ${++runs}` },
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return simulate(parsed.scenario).map((result) => [result.id, result.reject.any] as const);
}

const stratified = (intersection: string, size: object, extra: object = {}) => ({
  id: intersection,
  type: 'stratified',
  intersection,
  ...size,
  ...extra,
});
const adaptive = (id: string, size: object, fields: object) => ({
  id,
  type: 'adaptive-enrichment',
  selection: { rule: 'epsilon', epsilon: 0.1 },
  efficacy: 'obrien-fleming',
  ...size,
  ...fields,
});

describe('survival with several populations keeps the family-wise error under the global null', () => {
  // 300 events, about 75 in each population: with 45 a population (180 in all) each population's
  // stratified log-rank alone rejected 0.0256–0.0262 of 10⁵ null trials, a small-sample excess of the
  // test itself, which the max-z test, exact for normal statistics, passes on
  it('patient by patient: three populations, an imperfect assay, random strata', () => {
    const errors = familyWiseErrors(misread(THREE, 0.8), 'patient', [
      stratified('dunnett', { n: 500, events: 300 }),
      adaptive('adaptive-bonferroni', { n: [250, 500], events: [150, 300] }, { intersection: 'bonferroni' }),
    ]);
    for (const [id, error] of errors) expect(error, id).toBeLessThanOrEqual(BOUND);
  });

  it('asymptotic: nested and overlapping populations, every intersection test, inverse normal and Fisher', () => {
    const one = { events: 240 };
    const two = { events: [120, 240] };
    const nested = familyWiseErrors(NESTED, 'asymptotic', [
      ...['bonferroni', 'sidak', 'dunnett'].map((rule) => stratified(rule, one)),
      stratified('hierarchical', one, { order: ['S1', 'S2', 'F'] }),
      adaptive('adaptive-simes', two, { intersection: 'simes' }),
      adaptive('adaptive-fisher', two, { intersection: 'sidak', combination: 'fisher', efficacy: 'none' }),
    ]);
    const overlapping = familyWiseErrors(OVERLAPPING, 'asymptotic', [
      ...['simes', 'dunnett'].map((rule) => stratified(rule, one)),
      adaptive('adaptive-dunnett', two, { intersection: 'dunnett' }),
    ]);
    for (const [id, error] of [...nested, ...overlapping]) expect(error, id).toBeLessThanOrEqual(BOUND);
  });
});
