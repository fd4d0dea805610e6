// Sharing and files: copy the link, export results (CSV, JSON) and the scenario (JSON), import a
// scenario (checked like the command line's), and named scenarios kept in this browser.
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { parseScenarioText } from '../../engine/scenario/parse.js';
import { firstProblems } from '../../share/problem-list.js';
import { resultsCsv } from '../../share/results-csv.js';
import { download, fileStem } from '../export.js';
import { deleteScenario, saveScenario, savedScenarios } from '../persist.js';
import { PRESETS } from '../presets.js';
import { NOTICE_PROBLEMS } from '../state/store.js';
import { UrlSync } from '../state/url-sync.js';
import { StoreElement } from './store-element.js';
import './report-button.js';

/** a document as the exports write it: indented JSON ending in a newline */
const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

@customElement('share-panel')
export class SharePanel extends StoreElement {
  @state() private message = '';
  @state() private name = '';
  /** the saved scenario chosen in the list, which Open and Delete act on */
  @state() private chosen = '';
  /** a name being saved over: the page asks before replacing it */
  @state() private replacing = '';

  protected override render(): TemplateResult {
    const { store } = this;
    const saved = Object.keys(savedScenarios());
    const shown = store.tasks.shown;
    const results = shown?.results;
    const stem = fileStem(store.scenario?.title ?? '');
    return html`<div class="share">
      <div class="group">
        <label for="preset">Preset</label>
        <select id="preset" @change=${(event: Event) => {
          const select = event.target as HTMLSelectElement;
          const preset = PRESETS[Number(select.value)];
          if (preset) store.load(structuredClone(preset.scenario));
          select.value = '';
        }}>
          <option value="">Load a teaching case…</option>
          ${PRESETS.map((preset, i) => html`<option value=${i} title=${preset.description}>${preset.name}</option>`)}
        </select>
      </div>
      <div class="group">
        <button type="button" ?disabled=${!store.valid} @click=${() => void this.copyLink()}>Copy link</button>
        <button type="button" ?disabled=${!store.scenario}
          @click=${() => download(`${stem}-scenario.json`, 'application/json', json(store.scenario))}
          >Export scenario</button>
        <label class="button">Import scenario<input type="file" accept="application/json,.json"
          class="visually-hidden" @change=${(event: Event) => void this.importFile(event)} /></label>
        <button type="button" ?disabled=${!results}
          @click=${() => results && download(`${stem}-results.csv`, 'text/csv', resultsCsv(results))}
          >Results CSV</button>
        <button type="button" ?disabled=${!results} @click=${() =>
          results && download(`${stem}-results.json`, 'application/json', json({ scenario: shown?.scenario, results }))}
          >Results JSON</button>
        <report-button></report-button>
      </div>
      ${this.savedGroup(saved)}
      <p class="message" role="status" aria-live="polite">${this.message}</p>
    </div>`;
  }

  private savedGroup(saved: string[]): TemplateResult {
    const chosen = saved.includes(this.chosen) ? this.chosen : (saved[0] ?? '');
    const save = (name: string) => {
      saveScenario(name, this.store.draft);
      this.message = `Saved “${name}” in this browser.`;
      this.name = '';
      this.replacing = '';
      this.chosen = name;
    };
    const trySave = () => {
      const name = this.name.trim();
      if (saved.includes(name)) this.replacing = name;
      else save(name);
    };
    return html`<div class="group">
      <label for="save-name">Save as</label>
      <input id="save-name" type="text" maxlength="60" .value=${this.name}
        @input=${(event: Event) => {
          this.name = (event.target as HTMLInputElement).value;
          this.replacing = '';
        }}
        @keydown=${(event: KeyboardEvent) => event.key === 'Enter' && this.name.trim() !== '' && trySave()} />
      <button type="button" ?disabled=${this.name.trim() === ''} @click=${trySave}>Save</button>
      ${
        this.replacing
          ? html`<span class="confirm" role="alert">“${this.replacing}” is saved already. Replace it?
              <button type="button" @click=${() => save(this.replacing)}>Replace</button>
              <button type="button" @click=${() => (this.replacing = '')}>Keep it</button></span>`
          : nothing
      }
      ${
        saved.length > 0
          ? html`<label for="saved">Saved</label>
            <select id="saved" @change=${(event: Event) => (this.chosen = (event.target as HTMLSelectElement).value)}>
              ${saved.map((name) => html`<option value=${name} ?selected=${name === chosen}>${name}</option>`)}
            </select>
            <button type="button" @click=${() => {
              const draft = savedScenarios()[chosen];
              if (draft) this.store.setDraft(structuredClone(draft));
              this.message = `Opened “${chosen}”.`;
            }}>Open</button>
            <button type="button" @click=${() => {
              deleteScenario(chosen);
              this.message = `Deleted “${chosen}”.`;
              this.chosen = '';
            }}>Delete “${chosen}”</button>`
          : nothing
      }
    </div>`;
  }

  private async copyLink(): Promise<void> {
    const link = UrlSync.link(this.store);
    try {
      await navigator.clipboard.writeText(link);
      this.message = 'Link copied: it opens this exact scenario.';
    } catch {
      this.message = `Copy this link: ${link}`;
    }
  }

  private async importFile(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const parsed = parseScenarioText(await file.text());
    if (!parsed.ok) {
      this.message = `${file.name} was not imported: ${firstProblems(parsed.errors, NOTICE_PROBLEMS).join('; ')}`;
      return;
    }
    this.store.setDraft(structuredClone(parsed.scenario) as unknown as Record<string, unknown>);
    this.message = `Imported ${file.name}.`;
  }
}
