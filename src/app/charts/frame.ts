// What every chart shares: the colour-blind-safe palette (Okabe & Ito), the SVG frame with its
// title and accessible description, and axes with ticks and units. All text goes through Lit's
// templates, so labels from a link or a file are only ever text.
import { svg, type SVGTemplateResult } from 'lit';
import type { ScaleLinear } from 'd3';
import { FONT_SIZE, fittingTicks, isNarrow, TITLE_SIZE, wrapText } from './layout.js';

export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#8C6D31'];

/**
 * what the page gives every chart; `width`: the CSS pixels it has for the chart (560 if not given,
 * 300 at least), which becomes the viewBox's width so that text keeps its size
 */
export type Frame = { id: string; title: string; description: string; width?: number };

/** the title's left edge: the plot's at full width, the page's margin when narrow */
const TITLE_X = { wide: 56, narrow: 8 };
const TITLE_LINE = 18;

/**
 * the SVG of `width` × `height` around `body`, after the title wrapped to the width (each extra
 * line of it adds a line's height); `role` 'group' where the body holds controls, which an 'img'
 * would hide from assistive technology
 */
export function chartFrame(
  frame: Frame & { width: number; height: number; role?: 'img' | 'group' },
  body: SVGTemplateResult,
): SVGTemplateResult {
  const { width } = frame;
  const x = isNarrow(width) ? TITLE_X.narrow : TITLE_X.wide;
  const lines = wrapText(frame.title, width - x - 8, TITLE_SIZE);
  const shift = (lines.length - 1) * TITLE_LINE;
  const height = frame.height + shift;
  return svg`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width=${width}
    height=${height} role=${frame.role ?? 'img'} aria-labelledby="${frame.id}-title ${frame.id}-desc"
    font-family="system-ui, sans-serif" font-size=${FONT_SIZE}>
    <title id="${frame.id}-title">${frame.title}</title>
    <desc id="${frame.id}-desc">${frame.description}</desc>
    <rect width=${width} height=${height} fill="#ffffff"></rect>
    <text x=${x} y="20" font-size=${TITLE_SIZE} font-weight="600" fill="#1b1f24">${lines.map(
      (line, i) => svg`<tspan x=${x} dy=${i === 0 ? 0 : TITLE_LINE}>${line}</tspan>`,
    )}</text>
    <g transform="translate(0,${shift})">${body}</g>
  </svg>`;
}

export function bottomAxis(
  x: ScaleLinear<number, number>,
  y0: number,
  label: string,
  tickFormat: (value: number) => string,
  ticks = 6,
): SVGTemplateResult {
  const [left, right] = x.range();
  return svg`<g>
    <line x1=${left} x2=${right} y1=${y0} y2=${y0} stroke="#5b6570"></line>
    ${fittingTicks(x, tickFormat, ticks).map(
      (tick) => svg`<g transform="translate(${x(tick)},${y0})"><line y2="5" stroke="#5b6570"></line><text y="18"
        text-anchor="middle" fill="#3d4550">${tickFormat(tick)}</text></g>`,
    )}
    <text x=${(left + right) / 2} y=${y0 + 36} text-anchor="middle" fill="#1b1f24">${label}</text>
  </g>`;
}

export function leftAxis(
  y: ScaleLinear<number, number>,
  x0: number,
  label: string,
  tickFormat: (value: number) => string,
  width: number,
  ticks = 5,
): SVGTemplateResult {
  const [bottom, top] = y.range();
  return svg`<g>
    <line x1=${x0} x2=${x0} y1=${bottom} y2=${top} stroke="#5b6570"></line>
    ${y.ticks(ticks).map(
      (tick) => svg`<g transform="translate(${x0},${y(tick)})"><line x2=${width} stroke="#e3e6ea"></line><line x2="-5"
        stroke="#5b6570"></line><text x="-8" dy="0.32em" text-anchor="end"
        fill="#3d4550">${tickFormat(tick)}</text></g>`,
    )}
    <text transform="translate(14,${(bottom + top) / 2}) rotate(-90)" text-anchor="middle"
      fill="#1b1f24">${label}</text>
  </g>`;
}
