// The expected patient flow of one design: screened → each subgroup as the assay classifies them
// (assay+ / assay− with one marker) → randomised, or not → treatment / control → analysed, an arrow
// from a subgroup to each place its patients can go; boxes sized by nothing but their counts' text.
// Wide, the stages run left to right and the subgroups stack down; narrow, top to bottom, the subgroups
// side by side (four to a row), so that no box shrinks below its label.
import { nothing, svg, type SVGTemplateResult } from 'lit';
import { format } from 'd3';
import type { PatientFlow } from '../../engine/patient-flow.js';
import { chartFrame, type Frame } from './frame.js';
import { chartWidth, isNarrow } from './layout.js';

const BOX_W = 110;
const BOX_H = 44;
/** wide: stages 146 apart across; narrow: stages 80 apart down, a row of subgroups 56 */
const STAGE_STEP = { wide: 146, narrow: 80 };
const ROW_STEP = 56;
/** wide: lanes 60 apart down; two subgroups sit a lane above and below, more stack 52 apart */
const LANE_STEP = 60;
const STACK_STEP = BOX_H + 8;
const MID = 130;
const HEIGHT = { wide: 260, narrow: 372 };
const PER_ROW = 4;

type Place = { stage: number; lane: number };
type Box = Place & { label: string; count: number; fill: string };

export function flowChart(flow: PatientFlow, options: Frame): SVGTemplateResult {
  const width = chartWidth(options.width);
  const narrow = isNarrow(width);
  const n = format(',.0f');
  const groups = flow.classified.length;
  // narrow: the subgroups in rows of up to four, lower stages moved down by the rows after the first
  const perRow = Math.min(PER_ROW, Math.max(3, groups));
  const rows = Math.ceil(groups / PER_ROW);
  const boxWidth = narrow ? Math.min(BOX_W, (width - 20) / 3) : BOX_W;
  // more than three across: narrower boxes, 6 apart, inside the margins
  const groupWidth = narrow && groups > 3 ? Math.min(BOX_W, (width - 20 - 6 * (perRow - 1)) / perRow) : boxWidth;
  // wide: the subgroups' column centred on the middle lane, the chart taller when they need it
  const lane = groups === 2 ? LANE_STEP * 2 : groups > 2 ? Math.max(STACK_STEP, (2 * LANE_STEP) / (groups - 1)) : 0;
  const spread = ((groups - 1) * lane) / 2;
  const mid = Math.max(MID, spread + BOX_H / 2 + 40);
  const corner = ({ stage, lane: at }: Place) => {
    if (!narrow) return { x: 4 + stage * STAGE_STEP.wide, y: mid + at - BOX_H / 2 };
    const below = stage > 1 ? (rows - 1) * ROW_STEP : 0;
    return { x: width / 2 + at * (boxWidth + 6) - boxWidth / 2, y: 40 + stage * STAGE_STEP.narrow + below };
  };
  /** a subgroup's place: wide, its lane down the column; narrow, its column and row across */
  const subgroupCorner = (k: number) => {
    if (!narrow) return corner({ stage: 1, lane: k * lane - spread });
    const row = Math.floor(k / PER_ROW);
    const inRow = Math.min(PER_ROW, groups - row * PER_ROW);
    // two subgroups take the outer lanes of three, as assay+ and assay− do
    const column = inRow === 2 ? 2 * (k - row * PER_ROW) - 1 : k - row * PER_ROW - (inRow - 1) / 2;
    const x = width / 2 + column * (groupWidth + 6) - groupWidth / 2;
    return { x, y: corner({ stage: 1, lane: 0 }).y + row * ROW_STEP };
  };
  const steps = narrow ? 1 : LANE_STEP;
  const boxes: Record<string, Box> = {
    screened: { stage: 0, lane: 0, label: 'screened', count: flow.screened, fill: '#eef4fa' },
    randomized: { stage: 2, lane: 0, label: 'randomised', count: flow.randomized, fill: '#e8f5ef' },
    notRandomized: { stage: 2, lane: steps, label: 'not randomised', count: flow.notRandomized, fill: '#f4f4f4' },
    treatment: { stage: 3, lane: -steps, label: 'treatment', count: flow.treatment, fill: '#e8f5ef' },
    control: { stage: 3, lane: steps, label: 'control', count: flow.control, fill: '#e8f5ef' },
  };
  type Corner = { x: number; y: number; w?: number; h?: number };
  const box = ({ x, y, w = boxWidth }: Corner, b: { label: string; count: number; fill: string }) =>
    svg`<g transform="translate(${x},${y})"><rect width=${w} height=${BOX_H} rx="6" fill=${b.fill}
        stroke="#0072B2"></rect>
      <text x=${w / 2} y="18" text-anchor="middle" fill="#1b1f24">${b.label}</text>
      <text x=${w / 2} y="35" text-anchor="middle" font-weight="600"
        fill="#1b1f24">${n(b.count)}</text></g>`;
  const arrow = (a: Corner, b: Corner) => {
    const [wa, wb, ha] = [a.w ?? boxWidth, b.w ?? boxWidth, a.h ?? BOX_H];
    const [x1, y1, x2, y2] = narrow
      ? [a.x + wa / 2, a.y + ha, b.x + wb / 2, b.y]
      : [a.x + wa, a.y + BOX_H / 2, b.x, b.y + BOX_H / 2];
    return svg`<line x1=${x1} y1=${y1} x2=${x2} y2=${y2} stroke="#5b6570" stroke-width="1.5"
      marker-end="url(#${options.id}-arrow)"></line>`;
  };
  const at = (key: string) => corner(boxes[key]);
  const subgroups = flow.classified.map((subgroup, k) => ({
    ...subgroup,
    corner: { ...subgroupCorner(k), w: groupWidth },
  }));
  // narrow with more than one row: one arrow into the block of subgroups and one out, not one per box across rows
  const block =
    narrow && rows > 1
      ? blockAround(
          subgroups.map((subgroup) => subgroup.corner),
          groupWidth,
        )
      : null;
  const arrowsIn = block
    ? [arrow(at('screened'), block)]
    : subgroups.map((subgroup) => arrow(at('screened'), subgroup.corner));
  // each subgroup to where its patients can go; narrow rows of boxes, from their block to both
  const arrowsOut = block
    ? [
        arrow(block, at('randomized')),
        ...(subgroups.some((subgroup) => subgroup.turnedAway) ? [arrow(block, at('notRandomized'))] : []),
      ]
    : subgroups.flatMap((subgroup) => [
        ...(subgroup.randomized ? [arrow(subgroup.corner, at('randomized'))] : []),
        ...(subgroup.turnedAway ? [arrow(subgroup.corner, at('notRandomized'))] : []),
      ]);
  const control = at('control');
  const analysed = narrow
    ? { x: width / 2, y: control.y + BOX_H + 20 }
    : { x: control.x + boxWidth / 2, y: control.y + BOX_H + 20 };
  const height = narrow ? HEIGHT.narrow + (rows - 1) * ROW_STEP : HEIGHT.wide + 2 * (mid - MID);
  return chartFrame(
    { ...options, width, height },
    svg`<defs><marker id="${options.id}-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6"
        orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#5b6570"></path></marker></defs>
      ${box(at('screened'), boxes.screened)}
      ${subgroups.map((subgroup) => box(subgroup.corner, { ...subgroup, fill: '#eef4fa' }))}
      ${['randomized', 'notRandomized', 'treatment', 'control'].map((key) => box(at(key), boxes[key]))}
      ${
        block
          ? svg`<rect x=${block.x} y=${block.y} width=${block.w} height=${block.h} rx="8" fill="none"
        stroke="#5b6570" stroke-dasharray="4 3"></rect>`
          : nothing
      }
      ${arrowsIn}${arrowsOut}
      ${arrow(at('randomized'), at('treatment'))}${arrow(at('randomized'), at('control'))}
      <text x=${analysed.x} y=${analysed.y} text-anchor="middle" fill="#1b1f24">analysed</text>
      <text x=${analysed.x} y=${analysed.y + 16} text-anchor="middle" font-weight="600"
        fill="#1b1f24">${n(flow.analysed)} ${flow.analysedUnit}</text>`,
  );
}

/** the frame around the subgroups' boxes, 6 units out */
function blockAround(corners: { x: number; y: number }[], boxWidth: number) {
  const x = Math.min(...corners.map((c) => c.x)) - 6;
  const y = Math.min(...corners.map((c) => c.y)) - 6;
  const w = Math.max(...corners.map((c) => c.x)) + boxWidth + 6 - x;
  const h = Math.max(...corners.map((c) => c.y)) + BOX_H + 6 - y;
  return { x, y, w, h };
}
