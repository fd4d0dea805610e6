// The population model (src/engine/population-model.ts): the one-marker model against the engine's closed
// form bit for bit; shares and compositions against hand computations (PD-L1 read at two cutoffs by an
// imperfect assay, nested populations; two overlapping markers); the correlation of the populations' z
// statistics against test/fixtures/reference/mvtnorm-dunnett.json, whose matrices make-dunnett.R's
// corrFromShares builds from subgroup shares (fixtures d2-nested-30, d2-nested-60, d3-overlap-v1, d3-nested,
// d3-overlap-small, d3-disjoint, d4-overlap-v5, d4-nested3).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CELL_IN_S, CELL_POSITIVE, CELLS, summarisePopulation } from '../../src/engine/population.js';
import {
  type CellLayout,
  cellIndex,
  cellLayout,
  identityAssay,
  informationCorrelation,
  oneMarkerModel,
  type PopulationModel,
} from '../../src/engine/population-model.js';

interface Fixture {
  id: string;
  corr: number[][];
}
const fixtures: Fixture[] = JSON.parse(
  readFileSync(new URL('../fixtures/reference/mvtnorm-dunnett.json', import.meta.url), 'utf8'),
);
/** a few roundings (at most 1.1·10⁻¹⁶ each) of sums and quotients of numbers below 1 */
const ROUNDING = 1e-15;
/** the fixtures' correlations carry 13 significant digits */
const FIXTURE_DIGITS = 1e-12;

/** summarisePopulation's closed form before the population model, kept to hold it to the same bits */
function closedFormSummary(p: number, se: number, sp: number) {
  const cellProbabilities = [p * se, (1 - p) * (1 - sp), p * (1 - se), (1 - p) * sp];
  const assayPositive = cellProbabilities[0] + cellProbabilities[1];
  const assayNegative = cellProbabilities[2] + cellProbabilities[3];
  return {
    cellProbabilities,
    assayPositive,
    ppv: assayPositive > 0 ? cellProbabilities[0] / assayPositive : 0,
    npv: assayNegative > 0 ? cellProbabilities[3] / assayNegative : 0,
  };
}

/** (prevalence, sensitivity, specificity): typical, perfect, useless and extreme assays and markers */
const oneMarkerCases: [number, number, number][] = [
  [0.3, 0.85, 0.9],
  [0.45, 0.92, 0.81],
  [0.1, 0.7, 0.95],
  [0.3, 1, 1],
  [0.6, 1, 1],
  [0.5, 0.5, 0.5],
  [1e-9, 0.99, 0.999],
  [0.999999, 0.6, 0.3],
  [0, 0.9, 0.8],
  [1, 0.9, 0.8],
  [0, 0.9, 1],
  [1, 0, 0.8],
  [0.3, 0, 1],
  [0.3, 1, 0],
  [0.3, 0, 0],
];

/** PD-L1 ≥ 50 % (high), 1–49 % (low), < 1 % (neg), read at two cutoffs by an assay that errs by one class */
const pdl1: PopulationModel = {
  subgroups: [
    { id: 'high', share: 0.25 },
    { id: 'low', share: 0.35 },
    { id: 'neg', share: 0.4 },
  ],
  populations: [
    { id: 'S1', subgroups: ['high'] },
    { id: 'S2', subgroups: ['high', 'low'] },
  ],
  assay: [
    [0.9, 0.1, 0],
    [0.05, 0.85, 0.1],
    [0, 0.05, 0.95],
  ],
};

/** P(read + | +) and P(read − | −) of one marker, as a 2 × 2 assay over (+, −) */
function markerAssay(sensitivity: number, specificity: number): number[][] {
  return [
    [sensitivity, 1 - sensitivity],
    [1 - specificity, specificity],
  ];
}

/**
 * Two markers A and B, each read by its own assay independently given the truth: the assay over
 * (A+B+, A+B−, A−B+, A−B−) is the Kronecker product of the two.
 */
function twoMarkers(assayA: number[][], assayB: number[][]): PopulationModel {
  const signs = [
    [0, 0],
    [0, 1],
    [1, 0],
    [1, 1],
  ];
  return {
    subgroups: [
      { id: 'A+B+', share: 0.1 },
      { id: 'A+B-', share: 0.2 },
      { id: 'A-B+', share: 0.15 },
      { id: 'A-B-', share: 0.55 },
    ],
    populations: [
      { id: 'SA', subgroups: ['A+B+', 'A+B-'] },
      { id: 'SB', subgroups: ['A+B+', 'A-B+'] },
    ],
    assay: signs.map(([a, b]) => signs.map(([readA, readB]) => assayA[a][readA] * assayB[b][readB])),
  };
}
const perfectMarkers = twoMarkers(identityAssay(2), identityAssay(2));
const imperfectMarkers = twoMarkers(markerAssay(0.9, 0.8), markerAssay(0.85, 0.95));

function compositionRow(layout: CellLayout, population: number): number[] {
  const groups = layout.subgroupIds.length;
  return Array.from(layout.composition.subarray(population * groups, (population + 1) * groups));
}

function expectClose(actual: ArrayLike<number>, expected: number[], tolerance: number): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) expect(Math.abs(actual[i] - expected[i])).toBeLessThanOrEqual(tolerance);
}

describe('the one-marker model', () => {
  it("lays out the engine's four cells in its order (CELLS, CELL_POSITIVE, CELL_IN_S)", () => {
    const layout = cellLayout(oneMarkerModel(0.3, 0.85, 0.9));
    expect(layout.cells).toBe(CELLS);
    expect(layout.subgroupIds).toEqual(['pos', 'neg']);
    expect(layout.populationIds).toEqual(['S', 'F']);
    expect(layout.full).toBe(1);
    expect(Array.from(layout.cellTrue, (truth) => truth === 0)).toEqual([...CELL_POSITIVE]);
    expect(Array.from(layout.cellClassified)).toEqual([0, 0, 1, 1]);
    expect(Array.from(layout.cellPopulations, (bits) => (bits & 1) !== 0)).toEqual([...CELL_IN_S]);
    expect(Array.from(layout.cellPopulations, (bits) => (bits & 2) !== 0)).toEqual([true, true, true, true]);
    expect(Array.from(layout.populationMask)).toEqual([0b01, 0b11]);
    for (let cell = 0; cell < CELLS; cell++) {
      expect(cellIndex(layout, layout.cellTrue[cell], layout.cellClassified[cell])).toBe(cell);
    }
  });

  it.each(oneMarkerCases)('reproduces the closed-form summary bit for bit (p %s, se %s, sp %s)', (p, se, sp) => {
    const closed = closedFormSummary(p, se, sp);
    const summary = summarisePopulation({ prevalence: p, sensitivity: se, specificity: sp });
    for (let cell = 0; cell < CELLS; cell++)
      expect(summary.cellProbabilities[cell]).toBe(closed.cellProbabilities[cell]);
    expect(summary.assayPositive).toBe(closed.assayPositive);
    expect(summary.ppv).toBe(closed.ppv);
    expect(summary.npv).toBe(closed.npv);
    const layout = cellLayout(oneMarkerModel(p, se, sp));
    expect(Array.from(layout.cellProbability)).toEqual(closed.cellProbabilities);
    expect(layout.populationShare[0]).toBe(closed.assayPositive);
    expect(layout.composition[0]).toBe(closed.ppv);
  });

  it("correlates S's and F's statistics by √P(assay+), as the fixtures d2-nested-30 and d2-nested-60", () => {
    for (const [id, prevalence] of [
      ['d2-nested-30', 0.3],
      ['d2-nested-60', 0.6],
    ] as const) {
      const expected = fixtures.find((fixture) => fixture.id === id)!.corr.flat();
      expectClose(informationCorrelation(cellLayout(oneMarkerModel(prevalence, 1, 1))), expected, FIXTURE_DIGITS);
    }
  });
});

describe('cell probabilities', () => {
  const models: [string, PopulationModel][] = [
    ...oneMarkerCases.map(([p, se, sp]): [string, PopulationModel] => [
      `one marker ${p}/${se}/${sp}`,
      oneMarkerModel(p, se, sp),
    ]),
    ['PD-L1 cutoffs', pdl1],
    ['two perfect markers', perfectMarkers],
    ['two imperfect markers', imperfectMarkers],
  ];
  it.each(models)('sum to 1 and, by true subgroup, to its share (%s)', (_, model) => {
    const layout = cellLayout(model);
    const groups = model.subgroups.length;
    expect(layout.cells).toBe(groups * groups);
    const total = layout.cellProbability.reduce((sum, probability) => sum + probability, 0);
    expect(Math.abs(total - 1)).toBeLessThanOrEqual(ROUNDING);
    expect(Math.abs(layout.populationShare[layout.full] - 1)).toBeLessThanOrEqual(ROUNDING);
    const byTruth = new Float64Array(groups);
    layout.cellProbability.forEach((probability, cell) => {
      byTruth[layout.cellTrue[cell]] += probability;
    });
    expectClose(
      byTruth,
      model.subgroups.map((subgroup) => subgroup.share),
      ROUNDING,
    );
    // F's composition is the screened population's
    expectClose(
      compositionRow(layout, layout.full),
      model.subgroups.map((subgroup) => subgroup.share),
      ROUNDING,
    );
  });
});

describe('PD-L1 read at two cutoffs', () => {
  const layout = cellLayout(pdl1);
  // classified high: 0.25·0.9 + 0.35·0.05 = 0.225 + 0.0175; low: 0.025 + 0.2975 + 0.02; neg: 0.035 + 0.38
  it('classifies 24.25 % high, 34.25 % low, 41.5 % negative', () => {
    expectClose(layout.classifiedShare, [0.2425, 0.3425, 0.415], ROUNDING);
    expect(Array.from(layout.populationMask)).toEqual([0b001, 0b011, 0b111]);
    expectClose(layout.populationShare, [0.2425, 0.585, 1], ROUNDING);
  });

  it('gives each population its composition by true subgroup', () => {
    expectClose(compositionRow(layout, 0), [0.225 / 0.2425, 0.0175 / 0.2425, 0], ROUNDING);
    expectClose(compositionRow(layout, 1), [0.25 / 0.585, 0.315 / 0.585, 0.02 / 0.585], ROUNDING);
  });

  it('correlates the statistics of nested populations by √(s_small/s_large)', () => {
    const r12 = Math.sqrt(0.2425 / 0.585);
    const r1F = Math.sqrt(0.2425);
    const r2F = Math.sqrt(0.585);
    expectClose(informationCorrelation(layout), [1, r12, r1F, r12, 1, r2F, r1F, r2F, 1], ROUNDING);
  });

  it('puts in a population exactly the cells classified into its subgroups', () => {
    for (let cell = 0; cell < layout.cells; cell++) {
      const classified = layout.cellClassified[cell];
      for (let k = 0; k < layout.populationIds.length; k++) {
        const contains = (layout.populationMask[k] >> classified) & 1;
        expect((layout.cellPopulations[cell] >> k) & 1).toBe(contains);
      }
    }
  });
});

describe('two overlapping markers (A+B+, A+B−, A−B+, A−B−)', () => {
  it('with perfect assays, has the shares of its subgroups', () => {
    const layout = cellLayout(perfectMarkers);
    expectClose(layout.populationShare, [0.3, 0.25, 1], ROUNDING);
    expectClose(compositionRow(layout, 0), [1 / 3, 2 / 3, 0, 0], ROUNDING);
    expectClose(compositionRow(layout, 1), [0.4, 0, 0.6, 0], ROUNDING);
    const rAB = 0.1 / Math.sqrt(0.3 * 0.25);
    expectClose(
      informationCorrelation(layout),
      [1, rAB, Math.sqrt(0.3), rAB, 1, 0.5, Math.sqrt(0.3), 0.5, 1],
      ROUNDING,
    );
  });

  // A read with se 0.9, sp 0.8 and B with se 0.85, sp 0.95: P(read A+) = 0.3·0.9 + 0.7·0.2 = 0.41,
  // P(read B+) = 0.25·0.85 + 0.75·0.05 = 0.25, P(read both) = 0.1·0.9·0.85 + 0.2·0.9·0.05 + 0.15·0.2·0.85
  // + 0.55·0.2·0.05 = 0.1165
  it('with imperfect assays, mixes the subgroups as the assays read them', () => {
    const layout = cellLayout(imperfectMarkers);
    expectClose(layout.populationShare, [0.41, 0.25, 1], ROUNDING);
    expectClose(layout.classifiedShare, [0.1165, 0.41 - 0.1165, 0.25 - 0.1165, 1 - 0.41 - 0.25 + 0.1165], ROUNDING);
    expectClose(compositionRow(layout, 0), [0.09 / 0.41, 0.18 / 0.41, 0.03 / 0.41, 0.11 / 0.41], ROUNDING);
    expectClose(compositionRow(layout, 1), [0.085 / 0.25, 0.01 / 0.25, 0.1275 / 0.25, 0.0275 / 0.25], ROUNDING);
    const rAB = 0.1165 / Math.sqrt(0.41 * 0.25);
    expectClose(
      informationCorrelation(layout),
      [1, rAB, Math.sqrt(0.41), rAB, 1, 0.5, Math.sqrt(0.41), 0.5, 1],
      ROUNDING,
    );
  });
});

describe('informationCorrelation', () => {
  // make-dunnett.R's corrFromShares: populations P1, P2, (P3,) F as lists of rpact's subgroups with their shares
  const fromShares: { id: string; shares: Record<string, number>; populations: string[][] }[] = [
    {
      id: 'd3-overlap-v1',
      shares: { S1: 0.2, S2: 0.15, S12: 0.1, R: 0.55 },
      populations: [
        ['S1', 'S12'],
        ['S2', 'S12'],
      ],
    },
    { id: 'd3-nested', shares: { S2: 0.25, S12: 0.2, R: 0.55 }, populations: [['S12'], ['S2', 'S12']] },
    {
      id: 'd3-overlap-small',
      shares: { S1: 0.05, S2: 0.15, S12: 0.1, R: 0.7 },
      populations: [
        ['S1', 'S12'],
        ['S2', 'S12'],
      ],
    },
    { id: 'd3-disjoint', shares: { S1: 0.3, S2: 0.3, R: 0.4 }, populations: [['S1'], ['S2']] },
    {
      id: 'd4-overlap-v5',
      shares: { S1: 0.1, S2: 0.1, S3: 0.1, S12: 0.05, S13: 0.05, S23: 0.05, S123: 0.05, R: 0.5 },
      populations: [
        ['S1', 'S12', 'S13', 'S123'],
        ['S2', 'S12', 'S23', 'S123'],
        ['S3', 'S13', 'S23', 'S123'],
      ],
    },
    {
      id: 'd4-nested3',
      shares: { S3: 0.2, S23: 0.15, S123: 0.15, R: 0.5 },
      populations: [['S123'], ['S23', 'S123'], ['S3', 'S23', 'S123']],
    },
  ];

  it.each(fromShares)('with a perfect assay is mvtnorm-dunnett.json $id', ({ id, shares, populations }) => {
    const subgroups = Object.entries(shares).map(([name, share]) => ({ id: name, share }));
    const model: PopulationModel = {
      subgroups,
      populations: populations.map((members, k) => ({ id: `P${k + 1}`, subgroups: members })),
      assay: identityAssay(subgroups.length),
    };
    const expected = fixtures.find((fixture) => fixture.id === id)!.corr.flat();
    expectClose(informationCorrelation(cellLayout(model)), expected, FIXTURE_DIGITS);
  });

  it('sets to 0 the correlations of a population no one is classified into', () => {
    const correlation = informationCorrelation(cellLayout(oneMarkerModel(0, 0.9, 1)));
    expect(Array.from(correlation)).toEqual([1, 0, 0, 1]);
  });
});

describe('cellLayout', () => {
  it('names the population and place of a subgroup it does not know', () => {
    const model: PopulationModel = { ...pdl1, populations: [{ id: 'S1', subgroups: ['high', 'mid'] }] };
    expect(() => cellLayout(model)).toThrow('population.populations[0].subgroups[1]: no subgroup "mid"');
  });
});
