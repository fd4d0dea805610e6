// The report shows money with the scenario's currency code where it has one: the cost rows of the
// assumptions and the cost columns of the expected trial and of the size at the target power.
import { describe, expect, it } from 'vitest';
import { globalNull } from '../../src/engine/planning/global-null.js';
import { simulate } from '../../src/engine/simulate.js';
import { assumptionsSection } from '../../src/report/assumptions.js';
import { characteristicsSection } from '../../src/report/characteristics.js';
import type { Section, Table } from '../../src/report/document.js';
import { reportNumbers } from '../../src/report/numbers.js';
import type { ReportData } from '../../src/report/report-data.js';
import { sampleSizeSection } from '../../src/report/sample-size.js';
import { continuousEndpoint, scenarioFrom } from '../support/scenarios.js';

function numbersWith(trial: Record<string, unknown>) {
  const scenario = scenarioFrom({
    population: { prevalence: 0.3 },
    endpoint: continuousEndpoint(0.5, 0.1),
    trial: { costs: { perScreened: 400, perRandomized: 15000, perMonth: 60000, fixed: 500000 }, ...trial },
    designs: [{ id: 'enriched', type: 'enriched', n: 100 }],
    simulation: { replicates: 500, seed: 'currency' },
  });
  const data = {
    scenario,
    target: { power: 0.8, hypothesis: 'any' },
    results: simulate(scenario),
    globalNull: simulate(globalNull(scenario)),
    solutions: [],
    bySize: { unit: 'patients', series: [] },
  } as unknown as ReportData;
  return reportNumbers(data);
}

const tables = (section: Section): Table[] =>
  section.blocks.flatMap((block) => (block.kind === 'table' ? [block.table] : []));
const costRows = (section: Section) =>
  tables(section)[0]
    .rows.map((row) => row.header)
    .filter((header) => /cost/i.test(header));
const columnsOf = (section: Section, id: string) => tables(section).find((table) => table.id === id)!.columns;

describe('money in the report', () => {
  it('carries the currency code where the scenario gives one', () => {
    const numbers = numbersWith({ currency: 'EUR' });
    expect(costRows(assumptionsSection(numbers))).toEqual([
      'Cost per patient screened (EUR)',
      'Cost per patient randomised (EUR)',
      'Cost per month (EUR)',
      'Fixed cost (EUR)',
    ]);
    expect(columnsOf(characteristicsSection(numbers), 'expected-table').at(-1)).toBe('Cost (EUR)');
    expect(columnsOf(sampleSizeSection(numbers), 'sample-size-table').at(-1)).toBe('Cost (EUR)');
  });

  it('is plain without one', () => {
    const numbers = numbersWith({});
    expect(costRows(assumptionsSection(numbers))).toEqual([
      'Cost per patient screened',
      'Cost per patient randomised',
      'Cost per month',
      'Fixed cost',
    ]);
    expect(columnsOf(characteristicsSection(numbers), 'expected-table').at(-1)).toBe('Cost');
    expect(columnsOf(sampleSizeSection(numbers), 'sample-size-table').at(-1)).toBe('Cost');
  });
});
