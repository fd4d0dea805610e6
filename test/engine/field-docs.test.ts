// The form's description of every field comes from the contract: each field the contract reads has
// its words (label, help) in field-docs.ts, each entry there names a field the contract has, and the
// ranges and keywords shown are the validator's own.
import { describe, expect, it } from 'vitest';
import {
  ADAPTIVE_INTERSECTIONS,
  INTERSECTIONS,
  SEVERAL_ADAPTIVE_INTERSECTIONS,
  SEVERAL_INTERSECTIONS,
} from '../../src/engine/scenario/design-fields.js';
import { DESIGN_TYPES } from '../../src/engine/scenario/design-meta.js';
import { ENDPOINT_TYPES } from '../../src/engine/scenario/endpoint.js';
import { FIELD_DOCS, fieldPaths, fieldView } from '../../src/engine/scenario/field-docs.js';

const scenarioPaths = ENDPOINT_TYPES.flatMap((type) => fieldPaths(type).map((path) => [type, path] as const));
const designPaths = ENDPOINT_TYPES.flatMap((endpoint) =>
  DESIGN_TYPES.flatMap((type) => fieldPaths(endpoint, type).map((path) => [endpoint, type, path] as const)),
);

describe('the form’s field descriptions', () => {
  it('describe every field the contract reads', () => {
    expect(scenarioPaths.length).toBeGreaterThan(30);
    for (const [endpoint, path] of scenarioPaths) expect(fieldView(path, endpoint), path).toBeDefined();
    for (const [endpoint, type, path] of designPaths)
      expect(fieldView(path, endpoint, type), `${type} ${path}`).toBeDefined();
  });

  it('name only fields the contract has', () => {
    const known = new Set([
      ...scenarioPaths.map(([, path]) => path),
      ...designPaths.map(([, , path]) => path.replace('designs[0]', 'designs')),
    ]);
    for (const key of Object.keys(FIELD_DOCS)) expect(known.has(key), key).toBe(true);
  });

  it('show the validator’s ranges and keywords', () => {
    expect(fieldView('population.prevalence', 'continuous')?.range).toBe('0.001 ≤ x ≤ 0.999');
    expect(fieldView('simulation.replicates', 'binary')?.range).toBe('integer, 1 to 10⁷');
    const values = (path: string, type: 'stratified' | 'adaptive-enrichment') =>
      fieldView(path, 'continuous', type)?.options?.map(([value]) => value);
    expect(values('designs[2].intersection', 'stratified')).toEqual([...INTERSECTIONS]);
    // an adaptive design offers only the intersection tests a combination test can use
    expect(values('designs[2].intersection', 'adaptive-enrichment')).toEqual([...ADAPTIVE_INTERSECTIONS]);
    expect(fieldView('analysis.stratified', 'continuous')?.options).toEqual([
      ['true', 'Stratified'],
      ['false', 'Pooled'],
    ]);
    expect(fieldView('designs[0].selection.threshold', 'continuous', 'adaptive-enrichment')?.nullable).toBe(true);
    expect(fieldView('trial.currency', 'continuous')?.optional).toBe(true);
    // a field a design type does not have is not offered for it
    expect(fieldView('designs[0].selection.rule', 'continuous', 'enriched')).toBeUndefined();
    expect(fieldView('endpoint.sd.pos', 'binary')).toBeUndefined();
  });

  it('describe the several-populations form: its fields, and the designs’ population and order', () => {
    expect(fieldPaths('binary')).toEqual(
      expect.arrayContaining([
        'population.subgroups',
        'population.subgroups.id',
        'population.subgroups.share',
        'population.populations',
        'population.populations.id',
        'population.populations.subgroups',
        'population.assay',
      ]),
    );
    expect(fieldView('population.subgroups[1].share', 'continuous')).toMatchObject({
      label: 'Share',
      range: '0 ≤ x ≤ 1',
    });
    expect(fieldView('population.subgroups', 'continuous')?.range).toBe('an array of 2 to 8 subgroups { id, share }');
    expect(fieldView('population.assay', 'survival')?.optional).toBe(true);
    expect(fieldView('designs[1].population', 'continuous', 'enriched')).toMatchObject({
      label: 'Population',
      optional: true,
    });
    expect(fieldView('designs[2].order', 'binary', 'stratified')).toMatchObject({ label: 'Order', optional: true });
    expect(fieldView('designs[2].order', 'binary', 'adaptive-enrichment')).toBeUndefined();
  });

  it('name the intersection tests of the several-populations form beside the one-marker form’s', () => {
    const several = (type: 'stratified' | 'adaptive-enrichment') =>
      fieldView('designs[0].intersection', 'continuous', type)?.severalOptions;
    expect(several('stratified')?.map(([value]) => value)).toEqual([...SEVERAL_INTERSECTIONS]);
    expect(several('adaptive-enrichment')?.map(([value]) => value)).toEqual([...SEVERAL_ADAPTIVE_INTERSECTIONS]);
    expect(several('stratified')).toContainEqual(['dunnett', 'Dunnett (max-z; Spiessens–Debois with one marker)']);
    expect(several('stratified')).toContainEqual(['hierarchical', 'Hierarchical, in the design’s order']);
    expect(fieldView('designs[0].n', 'continuous', 'stratified')?.severalOptions).toBeUndefined();
  });
});
