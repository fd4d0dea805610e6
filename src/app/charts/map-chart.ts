// The design map (Simon & Maitournam): over prevalence × the marker-negative effect as a fraction of
// the marker-positive one, the design that reaches the target power with the fewest randomised
// patients (or the least cost), as coloured cells; a tie splits its cell into the tied designs'
// colours. With `onPick`, each cell is a button (focusable, Enter or Space, or a click, picks it) and
// the chart a group rather than an image, whose children assistive technology would not reach.
import { svg, type SVGTemplateResult } from 'lit';
import { format } from 'd3';
import type { DesignMap, MapCell } from '../../engine/planning/design-map.js';
import { chartFrame, PALETTE, type Frame } from './frame.js';
import { HYPOTHESIS_TEXT } from './hypothesis.js';
import { chartWidth, isNarrow, textWidth } from './layout.js';
import { LEGEND_ROW, legend, type LegendEntry } from './legend.js';

export type MapOptions = Frame & {
  by: 'randomized' | 'cost';
  /** called with a cell's prevalence and ratio when it is clicked, or chosen with Enter or Space */
  onPick?: (prevalence: number, ratio: number) => void;
};

const TOP = 40;
const GRID_HEIGHT = 264;
const BOTTOM = 56;
/** wide: the legend's column at the right; narrow: a margin, the legend below the axis title */
const MARGIN = { wide: { left: 70, right: 170 }, narrow: { left: 64, right: 12 } };
const NONE = '#ffffff';
const TIE_TEXT = 'A cell split in colours is a tie of those designs.';
// a focused cell's outline; the attribute stroke is the unfocused one, which CSS overrides
const FOCUS_STYLE = '.map-cell:focus { outline: none } .map-cell:focus-visible .map-ring { stroke: #1b1f24 }';

export function mapChart(
  map: DesignMap,
  ids: string[],
  labels: Record<string, string>,
  options: MapOptions,
): SVGTemplateResult {
  const width = chartWidth(options.width);
  const narrow = isNarrow(width);
  const { left, right } = narrow ? MARGIN.narrow : MARGIN.wide;
  const gridWidth = width - left - right;
  const cellWidth = gridWidth / map.prevalences.length;
  const cellHeight = GRID_HEIGHT / map.ratios.length;
  const gridBottom = TOP + GRID_HEIGHT;
  const colour = (id: string) => PALETTE[ids.indexOf(id) % PALETTE.length];
  const percent = format('.0%');
  const pick = options.onPick;
  const winners = (cell: MapCell) => (options.by === 'cost' ? cell.winners.cost : cell.winners.randomized);
  const anyTie = map.cells.some((cell) => winners(cell).length > 1);
  const entries: LegendEntry[] = [
    ...ids.map((id) => ({ label: labels[id] ?? id, colour: colour(id), shape: 'square' as const })),
    { label: 'none reaches it', colour: NONE, shape: 'square' },
    ...(anyTie
      ? [{ label: 'split: a tie', colour: NONE, shape: 'square' as const, stripes: PALETTE.slice(0, 2) }]
      : []),
  ];
  // a prevalence label every `every` columns, so that neighbours do not touch
  const widest = Math.max(...map.prevalences.map((p) => textWidth(percent(p))));
  const every = Math.ceil((widest + 6) / cellWidth);
  const cellText = (cell: MapCell) =>
    `prevalence ${percent(cell.prevalence)}, effect− ${percent(cell.ratio)} of effect+: ${winnerText(cell)}`;
  const winnerText = (cell: MapCell) => {
    const ids = winners(cell);
    if (ids.length === 0) return 'no design reaches the target';
    const value = format(',.0f')((options.by === 'cost' ? cell.cost : cell.randomized)[ids[0]] ?? 0);
    const amount = options.by === 'cost' ? `cost ${value}` : `${value} patients`;
    const names = ids.map((id) => labels[id] ?? id);
    return names.length === 1 ? `${names[0]}, ${amount}` : `tie between ${listText(names)}, ${amount} each`;
  };
  const legendTop = narrow ? gridBottom + BOTTOM + 8 : TOP + 8;
  const height = narrow ? legendTop + entries.length * LEGEND_ROW : TOP + GRID_HEIGHT + BOTTOM;
  return chartFrame(
    {
      ...options,
      width,
      height,
      role: pick ? 'group' : 'img',
      description:
        `${options.description} The target: ${percent(map.target.power)} power for ` +
        `${HYPOTHESIS_TEXT[map.target.hypothesis]}.${anyTie ? ` ${TIE_TEXT}` : ''}`,
    },
    svg`${pick ? svg`<style>${FOCUS_STYLE}</style>` : svg``}
    ${map.cells.map((cell) => {
      const x = left + map.prevalences.indexOf(cell.prevalence) * cellWidth;
      const y = gridBottom - (map.ratios.indexOf(cell.ratio) + 1) * cellHeight;
      const tied = winners(cell);
      const stripes = tied.length === 0 ? [NONE] : tied.map(colour);
      const stripeWidth = (cellWidth - 1) / stripes.length;
      const text = cellText(cell);
      const body = svg`${stripes.map(
        (fill, i) => svg`<rect x=${x + i * stripeWidth} y=${y} width=${stripeWidth} height=${cellHeight - 1}
          fill=${fill}></rect>`,
      )}<rect class="map-ring" x=${x} y=${y} width=${cellWidth - 1} height=${cellHeight - 1} fill="none"
          stroke="#d0d5db" stroke-width="2"></rect>`;
      if (!pick)
        return svg`<g data-prevalence=${cell.prevalence} data-ratio=${cell.ratio}>${body}<title>${text}</title></g>`;
      const onKey = (event: KeyboardEvent) => {
        if (event.key !== 'Enter' && event.key !== ' ') return;
        event.preventDefault(); // Space would scroll the page
        pick(cell.prevalence, cell.ratio);
      };
      return svg`<g class="map-cell" role="button" tabindex="0" aria-label=${text} data-prevalence=${cell.prevalence}
        data-ratio=${cell.ratio} style="cursor: pointer" @click=${() => pick(cell.prevalence, cell.ratio)}
        @keydown=${onKey}>${body}<title>${text}. Press to load this point into the scenario.</title></g>`;
    })}
    ${map.prevalences.map((p, i) =>
      i % every === 0
        ? svg`<text x=${left + (i + 0.5) * cellWidth} y=${gridBottom + 16} text-anchor="middle"
            fill="#3d4550">${percent(p)}</text>`
        : svg``,
    )}
    ${map.ratios.map(
      (r, i) => svg`<text x=${left - 8} y=${gridBottom - (i + 0.5) * cellHeight} dy="0.32em" text-anchor="end"
        fill="#3d4550">${percent(r)}</text>`,
    )}
    <text x=${left + gridWidth / 2} y=${gridBottom + BOTTOM - 14} text-anchor="middle"
      fill="#1b1f24">prevalence of marker+</text>
    <text transform="translate(16,${TOP + GRID_HEIGHT / 2}) rotate(-90)" text-anchor="middle"
      fill="#1b1f24">effect− as a share of effect+</text>
    ${
      narrow
        ? legend(entries, right, legendTop, width - 2 * right)
        : legend(entries, width - right + 8, legendTop, right - 12)
    }`,
  );
}

/** "A", "A and B", "A, B and C" */
function listText(names: string[]): string {
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
