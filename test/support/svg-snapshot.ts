// Chart snapshots in the manner of Observable Plot's test/plot-snapshot.js: an SVG is normalised
// (numbers with a fraction rounded, ids renumbered in order of appearance with every reference to
// them, one tag a line, indented) and compared with test/charts/snapshots/<name>.svg. A missing
// snapshot is written, and `UPDATE_SNAPSHOTS=1` rewrites them all; otherwise a difference fails
// with the line diff of the two normalised texts.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export const SNAPSHOT_FOLDER = fileURLToPath(new URL('../charts/snapshots/', import.meta.url));

// 3 decimals as Plot does: a thousandth of a viewBox unit is far below a pixel, and far above the
// last-bit noise of a different floating-point library
const DIGITS = 3;

/** `1.23456` → `1.235`, `-0.0001` → `0`; integers as they are */
function roundNumbers(text: string, digits: number): string {
  return text.replace(/-?\d+\.\d+(?:e-?\d+)?/gi, (number) => {
    const rounded = +Number(number).toFixed(digits);
    return String(rounded === 0 ? 0 : rounded);
  });
}

/** each distinct id becomes `id-1`, `id-2`, … in order of appearance, and so do its references */
function renumberIds(text: string): string {
  const ids = new Map<string, string>();
  for (const [, id] of text.matchAll(/\sid="([^"]+)"/g)) if (!ids.has(id)) ids.set(id, `id-${ids.size + 1}`);
  const rename = (id: string) => ids.get(id) ?? id;
  return text
    .replace(/(\sid=")([^"]+)"/g, (_, before, id) => `${before}${rename(id)}"`)
    .replace(/url\(#([^)]+)\)/g, (_, id) => `url(#${rename(id)})`)
    .replace(/(\s(?:xlink:)?href="#)([^"]+)"/g, (_, before, id) => `${before}${rename(id)}"`)
    .replace(
      /(\saria-(?:labelledby|describedby|controls|owns)=")([^"]*)"/g,
      (_, before, list: string) => `${before}${list.split(/\s+/).filter(Boolean).map(rename).join(' ')}"`,
    );
}

/** whitespace runs become one space, and each tag that follows another starts its own line, indented by depth */
function layOut(text: string): string {
  const lines: string[] = [];
  for (const line of text.replace(/\s+/g, ' ').replace(/>\s*</g, '>\n<').trim().split('\n')) {
    // an empty element stays on one line: `<path d="…"></path>`
    const name = /^<\/([^>]+)>$/.exec(line)?.[1];
    const previous = lines[lines.length - 1];
    if (name && new RegExp(`^<${name}[\\s>]`).test(previous ?? '') && !previous.includes('</'))
      lines[lines.length - 1] += line;
    else lines.push(line);
  }
  let depth = 0;
  return lines
    .map((line) => {
      const opened = (line.match(/<[a-zA-Z][^>]*>/g) ?? []).filter((tag) => !tag.endsWith('/>')).length;
      const closed = line.match(/<\//g)?.length ?? 0;
      const leading = line.startsWith('</') ? 1 : 0;
      depth = Math.max(0, depth - leading);
      const indented = '  '.repeat(depth) + line;
      depth = Math.max(0, depth + opened - closed + leading);
      return indented;
    })
    .join('\n');
}

export function normaliseSvg(svgText: string, digits = DIGITS): string {
  return `${layOut(renumberIds(roundNumbers(svgText, digits)))}\n`;
}

/** compares `svgText`, normalised, with the stored snapshot `name`.svg, writing it when missing or asked to */
export function expectSvgSnapshot(name: string, svgText: string, digits = DIGITS): void {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name))
    throw new Error(`snapshot name: lower-case letters, digits and -, got ${name}`);
  const file = `${SNAPSHOT_FOLDER}${name}.svg`;
  const actual = normaliseSvg(svgText, digits);
  if (process.env.UPDATE_SNAPSHOTS === '1' || !existsSync(file)) {
    mkdirSync(SNAPSHOT_FOLDER, { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  const expected = readFileSync(file, 'utf8');
  expect(actual, `${name}.svg differs from its snapshot (UPDATE_SNAPSHOTS=1 rewrites it)`).toBe(expected);
}
