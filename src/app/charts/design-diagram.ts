// Who a design screens, whom the assay admits, who is randomised and which hypotheses are tested
// (docs/scenario.md, "Designs"; docs/methods.md, "Adaptive enrichment"): one column of boxes, top
// to bottom, for a panel about as wide as a phone. The viewBox is as wide as the drawing, so text
// of 11 and 12 units is 11 and 12 px at the given width.
import { svg, type SVGTemplateResult } from 'lit';
import { DESIGN_META } from '../../engine/scenario/design-meta.js';
import type { DesignType } from '../../engine/scenario/types.js';
import { chartFrame, PALETTE } from './frame.js';

export const DIAGRAM_WIDTH = 360;
const SIDE = 12;
const GAP = 8;
/** room between rows for an arrow */
const STEP = 20;
const LINE = 15;
const INK = '#1b1f24';
const MUTED = '#4f5963';
const ARROW = '#5b6570';

export type DiagramOptions = { id: string; width?: number };

/** a box's look: who it holds */
type Kind = 'S' | 'R' | 'F' | 'step' | 'excluded';

const LOOK: Record<Kind, { fill: string; stroke: string; dash?: string }> = {
  S: { fill: '#e6f1f8', stroke: PALETTE[0] },
  R: { fill: '#fbede4', stroke: PALETTE[1] },
  F: { fill: '#e6f4ef', stroke: PALETTE[2] },
  step: { fill: '#ffffff', stroke: ARROW },
  excluded: { fill: '#f4f4f4', stroke: ARROW, dash: '4 3' },
};

type Box = { kind: Kind; lines: string[] };
/** one row of boxes side by side */
type Row = Box[];

/** the rows of each design type, top to bottom: the first line of a box is its heading */
const ROWS: { readonly [T in DesignType]: Row[] } = {
  'all-comers': [
    [{ kind: 'F', lines: ['Screen n patients', 'the assay admits everyone'] }],
    [
      { kind: 'S', lines: ['assay+: S', 'randomised'] },
      { kind: 'R', lines: ['assay−: R', 'randomised'] },
    ],
    [{ kind: 'F', lines: ['Randomise all n', 'treatment against control'] }],
    [{ kind: 'step', lines: ['Test H_F', 'no benefit in F (everyone)'] }],
  ],
  enriched: [
    [{ kind: 'F', lines: ['Screen until n are assay+', 'on average n / P(assay+) patients'] }],
    [
      { kind: 'S', lines: ['assay+: S', 'randomised'] },
      { kind: 'excluded', lines: ['assay−: R', 'not randomised'] },
    ],
    [{ kind: 'S', lines: ['Randomise n from S', 'treatment against control'] }],
    [{ kind: 'step', lines: ['Test H_S', 'no benefit in S (assay+)'] }],
  ],
  stratified: [
    [{ kind: 'F', lines: ['Screen n patients', 'the assay sorts them into S and R'] }],
    [
      { kind: 'S', lines: ['assay+: S', 'randomised'] },
      { kind: 'R', lines: ['assay−: R', 'randomised'] },
    ],
    [{ kind: 'F', lines: ['Randomise all n', 'treatment against control'] }],
    [{ kind: 'step', lines: ['Test H_S and H_F', 'closed test with H_S∩H_F'] }],
  ],
  'adaptive-enrichment': [
    [{ kind: 'F', lines: ['Stage 1: randomise n₁ all comers', 'S and R together'] }],
    [{ kind: 'step', lines: ['Interim: the selection rule keeps', 'S, F or both; or stop early'] }],
    [
      { kind: 'S', lines: ['S only', 'assay+ only', 'tests H_S'] },
      { kind: 'F', lines: ['F only', 'all comers', 'tests H_F'] },
      { kind: 'F', lines: ['S and F', 'all comers', 'tests both'] },
    ],
    [{ kind: 'step', lines: ['Stage 2: N − n₁ more, or as re-sized', 'closed combination test of the stages'] }],
  ],
};

function boxHeight(row: Row): number {
  return 14 + LINE * Math.max(...row.map((box) => box.lines.length));
}

export function designDiagram(type: DesignType, options: DiagramOptions): SVGTemplateResult {
  const width = options.width ?? DIAGRAM_WIDTH;
  const meta = DESIGN_META[type];
  const rows = ROWS[type];
  const inner = width - 2 * SIDE;
  const top = 34;
  const tops: number[] = [];
  let y = top;
  for (const row of rows) {
    tops.push(y);
    y += boxHeight(row) + STEP;
  }
  const height = y - STEP + SIDE;
  const columns = (row: Row) => {
    const boxWidth = (inner - GAP * (row.length - 1)) / row.length;
    return row.map((_, i) => ({ x: SIDE + i * (boxWidth + GAP), width: boxWidth }));
  };
  const arrow = (x1: number, y1: number, x2: number, y2: number) =>
    svg`<line x1=${x1} y1=${y1} x2=${x2} y2=${y2} stroke=${ARROW} stroke-width="1.5"
      marker-end="url(#${options.id}-arrow)"></line>`;
  const drawn = rows.map((row, r) => {
    const boxes = columns(row);
    const h = boxHeight(row);
    const shapes = row.map((box, i) => {
      const { x, width: w } = boxes[i];
      const look = LOOK[box.kind];
      return svg`<g transform="translate(${x},${tops[r]})">
        <rect width=${w} height=${h} rx="6" fill=${look.fill} stroke=${look.stroke} stroke-width="1.5"
          stroke-dasharray=${look.dash ?? 'none'}></rect>
        ${box.lines.map(
          (line, l) => svg`<text x=${w / 2} y=${19 + l * LINE} text-anchor="middle" font-size=${l === 0 ? 12 : 11}
            font-weight=${l === 0 ? 600 : 400} fill=${box.kind === 'excluded' || l > 0 ? MUTED : INK}>${line}</text>`,
        )}
      </g>`;
    });
    if (r === 0) return shapes;
    // one box above feeds every box of this row; several boxes above (but those not randomised) feed its one box
    const above = columns(rows[r - 1]);
    const from = tops[r - 1] + boxHeight(rows[r - 1]);
    const centre = (box: { x: number; width: number }) => box.x + box.width / 2;
    const arrows =
      above.length === 1
        ? boxes.map((box) => arrow(centre(above[0]), from, centre(box), tops[r] - 1))
        : above
            .filter((_, i) => rows[r - 1][i].kind !== 'excluded')
            .map((box) => arrow(centre(box), from, centre(boxes[0]), tops[r] - 1));
    return [arrows, shapes];
  });
  return chartFrame(
    {
      id: options.id,
      // the name without its parenthesis fits the title line; the description has the whole label
      title: meta.label.replace(/ \(.*\)$/, ''),
      description: `${meta.label}: ${meta.description} ${rowsText(rows)}`,
      width,
      height,
    },
    svg`<defs><marker id="${options.id}-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6"
        markerHeight="6" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill=${ARROW}></path></marker></defs>
      ${drawn}`,
  );
}

/** the boxes in reading order, for the accessible description */
function rowsText(rows: Row[]): string {
  return `${rows.map((row) => row.map((box) => box.lines.join(', ')).join('; ')).join(' → ')}.`;
}
