// Cost and duration at the size that reaches the target power for the chosen hypothesis: two
// panels of horizontal bars, one bar per design; a design that cannot reach the target says so.
// Wide, a design's name stands left of its bar; narrow, above it.
import { svg, type SVGTemplateResult } from 'lit';
import { format, scaleLinear } from 'd3';
import type { Solution } from '../../engine/planning/solve.js';
import { chartFrame, PALETTE, type Frame } from './frame.js';
import { hypothesisText } from './hypothesis.js';
import { chartWidth, fitText, isNarrow, textWidth } from './layout.js';

/** `hypothesis`: a key of the results' `reject` (a population's id with several populations) */
export type TargetOptions = Frame & { target: number; hypothesis?: string };

type Reached = Extract<Solution, { size: number }>;

/** wide: the names' column and a row per bar; narrow: the names above the bars, so a taller row */
const LAYOUT = {
  wide: { left: 150, row: 26, name: { dx: -8, dy: 13, anchor: 'end' }, bar: 2 },
  narrow: { left: 8, row: 40, name: { dx: 0, dy: 12, anchor: 'start' }, bar: 17 },
} as const;
const BAR_HEIGHT = 18;
const PANEL_GAP = 36;
const TOP = 60;

export function targetChart(
  solutions: Solution[],
  labels: Record<string, string>,
  options: TargetOptions,
): SVGTemplateResult {
  const width = chartWidth(options.width);
  const layout = isNarrow(width) ? LAYOUT.narrow : LAYOUT.wide;
  const hypothesis = hypothesisText(options.hypothesis ?? 'any');
  const power = format('.0%')(options.target);
  const panelHeight = solutions.length * layout.row;
  const reached = solutions.filter((s): s is Reached => 'size' in s);
  const sizeText = (s: Reached) => `${s.unit} = ${s.size}${s.sizeSe ? ` ± ${Math.ceil(s.sizeSe)}` : ''}`;
  const panel = (key: 'cost' | 'months', top: number, title: string, tick: (v: number) => string) => {
    const valueText = (s: Reached) => `${tick(s.expected[key])}${key === 'cost' ? ` (${sizeText(s)})` : ''}`;
    // the bars end where the longest value's text still fits at the right
    const longest = Math.max(0, ...reached.map((s) => textWidth(valueText(s))));
    const x = scaleLinear()
      .domain([0, Math.max(1e-9, ...reached.map((s) => s.expected[key]))])
      .nice()
      .range([layout.left, Math.max(layout.left + 40, width - 14 - longest)]);
    const nameRoom = layout === LAYOUT.wide ? layout.left + layout.name.dx - 4 : width - 2 * layout.left;
    return svg`<g>
      <text x=${layout.left} y=${top - 6} font-weight="600" fill="#1b1f24">${fitText(title, width - layout.left)}</text>
      ${solutions.map((solution, i) => {
        const y = top + i * layout.row;
        const name = labels[solution.id] ?? solution.id;
        const nameText = svg`<text x=${layout.left + layout.name.dx} y=${y + layout.name.dy}
          text-anchor=${layout.name.anchor} fill="#1b1f24">${fitText(name, nameRoom)}</text>`;
        const barY = y + layout.bar;
        if (!('size' in solution))
          return svg`${nameText}<text x=${layout.left} y=${barY + 11} fill="#5b6570">does not reach the target<title>${
            solution.unreachable
          }</title></text>`;
        const value = solution.expected[key];
        return svg`${nameText}
          <rect x=${layout.left} y=${barY} width=${Math.max(1, x(value) - layout.left)} height=${BAR_HEIGHT}
            fill=${PALETTE[i % PALETTE.length]}><title>${name}: ${tick(value)} at ${sizeText(solution)}</title></rect>
          <text x=${x(value) + 6} y=${barY + 13} fill="#1b1f24">${valueText(solution)}</text>`;
      })}
    </g>`;
  };
  const cost = format(',.3s');
  const durationTop = TOP + panelHeight + PANEL_GAP;
  return chartFrame(
    {
      ...options,
      width,
      height: durationTop + panelHeight + 14,
      description: `${options.description} The target: ${power} power for ${hypothesis}.`,
    },
    svg`${panel('cost', TOP, `Expected cost at ${power} power for ${hypothesis}`, (v) => cost(v).replace('G', 'B'))}
      ${panel('months', durationTop, 'Expected duration (months)', format(',.1f'))}`,
  );
}
