// Drawn for a 360 px phone column, every chart's viewBox is 360 wide, so a unit is a CSS pixel, and
// no text is smaller than 11 px (WCAG gives no minimum; 11 px is the smallest the house reads).
import { describe, expect, it } from 'vitest';
import { templateText } from '../../src/report/template-text.js';
import { CASES } from './cases.js';

const PHONE = 360;
const SMALLEST_TEXT = 11;

describe(`charts at a ${PHONE} px width`, () => {
  for (const chart of CASES)
    it(`${chart.name}: the viewBox is ${PHONE} wide and every font-size at least ${SMALLEST_TEXT}`, () => {
      const text = templateText(chart.render(PHONE));
      const viewBox = /<svg[^>]*\sviewBox="0 0 ([\d.]+) [\d.]+"/.exec(text);
      expect(Number(viewBox?.[1])).toBe(PHONE);
      expect(text).toMatch(new RegExp(`<svg[^>]*\\swidth="${PHONE}"`));
      const sizes = [...text.matchAll(/font-size[=:]\s*"?([\d.]+)/g)].map((match) => Number(match[1]));
      expect(sizes.length).toBeGreaterThan(0);
      for (const size of sizes) expect(size).toBeGreaterThanOrEqual(SMALLEST_TEXT);
    });
});
