// What survives a reload: the draft being edited (with the link it belongs to) and the named
// scenarios saved in this browser. Storage may be full or blocked; then nothing is kept, quietly.
// What is read back is checked (stored-draft.ts) like an import: what the page cannot show is
// left out, and the page says what.
import { describe, isRecord } from '../engine/scenario/checks.js';
import type { Draft } from './draft.js';
import { checkDraft } from './stored-draft.js';

const DRAFT_KEY = 'stratum.draft.v1';
const SAVED_KEY = 'stratum.saved.v1';

type StoredDraft = { query: string; draft: Draft };

/** the stored value; undefined when there is none or storage is blocked */
function read(key: string): { value: unknown } | { notJson: true } | undefined {
  let text: string | null;
  try {
    text = localStorage.getItem(key);
  } catch {
    return undefined;
  }
  if (text === null) return undefined;
  try {
    return { value: JSON.parse(text) };
  } catch {
    return { notJson: true };
  }
}

function write(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // storage full or disabled: the URL still holds the last valid scenario
  }
}

/** the kept draft, if any can be shown, and what of it was left out */
export function loadDraft(): { kept: StoredDraft | undefined; dropped: string[] } {
  const stored = read(DRAFT_KEY);
  if (stored === undefined) return { kept: undefined, dropped: [] };
  if ('notJson' in stored) return { kept: undefined, dropped: ['(root): not valid JSON'] };
  const { draft, dropped } = checkDraft(isRecord(stored.value) ? stored.value.draft : stored.value);
  // the query only ties the draft to the link it was made from; without one it matches no link
  const query = isRecord(stored.value) && typeof stored.value.query === 'string' ? stored.value.query : '';
  return { kept: draft && { query, draft }, dropped };
}

export function saveDraft(query: string, draft: Draft): void {
  write(DRAFT_KEY, { query, draft } satisfies StoredDraft);
}

/** the saved scenarios the page can show, and what was left out, each line naming the scenario */
function readSaved(): { saved: Record<string, Draft>; dropped: string[] } {
  const stored = read(SAVED_KEY);
  if (stored === undefined) return { saved: {}, dropped: [] };
  if ('notJson' in stored) return { saved: {}, dropped: ['saved scenarios: not valid JSON'] };
  if (!isRecord(stored.value)) {
    const got = describe(stored.value);
    return { saved: {}, dropped: [`saved scenarios: must be an object of named scenarios, got ${got}`] };
  }
  const saved: Record<string, Draft> = {};
  const dropped: string[] = [];
  for (const [name, value] of Object.entries(stored.value)) {
    const checked = checkDraft(value);
    if (checked.draft) saved[name] = checked.draft;
    dropped.push(...checked.dropped.map((problem) => `saved “${name}”: ${problem}`));
  }
  return { saved, dropped };
}

export function savedScenarios(): Record<string, Draft> {
  return readSaved().saved;
}

/** once, on opening: what of the saved scenarios the page cannot show, which is then removed from storage */
export function tidySavedScenarios(): string[] {
  const { saved, dropped } = readSaved();
  if (dropped.length > 0) write(SAVED_KEY, saved);
  return dropped;
}

export function saveScenario(name: string, draft: Draft): void {
  write(SAVED_KEY, { ...savedScenarios(), [name]: draft });
}

export function deleteScenario(name: string): void {
  const saved = savedScenarios();
  delete saved[name];
  write(SAVED_KEY, saved);
}
