// Operating characteristics, one row per design: power per hypothesis with its Monte Carlo error,
// the type I error under the global null (the same designs and seed, no effect anywhere), the
// closed forms where they exist, selection and early stopping, and the expected trial.
import { format } from 'd3';
import { count, money, months, probability, size } from '../app/format.js';
import { inCurrency, number, withError } from './cells.js';
import type { Cell, Row, Section, Table } from './document.js';
import type { ReportNumbers } from './numbers.js';
import { hypothesisIds } from './hypothesis-words.js';
import { isMarkerPopulation, type Scenario } from '../engine/scenario/types.js';

/** a type I error near α = 0.025 needs a fourth decimal */
const level = format('.4f');
const HYPOTHESES = ['S', 'F', 'both', 'any'] as const;
const HYPOTHESIS_COLUMNS = ['Design', 'H_S (assay-positive)', 'H_F (everyone)', 'Both H_S and H_F', 'Any hypothesis'];

/** the results' keys of P(reject) and their columns: H_S, H_F, both and any, or every population's H, H_F and any */
function hypothesisColumns(scenario: Scenario): { keys: readonly string[]; columns: string[] } {
  if (isMarkerPopulation(scenario.population)) return { keys: HYPOTHESES, columns: HYPOTHESIS_COLUMNS };
  const ids = hypothesisIds(scenario);
  const columns = ['Design', ...ids.map((id) => (id === 'F' ? 'H_F (everyone)' : `H_${id}`)), 'Any hypothesis'];
  return { keys: [...ids, 'any'], columns };
}

export function characteristicsSection(numbers: ReportNumbers): Section {
  const { scenario, results } = numbers;
  const { keys, columns } = hypothesisColumns(scenario);
  const name = (d: number) => scenario.designs[d].label || scenario.designs[d].id;
  const rowsOf = (cells: (d: number) => Cell[]): Row[] => results.map((_, d) => ({ header: name(d), cells: cells(d) }));
  const estimate = (root: string, show: (value: number) => string) => (d: number) =>
    keys.map((h) => withError(numbers, `${root}.${d}.reject.${h}`, `${root}.${d}.mcse.${h}`, show));
  const tables: Table[] = [
    {
      id: 'power-table',
      caption:
        'Power: the probability of rejecting each hypothesis under the assumed effects, ± Monte Carlo standard error',
      columns,
      rows: rowsOf(estimate('results', probability)),
    },
    {
      id: 'type-one-error-table',
      caption: 'Type I error under the global null (no effect in anyone; the same designs, replicates and seed)',
      columns,
      rows: rowsOf(estimate('globalNull', level)),
      notes: [`“Any hypothesis” is the family-wise error, to be compared with α = ${scenario.alpha}.`],
    },
  ];
  if (results.some((result) => result.analytic)) {
    const closed = (d: number) => keys.map((h) => number(numbers, `results.${d}.analytic.reject.${h}`, probability));
    tables.push({
      id: 'closed-form-table',
      caption: 'Closed-form power, for the designs with one analysis (the z test’s, for t statistics)',
      columns,
      rows: rowsOf(closed).filter((_, d) => results[d].analytic),
    });
  }
  if (results.some((result) => result.continue || result.earlyStop)) {
    const kept = keys.filter((key) => key !== 'both' && key !== 'any');
    const paths = [...kept.map((id) => `continue.${id}`), 'earlyStop.efficacy', 'earlyStop.futility'];
    tables.push({
      id: 'interim-table',
      caption: 'Selection and early stopping at the interim',
      columns: [
        'Design',
        ...kept.map((id) => `P(${id} kept for stage 2)`),
        'P(stop early, efficacy)',
        'P(stop early, futility)',
      ],
      rows: rowsOf((d) => paths.map((path) => number(numbers, `results.${d}.${path}`, probability))).filter(
        (_, d) => results[d].continue || results[d].earlyStop,
      ),
    });
  }
  const survival = scenario.endpoint.type === 'survival';
  const expected = (d: number) => [
    number(numbers, `results.${d}.expected.screened`, count),
    number(numbers, `results.${d}.expected.randomized`, count),
    ...(survival ? [number(numbers, `results.${d}.expected.events`, count)] : []),
    number(numbers, `results.${d}.expected.months`, months),
    number(numbers, `results.${d}.expected.cost`, money),
  ];
  tables.push({
    id: 'expected-table',
    caption: 'The expected trial: means over the simulated trials',
    columns: [
      'Design',
      'Screened',
      'Randomised',
      ...(survival ? ['Events'] : []),
      'Months',
      inCurrency('Cost', scenario),
    ],
    rows: rowsOf(expected),
    notes: [
      'Months: screening at the screening rate plus the delay to the outcome; for survival, the month of ' +
        'the last analysis held.',
    ],
  });
  return {
    id: 'operating-characteristics',
    title: 'Operating characteristics',
    blocks: [
      {
        kind: 'paragraph',
        text:
          `Each design was simulated ${size(results[0]?.replicates ?? 0)} times; a probability p from R trials has ` +
          'Monte Carlo standard error √(p(1 − p)/R), shown after ±. A dash marks a hypothesis the design ' +
          'does not test, or a quantity it does not have.',
      },
      ...tables.map((table) => ({ kind: 'table' as const, table })),
    ],
  };
}
