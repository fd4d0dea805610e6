// The assumptions table's population and endpoint rows for a scenario with several populations
// (docs/populations.md): each subgroup's share, each population's subgroups, the assay (or that it is
// perfect), the endpoint per subgroup, and what follows: each population's share of the screened and
// its effect (population-numbers.ts).
import { derived, fromScenario, number, type RowOf, text, type WordsRow } from './cells.js';
import type { Cell, Row } from './document.js';
import type { ReportNumbers } from './numbers.js';
import type { Piece, Piecewise, SubgroupPopulation } from '../engine/scenario/types.js';

export const SUBGROUP_WORDS =
  'Screened patients fall into subgroups by their true status; a population is a union of subgroups as the ' +
  'assay classifies them, and F is everyone screened. Effects are given per subgroup and mix in a population ' +
  'by its composition by true subgroup, which the assay sets.';

export function subgroupRows(numbers: ReportNumbers, row: RowOf, words: WordsRow): Row[] {
  const { scenario } = numbers;
  const population = scenario.population as SubgroupPopulation;
  const ids = population.subgroups.map((subgroup) => subgroup.id);
  const rows: Row[] = ids.map((id, i) => row(`Share of subgroup ${id}`, `scenario.population.subgroups.${i}.share`));
  for (const { id, subgroups } of population.populations)
    rows.push({ header: `Population ${id}, its subgroups`, cells: [fromScenario(subgroups.join(', '))] });
  const assay = population.assay;
  if (assay === undefined) rows.push(words('Assay', 'perfect: everyone is classified into their true subgroup'));
  else {
    for (const truth of ids) {
      const cell: Cell = [];
      for (const classified of ids) {
        if ((assay[truth]?.[classified] ?? 0) === 0) continue;
        if (cell.length > 0) cell.push(...text(', '));
        cell.push(...fromScenario(classified), ...text(' '));
        cell.push(...number(numbers, `scenario.population.assay.${truth}.${classified}`, (p) => String(p)));
      }
      rows.push({ header: `Assay: P(classified as … | truly ${truth})`, cells: [cell] });
    }
  }
  const endpoint = scenario.endpoint;
  const each = (header: string, field: string) =>
    ids.map((id) => row(`${header}, subgroup ${id}`, `scenario.endpoint.${field}.${id}`));
  if (endpoint.type === 'continuous') {
    rows.push(
      words('Endpoint', 'continuous: the mean difference, treatment − control; larger is better'),
      ...each('Outcome standard deviation', 'sd'),
      ...each('Mean difference', 'effect'),
    );
  } else if (endpoint.type === 'binary') {
    rows.push(
      words('Endpoint', 'binary: the response rate; larger is better'),
      ...each('Response rate on control', 'control'),
      ...each('Response rate on treatment', 'treatment'),
    );
  } else {
    rows.push(
      words('Endpoint', 'time to event; a hazard ratio below 1 is benefit; analyses at fixed numbers of events'),
    );
    // with several populations the survival maps are keyed by subgroup id (types.ts names pos and neg)
    const maps = endpoint as unknown as {
      controlMedian?: Record<string, number>;
      controlHazard?: Record<string, Piece[]>;
      hazardRatio: Record<string, Piecewise>;
    };
    for (const id of ids) {
      const median = maps.controlMedian?.[id];
      if (median !== undefined)
        rows.push(
          row(`Median time to event on control (months), subgroup ${id}`, `scenario.endpoint.controlMedian.${id}`),
        );
      else
        rows.push(words(`Hazard on control (events per month), subgroup ${id}`, piecesWords(maps.controlHazard?.[id])));
      const ratio = maps.hazardRatio[id];
      if (typeof ratio === 'number')
        rows.push(row(`Hazard ratio, subgroup ${id}`, `scenario.endpoint.hazardRatio.${id}`));
      else rows.push(words(`Hazard ratio, subgroup ${id}`, piecesWords(ratio)));
    }
    rows.push(row('Dropout within a year', 'scenario.endpoint.dropoutPerYear'));
  }
  const measure = endpoint.type === 'continuous' ? 'mean difference' : 'rate difference';
  for (const id of Object.keys(numbers.populations ?? {})) {
    const who = id === 'F' ? 'F, everyone screened' : id;
    rows.push(
      row(`Share of the screened in ${who}`, `populations.${id}.share`, derived),
      row(`Effect in ${who} (${measure})`, `populations.${id}.effect`, derived),
    );
  }
  return rows;
}

/** a function of the months in words: `1 from month 0, 0.6 from month 4` */
function piecesWords(pieces: readonly Piece[] | undefined): string {
  return (pieces ?? []).map((piece) => `${piece.value} from month ${piece.from}`).join(', ');
}
