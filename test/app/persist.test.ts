// What the page reads back from this browser's storage is checked like an import: what it cannot
// show (a null design, a section that is no object, text that is no JSON) is left out and named,
// the rest kept, right or wrong, for the contract to mark at its fields.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadDraft, savedScenarios, tidySavedScenarios } from '../../src/app/persist.js';

const DRAFT_KEY = 'stratum.draft.v1';
const SAVED_KEY = 'stratum.saved.v1';
const design = { id: 'enriched', type: 'enriched', n: 150 };
const draft = {
  title: 'kept',
  population: { prevalence: 7 }, // half-typed and wrong: kept, for the field to mark
  endpoint: { type: 'continuous', sd: { pos: 1, neg: 1 }, effect: { pos: 0.5, neg: 0.1 } },
  designs: [design],
};

let storage: Map<string, string>;
beforeEach(() => {
  storage = new Map();
  vi.stubGlobal('localStorage', {
    getItem: (key: string) => storage.get(key) ?? null,
    setItem: (key: string, value: string) => void storage.set(key, value),
  });
});
afterEach(() => void vi.unstubAllGlobals());

const storeDraft = (value: unknown) =>
  storage.set(DRAFT_KEY, typeof value === 'string' ? value : JSON.stringify(value));

describe('the kept draft', () => {
  it('is read back as it was, wrong values and all', () => {
    storeDraft({ query: '?version=1', draft });
    expect(loadDraft()).toEqual({ kept: { query: '?version=1', draft }, dropped: [] });
    storage.clear();
    expect(loadDraft()).toEqual({ kept: undefined, dropped: [] });
  });

  it('leaves out designs that are no objects and keeps the others', () => {
    storeDraft({ query: '', draft: { ...draft, designs: [null, design, 7, [design]] } });
    expect(loadDraft()).toEqual({
      kept: { query: '', draft },
      dropped: [
        'designs[0]: must be an object, got null',
        'designs[2]: must be an object, got 7',
        expect.stringMatching(/^designs\[3\]: must be an object, got \[\{"id":"enriched"/),
      ],
    });
  });

  it('leaves out sections and design lists of the wrong type', () => {
    const wrong = { population: null, trial: [1], simulation: 'fast', designs: { 0: design } };
    storeDraft({ query: '', draft: { ...draft, ...wrong } });
    const { kept, dropped } = loadDraft();
    expect(dropped).toEqual([
      'population: must be an object, got null',
      'trial: must be an object, got [1]',
      'simulation: must be an object, got "fast"',
      expect.stringMatching(/^designs: must be a list of designs, got \{"0":\{"id":"enriched"/),
    ]);
    expect(kept?.draft).toEqual({ title: 'kept', endpoint: draft.endpoint });
  });

  it('keeps nothing when the draft is no object, or the text no JSON, and says so', () => {
    for (const [stored, problem] of [
      [{ query: '', draft: null }, '(root): must be an object, got null'],
      [{ query: '', draft: [draft] }, expect.stringMatching(/^\(root\): must be an object, got \[\{/)],
      [[draft], expect.stringMatching(/^\(root\): must be an object, got \[\{/)],
      ['"just text"', '(root): must be an object, got "just text"'],
      ['{"query": "", "draft": {"designs": [nu', '(root): not valid JSON'],
    ] as const) {
      storeDraft(stored);
      expect(loadDraft(), JSON.stringify(stored)).toEqual({ kept: undefined, dropped: [problem] });
    }
  });

  it('takes a link query that is no text as none', () => {
    storeDraft({ query: 42, draft });
    expect(loadDraft()).toEqual({ kept: { query: '', draft }, dropped: [] });
  });

  it('reads nothing, quietly, when storage is blocked', () => {
    const blocked = () => {
      throw new Error('SecurityError');
    };
    vi.stubGlobal('localStorage', { getItem: blocked, setItem: blocked });
    expect(loadDraft()).toEqual({ kept: undefined, dropped: [] });
    expect(savedScenarios()).toEqual({});
    expect(tidySavedScenarios()).toEqual([]);
  });
});

describe('saved scenarios', () => {
  it('keep the ones the page can show, leave out the rest once and for all, naming each', () => {
    storage.set(SAVED_KEY, JSON.stringify({ good: draft, broken: { ...draft, designs: [null, design] }, gone: null }));
    expect(savedScenarios()).toEqual({ good: draft, broken: draft });
    expect(tidySavedScenarios()).toEqual([
      'saved “broken”: designs[0]: must be an object, got null',
      'saved “gone”: (root): must be an object, got null',
    ]);
    expect(JSON.parse(storage.get(SAVED_KEY)!)).toEqual({ good: draft, broken: draft });
    expect(tidySavedScenarios()).toEqual([]);
  });

  it('are none when the stored list is no object or no JSON', () => {
    for (const [stored, problem] of [
      ['[1, 2]', 'saved scenarios: must be an object of named scenarios, got [1,2]'],
      ['null', 'saved scenarios: must be an object of named scenarios, got null'],
      ['{"a": ', 'saved scenarios: not valid JSON'],
    ]) {
      storage.set(SAVED_KEY, stored);
      expect(savedScenarios()).toEqual({});
      expect(tidySavedScenarios()).toEqual([problem]);
      expect(storage.get(SAVED_KEY)).toBe('{}');
    }
  });
});
