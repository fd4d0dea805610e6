// The population: one marker (prevalence, sensitivity, specificity), or several populations
// (docs/populations.md): subgroups with their ids and shares, up to three populations as unions of
// subgroups (a checkbox per subgroup), and an optional assay table of P(classified as | truly). Edits
// that reach beyond one field (an id names its subgroup everywhere) go through population-draft.ts;
// the contract's messages mark the fields, and the results of the last valid scenario stay, marked out
// of date, while the shares do not add up.
import { html, nothing, type TemplateResult } from 'lit';
import { customElement } from 'lit/decorators.js';
import { inputValue, messagesFor, readAt } from '../draft.js';
import * as edits from '../population-draft.js';
import { StoreElement } from './store-element.js';
import { field } from './fields.js';

/** the contract's messages at `path` (without it) and below it (with their own paths), as one alert */
function alerts(errors: readonly string[], path: string): TemplateResult | typeof nothing {
  const messages = errors
    .filter((error) => [':', '[', '.'].some((next) => error.startsWith(`${path}${next}`)))
    .map((error) => (error.startsWith(`${path}:`) ? error.slice(path.length + 1).trim() : error));
  if (messages.length === 0) return nothing;
  return html`<p class="error" role="alert">${messages.join('; ')}</p>`;
}

@customElement('population-editor')
export class PopulationEditor extends StoreElement {
  protected override render(): TemplateResult {
    const several = edits.hasSubgroupsDrafted(this.store.draft);
    return html`<fieldset class="population-editor">
      <legend>Population and assay</legend>
      <div class="form-switch" role="radiogroup" aria-label="How the population is described">
        ${this.formChoice(false, 'One marker', several)} ${this.formChoice(true, 'Several populations', several)}
      </div>
      ${several ? this.severalPopulations() : this.oneMarker()}
    </fieldset>`;
  }

  private formChoice(value: boolean, label: string, several: boolean): TemplateResult {
    return html`<label><input type="radio" name="population-form" .checked=${several === value}
      @change=${() => this.store.setDraft(edits.switchForm(this.store.draft, value))} /> ${label}</label>`;
  }

  private oneMarker(): TemplateResult {
    const store = this.store;
    return html`${field(store, 'population.prevalence')}
      <div class="pair">${field(store, 'population.sensitivity')}${field(store, 'population.specificity')}</div>`;
  }

  private severalPopulations(): TemplateResult {
    return html`${this.subgroups()}${this.populations()}${this.assay()}`;
  }

  private subgroups(): TemplateResult {
    const store = this.store;
    const { draft } = store;
    const list = edits.subgroupsOf(draft);
    const sharesWrong = messagesFor(store.errors, 'population.subgroups').some((m) => m.startsWith('the shares'));
    return html`<h3 class="editor-head">
        Subgroups <span class="muted">(shares of those screened, adding up to 1)</span>
      </h3>
      <p class="help">Each id is 1–20 letters, digits, “-”, “_” or “+”; each share from 0 to 1.</p>
      <ol class="editor-list">
        ${list.map(
          (subgroup, k) => html`<li class="editor-row">
            ${field(store, `population.subgroups[${k}].id`, {
              label: `Subgroup ${k + 1}`,
              onEdit: (id) => store.setDraft(edits.renameSubgroup(store.draft, k, String(id))),
            })}
            ${field(store, `population.subgroups[${k}].share`, {
              label: `Share of ${subgroup.id}`,
              unit: '',
              invalid: sharesWrong,
            })}
            <button type="button" class="remove" aria-label="Remove subgroup ${subgroup.id}"
              ?disabled=${!edits.canRemoveSubgroup(draft)}
              @click=${() => store.setDraft(edits.removeSubgroup(store.draft, k))}>Remove</button>
          </li>`,
        )}
      </ol>
      ${alerts(
        store.errors.filter((error) => !/^population\.subgroups\[\d+\]\.(id|share):/.test(error)),
        'population.subgroups',
      )}
      <button type="button" ?disabled=${!edits.canAddSubgroup(draft)}
        @click=${() => store.setDraft(edits.addSubgroup(store.draft))}>Add subgroup</button>`;
  }

  private populations(): TemplateResult {
    const store = this.store;
    const { draft } = store;
    const ids = edits.subgroupIds(draft);
    const list = edits.populationsOf(draft);
    return html`<h3 class="editor-head">
        Populations <span class="muted">(besides F, everyone; as the assay classifies)</span>
      </h3>
      <ol class="editor-list">
        ${list.map(
          (population, k) => html`<li class="population">
            <div class="editor-row">
              ${field(store, `population.populations[${k}].id`, {
                label: `Population ${k + 1}`,
                onEdit: (id) => store.setDraft(edits.renamePopulation(store.draft, k, String(id))),
              })}
              <button type="button" class="remove" aria-label="Remove population ${population.id}"
                ?disabled=${list.length <= 1}
                @click=${() => store.setDraft(edits.removePopulation(store.draft, k))}>Remove</button>
            </div>
            <fieldset class="members">
              <legend>Subgroups in ${population.id}</legend>
              ${ids.map(
                (id) => html`<label><input type="checkbox" .checked=${population.subgroups.includes(id)}
                  @change=${(event: Event) =>
                    store.setDraft(
                      edits.setMember(store.draft, k, id, (event.target as HTMLInputElement).checked),
                    )} /> ${id}</label>`,
              )}
            </fieldset>
            ${alerts(store.errors, `population.populations[${k}].subgroups`)}
          </li>`,
        )}
      </ol>
      ${alerts(
        store.errors.filter((error) => !/^population\.populations\[\d+\]\.(id|subgroups)/.test(error)),
        'population.populations',
      )}
      <button type="button" ?disabled=${!edits.canAddPopulation(draft)}
        @click=${() => store.setDraft(edits.addPopulation(store.draft))}>Add population</button>`;
  }

  /** the assay's table: a row per true subgroup, a column per subgroup it may be classified as */
  private assay(): TemplateResult {
    const store = this.store;
    const { draft } = store;
    const on = readAt(draft, 'population.assay') !== undefined;
    const ids = edits.subgroupIds(draft);
    const toggle = html`<div class="field assay-toggle"><label><input type="checkbox" .checked=${on}
      @change=${(event: Event) =>
        store.setDraft(edits.withAssay(store.draft, (event.target as HTMLInputElement).checked))} />
      Imperfect assay: a classification table</label>
      <small class="help">Left off, the assay classifies everyone as what they truly are.</small></div>`;
    if (!on) return toggle;
    const cell = (truth: string, classified: string) => {
      const path = `population.assay.${truth}.${classified}`;
      const shown = edits.assayEntry(draft, truth, classified);
      return html`<td><input type="text" inputmode="decimal" autocomplete="off" name=${path}
        aria-label="P(classified ${classified} | truly ${truth})" .value=${String(shown ?? '')}
        @change=${(event: Event) => store.edit(path, inputValue((event.target as HTMLInputElement).value))} /></td>`;
    };
    return html`${toggle}
      <div class="table-scroll" role="region" aria-label="Assay classification" tabindex="0">
        <table class="assay">
          <caption>P(classified as column | truly row); each row adds up to 1</caption>
          <thead><tr>
            <th scope="col">truly \\ classified</th>${ids.map((id) => html`<th scope="col">${id}</th>`)}
          </tr></thead>
          <tbody>${ids.map(
            (
              truth,
            ) => html`<tr class=${messagesFor(store.errors, `population.assay.${truth}`).length > 0 ? 'invalid' : ''}>
              <th scope="row">${truth}</th>${ids.map((classified) => cell(truth, classified))}</tr>`,
          )}</tbody>
        </table>
      </div>
      ${alerts(store.errors, 'population.assay')}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'population-editor': PopulationEditor;
  }
}
