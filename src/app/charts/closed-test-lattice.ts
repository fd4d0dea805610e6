// The closed test of several populations' hypotheses and F's (Marcus, Peritz & Gabriel 1976): the
// 2^G − 1 intersections in rows by how many hypotheses they hold, the largest on top, each joined to
// the intersections one smaller inside it; a node filled when its own test rejects at α, dashed while
// the trial has not reached it; under the elementary hypotheses, once told, what the closed test
// concludes: a hypothesis is rejected only when every intersection holding it is. The one-marker
// diagram of H_S∩H_F is closed-test-diagram.ts.
import { svg, type SVGTemplateResult } from 'lit';
import { DIAGRAM_WIDTH, type DiagramOptions } from './design-diagram.js';
import { chartFrame, PALETTE } from './frame.js';
import { fitText } from './layout.js';

export type LatticeNode = {
  /** the populations' ids it holds, joined by ∩ ("S1∩S2∩F"), and those ids */
  name: string;
  ids: readonly string[];
  /** its own test rejects at α; null: not yet reached */
  lit: boolean | null;
};

export type LatticeState = {
  /** every intersection, largest first (as the trace lists them) */
  nodes: readonly LatticeNode[];
  /** the closed test's verdict on each hypothesis, by id, once told; else null */
  rejected: Record<string, boolean> | null;
};

const ROW = 62;
const TOP = 36;
const NODE_H = 28;
const MOST_NODE_W = 130;
const GAP = 8;
const LIT = PALETTE[0];
const INK = '#1b1f24';
const MUTED = '#4f5963';
const LATER = '#8a939c';
/** the lit blue darkened for text on white (7:1) */
const LIT_TEXT = '#005a8f';

export function closedTestLattice(state: LatticeState, options: DiagramOptions): SVGTemplateResult {
  const width = options.width ?? DIAGRAM_WIDTH;
  const sizes = [...new Set(state.nodes.map((node) => node.ids.length))].sort((a, b) => b - a);
  const rows = sizes.map((size) => state.nodes.filter((node) => node.ids.length === size));
  const place = new Map<string, { x: number; y: number; w: number }>();
  rows.forEach((row, r) => {
    const w = Math.min(MOST_NODE_W, (width - 16) / row.length - GAP);
    row.forEach((node, i) => {
      place.set(node.name, { x: ((i + 0.5) * width) / row.length, y: TOP + r * ROW, w });
    });
  });
  const edges = rows.slice(0, -1).flatMap((row, r) =>
    row.flatMap((upper) =>
      rows[r + 1]
        .filter((lower) => lower.ids.every((id) => upper.ids.includes(id)))
        .map((lower) => {
          const a = place.get(upper.name) as { x: number; y: number };
          const b = place.get(lower.name) as { x: number; y: number };
          return svg`<line x1=${a.x} y1=${a.y + NODE_H} x2=${b.x} y2=${b.y} stroke="#c0c6cc"
            stroke-width="1"></line>`;
        }),
    ),
  );
  const node = (n: LatticeNode) => {
    const { x, y, w } = place.get(n.name) as { x: number; y: number; w: number };
    const colour = n.lit === null ? LATER : LIT;
    return svg`<g transform="translate(${x - w / 2},${y})">
      <rect width=${w} height=${NODE_H} rx=${NODE_H / 2} fill=${n.lit ? LIT : '#ffffff'} stroke=${colour}
        stroke-width="2" stroke-dasharray=${n.lit === null ? '4 3' : 'none'}></rect>
      <text x=${w / 2} y=${NODE_H / 2} dy="0.35em" text-anchor="middle" font-size="12" font-weight="600"
        fill=${n.lit ? '#ffffff' : n.lit === null ? MUTED : INK}>${fitText(n.name, w - 8)}</text>
    </g>`;
  };
  const bottom = rows[rows.length - 1];
  const verdicts = state.rejected
    ? bottom.map((n) => {
        const { x, y } = place.get(n.name) as { x: number; y: number };
        const rejected = state.rejected?.[n.ids[0]] === true;
        return svg`<text x=${x} y=${y + NODE_H + 16} text-anchor="middle" font-size="11"
          font-weight=${rejected ? 600 : 400} fill=${rejected ? LIT_TEXT : MUTED}>${
            rejected ? 'rejected' : 'not rejected'
          }</text>`;
      })
    : [];
  const legendY = TOP + (rows.length - 1) * ROW + NODE_H + 34;
  const height = legendY + 76;
  const ids = bottom.map((n) => `H_${n.ids[0]}`);
  return chartFrame(
    { id: options.id, title: `Closed test of ${ids.join(', ')}`, description: describe(state), width, height },
    svg`${edges}${state.nodes.map(node)}${verdicts}
      <g transform="translate(12,${legendY})" font-size="12" fill=${INK}>
        <rect width="22" height="14" rx="7" fill=${LIT} stroke=${LIT} stroke-width="2"></rect>
        <text x="30" y="7" dy="0.35em">its own test rejects at α</text>
        <rect y="20" width="22" height="14" rx="7" fill="#ffffff" stroke=${LIT} stroke-width="2"></rect>
        <text x="30" y="27" dy="0.35em">its own test does not reject</text>
        <rect y="40" width="22" height="14" rx="7" fill="#ffffff" stroke=${LATER} stroke-width="2"
          stroke-dasharray="4 3"></rect>
        <text x="30" y="47" dy="0.35em">still to come</text>
        <text y="68" dy="0.35em">Rejected: a hypothesis whose every intersection is.</text>
      </g>`,
  );
}

/** the accessible description: what each test rejects, what is still to come, and the conclusion */
function describe(state: LatticeState): string {
  const list = (lit: boolean | null) =>
    state.nodes
      .filter((n) => n.lit === lit)
      .map((n) => n.name)
      .join(', ') || 'none';
  const parts = [
    `${state.nodes.length} intersections, the largest on top. Rejected by their own tests at α: ${list(true)}; ` +
      `not rejected: ${list(false)}.`,
  ];
  if (state.nodes.some((n) => n.lit === null)) parts.push(`Still to come: ${list(null)}.`);
  if (state.rejected) {
    const rejected = Object.keys(state.rejected).filter((id) => state.rejected?.[id]);
    parts.push(`The closed test rejects ${rejected.map((id) => `H_${id}`).join(' and ') || 'nothing'}.`);
  }
  return parts.join(' ');
}
