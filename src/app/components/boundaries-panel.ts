// The decision rules of the designs that can stop early, as the simulation used them: each look's
// information rate, size, critical z, nominal p and α spent, and for adaptive designs the rule from
// the interim on, in the report's own words (report/design-words.ts), so a statistician can copy
// them into a protocol. The same numbers are in the exported results (`boundaries`).
import { html, nothing, type TemplateResult } from 'lit';
import { customElement } from 'lit/decorators.js';
import { format } from 'd3';
import type { Boundaries } from '../../engine/designs/boundaries.js';
import { designWords } from '../../report/design-words.js';
import * as fmt from '../format.js';
import { termHref } from '../glossary.js';
import type { Shown } from '../state/tasks.js';
import { StoreElement } from './store-element.js';

const critical = format('.4f');
const nominal = format('.5f');
const rate = format('.3~f');

@customElement('boundaries-panel')
export class BoundariesPanel extends StoreElement {
  protected override render(): TemplateResult | typeof nothing {
    const shown = this.store.tasks.shown;
    const withLooks = shown?.results.filter((result) => result.boundaries !== undefined) ?? [];
    if (!shown || withLooks.length === 0) return nothing;
    return html`<details class="boundaries-panel">
      <summary>Boundaries and decision rules
        <span class="muted">(${withLooks.map((result) => result.label || result.id).join(', ')})</span></summary>
      ${withLooks.map((result) => this.design(shown, result.id, result.boundaries!))}
    </details>`;
  }

  private design(shown: Shown, id: string, boundaries: Boundaries): TemplateResult {
    const index = shown.scenario.designs.findIndex((design) => design.id === id);
    const design = shown.scenario.designs[index];
    const result = shown.results[index];
    const words = designWords(shown.scenario, design, result, boundaries).paragraphs;
    return html`<section class="design-rules">
      <h3>${result.label || result.id}</h3>
      ${boundaries.looks.length > 0 ? this.looks(boundaries) : nothing}
      ${
        boundaries.fisherProduct !== undefined
          ? html`<p>Fisher's combination rejects at the end when p₁·p₂ ≤
              ${nominal(boundaries.fisherProduct)}.</p>`
          : nothing
      }
      ${words.map((paragraph) => html`<p>${paragraph}</p>`)}
    </section>`;
  }

  private looks(boundaries: Boundaries): TemplateResult {
    return html`<div class="table-scroll" role="region" aria-label="Looks" tabindex="0">
      <table class="looks">
        <thead><tr>
          <th scope="col">Look</th><th scope="col">Information</th><th scope="col">${boundaries.unit}</th>
          <th scope="col"><a href=${termHref('criticalZ')}>critical z</a></th>
          <th scope="col"><a href=${termHref('nominalP')}>nominal p</a></th>
          <th scope="col"><a href=${termHref('alphaSpent')}>α spent</a></th>
        </tr></thead>
        <tbody>${boundaries.looks.map(
          (look, k) => html`<tr>
            <th scope="row">${k + 1}</th><td>${rate(look.informationRate)}</td><td>${fmt.size(look.size)}</td>
            <td>${look.critical === null ? 'cannot stop' : critical(look.critical)}</td>
            <td>${look.nominal === null ? '—' : nominal(look.nominal)}</td><td>${nominal(look.spent)}</td>
          </tr>`,
        )}</tbody>
      </table>
    </div>`;
  }
}
