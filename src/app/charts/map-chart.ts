// The design map (Simon & Maitournam): over prevalence × the marker-negative
// effect as a fraction of the marker-positive one, the design that reaches the target power with
// the fewest randomised patients (or the least cost), as coloured cells.
import { svg, type SVGTemplateResult } from 'lit';
import { format } from 'd3';
import type { DesignMap } from '../../engine/planning/design-map.js';
import { chartFrame, PALETTE, type Frame } from './frame.js';

const WIDTH = 560;
const HEIGHT = 360;
const LEFT = 70;
const TOP = 40;
const RIGHT = 170;
const BOTTOM = 56;

/** `onPick`: called with a cell's prevalence and ratio when it is clicked */
export function mapChart(
  map: DesignMap,
  ids: string[],
  labels: Record<string, string>,
  options: Frame & { by: 'randomized' | 'cost'; onPick?: (prevalence: number, ratio: number) => void },
): SVGTemplateResult {
  const cellWidth = (WIDTH - LEFT - RIGHT) / map.prevalences.length;
  const cellHeight = (HEIGHT - TOP - BOTTOM) / map.ratios.length;
  const colour = (id: string | null) => (id === null ? '#ffffff' : PALETTE[ids.indexOf(id) % PALETTE.length]);
  const percent = format('.0%');
  return chartFrame(
    { ...options, width: WIDTH, height: HEIGHT },
    svg`${map.cells.map((cell) => {
      const column = map.prevalences.indexOf(cell.prevalence);
      const row = map.ratios.indexOf(cell.ratio);
      const winner = options.by === 'cost' ? cell.leastCost : cell.fewestRandomized;
      const x = LEFT + column * cellWidth;
      const y = HEIGHT - BOTTOM - (row + 1) * cellHeight;
      const value = winner === null ? null : (options.by === 'cost' ? cell.cost : cell.randomized)[winner];
      const pick = options.onPick;
      const winnerText =
        winner === null
          ? 'no design reaches the target'
          : `${labels[winner] ?? winner} (${format(',.0f')(value ?? 0)})`;
      const pickHint = pick ? '. Click to load this point into the scenario.' : '';
      return svg`<rect x=${x} y=${y} width=${cellWidth - 1} height=${cellHeight - 1} fill=${colour(winner)}
        stroke="#d0d5db" data-prevalence=${cell.prevalence} data-ratio=${cell.ratio}
        style=${pick ? 'cursor: pointer' : ''}
        @click=${() => pick?.(cell.prevalence, cell.ratio)}><title>prevalence ${percent(
          cell.prevalence,
        )}, effect− = ${percent(cell.ratio)} of effect+: ${winnerText}${pickHint}</title></rect>`;
    })}
    ${map.prevalences.map(
      (p, i) => svg`<text x=${LEFT + (i + 0.5) * cellWidth} y=${HEIGHT - BOTTOM + 16} text-anchor="middle"
        fill="#3d4550">${percent(p)}</text>`,
    )}
    ${map.ratios.map(
      (r, i) => svg`<text x=${LEFT - 8} y=${HEIGHT - BOTTOM - (i + 0.5) * cellHeight} dy="0.32em" text-anchor="end"
        fill="#3d4550">${percent(r)}</text>`,
    )}
    <text x=${LEFT + (WIDTH - LEFT - RIGHT) / 2} y=${HEIGHT - 14} text-anchor="middle"
      fill="#1b1f24">prevalence of marker+</text>
    <text transform="translate(16,${TOP + (HEIGHT - TOP - BOTTOM) / 2}) rotate(-90)" text-anchor="middle"
      fill="#1b1f24">effect− as a share of effect+</text>
    <g transform="translate(${WIDTH - RIGHT + 14},${TOP + 8})">
      ${ids.map(
        (id, i) => svg`<rect y=${i * 18 - 6} width="12" height="12" fill=${colour(id)}></rect><text x="18" y=${i * 18}
          dy="0.32em" fill="#1b1f24">${(labels[id] ?? id).slice(0, 20)}</text>`,
      )}
      <rect y=${ids.length * 18 - 6} width="12" height="12" fill="#ffffff" stroke="#d0d5db"></rect><text x="18"
        y=${ids.length * 18} dy="0.32em" fill="#1b1f24">none reaches it</text>
    </g>`,
  );
}
