// The expected patient flow of one design: screened → assay+ / assay− →
// randomised → treatment / control → analysed, boxes sized by nothing but their counts' text.
import { svg, type SVGTemplateResult } from 'lit';
import { format } from 'd3';
import type { PatientFlow } from '../../engine/patient-flow.js';
import { chartFrame, type Frame } from './frame.js';

const WIDTH = 560;
const HEIGHT = 260;
const BOX_W = 110;
const BOX_H = 44;

export function flowChart(flow: PatientFlow, options: Frame): SVGTemplateResult {
  const n = format(',.0f');
  const box = (x: number, y: number, label: string, value: number, fill = '#eef4fa') =>
    svg`<g transform="translate(${x},${y})"><rect width=${BOX_W} height=${BOX_H} rx="6" fill=${fill}
        stroke="#0072B2"></rect>
      <text x=${BOX_W / 2} y="18" text-anchor="middle" fill="#1b1f24">${label}</text>
      <text x=${BOX_W / 2} y="35" text-anchor="middle" font-weight="600" fill="#1b1f24">${n(value)}</text></g>`;
  const arrow = (x1: number, y1: number, x2: number, y2: number) =>
    svg`<line x1=${x1} y1=${y1} x2=${x2} y2=${y2} stroke="#5b6570" stroke-width="1.5"
      marker-end="url(#${options.id}-arrow)"></line>`;
  const mid = 130;
  return chartFrame(
    { ...options, width: WIDTH, height: HEIGHT },
    svg`<defs><marker id="${options.id}-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6"
        orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#5b6570"></path></marker></defs>
      ${box(4, mid - BOX_H / 2, 'screened', flow.screened)}
      ${box(150, mid - 75, 'assay+', flow.assayPositive)}
      ${box(150, mid + 31, 'assay−', flow.assayNegative)}
      ${box(296, mid - BOX_H / 2, 'randomised', flow.randomized, '#e8f5ef')}
      ${box(296, mid + 60, 'not randomised', flow.notRandomized, '#f4f4f4')}
      ${box(442, mid - 75, 'treatment', flow.treatment, '#e8f5ef')}
      ${box(442, mid + 31, 'control', flow.control, '#e8f5ef')}
      ${arrow(4 + BOX_W, mid, 150, mid - 53)} ${arrow(4 + BOX_W, mid, 150, mid + 53)}
      ${arrow(150 + BOX_W, mid - 53, 296, mid)} ${arrow(150 + BOX_W, mid + 53, 296, mid)}
      ${arrow(296 + BOX_W, mid, 442, mid - 53)} ${arrow(296 + BOX_W, mid, 442, mid + 53)}
      <text x=${442 + BOX_W / 2} y=${HEIGHT - 30} text-anchor="middle" fill="#1b1f24">analysed</text>
      <text x=${442 + BOX_W / 2} y=${HEIGHT - 14} text-anchor="middle" font-weight="600"
        fill="#1b1f24">${n(flow.analysed)} ${flow.analysedUnit}</text>`,
  );
}
