// Edits of a drafted population with several subgroups keep every place an id is named in step: the
// populations, the assay, the endpoint's maps and the designs; the switch between the two forms gives
// a valid scenario of the other form.
import { describe, expect, it } from 'vitest';
import type { Draft } from '../../src/app/draft.js';
import * as edits from '../../src/app/population-draft.js';
import { PRESETS } from '../../src/app/presets.js';
import { parseScenario } from '../../src/engine/scenario/parse.js';

const preset = (name: string): Draft => structuredClone(PRESETS.find((p) => p.name === name)!.scenario);
const errorsOf = (draft: Draft) => {
  const parsed = parseScenario(draft);
  return parsed.ok ? [] : parsed.errors;
};

describe('editing several populations', () => {
  it('renames a subgroup everywhere it is named, + and - kept', () => {
    const draft = edits.withAssay(preset('Two markers'), true);
    const renamed = edits.renameSubgroup(draft, 1, 'A+B-x');
    expect(edits.subgroupIds(renamed)).toEqual(['A+B+', 'A+B-x', 'A-B+', 'A-B-']);
    expect(edits.populationsOf(renamed)[0].subgroups).toEqual(['A+B+', 'A+B-x']);
    expect(Object.keys((renamed.endpoint as Draft).treatment as Draft)).toEqual(['A+B+', 'A+B-x', 'A-B+', 'A-B-']);
    expect(edits.assayEntry(renamed, 'A+B-x', 'A+B-x')).toBe(1);
    expect(errorsOf(renamed)).toEqual([]);
    // a clash changes the id alone, so that renaming back loses nothing
    const clash = edits.renameSubgroup(renamed, 1, 'A+B+');
    expect(errorsOf(clash).join('\n')).toMatch(/population\.subgroups\[1\]\.id: must be unique/);
    expect(edits.renameSubgroup(clash, 1, 'A+B-x')).toEqual(renamed);
  });

  it('adds a subgroup with the last one’s outcomes and no share; removes one from every list', () => {
    const added = edits.addSubgroup(preset('PD-L1-like: two cutoffs'));
    expect(edits.subgroupsOf(added).at(-1)).toEqual({ id: 'G1', share: 0 });
    expect((added.endpoint as Draft).effect).toMatchObject({ neg: 0.05, G1: 0.05 });
    expect(errorsOf(added)).toEqual([]);
    const removed = edits.removeSubgroup(edits.withAssay(added, true), 1);
    expect(edits.subgroupIds(removed)).toEqual(['high', 'neg', 'G1']);
    expect(edits.populationsOf(removed)[1].subgroups).toEqual(['high']);
    expect(Object.keys(removed.population as Draft)).toContain('assay');
    expect(Object.keys((removed.population as Draft).assay as Draft)).toEqual(['high', 'neg', 'G1']);
    // the shares now add up to 0.65 and S1 and S2 are the same: the contract says so at the fields
    expect(errorsOf(removed).join('\n')).toMatch(/shares must add up to 1, they add up to 0.65/);
  });

  it('renames and removes a population in the designs too, and sets membership in the subgroups’ order', () => {
    const draft = preset('Two markers');
    const renamed = edits.renamePopulation(draft, 0, 'A');
    const designs = renamed.designs as Draft[];
    expect(designs[0].population).toBe('A');
    expect(designs[1].order).toEqual(['A', 'SB', 'F']);
    const removed = edits.removePopulation(renamed, 0);
    expect((removed.designs as Draft[])[0].population).toBe('SB');
    expect((removed.designs as Draft[])[1].order).toEqual(['SB', 'F']);
    const member = edits.setMember(draft, 1, 'A+B-', true);
    expect(edits.populationsOf(member)[1].subgroups).toEqual(['A+B+', 'A+B-', 'A-B+']);
    const added = edits.addPopulation(draft);
    expect(edits.populationsOf(added)[2]).toEqual({ id: 'S1', subgroups: ['A+B+'] });
    expect(edits.canAddPopulation(added)).toBe(false);
  });

  it('switches between the forms, each valid, the designs taking the other form’s keywords', () => {
    for (const { name, scenario } of PRESETS) {
      const several = edits.switchForm(structuredClone(scenario), true);
      expect(errorsOf(several), name).toEqual([]);
      expect(edits.hasSubgroupsDrafted(several)).toBe(true);
      const back = edits.switchForm(several, false);
      expect(errorsOf(back), name).toEqual([]);
      expect(edits.hasSubgroupsDrafted(back)).toBe(false);
    }
  });
});
