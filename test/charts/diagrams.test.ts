// The "How to read this" diagrams as output: each design type's diagram and the closed test in
// each state a trial can reach, compared with stored snapshots, and the properties a reader
// relies on checked directly (text size at the given width, what the description says).
import { describe, expect, it } from 'vitest';
import { DESIGN_TYPES } from '../../src/engine/scenario/design-meta.js';
import { closedTestDiagram, closedTestRejects } from '../../src/app/charts/closed-test-diagram.js';
import { designDiagram } from '../../src/app/charts/design-diagram.js';
import { templateText } from '../../src/report/template-text.js';
import { expectSvgSnapshot } from '../support/svg-snapshot.js';

/** the smallest font-size in the markup: the frame's default and every explicit one */
function smallestFont(svgText: string): number {
  return Math.min(...[...svgText.matchAll(/font-size="([\d.]+)"/g)].map((match) => Number(match[1])));
}

const viewBoxWidth = (svgText: string) => Number(/viewBox="0 0 ([\d.]+) /.exec(svgText)?.[1]);

describe('designDiagram', () => {
  for (const type of DESIGN_TYPES) {
    it(`${type}: matches its snapshot`, () => {
      expectSvgSnapshot(`design-diagram-${type}`, templateText(designDiagram(type, { id: `d-${type}` })));
    });
  }

  it('is as wide as asked, with no text under 11 px at that width', () => {
    for (const width of [320, 360, 480]) {
      for (const type of DESIGN_TYPES) {
        const text = templateText(designDiagram(type, { id: 'd', width }));
        expect(viewBoxWidth(text)).toBe(width);
        expect(text).toContain(`width="${width}"`);
        expect(smallestFont(text)).toBeGreaterThanOrEqual(11);
      }
    }
  });

  it('says who is randomised and what is tested', () => {
    const enriched = templateText(designDiagram('enriched', { id: 'e' }));
    expect(enriched).toContain('role="img"');
    expect(enriched).toMatch(/<desc id="e-desc">[^<]*Screen until n assay-positive patients are randomised/);
    expect(enriched).toContain('not randomised');
    expect(enriched).toContain('Test H_S');
    const adaptive = templateText(designDiagram('adaptive-enrichment', { id: 'a' }));
    for (const branch of ['S only', 'F only', 'S and F']) expect(adaptive).toContain(branch);
  });
});

describe('closedTestDiagram', () => {
  const states = {
    nothing: { intersection: false, S: false, F: false },
    intersection: { intersection: true, S: false, F: false },
    'intersection-s': { intersection: true, S: true, F: false },
    all: { intersection: true, S: true, F: true },
    's-alone': { intersection: false, S: true, F: false },
  };

  for (const [name, state] of Object.entries(states)) {
    it(`${name}: matches its snapshot`, () => {
      expectSvgSnapshot(`closed-test-${name}`, templateText(closedTestDiagram(state, { id: 'c' })));
    });
  }

  it('rejects H_S or H_F only with the intersection', () => {
    expect(closedTestRejects(states['s-alone'])).toEqual({ S: false, F: false });
    expect(closedTestRejects(states.intersection)).toEqual({ S: false, F: false });
    expect(closedTestRejects(states['intersection-s'])).toEqual({ S: true, F: false });
    expect(closedTestRejects(states.all)).toEqual({ S: true, F: true });
  });

  it('describes what is rejected, with no text under 11 px', () => {
    const text = templateText(closedTestDiagram(states['intersection-s'], { id: 'c' }));
    expect(text).toContain('Rejected by their own tests at α: H_S∩H_F, H_S; not rejected: H_F.');
    expect(text).toContain('The closed test rejects H_S.');
    expect(templateText(closedTestDiagram(states['s-alone'], { id: 'c' }))).toContain(
      'The closed test rejects nothing.',
    );
    expect(smallestFont(text)).toBeGreaterThanOrEqual(11);
    // lit nodes are filled, the others outlined: two filled node shapes here, one in the legend
    expect(text.match(/<rect width="130"[^>]*fill="#0072B2"/g)).toHaveLength(2);
  });
});
