// The `designs` array: 1 to 8 designs with unique ids, each read by its type's meta.
import { child, item, mustBe, oneOf, text } from './checks.js';
import type { Context, Issues } from './checks.js';
import { DESIGN_META, DESIGN_TYPES, typesWithField } from './design-meta.js';
import type { DesignMeta } from './design-meta.js';
import { fieldsInForm, inScenarioTerms, severalOnly } from './design-populations.js';
import { readField, readFields, recordAt, reportUnknown } from './record.js';
import { misplacedSize, readSizes, sizeKeys } from './sizes.js';
import type { Design, DesignType, Interims } from './types.js';
import { checkLookSizes } from './looks.js';
import { checkDesignTest } from './survival-test.js';
import { readTiming } from './timing.js';

export const MAX_DESIGNS = 8;

export const DESIGN_ID = text(40, undefined, {
  regex: /^[A-Za-z0-9_-]{1,40}$/,
  words: '1–40 letters, digits, "-" or "_"',
});
export const DESIGN_LABEL = text(80, '');
export const DESIGN_TYPE = oneOf(DESIGN_TYPES);

const DESIGNS_ALLOWED = `an array of 1 to ${MAX_DESIGNS} designs`;

export function readDesigns(value: unknown, path: string, context: Context, issues: Issues): Design[] | undefined {
  if (value === undefined) {
    issues.push(`${path}: required, must be ${DESIGNS_ALLOWED}`);
    return undefined;
  }
  if (!Array.isArray(value)) return mustBe(issues, path, DESIGNS_ALLOWED, value);
  // too many designs is one problem; the designs' own problems are still worth reporting
  const before = issues.length;
  if (value.length < 1 || value.length > MAX_DESIGNS) mustBe(issues, path, DESIGNS_ALLOWED, value);
  const firstIndexOfId = new Map<string, number>();
  const designs = value.map((raw: unknown, index) =>
    readDesign(raw, item(path, index), context, issues, (id) => {
      const earlier = firstIndexOfId.get(id);
      if (earlier === undefined) firstIndexOfId.set(id, index);
      return earlier;
    }),
  );
  return issues.length === before ? (designs as Design[]) : undefined;
}

/** `earlierWithId(id)` is the index of an earlier design with the same id, if any. */
function readDesign(
  raw: unknown,
  path: string,
  context: Context,
  issues: Issues,
  earlierWithId: (id: string) => number | undefined,
): Design | undefined {
  const record = recordAt(raw, path, issues);
  if (record === undefined) return undefined;
  const before = issues.length;
  const id = readField(record, 'id', DESIGN_ID, path, issues, context);
  const earlier = id === undefined ? undefined : earlierWithId(id);
  if (earlier !== undefined) mustBe(issues, child(path, 'id'), `unique (designs[${earlier}] has the same id)`, id);
  const label = readField(record, 'label', DESIGN_LABEL, path, issues, context);
  const type = readField(record, 'type', DESIGN_TYPE, path, issues, context);
  if (type === undefined) return undefined; // its other fields depend on the type
  const meta = DESIGN_META[type] as DesignMeta;
  const ownFields = fieldsInForm(meta.fields, context);
  reportUnknown(record, ['id', 'label', 'type', ...sizeKeys(context), ...Object.keys(ownFields)], path, issues, (key) =>
    misplaced(key, type, context),
  );
  const sizes = readSizes(record, path, meta.stages, context, issues);
  const timing = readTiming(record, path, type, meta.stages, context, issues);
  const fields = readFields(record, ownFields, path, issues, context);
  meta.refine?.(fields.value, path, issues, context, record);
  checkDesignTest(fields.value, path, context, issues);
  const interims = (fields.value as { interims?: Interims }).interims;
  if (interims) {
    const { n, events } = sizes;
    if (typeof n === 'number')
      checkLookSizes(n, interims.informationRates, 'patients', child(path, 'interims'), issues);
    if (typeof events === 'number')
      checkLookSizes(events, interims.informationRates, 'events', child(path, 'interims'), issues);
  }
  if (issues.length > before) return undefined;
  // no problem reported: every field is present and in range, or an optional one left out
  return inScenarioTerms({ id, label, type, ...sizes, ...timing, ...fields.value } as Design, context);
}

function misplaced(key: string, type: DesignType, context: Context): string | undefined {
  const size = misplacedSize(key, context);
  if (size !== undefined) return size;
  if (Object.hasOwn(DESIGN_META[type].fields, key)) return severalOnly(key, context);
  return typesWithField(key).length > 0 ? `not a field of ${type} designs` : undefined;
}
