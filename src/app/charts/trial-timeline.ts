// One traced trial on a calendar: every patient a dot at the month it was screened, in the lane of
// its arm (or "not randomised"), coloured by its true marker status and shaped by its assay result,
// outlined where the assay got it wrong; with several populations coloured by its true subgroup, and
// where the assay puts it in another subgroup, ringed in that one's colour. Continuous outcomes lift a
// dot to its value once known (endpoint delay after randomisation), binary ones put responders in the
// upper half; survival draws each patient's follow-up from entry, an × at an event, a bar at dropout.
// Dashed lines mark the analyses held, a solid one the month shown. Every position is a number of the
// trace.
import { scaleLinear } from 'd3';
import { svg, type SVGTemplateResult } from 'lit';
import type { EndpointType } from '../../engine/scenario/types.js';
import type { Status, TracedPatient } from '../../engine/trace/trace.js';
import { count, months } from '../format.js';
import { endOfFollowUp, eventBefore, type Moment, visibleAt } from '../trial-steps.js';
import { bottomAxis, chartFrame, PALETTE } from './frame.js';
import { chartWidth, isNarrow, textWidth } from './layout.js';

export type TimelineData = {
  endpoint: EndpointType;
  /** a patient's marker and assay: pos or neg, or with several populations subgroup ids */
  patients: readonly TracedPatient<string>[];
  /** several populations: the subgroups' ids, in the scenario's order (each its colour of the palette) */
  subgroups?: readonly string[];
  /** what is shown: the month, and the last stage begun */
  moment: Moment;
  /** the month the axis runs to: the trial's last analysis */
  end: number;
  /** the analyses held by the moment shown */
  analyses: readonly { month: number; label: string }[];
};

export type TimelineOptions = { id: string; title: string; width?: number };

/** more dots than this are not drawn one by one (the description says how many are) */
export const MOST_DOTS = 4000;
const MARKER_COLOUR = { pos: PALETTE[0], neg: PALETTE[1] } as const;
/** the follow-up lines: the marker colours mixed half with white (solid, as transparency is slow to paint) */
const FOLLOW_UP = { pos: '#80b9d9', neg: '#eaaf80' } as const;
const INK = '#1b1f24';
const MUTED = '#4f5963';
const LANE = { wide: 84, narrow: 80, unrandomised: 36 };
const PAD = 6;
/** the ring of a dot the assay put in another subgroup (several populations) */
const RING = 2;

/** how dots and follow-up lines are coloured: one marker's two statuses, or each subgroup's palette colour */
type Colours = {
  /** the statuses or subgroups, in the order their follow-up lines are drawn */
  ids: readonly string[];
  dot: (id: string) => string;
  followUp: (id: string) => string;
};

const ONE_MARKER_COLOURS: Colours = {
  ids: ['pos', 'neg'],
  dot: (id) => MARKER_COLOUR[id as Status],
  followUp: (id) => FOLLOW_UP[id as Status],
};

function subgroupColours(subgroups: readonly string[]): Colours {
  const dot = (id: string) => PALETTE[subgroups.indexOf(id) % PALETTE.length];
  return { ids: subgroups, dot, followUp: (id) => halfWhite(dot(id)) };
}

/** a colour mixed half with white, as the one-marker follow-up colours are */
function halfWhite(hex: string): string {
  const channel = (i: number) => Math.round((Number.parseInt(hex.slice(i, i + 2), 16) + 255) / 2);
  return `#${[1, 3, 5].map((i) => channel(i).toString(16).padStart(2, '0')).join('')}`;
}

type Lane = { key: 'treatment' | 'control' | 'none'; label: string; top: number; height: number };

/** a fixed point of (0, 1) per patient, so that dots spread within a lane the same way at every step */
function jitter(patient: TracedPatient<string>): number {
  return ((patient.number * 0.6180339887) % 1) * 0.9 + 0.05;
}

export function trialTimeline(data: TimelineData, options: TimelineOptions): SVGTemplateResult {
  const width = chartWidth(options.width);
  const narrow = isNarrow(width);
  const { patients, moment, endpoint } = data;
  const colours = data.subgroups ? subgroupColours(data.subgroups) : ONE_MARKER_COLOURS;
  const ordered = patients.length === 0 || patients[0].month !== null;
  const left = narrow ? 10 : 118;
  const right = width - 14;
  const x = scaleLinear()
    .domain([0, ordered ? Math.max(data.end, 1e-9) : Math.max(1, patients.length)])
    .range([left, right]);
  const at = (patient: TracedPatient<string>) => x(ordered ? (patient.month ?? 0) : patient.number);
  // narrow: each lane's name on a line of its own above it
  const labelRow = narrow ? 18 : 0;
  const bands: Lane[] = [];
  let y = 56;
  const lanes: [Lane['key'], string, number][] = [
    ['treatment', 'Treatment', narrow ? LANE.narrow : LANE.wide],
    ['control', 'Control', narrow ? LANE.narrow : LANE.wide],
  ];
  if (patients.some((p) => !p.randomized)) lanes.push(['none', 'Not randomised', LANE.unrandomised]);
  for (const [key, label, height] of lanes) {
    bands.push({ key, label, top: y + labelRow, height });
    y += labelRow + height + 6;
  }
  const axisY = y + 2;
  const legendY = axisY + 52;
  const key = legend(endpoint, data.subgroups, narrow ? 10 : 56, width - 10);
  const height = legendY + key.rows * LEGEND_ROW + 4;
  const laneOf = (p: TracedPatient<string>) => bands[p.arm === 'treatment' ? 0 : p.arm === 'control' ? 1 : 2];

  const shown = patients.filter((p) => visibleAt(p, moment));
  const drawn = shown.slice(0, MOST_DOTS);
  const radius = (patients.length > 1500 ? 1.6 : patients.length > 600 ? 2.2 : 3.2) * (narrow ? 0.85 : 1);
  const outcomes = patients.filter((p) => p.outcome !== null).map((p) => p.outcome as number);
  const low = outcomes.length > 0 ? Math.min(...outcomes) : 0;
  const high = outcomes.length > 0 ? Math.max(...outcomes) : 1;
  const known = (p: TracedPatient<string>) => p.observed !== null && p.observed <= moment.month;

  const dotY = (p: TracedPatient<string>): number => {
    const lane = laneOf(p);
    const inner = lane.height - 2 * PAD;
    if (!p.randomized || endpoint === 'survival') return lane.top + PAD + jitter(p) * inner;
    if (!known(p)) return lane.top + lane.height / 2;
    if (endpoint === 'binary')
      return lane.top + PAD + (p.outcome === 1 ? 0 : inner / 2 + PAD) + jitter(p) * (inner / 2 - PAD);
    return lane.top + lane.height - PAD - (((p.outcome as number) - low) / (high - low || 1)) * inner;
  };

  // dots of one look — colour, filled or hollow, outlined or not — share one path: a dozen elements for
  // a thousand patients, so that a step is quick to lay out and paint
  const looks = new Map<string, { fill: string; stroke: string; width: number; d: string[] }>();
  for (const p of drawn) {
    const cx = at(p);
    const cy = dotY(p);
    const colour = colours.dot(p.marker);
    const hollow = p.randomized && endpoint !== 'survival' && !known(p);
    const wrong = p.marker !== p.assay;
    const key = `${p.marker} ${p.assay} ${hollow}`;
    let look = looks.get(key);
    if (!look) {
      // several populations: the ring says which subgroup the assay put the patient in
      const stroke = !wrong ? colour : data.subgroups ? colours.dot(p.assay) : INK;
      const width = !wrong ? 1 : data.subgroups ? RING : 1.3;
      look = { fill: hollow ? '#ffffff' : colour, stroke, width, d: [] };
      looks.set(key, look);
    }
    const r = radius;
    look.d.push(
      p.assay === 'pos' || data.subgroups !== undefined
        ? `M${cx - r},${cy}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`
        : `M${cx - r * 0.9},${cy - r * 0.9}h${1.8 * r}v${1.8 * r}h${-1.8 * r}z`,
    );
  }
  const dots = [...looks.values()].map(
    (look) => svg`<path d=${look.d.join('')} fill=${look.fill} stroke=${look.stroke}
      stroke-width=${look.width}></path>`,
  );

  // survival: each patient's follow-up from entry, an × at an event, a bar at dropout
  const lines = new Map(colours.ids.map((id) => [id, [] as string[]]));
  const events: string[] = [];
  const dropouts: string[] = [];
  if (endpoint === 'survival')
    for (const p of drawn) {
      if (!p.randomized || p.event === undefined) continue;
      const cy = dotY(p);
      const ended = endOfFollowUp(p, moment.month);
      const until = Math.min(moment.month, ended ?? Infinity, p.followUp?.month ?? Infinity);
      lines.get(p.marker)?.push(`M${at(p)},${cy}H${x(until)}`);
      if (ended === null) continue;
      const ex = x(ended);
      if (eventBefore(p, moment.month)) events.push(`M${ex - 3},${cy - 3}l6,6m0,-6l-6,6`);
      else dropouts.push(`M${ex},${cy - 4}v8`);
    }
  const followUps = svg`${[...lines].map(
    ([id, d]) => svg`<path d=${d.join('')} stroke=${colours.followUp(id)} fill="none"></path>`,
  )}
    <path d=${events.join('')} stroke=${INK} stroke-width="1.4" fill="none"></path>
    <path d=${dropouts.join('')} stroke=${INK} stroke-width="1.4" fill="none"></path>`;

  const plotTop = bands[0].top - labelRow - 4;
  const plotBottom = axisY;
  const rule = (month: number, label: string, dashed: boolean, row: number) => {
    const rx = x(month);
    const anchor = rx > right - 60 ? 'end' : rx < left + 60 ? 'start' : 'middle';
    return svg`<line x1=${rx} x2=${rx} y1=${plotTop} y2=${plotBottom} stroke=${dashed ? INK : '#005a8f'}
        stroke-width=${dashed ? 1.2 : 2} stroke-dasharray=${dashed ? '5 3' : 'none'}></line>
      <text x=${rx} y=${34 + row * 14} text-anchor=${anchor} font-size="12"
        fill=${dashed ? INK : '#005a8f'}>${label}</text>`;
  };

  const laneDecor = (lane: Lane) => {
    const name = narrow
      ? svg`<text x=${left} y=${lane.top - 5} font-size="12" font-weight="600" fill=${INK}>${lane.label}</text>`
      : svg`<text x=${left - 8} y=${lane.top + 16} text-anchor="end" font-size="12" font-weight="600"
          fill=${INK}>${lane.label}</text>`;
    const band = svg`<rect x=${left} y=${lane.top} width=${right - left} height=${lane.height} fill="#f6f8fa"
      stroke="#e3e6ea"></rect>`;
    if (lane.key === 'none' || endpoint === 'survival') return svg`${band}${name}`;
    const middle = lane.top + lane.height / 2;
    const words =
      endpoint === 'binary' ? ['responded', 'did not'] : [`higher ${trimmed(high)}`, `lower ${trimmed(low)}`];
    const hint = narrow
      ? svg``
      : svg`<text x=${left - 8} y=${lane.top + 34} text-anchor="end" font-size="11" fill=${MUTED}>↑ ${words[0]}</text>
        <text x=${left - 8} y=${lane.top + lane.height - 6} text-anchor="end" font-size="11"
          fill=${MUTED}>↓ ${words[1]}</text>`;
    return svg`${band}<line x1=${left} x2=${right} y1=${middle} y2=${middle} stroke="#c9ced4"
      stroke-dasharray="2 3"></line>${name}${hint}`;
  };

  return chartFrame(
    { id: options.id, title: options.title, description: describe(data, shown, drawn.length), width, height },
    svg`${bands.map(laneDecor)}
      ${data.analyses.map((a, i) => rule(a.month, a.label, true, i % 2))}
      ${ordered ? rule(moment.month, `month ${months(moment.month)}`, false, data.analyses.length % 2) : svg``}
      ${endpoint === 'survival' ? followUps : svg``}
      <g>${dots}</g>
      ${bottomAxis(x, axisY, ordered ? 'calendar month' : 'patients, in the order placed (fixed strata)', (v) =>
        String(v),
      )}
      <g transform="translate(0,${legendY})">${key.body}</g>`,
  );
}

/** a lane's end of the outcome scale, as the margin labels it */
function trimmed(value: number): string {
  return value.toFixed(1).replace('-', '−');
}

const LEGEND_ROW = 20;

/** the legend's entries from `left`, wrapped before `right`: its rows and its markup */
function legend(
  endpoint: EndpointType,
  subgroups: readonly string[] | undefined,
  left: number,
  right: number,
): { rows: number; body: SVGTemplateResult } {
  const circle = (fill: string, stroke = fill, width = 1.3) =>
    svg`<circle cx="5" cy="0" r="4" fill=${fill} stroke=${stroke} stroke-width=${width}></circle>`;
  const entries: [SVGTemplateResult, string][] = subgroups
    ? [
        ...subgroups.map((id): [SVGTemplateResult, string] => [circle(subgroupColours(subgroups).dot(id)), id]),
        [circle('#8a939c', INK, RING), 'ring: the subgroup the assay says'],
      ]
    : [
        [circle(MARKER_COLOUR.pos), 'marker+'],
        [circle(MARKER_COLOUR.neg), 'marker−'],
        [circle('#8a939c'), 'assay+'],
        [svg`<rect x="1" y="-4" width="8" height="8" fill="#8a939c"></rect>`, 'assay−'],
        [circle('#ffffff', INK), 'assay wrong'],
      ];
  if (endpoint === 'survival') {
    entries.push([svg`<path d="M2,-3l6,6m0,-6l-6,6" stroke=${INK} stroke-width="1.4"></path>`, 'event']);
    entries.push([svg`<line x1="5" x2="5" y1="-4" y2="4" stroke=${INK} stroke-width="1.4"></line>`, 'dropout']);
  } else entries.push([circle('#ffffff', '#8a939c'), 'outcome not yet known']);
  let x = left;
  let row = 0;
  const placed = entries.map(([swatch, label]) => {
    const room = 14 + textWidth(label) + 14;
    if (x > left && x + room > right) {
      x = left;
      row++;
    }
    const at = svg`<g transform="translate(${x},${row * LEGEND_ROW + 6})">${swatch}<text x="14"
      dy="0.35em">${label}</text></g>`;
    x += room;
    return at;
  });
  return { rows: row + 1, body: svg`<g font-size="12" fill=${INK}>${placed}</g>` };
}

/** what the dots show, for a reader who cannot see them */
function describe(data: TimelineData, shown: readonly TracedPatient<string>[], drawn: number): string {
  const randomized = shown.filter((p) => p.randomized);
  const treated = randomized.filter((p) => p.arm === 'treatment').length;
  const wrong = shown.filter((p) => p.marker !== p.assay).length;
  const parts = [
    `At month ${months(data.moment.month)}: ${count(shown.length)} patients screened, ${count(randomized.length)} ` +
      `randomised (${count(treated)} to treatment, ${count(randomized.length - treated)} to control), ` +
      `${count(wrong)} with an assay result that differs from their true ` +
      `${data.subgroups ? 'subgroup' : 'marker status'}.`,
  ];
  if (data.endpoint === 'survival') {
    const events = randomized.filter((p) => eventBefore(p, data.moment.month) && endOfFollowUp(p, data.moment.month));
    parts.push(`${count(events.length)} events so far.`);
  } else {
    const known = randomized.filter((p) => p.observed !== null && p.observed <= data.moment.month).length;
    parts.push(`Outcomes known for ${count(known)}.`);
  }
  if (drawn < shown.length) parts.push(`The first ${count(drawn)} are drawn.`);
  if (data.analyses.length > 0) parts.push(`Analyses held: ${data.analyses.map((a) => a.label).join(', ')}.`);
  return parts.join(' ');
}
