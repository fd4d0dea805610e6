// Cost and duration at the size that reaches the target power: two panels of
// horizontal bars, one bar per design; a design that cannot reach the target says so.
import { svg, type SVGTemplateResult } from 'lit';
import { format, scaleLinear } from 'd3';
import type { Solution } from '../../engine/planning/solve.js';
import { chartFrame, PALETTE, type Frame } from './frame.js';

const WIDTH = 560;
const ROW = 26;
const LABEL = 150;

export function targetChart(
  solutions: Solution[],
  labels: Record<string, string>,
  options: Frame & { target: number },
): SVGTemplateResult {
  const height = 60 + solutions.length * ROW * 2 + 50;
  const reached = solutions.filter((s): s is Extract<Solution, { size: number }> => 'size' in s);
  const panel = (key: 'cost' | 'months', top: number, title: string, tick: (v: number) => string) => {
    const max = Math.max(1e-9, ...reached.map((s) => s.expected[key]));
    // room at the right for the bar's label: "17.7M (events = 498 ± 6)" for costs, "42.2" for months
    const x = scaleLinear()
      .domain([0, max])
      .nice()
      .range([LABEL, WIDTH - (key === 'cost' ? 200 : 60)]);
    return svg`<g>
      <text x=${LABEL} y=${top - 6} font-weight="600" fill="#1b1f24">${title}</text>
      ${solutions.map((solution, i) => {
        const y = top + i * ROW;
        const name = labels[solution.id] ?? solution.id;
        const shortName = name.length > 20 ? name.slice(0, 19) + '…' : name;
        if (!('size' in solution))
          return svg`<text x=${LABEL - 8} y=${y + 13} text-anchor="end" fill="#1b1f24">${shortName}</text><text
            x=${LABEL} y=${y + 13} fill="#5b6570">does not reach the target</text>`;
        const value = solution.expected[key];
        const sizeText = `${solution.unit} = ${solution.size}${
          solution.sizeSe ? ` ± ${Math.ceil(solution.sizeSe)}` : ''
        }`;
        return svg`<text x=${LABEL - 8} y=${y + 13} text-anchor="end" fill="#1b1f24">${shortName}</text>
          <rect x=${LABEL} y=${y + 2} width=${Math.max(1, x(value) - LABEL)} height=${ROW - 8}
            fill=${PALETTE[i % PALETTE.length]}><title>${name}: ${tick(value)} at ${sizeText}</title></rect>
          <text x=${x(value) + 6} y=${y + 13} fill="#1b1f24">${tick(value)}${
            key === 'cost' ? ` (${sizeText})` : ''
          }</text>`;
      })}
    </g>`;
  };
  const cost = format(',.3s');
  return chartFrame(
    { ...options, width: WIDTH, height },
    svg`${panel('cost', 60, `Expected cost at ${format('.0%')(options.target)} power`, (v) =>
      cost(v).replace('G', 'B'),
    )}
      ${panel('months', 60 + solutions.length * ROW + 36, 'Expected duration (months)', format(',.1f'))}`,
  );
}
