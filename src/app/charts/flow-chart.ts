// The expected patient flow of one design: screened → assay+ / assay− → randomised → treatment /
// control → analysed, boxes sized by nothing but their counts' text. Wide, the stages run left to
// right; narrow, top to bottom, so that no box shrinks below its label.
import { svg, type SVGTemplateResult } from 'lit';
import { format } from 'd3';
import type { PatientFlow } from '../../engine/patient-flow.js';
import { chartFrame, type Frame } from './frame.js';
import { chartWidth, isNarrow } from './layout.js';

const BOX_W = 110;
const BOX_H = 44;
/** wide: stages 146 apart across, lanes 60 apart down; narrow: stages 80 apart down, lanes across */
const STAGE_STEP = { wide: 146, narrow: 80 };
const LANE_STEP = 60;
const MID = 130;
const HEIGHT = { wide: 260, narrow: 372 };

type Count = Exclude<keyof PatientFlow, 'analysedUnit'>;
type Box = { stage: number; lane: -1 | 0 | 1; label: string; value: Count; fill: string };

const BOXES: Record<string, Box> = {
  screened: { stage: 0, lane: 0, label: 'screened', value: 'screened', fill: '#eef4fa' },
  assayPositive: { stage: 1, lane: -1, label: 'assay+', value: 'assayPositive', fill: '#eef4fa' },
  assayNegative: { stage: 1, lane: 1, label: 'assay−', value: 'assayNegative', fill: '#eef4fa' },
  randomized: { stage: 2, lane: 0, label: 'randomised', value: 'randomized', fill: '#e8f5ef' },
  notRandomized: { stage: 2, lane: 1, label: 'not randomised', value: 'notRandomized', fill: '#f4f4f4' },
  treatment: { stage: 3, lane: -1, label: 'treatment', value: 'treatment', fill: '#e8f5ef' },
  control: { stage: 3, lane: 1, label: 'control', value: 'control', fill: '#e8f5ef' },
};

const ARROWS: [keyof typeof BOXES, keyof typeof BOXES][] = [
  ['screened', 'assayPositive'],
  ['screened', 'assayNegative'],
  ['assayPositive', 'randomized'],
  ['assayNegative', 'randomized'],
  ['randomized', 'treatment'],
  ['randomized', 'control'],
];

export function flowChart(flow: PatientFlow, options: Frame): SVGTemplateResult {
  const width = chartWidth(options.width);
  const narrow = isNarrow(width);
  const n = format(',.0f');
  // narrow: three lanes across the width, the boxes narrower when the lanes need it
  const boxWidth = narrow ? Math.min(BOX_W, (width - 20) / 3) : BOX_W;
  /** a box's top left corner */
  const corner = ({ stage, lane }: Box) =>
    narrow
      ? { x: width / 2 + lane * (boxWidth + 6) - boxWidth / 2, y: 40 + stage * STAGE_STEP.narrow }
      : { x: 4 + stage * STAGE_STEP.wide, y: MID + lane * LANE_STEP - BOX_H / 2 };
  const box = (b: Box) => {
    const { x, y } = corner(b);
    return svg`<g transform="translate(${x},${y})"><rect width=${boxWidth} height=${BOX_H} rx="6" fill=${b.fill}
        stroke="#0072B2"></rect>
      <text x=${boxWidth / 2} y="18" text-anchor="middle" fill="#1b1f24">${b.label}</text>
      <text x=${boxWidth / 2} y="35" text-anchor="middle" font-weight="600"
        fill="#1b1f24">${n(flow[b.value])}</text></g>`;
  };
  const arrow = (from: Box, to: Box) => {
    const [a, b] = [corner(from), corner(to)];
    const [x1, y1, x2, y2] = narrow
      ? [a.x + boxWidth / 2, a.y + BOX_H, b.x + boxWidth / 2, b.y]
      : [a.x + boxWidth, a.y + BOX_H / 2, b.x, b.y + BOX_H / 2];
    return svg`<line x1=${x1} y1=${y1} x2=${x2} y2=${y2} stroke="#5b6570" stroke-width="1.5"
      marker-end="url(#${options.id}-arrow)"></line>`;
  };
  const control = corner(BOXES.control);
  const analysed = narrow
    ? { x: width / 2, y: control.y + BOX_H + 20 }
    : { x: control.x + boxWidth / 2, y: control.y + BOX_H + 20 };
  return chartFrame(
    { ...options, width, height: narrow ? HEIGHT.narrow : HEIGHT.wide },
    svg`<defs><marker id="${options.id}-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6"
        orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#5b6570"></path></marker></defs>
      ${Object.values(BOXES).map(box)}
      ${ARROWS.map(([from, to]) => arrow(BOXES[from], BOXES[to]))}
      <text x=${analysed.x} y=${analysed.y} text-anchor="middle" fill="#1b1f24">analysed</text>
      <text x=${analysed.x} y=${analysed.y + 16} text-anchor="middle" font-weight="600"
        fill="#1b1f24">${n(flow.analysed)} ${flow.analysedUnit}</text>`,
  );
}
