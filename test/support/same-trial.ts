// The trial a page shows against the one `stratum trace` prints (the browser tests of "Watch one trial").
import { expect } from 'vitest';

/**
 * The page's trace against `stratum trace`'s: the same trial — every patient, arm, decision and verdict
 * the same, every number within 10⁻⁹ relative. Not byte for byte: Chromium's V8 rounds Math.log and
 * Math.exp differently from Node 20's in the last bit for about one argument in twelve, and the
 * normal sampler's tables are built with Math.log, so some outcomes differ in their last digit.
 * Returns how many numbers differ at all, of how many.
 */
export function sameTrial(onPage: string, cli: string): { differing: number; numbers: number } {
  let differing = 0;
  let numbers = 0;
  const walk = (a: unknown, b: unknown, path: string): void => {
    if (typeof a === 'number' && typeof b === 'number') {
      numbers++;
      if (a !== b) differing++;
      expect(Math.abs(a - b), path).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(a), Math.abs(b)));
      return;
    }
    if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
      expect(Object.keys(a), path).toEqual(Object.keys(b));
      for (const key of Object.keys(a))
        walk((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`);
      return;
    }
    expect(a, path).toBe(b);
  };
  walk(JSON.parse(onPage), JSON.parse(cli), 'trace');
  return { differing, numbers };
}
