// Each design type's meta is complete and agrees with the validator, so the app, the URL codec
// and the CLI can rely on it.
import { describe, expect, it } from 'vitest';
import type { Field } from '../../../src/engine/scenario/checks.js';
import { DESIGN_META, DESIGN_TYPES, typesWithField } from '../../../src/engine/scenario/design-meta.js';
import { parseScenario } from '../../../src/engine/scenario/parse.js';
import { continuousDocument } from './documents.js';

describe('design meta', () => {
  it('covers the four design types of docs/scenario.md, simplest first', () => {
    expect(DESIGN_TYPES).toEqual(['all-comers', 'enriched', 'stratified', 'adaptive-enrichment']);
    expect(DESIGN_META.enriched.label).toBe('Enriched (marker-positive only)');
  });

  it.each(DESIGN_TYPES)('%s has a label, a one-line description and its own type', (type) => {
    const meta = DESIGN_META[type];
    expect(meta.type).toBe(type);
    expect(meta.label.length).toBeGreaterThan(0);
    expect(meta.description).toMatch(/^[^\n]{20,200}$/);
    expect(meta.hypotheses.length).toBeGreaterThan(0);
  });

  it.each(DESIGN_TYPES)('%s: every default its fields fill is accepted by the same fields', (type) => {
    for (const [key, field] of Object.entries(DESIGN_META[type].fields) as [string, Field<unknown>][]) {
      expect(field.allowed.length, key).toBeGreaterThan(0);
      const filled = field.fill?.();
      if (filled === undefined) continue; // required, or optional and left out
      const issues: string[] = [];
      expect(field.read(filled, key, issues, {}), key).toEqual(filled);
      expect(issues).toEqual([]);
    }
  });

  it('the validator fills exactly the meta defaults', () => {
    const parsed = parseScenario(continuousDocument());
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    for (const design of parsed.scenario.designs) {
      for (const [key, field] of Object.entries(DESIGN_META[design.type].fields) as [string, Field<unknown>][]) {
        expect((design as Record<string, unknown>)[key], `${design.type}.${key}`).toEqual(field.fill?.());
      }
    }
  });

  it('keywords are data the app can list', () => {
    const intersection = DESIGN_META['adaptive-enrichment'].fields.intersection;
    expect('values' in intersection && intersection.values).toEqual([
      'bonferroni',
      'simes',
      'sidak',
      'spiessens-debois',
    ]);
    expect('default' in intersection && intersection.default).toBe('simes');
  });

  it('knows which types own a field', () => {
    expect(typesWithField('intersection')).toEqual(['stratified', 'adaptive-enrichment']);
    expect(typesWithField('interims')).toEqual(['all-comers', 'enriched']);
    expect(typesWithField('nonsense')).toEqual([]);
  });
});
