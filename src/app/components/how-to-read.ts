// "How to read this": S, R and F and the hypotheses; who each design screens, randomises and
// tests; what closed testing does, with an example to press through; and every term of the
// results, each at the anchor glossary.ts gives it. Everything comes in by property (no store),
// so the panel mounts alone; it renders in the light DOM for the page's stylesheet and the links.
import { html, LitElement, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { DESIGN_META, DESIGN_TYPES, typesWithField } from '../../engine/scenario/design-meta.js';
import type { DesignType } from '../../engine/scenario/types.js';
import { closedTestDiagram, type LocalRejections } from '../charts/closed-test-diagram.js';
import { DIAGRAM_WIDTH, designDiagram } from '../charts/design-diagram.js';
import { TERMS, type TermKey } from '../glossary.js';

export type ClosedTestExample = 'nothing' | 'intersection' | 'intersection-S' | 'all' | 'S-alone';

/** what a trial's tests reject at α, and what the closed test lets it claim (docs/methods.md) */
export const CLOSED_TEST_EXAMPLES: readonly {
  key: ClosedTestExample;
  label: string;
  state: LocalRejections;
  conclusion: string;
}[] = [
  {
    key: 'nothing',
    label: 'nothing',
    state: { intersection: false, S: false, F: false },
    conclusion:
      'Nothing is rejected: the trial claims no benefit. That is no evidence of no effect; the trial may ' +
      'have been too small to show it.',
  },
  {
    key: 'intersection',
    label: 'H_S∩H_F only',
    state: { intersection: true, S: false, F: false },
    conclusion:
      'Only H_S∩H_F is rejected: the data speak against “no benefit in S and none in F”, but neither H_S ' +
      'nor H_F is rejected, so the trial claims benefit in neither population, and counts in no row of the ' +
      'table, not even P(reject any). With one analysis it cannot happen here (each intersection test ' +
      'rejects only when one of H_S, H_F is rejected too); an adaptive design, combining two stages, can ' +
      'end so.',
  },
  {
    key: 'intersection-S',
    label: 'H_S∩H_F and H_S',
    state: { intersection: true, S: true, F: false },
    conclusion:
      'H_S∩H_F and H_S are rejected: the trial claims benefit in S, the assay-positive patients, and makes ' +
      'no claim about everyone. It counts in P(reject H_S) and P(reject any).',
  },
  {
    key: 'all',
    label: 'all three',
    state: { intersection: true, S: true, F: true },
    conclusion:
      'All three are rejected: the trial claims benefit in S and in F, on average over everyone (not ' +
      'necessarily in R). It counts in P(reject H_S), P(reject H_F), P(reject any) and P(reject both).',
  },
  {
    key: 'S-alone',
    label: 'H_S but not H_S∩H_F',
    state: { intersection: false, S: true, F: false },
    conclusion:
      'H_S’s own test rejects at α, but H_S∩H_F is not rejected: the closed test rejects nothing, and the ' +
      'trial claims nothing. With Bonferroni this happens when α/2 < p_S ≤ α and p_F > α.',
  },
];

/** the results' terms, in the order the table shows them */
const RESULT_TERMS: TermKey[] = [
  'rejectAny',
  'rejectBoth',
  'continue',
  'earlyEfficacy',
  'earlyFutility',
  'mcError',
  'closedForm',
  'typeOneError',
  'screened',
  'randomized',
  'events',
  'analyses',
  'months',
  'cost',
];

@customElement('how-to-read')
export class HowToRead extends LitElement {
  /** the design types of the current scenario: their diagrams come first */
  @property({ attribute: false }) designTypes: readonly DesignType[] = [];
  /** whether the explanations are shown; a link to one of its terms opens them */
  @property({ type: Boolean, reflect: true }) open = false;
  /** the diagrams' width in CSS pixels (their text is 11 to 14 px at it) */
  @property({ attribute: false }) diagramWidth = DIAGRAM_WIDTH;
  @state() private example: ClosedTestExample = 'intersection-S';

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('click', this.onLinkClick);
    window.addEventListener('hashchange', this.onHashChange);
    void this.reveal(location.hash, true);
  }

  override disconnectedCallback(): void {
    document.removeEventListener('click', this.onLinkClick);
    window.removeEventListener('hashchange', this.onHashChange);
    super.disconnectedCallback();
  }

  /** opens the panel before the browser follows a link to one of its terms, so the target is there to scroll to */
  private readonly onLinkClick = (event: MouseEvent) => {
    const link = (event.target as Element | null)?.closest?.('a[href^="#"]');
    if (link) void this.reveal(link.getAttribute('href') ?? '', false);
  };

  private readonly onHashChange = () => void this.reveal(location.hash, true);

  private async reveal(hash: string, scroll: boolean): Promise<void> {
    const id = decodeURIComponent(hash.slice(1));
    if (!id.startsWith('how-')) return;
    this.open = true;
    this.querySelector('details')?.setAttribute('open', '');
    await this.updateComplete;
    if (scroll) document.getElementById(id)?.scrollIntoView();
  }

  protected override render(): TemplateResult {
    return html`<section class="how-to-read" aria-labelledby="how-to-read-title">
      <h2 id="how-to-read-title">How to read this</h2>
      <details ?open=${this.open} @toggle=${(event: Event) => {
        this.open = (event.currentTarget as HTMLDetailsElement).open;
      }}>
        <summary>Populations, hypotheses, the designs, closed testing and every number of the results</summary>
        <h3 id="how-populations">Who is in S, R and F</h3>
        <p>
          Each screened patient has a true marker status and an assay result. The populations go by the assay,
          since that is all a trial sees.
        </p>
        <dl class="how-terms">${(['S', 'R', 'F'] as const).map(term)}</dl>
        <h3 id="how-hypotheses">The hypotheses</h3>
        <p>Every test is one-sided, at the scenario’s level α.</p>
        <dl class="how-terms">${(['H_S', 'H_F', 'intersection'] as const).map(term)}</dl>
        <h3 id="how-designs">Who is screened, randomised and tested</h3>
        <div class="how-designs">${this.orderedTypes().map((type) => this.design(type))}</div>
        ${this.closedTest()}
        <h3 id="how-results">The results</h3>
        <dl class="how-terms">${RESULT_TERMS.map(term)}</dl>
        <h3 id=${TERMS.boundaries.id}>Boundaries of designs that can stop early</h3>
        <p>${TERMS.boundaries.text}</p>
        <dl class="how-terms">${(['criticalZ', 'nominalP', 'alphaSpent'] as const).map(term)}</dl>
      </details>
    </section>`;
  }

  /** this scenario's types first, in the order people meet them, then the others */
  private orderedTypes(): DesignType[] {
    const here = DESIGN_TYPES.filter((type) => this.designTypes.includes(type));
    return [...here, ...DESIGN_TYPES.filter((type) => !here.includes(type))];
  }

  private design(type: DesignType): TemplateResult {
    const meta = DESIGN_META[type];
    const here = this.designTypes.includes(type);
    const looks = typesWithField('interims').includes(type)
      ? ' With interims it looks at fractions of n and can stop early for efficacy.'
      : '';
    return html`<figure class="how-design" id="how-design-${type}" data-type=${type}>
      ${designDiagram(type, { id: `how-design-${type}-svg`, width: this.diagramWidth })}
      <figcaption>${here ? html`<span class="how-here">in this scenario</span> ` : ''}<strong>${meta.label}</strong>:
        ${meta.description}${looks}</figcaption>
    </figure>`;
  }

  private closedTest(): TemplateResult {
    const example = CLOSED_TEST_EXAMPLES.find((e) => e.key === this.example) ?? CLOSED_TEST_EXAMPLES[0];
    return html`<h3 id=${TERMS.closedTesting.id}>Closed testing</h3>
      <p>
        A design that tests both H_S and H_F must not test each at α on its own: when the treatment helps no one,
        the chance of some false claim would then exceed α. ${TERMS.closedTesting.text} Stratified designs do this
        with one analysis; adaptive designs give each of the three hypotheses a p-value per stage and combine the
        two (a closed combination test).
      </p>
      <div class="how-closed">
        <fieldset class="how-choices">
          <legend>A trial’s own tests reject at α:</legend>
          ${CLOSED_TEST_EXAMPLES.map(
            (e) => html`<label><input type="radio" name="how-closed-example" value=${e.key}
              .checked=${e.key === example.key} @change=${() => {
                this.example = e.key;
              }} /> ${e.label}</label>`,
          )}
        </fieldset>
        <figure class="how-closed-figure">
          ${closedTestDiagram(example.state, { id: 'how-closed-svg', width: this.diagramWidth })}
          <figcaption class="how-conclusion" aria-live="polite">${example.conclusion}</figcaption>
        </figure>
      </div>`;
  }
}

function term(key: TermKey): TemplateResult {
  const { id, label, text } = TERMS[key];
  return html`<dt id=${id}>${label}</dt><dd>${text}</dd>`;
}

declare global {
  interface HTMLElementTagNameMap {
    'how-to-read': HowToRead;
  }
}
