// What every chart shares: the colour-blind-safe palette (Okabe & Ito), the SVG frame with its
// title and accessible description, axes with ticks and units, and the legend. All text goes
// through Lit's templates, so labels from a link or a file are only ever text.
import { svg, type SVGTemplateResult } from 'lit';
import type { ScaleLinear } from 'd3';

export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#8C6D31'];
export const WIDTH = 560;
export const HEIGHT = 320;
export const MARGIN = { top: 36, right: 170, bottom: 48, left: 56 };

export type Frame = { id: string; title: string; description: string; width?: number; height?: number };

export function chartFrame(frame: Frame, body: SVGTemplateResult): SVGTemplateResult {
  const width = frame.width ?? WIDTH;
  const height = frame.height ?? HEIGHT;
  return svg`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width=${width}
    height=${height} role="img" aria-labelledby="${frame.id}-title ${frame.id}-desc"
    font-family="system-ui, sans-serif" font-size="12">
    <title id="${frame.id}-title">${frame.title}</title>
    <desc id="${frame.id}-desc">${frame.description}</desc>
    <rect width=${width} height=${height} fill="#ffffff"></rect>
    <text x=${MARGIN.left} y="20" font-size="14" font-weight="600" fill="#1b1f24">${frame.title}</text>
    ${body}
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
    ${x.ticks(ticks).map(
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

/** a legend row at the top right: a swatch and a label per entry */
export function legend(
  entries: { label: string; colour: string; dashed?: boolean }[],
  right: number,
  top: number,
): SVGTemplateResult {
  return svg`<g transform="translate(${right},${top})">
    ${entries.map(
      (entry, i) => svg`<g transform="translate(0,${i * 16})">
      <line x1="-150" x2="-132" y1="0" y2="0" stroke=${entry.colour} stroke-width="3"
        stroke-dasharray=${entry.dashed ? '5 4' : 'none'}></line>
      <text x="-126" dy="0.32em" fill="#1b1f24">${
        entry.label.length > 22 ? entry.label.slice(0, 21) + '…' : entry.label
      }</text>
    </g>`,
    )}
  </g>`;
}
