// Every preset is a valid scenario; the two with several populations are nested and overlapping.
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../src/app/presets.js';
import { parseScenario } from '../../src/engine/scenario/parse.js';

describe('presets', () => {
  it.each(PRESETS.map((preset) => [preset.name, preset.scenario]))('%s is valid', (_, scenario) => {
    const parsed = parseScenario(scenario);
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
  });

  it('PD-L1-like nests S1 in S2; two markers overlap in A+B+', () => {
    const populationsOf = (name: string) =>
      (PRESETS.find((preset) => preset.name === name)!.scenario.population as { populations: unknown }).populations;
    expect(populationsOf('PD-L1-like: two cutoffs')).toEqual([
      { id: 'S1', subgroups: ['high'] },
      { id: 'S2', subgroups: ['high', 'low'] },
    ]);
    expect(populationsOf('Two markers')).toEqual([
      { id: 'SA', subgroups: ['A+B+', 'A+B-'] },
      { id: 'SB', subgroups: ['A+B+', 'A-B+'] },
    ]);
  });
});
