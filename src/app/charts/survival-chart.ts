// The expected survival curves, what people look at first in a survival trial: S(t) for each true
// marker status, or each subgroup with several populations (a colour each), and arm (control dashed),
// from the scenario's hazards, so a delayed effect shows as curves that overlap and then separate.
import { svg, type SVGTemplateResult } from 'lit';
import { format, line, scaleLinear } from 'd3';
import type { SurvivalCurve, SurvivalCurves } from '../../engine/planning/survival-curves.js';
import { bottomAxis, chartFrame, leftAxis, PALETTE, type Frame } from './frame.js';
import { chartWidth, isNarrow } from './layout.js';
import { LEGEND_ROW, legend, type LegendEntry } from './legend.js';

const HEIGHT = 320;
const MARGIN = { top: 36, bottom: 48, left: 56 };
const RIGHT = { wide: 170, narrow: 16 };
const BELOW_PLOT = 36 + LEGEND_ROW;
const CONTROL_DASH = '6 4';
/** one marker's statuses by name; a subgroup by its id */
const STATUS: Record<string, string> = { pos: 'marker+', neg: 'marker−' };
const ARM = { treatment: 'treatment', control: 'control' };

export function survivalChart(data: SurvivalCurves, options: Frame): SVGTemplateResult {
  const width = chartWidth(options.width);
  const narrow = isNarrow(width);
  const right = width - (narrow ? RIGHT.narrow : RIGHT.wide);
  const bottom = HEIGHT - MARGIN.bottom;
  const { months } = data;
  const x = scaleLinear()
    .domain([months[0], months[months.length - 1]])
    .range([MARGIN.left, right]);
  const y = scaleLinear().domain([0, 1]).range([bottom, MARGIN.top]);
  const path = line<number>()
    .x((_, i) => x(months[i]))
    .y((s) => y(s));
  const statuses = [...new Set(data.curves.map((curve) => curve.status))];
  const colour = (curve: SurvivalCurve) => PALETTE[statuses.indexOf(curve.status) % PALETTE.length];
  const label = (curve: SurvivalCurve) => `${STATUS[curve.status] ?? curve.status}, ${ARM[curve.arm]}`;
  const entries: LegendEntry[] = data.curves.map((curve) => ({
    label: label(curve),
    colour: colour(curve),
    ...(curve.arm === 'control' ? { dash: CONTROL_DASH } : {}),
  }));
  const height = narrow ? bottom + BELOW_PLOT + entries.length * LEGEND_ROW : HEIGHT;
  const percent = format('.0%');
  return chartFrame(
    { ...options, width, height, description: `${options.description} ${medians(data, label)}` },
    svg`${leftAxis(y, MARGIN.left, 'survival, S(t)', percent, right - MARGIN.left)}
    ${bottomAxis(x, bottom, 'months since randomisation', (m) => String(m), narrow ? 4 : 8)}
    ${data.curves.map(
      (curve) => svg`<path d=${path(curve.survival) ?? ''} fill="none" stroke=${colour(curve)}
        stroke-width="2" stroke-dasharray=${curve.arm === 'control' ? CONTROL_DASH : 'none'}><title>${label(
          curve,
        )}</title></path>`,
    )}
    ${
      narrow
        ? legend(entries, RIGHT.narrow, bottom + BELOW_PLOT, width - 2 * RIGHT.narrow)
        : legend(entries, right + 14, MARGIN.top + 8, RIGHT.wide - 18)
    }`,
  );
}

/** the description's sentence: each curve's median, the month S(t) first falls to ½, or "beyond" */
function medians(data: SurvivalCurves, label: (curve: SurvivalCurve) => string): string {
  const last = data.months[data.months.length - 1];
  const parts = data.curves.map((curve) => {
    const i = curve.survival.findIndex((s) => s <= 0.5);
    return `${label(curve)} ${i < 0 ? `beyond ${last}` : format('.1f')(data.months[i])}`;
  });
  return `Medians (months): ${parts.join('; ')}.`;
}
