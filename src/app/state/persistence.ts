// Keeps the draft being edited in this browser's storage (persist.ts), so a reload loses nothing,
// and opens the store from the address and what was kept. Hosted by the page element.
import type { ReactiveController } from 'lit';
import type { Draft } from '../draft.js';
import { loadDraft, saveDraft, tidySavedScenarios } from '../persist.js';
import type { Store } from './store.js';

export class Persistence implements ReactiveController {
  private saved: Draft | undefined;

  constructor(private readonly store: Store) {}

  /** the store from the link the page was opened with and what this browser kept */
  open(): void {
    const { kept, dropped } = loadDraft();
    this.store.open({ query: location.search, hash: location.hash, kept, dropped, droppedSaved: tidySavedScenarios() });
    this.keep();
  }

  hostConnected(): void {
    this.store.addEventListener('change', this.keep);
  }

  hostDisconnected(): void {
    this.store.removeEventListener('change', this.keep);
  }

  private readonly keep = (): void => {
    if (this.store.draft === this.saved) return;
    this.saved = this.store.draft;
    saveDraft(this.store.query, this.store.draft);
  };
}
