// Each design's size at the target power, from the solver: the size in its planning unit (patients,
// or events for event-driven survival designs) with its Monte Carlo error where simulation found
// it, how it was found, the power simulated there, and the expected screening, duration and cost.
import { format } from 'd3';
import { count, money, months, probability, size } from '../app/format.js';
import type { Solution } from '../engine/planning/solve.js';
import { dash, inCurrency, number, text, withError } from './cells.js';
import type { Cell, Section } from './document.js';
import { hypothesisIds, hypothesisList } from './hypothesis-words.js';
import type { ReportNumbers } from './numbers.js';

const sizeError = format(',.1f');

export function sampleSizeSection(numbers: ReportNumbers): Section {
  const { scenario, solutions, target } = numbers;
  const hypothesis =
    target.hypothesis === 'any'
      ? 'at least one hypothesis'
      : target.hypothesis === 'both'
        ? `both ${hypothesisList(hypothesisIds(scenario))}`
        : `H_${target.hypothesis}`;
  const notes: string[] = [];
  const rows = solutions.map((solution: Solution, d) => {
    const at = `solutions.${d}`;
    const header = scenario.designs[d].label || scenario.designs[d].id;
    if (!('size' in solution)) {
      notes.push(`${header}: ${solution.unreachable}.`);
      return { header, cells: [text(solution.unit), text('not reached'), dash, dash, dash, dash, dash] };
    }
    const sized: Cell = number(numbers, `${at}.size`, size);
    if (typeof solution.sizeSe === 'number') {
      sized.push({ text: ' ± ' }, ...number(numbers, `${at}.sizeSe`, sizeError));
    }
    return {
      header,
      cells: [
        text(solution.unit === 'events' ? 'events' : 'patients'),
        sized,
        text(solution.method),
        withError(numbers, `${at}.power`, `${at}.mcse`, probability),
        number(numbers, `${at}.expected.screened`, count),
        number(numbers, `${at}.expected.months`, months),
        number(numbers, `${at}.expected.cost`, money),
      ],
    };
  });
  return {
    id: 'sample-size',
    title: 'Size at the target power',
    blocks: [
      {
        kind: 'paragraph',
        text:
          `The smallest size at which each design rejects ${hypothesis} with probability ${target.power}, under the ` +
          "scenario's own analysis: from the closed form where it is that analysis's exact law, else by " +
          'simulation with common random numbers (a bracket, then bisection on whole sizes), whose size ' +
          'carries its Monte Carlo error.',
      },
      {
        kind: 'table',
        table: {
          id: 'sample-size-table',
          caption: `Size for power ${target.power} to reject ${hypothesis}`,
          columns: [
            'Design',
            'Unit',
            'Size',
            'Found by',
            'Power there',
            'Screened',
            'Months',
            inCurrency('Cost', scenario),
          ],
          rows,
          notes,
        },
      },
    ],
  };
}
