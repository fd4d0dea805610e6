// The closed test of H_S and H_F (Marcus, Peritz & Gabriel 1976; docs/methods.md, "Closed testing
// of H_S and H_F"): the intersection H_S∩H_F above the two hypotheses it contains, each node filled
// when its own test rejects at α, and under H_S and H_F what the closed test concludes: a hypothesis
// is rejected only when it and every intersection containing it are.
import { svg, type SVGTemplateResult } from 'lit';
import { DIAGRAM_WIDTH, type DiagramOptions } from './design-diagram.js';
import { chartFrame, PALETTE } from './frame.js';

/** which of the three hypotheses their own tests reject at level α */
export type LocalRejections = { intersection: boolean; S: boolean; F: boolean };

const HEIGHT = 256;
const NODE_W = 130;
const NODE_H = 34;
const LIT = PALETTE[0];
const INK = '#1b1f24';
const MUTED = '#4f5963';
/** the lit blue darkened for text on white (7:1) */
const LIT_TEXT = '#005a8f';

/** what the closed test rejects: H_S with H_S∩H_F, H_F with H_S∩H_F */
export function closedTestRejects(state: LocalRejections): { S: boolean; F: boolean } {
  return { S: state.intersection && state.S, F: state.intersection && state.F };
}

export function closedTestDiagram(state: LocalRejections, options: DiagramOptions): SVGTemplateResult {
  const width = options.width ?? DIAGRAM_WIDTH;
  const closed = closedTestRejects(state);
  const top = { x: width / 2, y: 40, name: 'H_S∩H_F', lit: state.intersection };
  const bottom = [
    { x: width / 4 + 4, y: 112, name: 'H_S', lit: state.S, rejected: closed.S },
    { x: (3 * width) / 4 - 4, y: 112, name: 'H_F', lit: state.F, rejected: closed.F },
  ];
  const node = (n: { x: number; y: number; name: string; lit: boolean }) =>
    svg`<g transform="translate(${n.x - NODE_W / 2},${n.y})">
      <rect width=${NODE_W} height=${NODE_H} rx=${NODE_H / 2} fill=${n.lit ? LIT : '#ffffff'} stroke=${LIT}
        stroke-width="2"></rect>
      <text x=${NODE_W / 2} y=${NODE_H / 2} dy="0.35em" text-anchor="middle" font-size="14" font-weight="600"
        fill=${n.lit ? '#ffffff' : INK}>${n.name}</text>
    </g>`;
  const legendY = 190;
  return chartFrame(
    { id: options.id, title: 'Closed test of H_S and H_F', description: describe(state), width, height: HEIGHT },
    svg`${bottom.map(
      (n) =>
        svg`<line x1=${top.x} y1=${top.y + NODE_H} x2=${n.x} y2=${n.y} stroke="#5b6570" stroke-width="1.5"></line>`,
    )}
      ${node(top)}
      ${bottom.map(
        (n) => svg`${node(n)}<text x=${n.x} y=${n.y + NODE_H + 18} text-anchor="middle" font-size="12"
          font-weight=${n.rejected ? 600 : 400} fill=${n.rejected ? LIT_TEXT : MUTED}>${
            n.rejected ? 'rejected' : 'not rejected'
          }</text>`,
      )}
      <g transform="translate(12,${legendY})" font-size="12" fill=${INK}>
        <rect width="22" height="14" rx="7" fill=${LIT} stroke=${LIT} stroke-width="2"></rect>
        <text x="30" y="7" dy="0.35em">its own test rejects at α</text>
        <rect y="20" width="22" height="14" rx="7" fill="#ffffff" stroke=${LIT} stroke-width="2"></rect>
        <text x="30" y="27" dy="0.35em">its own test does not reject</text>
        <text y="50" dy="0.35em">H_S or H_F is rejected only with H_S∩H_F.</text>
      </g>`,
  );
}

/** the accessible description: what each test rejects and what the closed test concludes */
function describe(state: LocalRejections): string {
  const names = [
    ['H_S∩H_F', state.intersection],
    ['H_S', state.S],
    ['H_F', state.F],
  ] as const;
  const list = (lit: boolean) =>
    names
      .filter(([, rejected]) => rejected === lit)
      .map(([name]) => name)
      .join(', ') || 'none';
  const closed = closedTestRejects(state);
  const concluded = [closed.S ? 'H_S' : '', closed.F ? 'H_F' : ''].filter(Boolean).join(' and ');
  return (
    `H_S∩H_F above H_S and H_F. Rejected by their own tests at α: ${list(true)}; not rejected: ${list(false)}. ` +
    `The closed test rejects ${concluded || 'nothing'}.`
  );
}
