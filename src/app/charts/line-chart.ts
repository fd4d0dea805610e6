// Power curves: for each design and each hypothesis drawn, a line with its Monte Carlo band (± 1.96
// standard errors), the target-power line, and a rule where the scenario itself lies. Serves power
// against size, against prevalence and against a subgroup's share. One hypothesis: a colour per design.
// Several: a colour per design and a dash per hypothesis. A design that does not test a hypothesis has no
// line for it.
import { svg, type SVGTemplateResult } from 'lit';
import { area, format, line, type ScaleLinear, scaleLinear } from 'd3';
import type { CurvePoint, Curves } from '../chart-data.js';
import { bottomAxis, chartFrame, leftAxis, PALETTE, type Frame } from './frame.js';
import { hypothesisLine, hypothesisText } from './hypothesis.js';
import { chartWidth, isNarrow, textWidth } from './layout.js';
import { LEGEND_ROW, legend, type LegendEntry } from './legend.js';

export type LineOptions = Frame & {
  xLabel: string;
  xFormat: (value: number) => string;
  target?: number;
  /** the hypotheses drawn (keys of the results' `reject`), each for every design that tests it; by default ['any'] */
  hypotheses?: string[];
};

const HEIGHT = 320;
const MARGIN = { top: 36, bottom: 48, left: 56 };
/** at the right: the legend's column when wide, a margin when narrow */
const RIGHT = { wide: 170, narrow: 16 };
const TARGET_DASH = '5 4';
/** the x axis's label sits 36 below the axis; the legend below it starts a row further down */
const BELOW_PLOT = 36 + LEGEND_ROW;

export function lineChart(curves: Curves, options: LineOptions): SVGTemplateResult {
  const width = chartWidth(options.width);
  const narrow = isNarrow(width);
  const hypotheses = options.hypotheses ?? ['any'];
  const right = width - (narrow ? RIGHT.narrow : RIGHT.wide);
  const bottom = HEIGHT - MARGIN.bottom;
  const lines = curves.series.flatMap((series, d) =>
    hypotheses.flatMap((hypothesis) => {
      const points = series.byHypothesis[hypothesis];
      return points ? [{ label: series.label, hypothesis, points, colour: PALETTE[d % PALETTE.length] }] : [];
    }),
  );
  const xs = curves.series.flatMap((series) =>
    Object.values(series.byHypothesis).flatMap((points) => (points ?? []).map((point) => point.x)),
  );
  const x = scaleLinear()
    .domain([Math.min(...xs), Math.max(...xs)])
    .range([MARGIN.left, right]);
  const y = scaleLinear().domain([0, 1]).range([bottom, MARGIN.top]);
  const path = line<CurvePoint>()
    .x((p) => x(p.x))
    .y((p) => y(p.y));
  const band = area<CurvePoint>()
    .x((p) => x(p.x))
    .y0((p) => y(Math.max(0, p.y - 1.96 * p.se)))
    .y1((p) => y(Math.min(1, p.y + 1.96 * p.se)));
  const several = hypotheses.length > 1;
  const dash = (hypothesis: string) => (several ? hypothesisLine(hypotheses.indexOf(hypothesis)).dash : 'none');
  const percent = format('.0%');
  const entries: LegendEntry[] = [
    ...curves.series.map((series, d) => ({
      label: series.label,
      colour: PALETTE[d % PALETTE.length],
      ...(hypotheses.some((h) => series.byHypothesis[h]) ? {} : { note: ' (untested)' }),
    })),
    ...(several
      ? hypotheses.map((h, i) => ({ label: hypothesisText(h), colour: '#3d4550', dash: hypothesisLine(i).dash }))
      : []),
    ...(options.target !== undefined
      ? [{ label: `target ${percent(options.target)}`, colour: '#1b1f24', dash: TARGET_DASH }]
      : []),
  ];
  const height = narrow ? bottom + BELOW_PLOT + entries.length * LEGEND_ROW : HEIGHT;
  const yLabel = several ? 'P(reject)' : `P(reject ${hypothesisText(hypotheses[0])})`;
  const three = format('.3f');
  return chartFrame(
    { ...options, width, height, description: `${options.description}${linesDescription(curves, hypotheses)}` },
    svg`${leftAxis(y, MARGIN.left, yLabel, percent, right - MARGIN.left)}
    ${bottomAxis(x, bottom, options.xLabel, options.xFormat)}
    ${lines.map((drawn) => svg`<path d=${band(drawn.points) ?? ''} fill=${drawn.colour} fill-opacity="0.15"></path>`)}
    ${lines.map(
      (drawn) => svg`<path d=${path(drawn.points) ?? ''} fill="none" stroke=${drawn.colour} stroke-width="2"
        stroke-dasharray=${dash(drawn.hypothesis)}></path>
      ${drawn.points.map(
        (p) =>
          svg`<circle cx=${x(p.x)} cy=${y(p.y)} r="2.5" fill=${drawn.colour}><title>${drawn.label}, ${hypothesisText(
            drawn.hypothesis,
          )}: ${options.xFormat(p.x)} → ${three(p.y)} ± ${three(p.se)}</title></circle>`,
      )}`,
    )}
    ${
      options.target !== undefined
        ? svg`<line x1=${MARGIN.left} x2=${right} y1=${y(options.target)} y2=${y(options.target)}
            stroke="#1b1f24" stroke-dasharray=${TARGET_DASH}></line>`
        : svg``
    }
    ${scenarioRule(x, curves.scenarioValue)}
    ${
      narrow
        ? legend(entries, RIGHT.narrow, bottom + BELOW_PLOT, width - 2 * RIGHT.narrow)
        : legend(entries, right + 14, MARGIN.top + 8, RIGHT.wide - 18)
    }`,
  );
}

/** a vertical rule at the scenario's own value, labelled on the side with room */
function scenarioRule(x: ScaleLinear<number, number>, value: number | undefined): SVGTemplateResult {
  const [left, right] = x.range();
  if (value === undefined || x(value) < left || x(value) > right) return svg``;
  const at = x(value);
  const label = 'this scenario';
  const onRight = at + 4 + textWidth(label) <= right;
  return svg`<line x1=${at} x2=${at} y1=${MARGIN.top} y2=${HEIGHT - MARGIN.bottom} stroke="#5b6570"></line>
    <text x=${onRight ? at + 4 : at - 4} y=${MARGIN.top + 12} text-anchor=${onRight ? 'start' : 'end'}
      fill="#1b1f24" stroke="#ffffff" stroke-width="3" paint-order="stroke">${label}</text>`;
}

/** the description's sentences on the lines: which hypothesis each dash is, which designs have none */
function linesDescription(curves: Curves, hypotheses: string[]): string {
  const dashNames = hypotheses.map((h, i) => `${hypothesisText(h)} ${hypothesisLine(i).name}`);
  const dashes = hypotheses.length > 1 ? ` One colour per design; ${dashNames.join(', ')}.` : '';
  const missing = hypotheses.flatMap((h) => {
    const names = curves.series.filter((series) => !series.byHypothesis[h]).map((series) => series.label);
    if (names.length === 0) return [];
    const what = h === 'both' ? 'both H_S and H_F' : hypothesisText(h);
    return [` ${names.join(', ')} ${names.length === 1 ? 'does' : 'do'} not test ${what}: no line.`];
  });
  return dashes + missing.join('');
}
