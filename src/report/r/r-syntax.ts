// R source text: literals, calls and comments, written so that the script reads like one a person
// would write (a call on one line when it fits, else one argument a line).
/** a call's argument: named (`name = value`) or positional; the value is R source already */
export type Argument = [name: string | undefined, value: string];

/** longest line before a call is broken into one argument a line */
const LINE = 100;

/**
 * significant digits of a number that is not whole: far more than any simulation resolves, and few
 * enough that a value computed with exp or log in the page and in Node (whose last bits may differ)
 * is written the same by both
 */
const DIGITS = 12;

/** a number as R reads it back */
export function rNumber(x: number): string {
  if (Number.isNaN(x)) return 'NA';
  if (x === Infinity) return 'Inf';
  if (x === -Infinity) return '-Inf';
  if (Number.isInteger(x)) return String(x);
  return String(Number(x.toPrecision(DIGITS)));
}

/** a string literal: JSON's escapes (\", \\, \n, \uXXXX) are also R's */
export function rString(text: string): string {
  return JSON.stringify(text);
}

export function rVector(items: readonly string[]): string {
  return `c(${items.join(', ')})`;
}

export function rNumbers(values: readonly (number | null)[]): string {
  return rVector(values.map((value) => (value === null ? 'NA' : rNumber(value))));
}

/** a call; one broken over lines indents its arguments (and theirs, when they are calls broken too) */
export function rCall(name: string, args: readonly Argument[]): string {
  const parts = args.map(([key, value]) => (key === undefined ? value : `${key} = ${value}`));
  const line = `${name}(${parts.join(', ')})`;
  if (line.length <= LINE && !line.includes('\n')) return line;
  return `${name}(\n${parts.map((part) => `  ${part.replace(/\n/g, '\n  ')}`).join(',\n')}\n)`;
}

/** `# …` lines wrapped at the line length; text from people (titles, labels) loses its line breaks */
export function rComment(text: string): string[] {
  const words = text.replace(/[\r\n\u2028\u2029]+/g, ' ').split(/ +/);
  const lines: string[] = [];
  let line = '#';
  for (const word of words) {
    if (line.length + 1 + word.length > LINE && line !== '#') {
      lines.push(line);
      line = '#';
    }
    line += ` ${word}`;
  }
  lines.push(line);
  return lines;
}
