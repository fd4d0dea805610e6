// A chart's legend: one entry a row, a swatch (a line with its dash, or a square) and a label cut to
// the room there is. Charts put it at the right of the plot when wide, below it when narrow.
import { svg, type SVGTemplateResult } from 'lit';
import { fitText, textWidth } from './layout.js';

/** `note`: said after the label, which is cut first; `stripes`: a square split in these colours (a tie) */
export type LegendEntry = {
  label: string;
  colour: string;
  note?: string;
  dash?: string;
  shape?: 'line' | 'square';
  stripes?: string[];
};

export const LEGEND_ROW = 18;
const SWATCH = 18;
const GAP = 6;

/** the legend with its first row's middle at (x, y); `room`: the width from x the labels may take */
export function legend(entries: LegendEntry[], x: number, y: number, room: number): SVGTemplateResult {
  return svg`<g transform="translate(${x},${y})">
    ${entries.map(
      (entry, i) => svg`<g transform="translate(0,${i * LEGEND_ROW})">${swatch(entry)}<text x=${SWATCH + GAP}
        dy="0.32em" fill="#1b1f24">${labelText(entry, room - SWATCH - GAP)}</text></g>`,
    )}
  </g>`;
}

function labelText({ label, note = '' }: LegendEntry, room: number): string {
  return fitText(label, room - textWidth(note)) + note;
}

function swatch(entry: LegendEntry): SVGTemplateResult {
  if (entry.shape === 'square') {
    const stripes = entry.stripes ?? [entry.colour];
    return svg`${stripes.map(
      (colour, i) => svg`<rect x=${3 + (i * 12) / stripes.length} y="-6" width=${12 / stripes.length} height="12"
        fill=${colour}></rect>`,
    )}<rect x="3" y="-6" width="12" height="12" fill="none" stroke="#d0d5db"></rect>`;
  }
  return svg`<line x1="0" x2=${SWATCH} y1="0" y2="0" stroke=${entry.colour} stroke-width="3"
    stroke-dasharray=${entry.dash ?? 'none'}></line>`;
}
