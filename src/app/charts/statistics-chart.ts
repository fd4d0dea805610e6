// An analysis of a traced trial on the z scale: one row per test, its statistic as a dot on a line
// from 0, its critical value as a tick, the dot filled when the trial's own comparison says the
// statistic reaches it. The rows' numbers are the ones the trial compared.
import { scaleLinear } from 'd3';
import { svg, type SVGTemplateResult } from 'lit';
import { statistic } from '../trial-words.js';
import { bottomAxis, chartFrame, PALETTE } from './frame.js';
import { chartWidth, fitText, isNarrow } from './layout.js';

export type StatisticRow = {
  /** the test, as the running text names it: "H_S", "H_S∩H_F (stage 1)" */
  label: string;
  /** the statistic on the z scale; null: beyond double precision; −∞: no chance left (drawn at the left end) */
  z: number | null;
  /** the value to reach; null: this test cannot reject here */
  critical: number | null;
  reached: boolean;
};

export type StatisticsData = { rows: readonly StatisticRow[] };

export type StatisticsOptions = { id: string; title: string; width?: number };

const ROW = 40;
const DOMAIN = { low: -3, high: 4, most: 8 };
const INK = '#1b1f24';
const REACHED = PALETTE[2];

export function statisticsChart(data: StatisticsData, options: StatisticsOptions): SVGTemplateResult {
  const width = chartWidth(options.width);
  const narrow = isNarrow(width);
  const left = narrow ? 12 : 150;
  const right = width - 20;
  const values = data.rows
    .flatMap((row) => [row.z, row.critical])
    .filter((v): v is number => v !== null && Number.isFinite(v));
  const low = Math.max(-DOMAIN.most, Math.min(DOMAIN.low, ...values));
  const high = Math.min(DOMAIN.most, Math.max(DOMAIN.high, ...values));
  const x = scaleLinear().domain([low, high]).range([left, right]).nice();
  const clamp = (v: number) => x(Math.max(x.domain()[0], Math.min(x.domain()[1], v)));
  const top = 44;
  const rowHeight = narrow ? ROW + 16 : ROW;
  const axisY = top + data.rows.length * rowHeight + 4;
  const height = axisY + 46;
  const row = (r: StatisticRow, i: number) => {
    const y = top + i * rowHeight + (narrow ? 16 : 0) + ROW / 2;
    const label = narrow
      ? svg`<text x=${left} y=${y - 20} font-size="12" font-weight="600" fill=${INK}>${fitText(r.label, width - 24)}
          <tspan font-weight="400">z = ${statistic(r.z)}</tspan></text>`
      : svg`<text x=${left - 10} y=${y - 4} text-anchor="end" font-size="12" font-weight="600"
          fill=${INK}>${fitText(r.label, left - 16)}</text>
        <text x=${left - 10} y=${y + 11} text-anchor="end" font-size="12" fill=${INK}>z = ${statistic(r.z)}</text>`;
    const zx = r.z === null ? x.range()[1] : clamp(r.z);
    const critical =
      r.critical === null
        ? svg`<text x=${right} y=${y - 8} text-anchor="end" font-size="11" fill="#4f5963">cannot reject here</text>`
        : svg`<line x1=${clamp(r.critical)} x2=${clamp(r.critical)} y1=${y - 12} y2=${y + 12} stroke=${INK}
            stroke-width="2"></line>
          <text x=${clamp(r.critical)} y=${y - 15} text-anchor="middle" font-size="11"
            fill=${INK}>${statistic(r.critical)}</text>`;
    return svg`<g>${label}
      <line x1=${x(0)} x2=${zx} y1=${y} y2=${y} stroke=${r.reached ? REACHED : '#8a939c'} stroke-width="3"></line>
      ${critical}
      <circle cx=${zx} cy=${y} r="6" fill=${r.reached ? REACHED : '#ffffff'} stroke=${r.reached ? REACHED : INK}
        stroke-width="2"></circle>
    </g>`;
  };
  return chartFrame(
    { id: options.id, title: options.title, description: describe(data), width, height },
    svg`<line x1=${x(0)} x2=${x(0)} y1=${top - 6} y2=${axisY} stroke="#c9ced4"></line>
      ${data.rows.map(row)}
      ${bottomAxis(x, axisY, 'z statistic (the tick: the value to reach)', (v) => String(v))}`,
  );
}

function describe(data: StatisticsData): string {
  return data.rows
    .map(
      (r) =>
        `${r.label}: z = ${statistic(r.z)}` +
        (r.critical === null
          ? ', which cannot reject here.'
          : `, ${r.reached ? 'reaching' : 'below'} the critical value ${statistic(r.critical)}.`),
    )
    .join(' ');
}
