// Lit templates as text: the charts render in Node as they do in the page, with every value
// escaped; a live page's bindings are left out.
import { svg, nothing, html } from 'lit';
import { describe, expect, it } from 'vitest';
import { flowChart } from '../../src/app/charts/flow-chart.js';
import { templateText } from '../../src/report/template-text.js';

describe('templateText', () => {
  it('escapes text and attribute values, nests templates and lists', () => {
    const label = '<img src=x onerror="alert(1)">&';
    const inner = (i: number) => svg`<text x=${i}>${label}</text>`;
    expect(templateText(svg`<g id="a-${'"b"'}" fill=${'#fff'}>${[1, 2].map(inner)}${nothing}${null}</g>`)).toBe(
      '<g id="a-&quot;b&quot;" fill="#fff"><text x="1">&lt;img src=x onerror="alert(1)"&gt;&amp;</text>' +
        '<text x="2">&lt;img src=x onerror="alert(1)"&gt;&amp;</text></g>',
    );
  });

  it('leaves out event and property bindings and `nothing` attributes; ?attributes when true', () => {
    const text = templateText(
      html`<rect @click=${() => 1} .value=${3} hidden=${nothing} ?open=${true} ?closed=${false} width=${4}></rect>`,
    );
    expect(text).toBe('<rect open="" width="4"></rect>');
  });

  it("renders the app's flow chart as SVG text, a label with markup as text", () => {
    const flow = {
      screened: 1000,
      classified: [
        { label: 'assay+', count: 300, randomized: true, turnedAway: false },
        { label: 'assay−', count: 700, randomized: false, turnedAway: true },
      ],
      randomized: 300,
      notRandomized: 700,
      treatment: 150,
      control: 150,
      analysed: 300,
      analysedUnit: 'patients' as const,
    };
    const text = templateText(flowChart(flow, { id: 'flow-1', title: '<script>alert(1)</script>', description: 'd' }));
    // the chart's markup breaks lines between attributes; as markup that is one space
    expect(
      text
        .replace(/\s+/g, ' ')
        .startsWith(
          '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 560 260" width="560" height="260" role="img" ' +
            'aria-labelledby="flow-1-title flow-1-desc"',
        ),
    ).toBe(true);
    expect(text).toContain('<title id="flow-1-title">&lt;script&gt;alert(1)&lt;/script&gt;</title>');
    expect(text).toContain('marker-end="url(#flow-1-arrow)"');
    expect(text).not.toMatch(/<script/);
    expect(text).toContain('>1,000</text>');
  });
});
