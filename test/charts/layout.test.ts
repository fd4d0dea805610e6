// The width-dependent layout: ticks whose labels do not touch, text cut or wrapped to its room.
import { format, scaleLinear } from 'd3';
import { describe, expect, it } from 'vitest';
import { fitText, fittingTicks, FONT_SIZE, textWidth, wrapText } from '../../src/app/charts/layout.js';

describe('fittingTicks', () => {
  it('keeps d3’s ticks where they fit, and takes fewer on a narrow axis, each label clear of the next', () => {
    const tick = format(',d');
    const wide = scaleLinear().domain([0, 12_000]).range([56, 390]);
    const narrow = scaleLinear().domain([0, 12_000]).range([56, 200]);
    expect(fittingTicks(wide, tick, 6)).toEqual(wide.ticks(6));
    const ticks = fittingTicks(narrow, tick, 6);
    expect(ticks.length).toBeLessThan(narrow.ticks(6).length);
    for (let i = 1; i < ticks.length; i++) {
      const gap = narrow(ticks[i]) - narrow(ticks[i - 1]);
      expect(gap).toBeGreaterThanOrEqual((textWidth(tick(ticks[i])) + textWidth(tick(ticks[i - 1]))) / 2 + FONT_SIZE);
    }
  });
});

describe('fitText and wrapText', () => {
  it('cuts a label with an ellipsis to its room, and leaves one that fits', () => {
    expect(fitText('Enriched', 200)).toBe('Enriched');
    const cut = fitText('Stratified with a long name, Simes', 100);
    expect(cut.endsWith('…')).toBe(true);
    expect(textWidth(cut)).toBeLessThanOrEqual(100);
  });

  it('wraps between words into lines no wider than the room', () => {
    const lines = wrapText('Design needing the fewest randomised patients', 240, 14);
    expect(lines.join(' ')).toBe('Design needing the fewest randomised patients');
    expect(lines.length).toBe(2);
    for (const line of lines) expect(textWidth(line, 14)).toBeLessThanOrEqual(240);
  });
});
