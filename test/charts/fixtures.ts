// Fixed data for the chart snapshots, written out rather than simulated, so that a snapshot changes
// only when a chart does: three designs (all-comers tests H_F, enriched H_S, stratified both), power
// against size and prevalence, sizes at the target with an unreachable design and a size without
// its error, a design map with ties and cells out of reach (and one over a subgroup's share × another's
// effect, as several populations have it), and each design type's patient flow.
import type { CurvePoint, Curves } from '../../src/app/chart-data.js';
import type { MapCell, DesignMap, ParameterMap } from '../../src/engine/planning/design-map.js';
import type { PatientFlow } from '../../src/engine/patient-flow.js';
import type { Solution } from '../../src/engine/planning/solve.js';
import type { SurvivalCurves } from '../../src/engine/planning/survival-curves.js';

export const IDS = ['all', 'enriched', 'stratified'];
export const LABELS: Record<string, string> = {
  all: 'All-comers',
  enriched: 'Enriched',
  stratified: 'Stratified with a long name, Simes',
};

const SIZES = [50, 100, 150, 200, 250, 300];
const PREVALENCES = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
const REPLICATES = 2000;

/** P(reject) at each x with its binomial standard error at the charts' replicates */
function line(xs: number[], power: (x: number) => number): CurvePoint[] {
  return xs.map((x) => {
    const y = power(x);
    return { x, y, se: Math.sqrt((y * (1 - y)) / REPLICATES) };
  });
}

/** a power curve rising with its argument: 1 − exp(−rate·x), a shape, not any design's law */
const rising = (rate: number) => (x: number) => 1 - Math.exp(-rate * x);

export const BY_SIZE: Curves = {
  unit: 'randomised patients',
  series: [
    {
      id: 'all',
      label: LABELS.all,
      byHypothesis: { F: line(SIZES, rising(0.004)), any: line(SIZES, rising(0.004)) },
    },
    {
      id: 'enriched',
      label: LABELS.enriched,
      byHypothesis: { S: line(SIZES, rising(0.009)), any: line(SIZES, rising(0.009)) },
    },
    {
      id: 'stratified',
      label: LABELS.stratified,
      byHypothesis: {
        S: line(SIZES, rising(0.006)),
        F: line(SIZES, rising(0.005)),
        both: line(SIZES, rising(0.003)),
        any: line(SIZES, rising(0.008)),
      },
    },
  ],
};

export const BY_PREVALENCE: Curves = {
  unit: 'prevalence',
  scenarioValue: 0.3,
  series: [
    {
      id: 'all',
      label: LABELS.all,
      byHypothesis: { F: line(PREVALENCES, rising(2)), any: line(PREVALENCES, rising(2)) },
    },
    {
      id: 'enriched',
      label: LABELS.enriched,
      byHypothesis: { S: line(PREVALENCES, (p) => 0.9 - 0.3 * p), any: line(PREVALENCES, (p) => 0.9 - 0.3 * p) },
    },
    {
      id: 'stratified',
      label: LABELS.stratified,
      byHypothesis: {
        S: line(PREVALENCES, rising(1.5)),
        F: line(PREVALENCES, rising(1.8)),
        both: line(PREVALENCES, rising(1)),
        any: line(PREVALENCES, rising(2.5)),
      },
    },
  ],
};

const expected = (randomized: number, screened: number, months: number) => ({
  randomized,
  screened,
  months,
  cost: 1000 * screened + 10_000 * randomized,
});

export const SOLUTIONS: Solution[] = [
  {
    id: 'all',
    unit: 'n',
    size: 498,
    method: 'simulation',
    replicates: 2000,
    sizeSe: 5.6,
    power: 0.801,
    mcse: 0.009,
    expected: expected(498, 498, 30.5),
  },
  { id: 'enriched', unit: 'n', unreachable: 'enriched designs do not test H_F' },
  {
    id: 'stratified',
    unit: 'n',
    size: 212,
    method: 'closed form',
    closedForm: { size: 212, power: 0.8 },
    replicates: 2000,
    sizeSe: null,
    nulls: { sizeSe: 'power does not rise around the answer' },
    power: 0.803,
    mcse: 0.009,
    expected: expected(212, 212, 18.25),
  },
];

/** a map cell from randomised patients per design (null: out of reach) and who wins by each measure */
function cell(
  prevalence: number,
  ratio: number,
  randomized: (number | null)[],
  winners: { randomized: string[]; cost: string[] },
): MapCell {
  const byId = (values: (number | null)[]) => Object.fromEntries(IDS.map((id, d) => [id, values[d]]));
  // enrichment screens 1/prevalence patients per randomised one
  const cost = randomized.map((n, d) =>
    n === null ? null : 10_000 * n + 1000 * (IDS[d] === 'enriched' ? n / prevalence : n),
  );
  return {
    prevalence,
    ratio,
    randomized: byId(randomized),
    cost: byId(cost),
    fewestRandomized: winners.randomized[0] ?? null,
    leastCost: winners.cost[0] ?? null,
    winners,
  };
}

const ALL = { randomized: ['all'], cost: ['all'] };
const ENRICHED = { randomized: ['enriched'], cost: ['enriched'] };
const NONE = { randomized: [], cost: [] };

export const MAP: DesignMap = {
  target: { power: 0.8, hypothesis: 'any' },
  prevalences: [0.1, 0.3, 0.5, 0.7],
  ratios: [0, 0.5, 1],
  cells: [
    cell(0.1, 0, [null, 120, 900], ENRICHED),
    cell(0.1, 0.5, [null, 120, null], ENRICHED),
    cell(0.1, 1, [null, null, null], NONE),
    cell(0.3, 0, [1400, 130, 400], ENRICHED),
    cell(0.3, 0.5, [400, 130, 180], { randomized: ['enriched'], cost: ['stratified'] }),
    cell(0.3, 1, [130, 130, 150], { randomized: ['all', 'enriched'], cost: ['all'] }),
    cell(0.5, 0, [800, 140, 260], ENRICHED),
    cell(0.5, 0.5, [250, 140, 140], { randomized: ['enriched', 'stratified'], cost: ['stratified'] }),
    cell(0.5, 1, [140, 140, 140], { randomized: ['all', 'enriched', 'stratified'], cost: ['all', 'stratified'] }),
    cell(0.7, 0, [300, 150, 200], ENRICHED),
    cell(0.7, 0.5, [160, 150, 170], ENRICHED),
    cell(0.7, 1, [150, 160, 155], ALL),
  ],
};

/** the same cells over `subgroups.high.share` × `effect.neg` (mean differences), for a population's hypothesis */
export const PARAMETER_MAP: ParameterMap = {
  target: { power: 0.8, hypothesis: 'S1' },
  axes: [
    { parameter: 'subgroups.high.share', values: MAP.prevalences },
    { parameter: 'effect.neg', values: MAP.ratios.map((ratio) => 0.6 * ratio) },
  ],
  cells: MAP.cells.map(({ prevalence, ratio, ...outcome }) => ({
    at: { 'subgroups.high.share': prevalence, 'effect.neg': 0.6 * ratio },
    ...outcome,
  })),
};

/** each design type's expected flow, 1:1 allocation */
/** where a subgroup's patients go: randomised, turned away, or some of each */
type Route = 'in' | 'out' | 'both';

/** one marker, a flow per design type: assay+ and assay− */
export const FLOWS: Record<string, PatientFlow> = {
  'all-comers': flow(400, ['assay+', 'assay−'], [0.3, 0.7], ['in', 'in'], 400),
  enriched: flow(600, ['assay+', 'assay−'], [0.3, 0.7], ['in', 'out'], 180),
  stratified: flow(300, ['assay+', 'assay−'], [0.3, 0.7], ['in', 'in'], 300),
  'adaptive-enrichment': flow(520, ['assay+', 'assay−'], [0.3, 0.7], ['in', 'both'], 410.4),
  'survival-enriched': flow(700, ['assay+', 'assay−'], [0.3, 0.7], ['in', 'out'], 210, 166),
};

/** a delayed effect: control medians 12 (marker+) and 9 months, hazard ratio 1 for 4 months, then 0.6 and 0.9 */
const MONTHS = Array.from({ length: 25 }, (_, i) => 2 * i);
const delayed = (median: number, ratio: number) => (t: number) => {
  const rate = Math.LN2 / median;
  return Math.exp(-rate * Math.min(t, 4) - ratio * rate * Math.max(0, t - 4));
};
export const SURVIVAL: SurvivalCurves = {
  months: MONTHS,
  curves: [
    { status: 'pos', arm: 'treatment', survival: MONTHS.map(delayed(12, 0.6)) },
    { status: 'pos', arm: 'control', survival: MONTHS.map(delayed(12, 1)) },
    { status: 'neg', arm: 'treatment', survival: MONTHS.map(delayed(9, 0.9)) },
    { status: 'neg', arm: 'control', survival: MONTHS.map(delayed(9, 1)) },
  ],
};

/**
 * several populations: the screened split by classified subgroup (three nested for an adaptive design,
 * four of two markers for an adaptive design, eight for an enriched one)
 */
export const CLASSIFIED_FLOWS: Record<string, PatientFlow> = {
  'two-cutoffs': flow(800, ['high', 'low', 'neg'], [0.25, 0.35, 0.4], ['in', 'both', 'both'], 250),
  'two-markers': flow(
    600,
    ['A+B+', 'A+B-', 'A-B+', 'A-B-'],
    [0.15, 0.2, 0.2, 0.45],
    ['in', 'both', 'both', 'both'],
    500,
  ),
  eight: flow(
    1000,
    ['g1', 'g2', 'g3', 'g4', 'g5', 'g6', 'g7', 'g8'],
    Array(8).fill(0.125),
    [...Array(4).fill('in'), ...Array(4).fill('out')],
    400,
  ),
};

/** `analysed` events, else the randomised patients */
function flow(
  screened: number,
  labels: string[],
  shares: number[],
  routes: Route[],
  randomized: number,
  events?: number,
): PatientFlow {
  return {
    screened,
    classified: labels.map((label, j) => ({
      label,
      count: screened * shares[j],
      randomized: routes[j] !== 'out',
      turnedAway: routes[j] !== 'in',
    })),
    randomized,
    notRandomized: screened - randomized,
    treatment: randomized / 2,
    control: randomized / 2,
    analysed: events ?? randomized,
    analysedUnit: events === undefined ? 'patients' : 'events',
  };
}
