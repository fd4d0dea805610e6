// What survives a reload: the draft being edited (with the link it belongs to) and the named
// scenarios saved in this browser. Storage may be full or blocked; then nothing is kept, quietly.
import type { Draft } from './draft.js';

const DRAFT_KEY = 'stratum.draft.v1';
const SAVED_KEY = 'stratum.saved.v1';

type StoredDraft = { query: string; draft: Draft };

function read<T>(key: string): T | undefined {
  try {
    const text = localStorage.getItem(key);
    return text === null ? undefined : (JSON.parse(text) as T);
  } catch {
    return undefined;
  }
}

function write(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // storage full or disabled: the URL still holds the last valid scenario
  }
}

export function loadDraft(): StoredDraft | undefined {
  const stored = read<StoredDraft>(DRAFT_KEY);
  return stored && typeof stored.query === 'string' && stored.draft !== null && typeof stored.draft === 'object' ? stored : undefined;
}

export function saveDraft(query: string, draft: Draft): void {
  write(DRAFT_KEY, { query, draft } satisfies StoredDraft);
}

export function savedScenarios(): Record<string, Draft> {
  const saved = read<Record<string, Draft>>(SAVED_KEY);
  return saved !== undefined && saved !== null && typeof saved === 'object' ? saved : {};
}

export function saveScenario(name: string, draft: Draft): void {
  write(SAVED_KEY, { ...savedScenarios(), [name]: draft });
}

export function deleteScenario(name: string): void {
  const saved = savedScenarios();
  delete saved[name];
  write(SAVED_KEY, saved);
}
