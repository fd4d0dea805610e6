// The designs in words (design-words.ts), each with its critical values where it can stop early.
import { format } from 'd3';
import { DESIGN_META } from '../engine/scenario/design-meta.js';
import { number, text } from './cells.js';
import { designWords } from './design-words.js';
import type { Block, Row, Section, Table } from './document.js';
import type { ReportNumbers } from './numbers.js';
import type { Citation } from './references.js';

const rate = format('.3~f');
const z = format('.4f');
const small = format('.3~g');

export function designsSection(numbers: ReportNumbers): { section: Section; cites: Citation[] } {
  const { scenario } = numbers;
  const cites = new Set<Citation>();
  const blocks: Block[] = [];
  scenario.designs.forEach((design, d) => {
    const boundaries = numbers.boundaries[design.id];
    const words = designWords(scenario, design, numbers.results[d], boundaries);
    for (const key of words.cites) cites.add(key);
    const name = design.label || design.id;
    blocks.push({
      kind: 'heading',
      id: `design-${d + 1}`,
      text: `Design ${d + 1}: ${name} (${DESIGN_META[design.type].label}, id ${design.id})`,
    });
    for (const paragraph of words.paragraphs) blocks.push({ kind: 'paragraph', text: paragraph });
    if (boundaries) blocks.push({ kind: 'table', table: boundariesTable(numbers, d) });
  });
  return { section: { id: 'designs', title: 'Designs', blocks }, cites: [...cites] };
}

function boundariesTable(numbers: ReportNumbers, d: number): Table {
  const { scenario } = numbers;
  const design = scenario.designs[d];
  const name = design.label || design.id;
  const base = `boundaries.${design.id}`;
  const boundaries = numbers.boundaries[design.id];
  if (boundaries.fisherProduct !== undefined) {
    const rows: Row[] = [
      {
        header: 'Final analysis: reject when p₁·p₂ ≤',
        cells: [number(numbers, `${base}.fisherProduct`, small)],
      },
    ];
    return {
      id: `boundaries-${d + 1}`,
      caption: `Critical value of ${name}`,
      columns: ['Test', 'Critical value'],
      rows,
    };
  }
  // with t statistics a group-sequential design's nominal levels come from the t law (design-words.ts)
  const tLooks =
    (design.type === 'all-comers' || design.type === 'enriched') &&
    design.interims?.efficacy !== 'none' &&
    scenario.endpoint.type === 'continuous' &&
    scenario.analysis.statistic === 't';
  const columns = ['Look', 'Information rate', boundaries.unit === 'events' ? 'Events' : 'Patients'];
  columns.push('Critical z', 'Nominal one-sided p', 'Cumulative α spent');
  const rows: Row[] = boundaries.looks.map((look, k) => {
    const at = `${base}.looks.${k}`;
    const cells = [number(numbers, `${at}.informationRate`, rate), number(numbers, `${at}.size`, format(',d'))];
    cells.push(
      look.critical === null ? text('cannot stop') : number(numbers, `${at}.critical`, z),
      look.nominal === null ? text('—') : number(numbers, `${at}.nominal`, small),
    );
    cells.push(number(numbers, `${at}.spent`, small));
    return { header: `Look ${k + 1}`, cells };
  });
  const notes = tLooks
    ? [
        'A look’s t statistic (variance pooled within stages) is compared on the p-value scale with its nominal ' +
          'level, which solves the spending equations under the joint law of the looks’ t statistics; the ' +
          'critical z is that level’s normal quantile.',
      ]
    : undefined;
  return {
    id: `boundaries-${d + 1}`,
    caption: `Looks and critical values of ${name}`,
    columns,
    rows,
    notes,
  };
}
