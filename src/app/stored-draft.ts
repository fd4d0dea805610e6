// A draft read back from this browser's storage, made one the page can show. What is stored may
// come from an older version, an extension or a hand edit, and the cards and fields rely on a
// scenario's shape: an object whose sections are objects and whose designs are a list of objects
// (a null design removed the Designs section with a TypeError). What breaks that shape is left
// out and named, in the contract's words; the values inside are kept, right or wrong, for the
// contract to mark at their fields, as a half-typed draft is kept across a reload.
import { isRecord, item, mustBe, ROOT } from '../engine/scenario/checks.js';
import { HEADER_FIELDS, SCENARIO_KEYS } from '../engine/scenario/scenario-fields.js';
import type { Draft } from './draft.js';

/** the scenario's sections that are objects (population, endpoint, …), from the contract's own keys */
const SECTIONS = SCENARIO_KEYS.filter((key) => key !== 'designs' && !Object.hasOwn(HEADER_FIELDS, key));

/** the draft with what the page cannot show left out (none at all if it is no object), and why */
export function checkDraft(value: unknown): { draft: Draft | undefined; dropped: string[] } {
  const dropped: string[] = [];
  if (!isRecord(value)) {
    mustBe(dropped, ROOT, 'an object', value);
    return { draft: undefined, dropped };
  }
  const draft: Draft = { ...value };
  for (const key of SECTIONS) {
    if (draft[key] === undefined || isRecord(draft[key])) continue;
    mustBe(dropped, key, 'an object', draft[key]);
    delete draft[key];
  }
  if (draft.designs !== undefined && !Array.isArray(draft.designs)) {
    mustBe(dropped, 'designs', 'a list of designs', draft.designs);
    delete draft.designs;
  } else if (draft.designs !== undefined) {
    draft.designs = (draft.designs as unknown[]).filter((design, i) => {
      if (!isRecord(design)) mustBe(dropped, item('designs', i), 'an object', design);
      return isRecord(design);
    });
  }
  return { draft, dropped };
}
