// The design map (Simon & Maitournam): over prevalence × the marker-negative effect as a fraction of
// the marker-positive one, the design that reaches the target power with the fewest randomised
// patients (or the least cost), as coloured cells; a tie splits its cell into the tied designs'
// colours. With several populations the map is over two parameters (a ParameterMap: a subgroup's
// share × a subgroup's effect), named by `axes`. With `onPick`, each cell is a button (focusable, Enter
// or Space, or a click, picks it) and the chart a group rather than an image, whose children assistive
// technology would not reach.
import { nothing, svg, type SVGTemplateResult } from 'lit';
import { format } from 'd3';
import type { DesignMap, MapOutcome, ParameterMap } from '../../engine/planning/design-map.js';
import { chartFrame, PALETTE, type Frame } from './frame.js';
import { hypothesisText } from './hypothesis.js';
import { chartWidth, isNarrow, textWidth } from './layout.js';
import { LEGEND_ROW, legend, type LegendEntry } from './legend.js';

/** an axis of a map over parameters in words: its title, and how its values read */
export type AxisWords = { label: string; format: (value: number) => string };

export type MapOptions = Frame & {
  by: 'randomized' | 'cost';
  /** called with a cell's x and y (prevalence and ratio) when it is clicked, or chosen with Enter or Space */
  onPick?: (x: number, y: number) => void;
  /** a ParameterMap's axes, its first parameter across and its second up */
  axes?: [AxisWords, AxisWords];
};

/** either map as columns × rows of cells, and how the axes and a cell's place read */
type Grid = {
  xs: number[];
  ys: number[];
  cells: ({ x: number; y: number } & MapOutcome)[];
  x: AxisWords;
  y: AxisWords;
  place: (x: number, y: number) => string;
  /** the one-marker map's cells carry data-prevalence and data-ratio, a ParameterMap's data-x and data-y */
  oneMarker: boolean;
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
  map: DesignMap | ParameterMap,
  ids: string[],
  labels: Record<string, string>,
  options: MapOptions,
): SVGTemplateResult {
  const grid = gridOf(map, options.axes);
  const width = chartWidth(options.width);
  const narrow = isNarrow(width);
  const { left, right } = narrow ? MARGIN.narrow : MARGIN.wide;
  const gridWidth = width - left - right;
  const cellWidth = gridWidth / grid.xs.length;
  const cellHeight = GRID_HEIGHT / grid.ys.length;
  const gridBottom = TOP + GRID_HEIGHT;
  const colour = (id: string) => PALETTE[ids.indexOf(id) % PALETTE.length];
  const percent = format('.0%');
  const pick = options.onPick;
  const winners = (cell: MapOutcome) => (options.by === 'cost' ? cell.winners.cost : cell.winners.randomized);
  const anyTie = grid.cells.some((cell) => winners(cell).length > 1);
  const entries: LegendEntry[] = [
    ...ids.map((id) => ({ label: labels[id] ?? id, colour: colour(id), shape: 'square' as const })),
    { label: 'none reaches it', colour: NONE, shape: 'square' },
    ...(anyTie
      ? [{ label: 'split: a tie', colour: NONE, shape: 'square' as const, stripes: PALETTE.slice(0, 2) }]
      : []),
  ];
  // a label every `every` columns, so that neighbours do not touch
  const widest = Math.max(...grid.xs.map((value) => textWidth(grid.x.format(value))));
  const every = Math.ceil((widest + 6) / cellWidth);
  const cellText = (cell: Grid['cells'][number]) => `${grid.place(cell.x, cell.y)}: ${winnerText(cell)}`;
  const winnerText = (cell: MapOutcome) => {
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
        `${hypothesisText(map.target.hypothesis)}.${anyTie ? ` ${TIE_TEXT}` : ''}`,
    },
    svg`${pick ? svg`<style>${FOCUS_STYLE}</style>` : svg``}
    ${grid.cells.map((cell) => {
      const x = left + grid.xs.indexOf(cell.x) * cellWidth;
      const y = gridBottom - (grid.ys.indexOf(cell.y) + 1) * cellHeight;
      const tied = winners(cell);
      const stripes = tied.length === 0 ? [NONE] : tied.map(colour);
      const stripeWidth = (cellWidth - 1) / stripes.length;
      const text = cellText(cell);
      const body = svg`${stripes.map(
        (fill, i) => svg`<rect x=${x + i * stripeWidth} y=${y} width=${stripeWidth} height=${cellHeight - 1}
          fill=${fill}></rect>`,
      )}<rect class="map-ring" x=${x} y=${y} width=${cellWidth - 1} height=${cellHeight - 1} fill="none"
          stroke="#d0d5db" stroke-width="2"></rect>`;
      const [prevalence, ratio, dataX, dataY] = grid.oneMarker
        ? [cell.x, cell.y, nothing, nothing]
        : [nothing, nothing, cell.x, cell.y];
      if (!pick)
        return svg`<g data-prevalence=${prevalence} data-ratio=${ratio} data-x=${dataX} data-y=${dataY}>${body}<title>${
          text
        }</title></g>`;
      const onKey = (event: KeyboardEvent) => {
        if (event.key !== 'Enter' && event.key !== ' ') return;
        event.preventDefault(); // Space would scroll the page
        pick(cell.x, cell.y);
      };
      return svg`<g class="map-cell" role="button" tabindex="0" aria-label=${text} data-prevalence=${prevalence}
        data-ratio=${ratio} data-x=${dataX} data-y=${dataY} style="cursor: pointer" @click=${() => pick(cell.x, cell.y)}
        @keydown=${onKey}>${body}<title>${text}. Press to load this point into the scenario.</title></g>`;
    })}
    ${grid.xs.map((value, i) =>
      i % every === 0
        ? svg`<text x=${left + (i + 0.5) * cellWidth} y=${gridBottom + 16} text-anchor="middle"
            fill="#3d4550">${grid.x.format(value)}</text>`
        : svg``,
    )}
    ${grid.ys.map(
      (value, i) => svg`<text x=${left - 8} y=${gridBottom - (i + 0.5) * cellHeight} dy="0.32em" text-anchor="end"
        fill="#3d4550">${grid.y.format(value)}</text>`,
    )}
    <text x=${left + gridWidth / 2} y=${gridBottom + BOTTOM - 14} text-anchor="middle"
      fill="#1b1f24">${grid.x.label}</text>
    <text transform="translate(16,${TOP + GRID_HEIGHT / 2}) rotate(-90)" text-anchor="middle"
      fill="#1b1f24">${grid.y.label}</text>
    ${
      narrow
        ? legend(entries, right, legendTop, width - 2 * right)
        : legend(entries, width - right + 8, legendTop, right - 12)
    }`,
  );
}

/** "A", "A and B", "A, B and C" */
export function listText(names: string[]): string {
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

const PERCENT = format('.0%');
const ONE_MARKER_AXES: [AxisWords, AxisWords] = [
  { label: 'prevalence of marker+', format: PERCENT },
  { label: 'effect− as a share of effect+', format: PERCENT },
];

function gridOf(map: DesignMap | ParameterMap, axes: [AxisWords, AxisWords] | undefined): Grid {
  if ('prevalences' in map)
    return {
      xs: map.prevalences,
      ys: map.ratios,
      cells: map.cells.map((cell) => ({ ...cell, x: cell.prevalence, y: cell.ratio })),
      x: ONE_MARKER_AXES[0],
      y: ONE_MARKER_AXES[1],
      place: (x, y) => `prevalence ${PERCENT(x)}, effect− ${PERCENT(y)} of effect+`,
      oneMarker: true,
    };
  const [across, up] = map.axes;
  const [x, y] = axes ?? [
    { label: across.parameter, format: String },
    { label: up.parameter, format: String },
  ];
  return {
    xs: across.values,
    ys: up.values,
    cells: map.cells.map((cell) => ({ ...cell, x: cell.at[across.parameter], y: cell.at[up.parameter] })),
    x,
    y,
    place: (atX, atY) => `${x.label} ${x.format(atX)}, ${y.label} ${y.format(atY)}`,
    oneMarker: false,
  };
}
