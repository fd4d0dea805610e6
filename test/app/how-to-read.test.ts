// @vitest-environment happy-dom
// The "How to read this" panel mounted alone, from its properties: every term the results link to
// has its anchor, every design type its diagram (this scenario's first), and the closed-test example
// lights the nodes a trial's tests reject and says what the trial may claim.
import { afterEach, describe, expect, it } from 'vitest';
import { CLOSED_TEST_EXAMPLES, type HowToRead } from '../../src/app/components/how-to-read.js';
import { TERM_KEYS, TERMS, termHref } from '../../src/app/glossary.js';
import { DESIGN_TYPES } from '../../src/engine/scenario/design-meta.js';
import type { DesignType } from '../../src/engine/scenario/types.js';

const LIT = '#0072B2';
/** what the closed test rejects in each example: H_S or H_F only together with H_S∩H_F */
const CONCLUDED = {
  nothing: 'nothing',
  intersection: 'nothing',
  'intersection-S': 'H_S',
  all: 'H_S and H_F',
  'S-alone': 'nothing',
};

async function mount(designTypes: DesignType[] = []): Promise<HowToRead> {
  const element = document.createElement('how-to-read');
  element.designTypes = designTypes;
  document.body.append(element);
  await element.updateComplete;
  return element;
}

afterEach(() => {
  document.body.replaceChildren();
});

/** the closed-test diagram's three nodes: name → filled */
function litNodes(element: HowToRead): Record<string, boolean> {
  const nodes = [...element.querySelectorAll('.how-closed-figure svg g')].filter((g) =>
    g.querySelector(':scope > rect'),
  );
  return Object.fromEntries(
    nodes
      .map((g) => [g.querySelector('text')?.textContent ?? '', g.querySelector('rect')?.getAttribute('fill') === LIT])
      .filter(([name]) => String(name).startsWith('H_')),
  );
}

describe('<how-to-read>', () => {
  it('has an anchor for every term of the glossary, in its light DOM', async () => {
    const element = await mount();
    expect(element.shadowRoot).toBeNull();
    for (const key of TERM_KEYS) {
      const target = element.querySelector(`[id="${TERMS[key].id}"]`);
      expect(target, `${key}: #${TERMS[key].id}`).not.toBeNull();
      expect(termHref(key)).toBe(`#${TERMS[key].id}`);
    }
    const ids = [...element.querySelectorAll('[id]')].map((node) => node.id);
    expect(new Set(ids).size, 'ids are unique').toBe(ids.length);
  });

  it('covers the terms the results table links', () => {
    const needed = ['S', 'R', 'F', 'H_S', 'H_F', 'rejectAny', 'rejectBoth', 'continue', 'earlyEfficacy'];
    needed.push('earlyFutility', 'mcError', 'closedForm', 'typeOneError', 'screened', 'randomized', 'events');
    needed.push('months', 'cost', 'boundaries', 'criticalZ', 'nominalP', 'alphaSpent');
    expect(TERM_KEYS).toEqual(expect.arrayContaining(needed));
  });

  it('draws every design type, the scenario’s first', async () => {
    const element = await mount(['stratified', 'enriched']);
    const figures = [...element.querySelectorAll('figure.how-design')];
    expect(figures.map((figure) => figure.getAttribute('data-type'))).toEqual([
      'enriched',
      'stratified',
      ...DESIGN_TYPES.filter((type) => type !== 'enriched' && type !== 'stratified'),
    ]);
    for (const figure of figures) {
      const svg = figure.querySelector('svg');
      expect(svg?.getAttribute('role')).toBe('img');
      const labelled = svg?.getAttribute('aria-labelledby')?.split(' ') ?? [];
      expect(labelled).toHaveLength(2);
      for (const id of labelled) expect(element.querySelector(`[id="${id}"]`)?.textContent).toBeTruthy();
      expect(figure.querySelectorAll('svg rect').length).toBeGreaterThan(4);
    }
    expect(figures[0].querySelector('.how-here')?.textContent).toBe('in this scenario');
    expect(figures[2].querySelector('.how-here')).toBeNull();
  });

  it('lights the closed-test nodes each choice rejects and says what is concluded', async () => {
    const element = await mount();
    const radios = [...element.querySelectorAll<HTMLInputElement>('input[type="radio"][name="how-closed-example"]')];
    expect(radios.map((radio) => radio.value)).toEqual(CLOSED_TEST_EXAMPLES.map((example) => example.key));
    for (const example of CLOSED_TEST_EXAMPLES) {
      const radio = radios.find((r) => r.value === example.key)!;
      radio.checked = true;
      radio.dispatchEvent(new Event('change', { bubbles: true }));
      await element.updateComplete;
      expect(litNodes(element), example.key).toEqual({
        'H_S∩H_F': example.state.intersection,
        H_S: example.state.S,
        H_F: example.state.F,
      });
      expect(element.querySelector('.how-conclusion')?.textContent?.trim()).toBe(example.conclusion);
      const desc = element.querySelector('.how-closed-figure desc')?.textContent ?? '';
      expect(desc).toContain(`The closed test rejects ${CONCLUDED[example.key]}.`);
    }
    const alone = CLOSED_TEST_EXAMPLES.find((example) => example.key === 'S-alone')!;
    expect(alone.conclusion).toContain('claims nothing');
  });

  it('has its headings in order and radio buttons with labels', async () => {
    const element = await mount();
    const levels = [...element.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => Number(h.tagName[1]));
    expect(levels[0]).toBe(2);
    for (let i = 1; i < levels.length; i++) expect(levels[i] - levels[i - 1]).toBeLessThanOrEqual(1);
    for (const radio of element.querySelectorAll('input[type="radio"]')) expect(radio.closest('label')).not.toBeNull();
    expect(element.querySelector('fieldset legend')?.textContent).toBeTruthy();
  });

  it('draws its diagrams at the width it is given', async () => {
    const element = await mount();
    element.diagramWidth = 320;
    await element.updateComplete;
    const widths = [...element.querySelectorAll('svg')].map((svg) => svg.getAttribute('viewBox')?.split(' ')[2]);
    expect(widths).toEqual(Array(DESIGN_TYPES.length + 1).fill('320'));
  });

  it('opens when a link to one of its terms is followed', async () => {
    const element = await mount();
    expect(element.querySelector('details')?.open).toBe(false);
    const link = document.createElement('a');
    link.href = termHref('mcError');
    link.textContent = 'MC error';
    document.body.append(link);
    link.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    await element.updateComplete;
    expect(element.open).toBe(true);
    expect(element.querySelector('details')?.open).toBe(true);
  });
});
