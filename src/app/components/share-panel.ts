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
import { NOTICE_PROBLEMS, store } from '../store.js';
import { StoreElement } from './store-element.js';
import './report-button.js';

/** a document as the exports write it: indented JSON ending in a newline */
const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

@customElement('share-panel')
export class SharePanel extends StoreElement {
  @state() private message = '';
  @state() private name = '';

  protected override render(): TemplateResult {
    const saved = Object.keys(savedScenarios());
    const results = store.results;
    const stem = fileStem(store.scenario?.title ?? '');
    return html`<div class="share">
      <div class="group">
        <label for="preset">Preset</label>
        <select id="preset" @change=${(event: Event) => {
          const select = event.target as HTMLSelectElement;
          const preset = PRESETS[Number(select.value)];
          if (preset) store.setDraft(structuredClone(preset.scenario));
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
          results &&
          download(`${stem}-results.json`, 'application/json', json({ scenario: store.resultsScenario, results }))}
          >Results JSON</button>
        <report-button></report-button>
      </div>
      <div class="group">
        <label for="save-name">Save as</label>
        <input id="save-name" type="text" maxlength="60" .value=${this.name}
          @input=${(event: Event) => (this.name = (event.target as HTMLInputElement).value)} />
        <button type="button" ?disabled=${this.name.trim() === ''} @click=${() => {
          saveScenario(this.name.trim(), store.draft);
          this.message = `Saved “${this.name.trim()}” in this browser.`;
          this.name = '';
        }}>Save</button>
        ${
          saved.length > 0
            ? html`<label for="saved">Saved</label>
              <select id="saved" @change=${(event: Event) => {
                const select = event.target as HTMLSelectElement;
                const draft = savedScenarios()[select.value];
                if (draft) store.setDraft(structuredClone(draft));
                select.value = '';
              }}>
                <option value="">Open…</option>
                ${saved.map((name) => html`<option value=${name}>${name}</option>`)}
              </select>
              <button type="button" @click=${() => {
                const select = this.querySelector<HTMLSelectElement>('#saved');
                const last = saved[saved.length - 1];
                const name = select?.value || last;
                deleteScenario(name);
                this.message = `Deleted “${name}”.`;
              }}>Delete ${saved.length === 1 ? `“${saved[0]}”` : 'last saved'}</button>`
            : nothing
        }
      </div>
      <p class="message" role="status" aria-live="polite">${this.message}</p>
    </div>`;
  }

  private async copyLink(): Promise<void> {
    const link = location.href;
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
    store.setDraft(structuredClone(parsed.scenario) as unknown as Record<string, unknown>);
    this.message = `Imported ${file.name}.`;
  }
}
