// One engine, not two: a one-marker scenario written in the several-populations form (subgroups pos and
// neg, one population S = [pos], the assay from sensitivity and specificity) is the same trial, and the
// engine gives it exactly the same numbers, draw for draw, for every endpoint, method and design. The
// closed forms (`analytic`) it has in that form are the one-marker form's to 10⁻⁹ (two numerical
// integrations, each good to about 10⁻¹⁰, for the closed tests); the others are the one-marker form's
// alone.
import { describe, expect, it } from 'vitest';
import type { DesignResult } from '../../../src/engine/results.js';
import { parseScenario } from '../../../src/engine/scenario/parse.js';
import { simulate } from '../../../src/engine/simulate.js';

const REPLICATES = 2000;
const ONE_MARKER = { prevalence: 0.35, sensitivity: 0.9, specificity: 0.8 };
const PERFECT = { prevalence: 0.35, sensitivity: 1, specificity: 1 };

/** the same population in the several-populations form */
function asPopulations({ prevalence, sensitivity, specificity }: typeof ONE_MARKER) {
  const perfect = sensitivity === 1 && specificity === 1;
  return {
    subgroups: [
      { id: 'pos', share: prevalence },
      { id: 'neg', share: 1 - prevalence },
    ],
    populations: [{ id: 'S', subgroups: ['pos'] }],
    ...(perfect
      ? {}
      : {
          assay: {
            pos: { pos: sensitivity, neg: 1 - sensitivity },
            neg: { pos: 1 - specificity, neg: specificity },
          },
        }),
  };
}

/** each design in the one-marker form, and as the several-populations form writes it */
const designs = (size: Record<string, unknown>, stages: Record<string, unknown>) => [
  [{ id: 'all', type: 'all-comers', ...size }],
  [{ id: 'enriched', type: 'enriched', ...size }],
  [
    { id: 'sd', type: 'stratified', intersection: 'spiessens-debois', ...size },
    { id: 'sd', type: 'stratified', intersection: 'dunnett', ...size },
  ],
  [
    { id: 'hs', type: 'stratified', intersection: 'hierarchical-S', ...size },
    { id: 'hs', type: 'stratified', intersection: 'hierarchical', order: ['S', 'F'], ...size },
  ],
  [{ id: 'simes', type: 'stratified', intersection: 'simes', ...size }],
  [
    {
      id: 'adaptive',
      type: 'adaptive-enrichment',
      intersection: 'simes',
      selection: { rule: 'epsilon', epsilon: 0.1 },
      efficacy: 'obrien-fleming',
      ...stages,
    },
  ],
];

const continuous = { type: 'continuous', effect: { pos: 0.4, neg: 0.1 }, sd: { pos: 1, neg: 1.2 } };
const binary = { type: 'binary', control: { pos: 0.3, neg: 0.3 }, treatment: { pos: 0.5, neg: 0.35 } };
const survival = {
  type: 'survival',
  controlMedian: { pos: 10, neg: 12 },
  hazardRatio: { pos: 0.65, neg: 0.9 },
  dropoutPerYear: 0.05,
};
const sampleSizes = designs({ n: 240 }, { n: [120, 240] });
const eventSizes = designs({ n: 300, events: 180 }, { n: [150, 300], events: [90, 180] });
const asymptoticSizes = designs({ events: 180 }, { events: [90, 180] });

type Case = [name: string, population: typeof ONE_MARKER, document: Record<string, unknown>, sizes: typeof sampleSizes];
const patient = { method: 'patient' };
const cases: Case[] = [
  [
    'continuous, sufficient, t, random strata',
    ONE_MARKER,
    { endpoint: continuous, analysis: { statistic: 't' } },
    sampleSizes,
  ],
  ['continuous, patient level', ONE_MARKER, { endpoint: continuous, simulation: patient }, sampleSizes],
  [
    'binary, fixed strata, pooled',
    ONE_MARKER,
    { endpoint: binary, analysis: { strata: 'fixed', stratified: false } },
    sampleSizes,
  ],
  ['survival, patient level', ONE_MARKER, { endpoint: survival, simulation: patient }, eventSizes],
  ['survival, asymptotic', PERFECT, { endpoint: survival, simulation: { method: 'asymptotic' } }, asymptoticSizes],
];

function run(population: object, document: Record<string, unknown>, design: object): DesignResult {
  const simulation = { replicates: REPLICATES, seed: 'one path', ...(document.simulation as object) };
  const parsed = parseScenario({ ...document, population, designs: [design], simulation });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return simulate(parsed.scenario)[0];
}

describe('a one-marker scenario in the several-populations form gives the same numbers', () => {
  for (const [name, population, document, sizes] of cases) {
    it(name, () => {
      for (const [oneMarker, several = oneMarker] of sizes) {
        const { analytic: closedForms, ...before } = run(population, document, oneMarker);
        const { analytic: closedFormsAfter, ...after } = run(asPopulations(population), document, several);
        expect(after, `${oneMarker.id}`).toEqual(before);
        expect(before.reject.any).toBeGreaterThan(0);
        for (const [key, p] of Object.entries(closedFormsAfter?.reject ?? {}))
          expect(p, `${oneMarker.id} analytic ${key}`).toBeCloseTo(closedForms!.reject[key]!, 9);
        const single = oneMarker.type === 'all-comers' || oneMarker.type === 'enriched';
        if (single && document.endpoint !== survival) expect(closedFormsAfter).toBeDefined();
      }
    });
  }
});
