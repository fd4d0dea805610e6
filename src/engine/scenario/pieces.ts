// Values that change with the months since randomisation (docs/scenario.md, "Endpoints"): a list of
// pieces [{ "from": 0, "value": 1 }, { "from": 4, "value": 0.6 }], each holding from its `from` until
// the next one's, the last for ever. A field that also takes one number reads it as the one-piece
// list [{ "from": 0, "value": x }], so a number is the simplest instance and the engine has one path.
import { child, describe, isRecord, item, mustBe, numberIn, own } from './checks.js';
import type { Field, Issues, NumberField, Range } from './checks.js';
import { reportUnknown } from './record.js';
import type { Piece, Piecewise } from './types.js';

/** more pieces than anyone can state of a survival curve; keeps every slot's merged pieces small */
export const MAX_PIECES = 20;

/** a piece starts within a hundred years, as control medians do */
const FROM = numberIn({ min: 0 }, undefined, { max: 1200, why: 'a hundred years' });

/** what a list of pieces is, in messages */
const LIST_WORDS = `a list of 1 to ${MAX_PIECES} pieces [{ "from": 0, "value": … }, …]`;

/** the description of a list-of-pieces field, for the form and `stratum fields` */
export type PiecesSpec = { readonly max: number; readonly value: NumberField; readonly from: NumberField };

export interface PiecesField extends Field<Piece[]> {
  readonly kind: 'pieces';
  readonly pieces: PiecesSpec;
}

/** a number or pieces; the form reads it as the number field it also is */
export interface PiecewiseField extends Field<Piecewise> {
  readonly kind: 'number';
  readonly range: Range;
  readonly pieces: PiecesSpec;
}

/** A list of pieces whose values `value` checks. */
export function pieces(value: NumberField): PiecesField {
  const allowed = `${LIST_WORDS}, each value ${value.allowed}`;
  return {
    kind: 'pieces',
    allowed,
    pieces: { max: MAX_PIECES, value, from: FROM },
    read: (list, path, issues) => readPieces(list, value, allowed, path, issues),
  };
}

/**
 * One number (read by `number`), or a list of pieces with values `number` would accept. The form reads
 * it as the number field it also is.
 */
export function numberOrPieces(number: NumberField): PiecewiseField {
  const allowed = `${number.allowed}, or ${LIST_WORDS}`;
  return {
    kind: 'number',
    range: number.range,
    allowed,
    pieces: { max: MAX_PIECES, value: number, from: FROM },
    read(value, path, issues, context) {
      if (Array.isArray(value)) return readPieces(value, number, allowed, path, issues);
      if (typeof value === 'number') return number.read(value, path, issues, context);
      return mustBe(issues, path, allowed, value);
    },
  };
}

function readPieces(
  list: unknown,
  value: NumberField,
  allowed: string,
  path: string,
  issues: Issues,
): Piece[] | undefined {
  if (!Array.isArray(list) || list.length === 0) return mustBe(issues, path, allowed, list);
  if (list.length > MAX_PIECES) {
    issues.push(`${path}: must be at most ${MAX_PIECES} pieces, got ${list.length}`);
    return undefined;
  }
  const before = issues.length;
  const read: Piece[] = [];
  let previous = -Infinity;
  for (const [index, entry] of list.entries()) {
    const at = item(path, index);
    if (!isRecord(entry)) {
      mustBe(issues, at, 'an object { from, value }', entry);
      continue;
    }
    reportUnknown(entry, ['from', 'value'], at, issues);
    const from = readPart(entry, 'from', FROM, at, issues);
    const piece = readPart(entry, 'value', value, at, issues);
    if (from !== undefined && index === 0 && from !== 0)
      issues.push(`${child(at, 'from')}: must be 0 (the first piece starts at randomisation), got ${describe(from)}`);
    else if (from !== undefined && from <= previous)
      issues.push(
        `${child(at, 'from')}: must be greater than the previous piece's from (${previous}): ` +
          `pieces in order of their months, got ${describe(from)}`,
      );
    if (from !== undefined) previous = from;
    if (from !== undefined && piece !== undefined) read.push({ from, value: piece });
  }
  return issues.length === before ? read : undefined;
}

function readPart(
  entry: Record<string, unknown>,
  key: string,
  field: NumberField,
  at: string,
  issues: Issues,
): number | undefined {
  const value = own(entry, key);
  if (value === undefined) {
    issues.push(`${child(at, key)}: required, must be ${field.allowed}`);
    return undefined;
  }
  return field.read(value, child(at, key), issues, {});
}

/** the pieces of a value: a number is the one piece from month 0 */
export function piecesOf(value: Piecewise): Piece[] {
  return typeof value === 'number' ? [{ from: 0, value }] : value;
}

/** the value when it is the same at every month (a number, or pieces of one value); else undefined */
export function constantOf(value: Piecewise): number | undefined {
  if (typeof value === 'number') return value;
  return value.every((piece) => piece.value === value[0].value) ? value[0].value : undefined;
}
