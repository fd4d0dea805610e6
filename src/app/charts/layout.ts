// Laying a chart out for the width the page has for it. The viewBox is that width, so one unit is one
// CSS pixel and 12-unit text is 12 px on a phone as on a desktop (a 560-unit chart scaled into a
// 390 px phone made it 7.5 px); what the width changes is how much fits: how many ticks, where the
// legend goes, how a title wraps. Text widths are estimated, never measured: charts are drawn in
// Node too, for the report.
import type { ScaleLinear } from 'd3';

/** the width a chart is drawn for when the page does not say */
export const DEFAULT_WIDTH = 560;
/** below it nothing fits: a narrower container scales the chart down */
export const MIN_WIDTH = 300;
/** narrower than this, a legend at the right would leave the plot less than half the width */
export const NARROW = 480;
/** every chart's text; the smallest a phone reader is asked to read is 11 px */
export const FONT_SIZE = 12;
export const TITLE_SIZE = 14;
/** an average advance of system-ui glyphs, in em, a little over that of mixed-case text with digits */
const EM_PER_CHARACTER = 0.55;

export function chartWidth(width: number | undefined): number {
  return Math.max(MIN_WIDTH, Math.round(width ?? DEFAULT_WIDTH));
}

export function isNarrow(width: number): boolean {
  return width < NARROW;
}

export function textWidth(text: string, size = FONT_SIZE): number {
  return [...text].length * size * EM_PER_CHARACTER;
}

/** the text, cut with an ellipsis where it would be wider than `room` */
export function fitText(text: string, room: number, size = FONT_SIZE): string {
  const characters = [...text];
  const most = Math.max(1, Math.floor(room / (size * EM_PER_CHARACTER)));
  return characters.length <= most ? text : `${characters.slice(0, most - 1).join('')}…`;
}

/** the text in lines no wider than `room`, broken between words (a word wider than that is cut) */
export function wrapText(text: string, room: number, size = FONT_SIZE): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && textWidth(`${last} ${word}`, size) <= room) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(fitText(word, room, size));
  }
  return lines.length > 0 ? lines : [''];
}

/** the most ticks, up to `most`, whose labels leave a gap of at least one em between neighbours */
export function fittingTicks(
  scale: ScaleLinear<number, number>,
  tickFormat: (value: number) => string,
  most: number,
): number[] {
  for (let count = most; count > 1; count--) {
    const ticks = scale.ticks(count);
    const fits = ticks.every(
      (tick, i) =>
        i === 0 ||
        Math.abs(scale(tick) - scale(ticks[i - 1])) >=
          (textWidth(tickFormat(tick)) + textWidth(tickFormat(ticks[i - 1]))) / 2 + FONT_SIZE,
    );
    if (fits) return ticks;
  }
  return scale.ticks(1);
}
