// The report's first section: what the trial assumes, as a table: the population and the assay
// with what follows from them (P(assay+), PPV, NPV, the effect in S and in F; with several populations
// subgroup-assumptions.ts's rows), the endpoint, the trial's allocation, pace and costs, the analysis and
// the simulation.
import { format } from 'd3';
import { money, size } from '../app/format.js';
import { derived, text, fromScenario, inCurrency, number, type RowOf, type WordsRow } from './cells.js';
import type { Row, Section } from './document.js';
import type { ReportNumbers } from './numbers.js';
import { SUBGROUP_WORDS, subgroupRows } from './subgroup-assumptions.js';

/** a value the scenario gives, as given (grouped thousands) */
const given = format(',');

const ONE_MARKER_WORDS =
  'S is the assay-positive patients and F everyone screened; effects are given per true marker status ' +
  'and mix in S by the PPV and in F by the prevalence (hazard ratios on the log scale, by their share ' +
  'of events).';

export function assumptionsSection(numbers: ReportNumbers): Section {
  const { scenario } = numbers;
  const row: RowOf = (header, path, show = given) => ({
    header,
    cells: [number(numbers, path, show)],
  });
  const words: WordsRow = (header, value) => ({ header, cells: [text(value)] });
  const { endpoint, analysis, trial } = scenario;
  const one = numbers.derived;
  const rows: Row[] = one
    ? [
        row('Prevalence of marker+, p', 'scenario.population.prevalence'),
        row('Assay sensitivity, P(assay+ | marker+)', 'scenario.population.sensitivity'),
        row('Assay specificity, P(assay− | marker−)', 'scenario.population.specificity'),
        row('P(assay+)', 'derived.assayPositive', derived),
        row('PPV, P(marker+ | assay+)', 'derived.ppv', derived),
        row('NPV, P(marker− | assay−)', 'derived.npv', derived),
        ...endpointRows(numbers, row, words),
        row(`Effect in S, the assay-positive (${one.measure})`, 'derived.effectS', derived),
        row(`Effect in F, everyone screened (${one.measure})`, 'derived.effectF', derived),
      ]
    : subgroupRows(numbers, row, words);
  rows.push(
    row('Allocation r, treatment : control = r : 1', 'scenario.trial.allocation'),
    row('Screening rate (patients a month)', 'scenario.trial.screeningRate'),
  );
  if (endpoint.type !== 'survival') rows.push(row('Delay to the outcome (months)', 'scenario.trial.endpointDelay'));
  rows.push(
    row(inCurrency('Cost per patient screened', scenario), 'scenario.trial.costs.perScreened', money),
    row(inCurrency('Cost per patient randomised', scenario), 'scenario.trial.costs.perRandomized', money),
    row(inCurrency('Cost per month', scenario), 'scenario.trial.costs.perMonth', money),
    row(inCurrency('Fixed cost', scenario), 'scenario.trial.costs.fixed', money),
    row('One-sided family-wise α', 'scenario.alpha'),
  );
  if (endpoint.type === 'continuous') {
    rows.push(
      words(
        'Test statistic',
        analysis.statistic === 't' ? 't: variances estimated from the data' : 'z: variances known',
      ),
    );
  }
  rows.push(
    words(
      'Strata',
      analysis.strata === 'random'
        ? "random: each patient's status and assay are drawn"
        : 'fixed: each stage holds its expected share of each cell',
    ),
    one
      ? words('Test of F', analysis.stratified ? 'stratified by assay result (S and R)' : 'pooled over all patients')
      : words(
          'Test of a population of several subgroups',
          analysis.stratified ? 'stratified by subgroup, as the assay classifies them' : 'pooled over its patients',
        ),
    row('Simulated trials per design', 'scenario.simulation.replicates', size),
    { header: 'Seed', cells: [fromScenario(scenario.simulation.seed)] },
    words('Simulation method', scenario.simulation.method),
  );
  const share = format('.1%')(trial.allocation / (1 + trial.allocation));
  const shares = `Treatment gets r/(1 + r) = ${share} of the randomised patients`;
  return {
    id: 'assumptions',
    title: 'Assumptions',
    blocks: [
      {
        kind: 'paragraph',
        text: `${one ? ONE_MARKER_WORDS : SUBGROUP_WORDS} ${shares}.`,
      },
      {
        kind: 'table',
        table: {
          id: 'assumptions-table',
          caption: 'Assumptions of the scenario',
          columns: ['Assumption', 'Value'],
          rows,
        },
      },
    ],
  };
}

function endpointRows(numbers: ReportNumbers, row: RowOf, words: WordsRow): Row[] {
  const endpoint = numbers.scenario.endpoint;
  const pair = (header: string, field: string) => [
    row(`${header}, marker+`, `scenario.endpoint.${field}.pos`),
    row(`${header}, marker−`, `scenario.endpoint.${field}.neg`),
  ];
  if (endpoint.type === 'continuous') {
    return [
      words('Endpoint', 'continuous: the mean difference, treatment − control; larger is better'),
      ...pair('Outcome standard deviation', 'sd'),
      ...pair('Mean difference', 'effect'),
    ];
  }
  if (endpoint.type === 'binary') {
    return [
      words('Endpoint', 'binary: the response rate; larger is better'),
      ...pair('Response rate on control', 'control'),
      ...pair('Response rate on treatment', 'treatment'),
    ];
  }
  if (endpoint.type !== 'survival') throw new Error('an endpoint of no known type');
  // a status's value: its number as a number, or its pieces in words (`1 from month 0, 0.6 from month 4`)
  const status = (header: string, field: 'controlMedian' | 'controlHazard' | 'shape' | 'hazardRatio') =>
    (['pos', 'neg'] as const).flatMap((which) => {
      const value = endpoint[field]?.[which];
      const label = `${header}, marker${which === 'pos' ? '+' : '−'}`;
      if (value === undefined) return [];
      if (typeof value === 'number') return [row(label, `scenario.endpoint.${field}.${which}`)];
      return [words(label, value.map((piece) => `${piece.value} from month ${piece.from}`).join(', '))];
    });
  const exponential = endpoint.controlHazard === undefined && endpoint.shape === undefined;
  const hazards =
    exponential && typeof endpoint.hazardRatio.pos === 'number' && typeof endpoint.hazardRatio.neg === 'number';
  return [
    words(
      'Endpoint',
      `time to event, ${hazards ? 'exponential' : 'with hazards that change with time'}; a hazard ratio below 1 is ` +
        'benefit; analyses at fixed numbers of events',
    ),
    ...status('Median time to event on control (months)', 'controlMedian'),
    ...status('Hazard on control (events per month)', 'controlHazard'),
    ...status('Weibull shape on control', 'shape'),
    ...status('Hazard ratio, treatment : control', 'hazardRatio'),
    row('Dropout within a year', 'scenario.endpoint.dropoutPerYear'),
  ];
}
