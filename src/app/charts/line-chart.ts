// Power curves: one line per design with its Monte Carlo band (± 1.96 standard errors) and the
// target-power line. Serves power against size and against prevalence.
import { svg, type SVGTemplateResult } from 'lit';
import { area, format, line, scaleLinear } from 'd3';
import type { Curves } from '../chart-data.js';
import { bottomAxis, chartFrame, HEIGHT, leftAxis, legend, MARGIN, PALETTE, WIDTH, type Frame } from './frame.js';

export type LineOptions = Frame & { xLabel: string; xFormat: (value: number) => string; target?: number };

export function lineChart(curves: Curves, options: LineOptions): SVGTemplateResult {
  const xs = curves.series.flatMap((series) => series.points.map((point) => point.x));
  const x = scaleLinear()
    .domain([Math.min(...xs), Math.max(...xs)])
    .range([MARGIN.left, WIDTH - MARGIN.right]);
  const y = scaleLinear()
    .domain([0, 1])
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  type P = { x: number; y: number; se: number };
  const path = line<P>()
    .x((p) => x(p.x))
    .y((p) => y(p.y));
  const band = area<P>()
    .x((p) => x(p.x))
    .y0((p) => y(Math.max(0, p.y - 1.96 * p.se)))
    .y1((p) => y(Math.min(1, p.y + 1.96 * p.se)));
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const entries = curves.series.map((series, i) => ({ label: series.label, colour: PALETTE[i % PALETTE.length] }));
  return chartFrame(
    options,
    svg`${leftAxis(y, MARGIN.left, 'P(reject any hypothesis)', format('.0%'), plotWidth)}
    ${bottomAxis(x, HEIGHT - MARGIN.bottom, options.xLabel, options.xFormat)}
    ${curves.series.map(
      (series, i) =>
        svg`<path d=${band(series.points) ?? ''} fill=${PALETTE[i % PALETTE.length]} fill-opacity="0.15"></path>`,
    )}
    ${curves.series.map(
      (series, i) => svg`<path d=${path(series.points) ?? ''} fill="none" stroke=${PALETTE[i % PALETTE.length]}
        stroke-width="2"></path>
      ${series.points.map(
        (p) =>
          svg`<circle cx=${x(p.x)} cy=${y(p.y)} r="2.5" fill=${PALETTE[i % PALETTE.length]}><title>${
            series.label
          }: ${options.xFormat(p.x)} → ${format('.3f')(p.y)} ± ${format('.3f')(p.se)}</title></circle>`,
      )}`,
    )}
    ${
      options.target !== undefined
        ? svg`<line x1=${MARGIN.left} x2=${WIDTH - MARGIN.right} y1=${y(options.target)} y2=${y(options.target)}
            stroke="#1b1f24" stroke-dasharray="5 4"></line>`
        : svg``
    }
    ${legend(
      [
        ...entries,
        ...(options.target !== undefined
          ? [{ label: `target ${format('.0%')(options.target)}`, colour: '#1b1f24', dashed: true }]
          : []),
      ],
      WIDTH - 4,
      MARGIN.top + 8,
    )}`,
  );
}
