// The page's planning with several populations, on the engine in this thread: the target takes a
// population's id (in the link's fragment too, and back to `any` when the scenario's form changes), the
// charts' data are keyed by population, the share curve varies the default subgroup and passes through
// the scenario's share, the sizes at the target are the engine's solve, and the map is over a
// subgroup's share × another's effect.
import { describe, expect, it } from 'vitest';
import { computeCharts, computeMap } from '../../src/app/chart-data.js';
import type { Draft } from '../../src/app/draft.js';
import { PRESETS } from '../../src/app/presets.js';
import { defaultShareSubgroup, effectSubgroupOf, shareSubgroupOf } from '../../src/app/share-subgroup.js';
import { Store } from '../../src/app/state/store.js';
import { decodeTargetHash, encodeTargetHash } from '../../src/app/target-hash.js';
import type { ParameterMap } from '../../src/engine/planning/design-map.js';
import { solve } from '../../src/engine/planning/solve.js';
import { survivalCurves } from '../../src/engine/planning/survival-curves.js';
import type { DesignResult } from '../../src/engine/results.js';
import { parseScenario } from '../../src/engine/scenario/parse.js';
import {
  isMarkerPopulation,
  type Scenario,
  type SubgroupPopulation,
  type SurvivalEndpoint,
} from '../../src/engine/scenario/types.js';
import { simulate } from '../../src/engine/simulate.js';
import { encodeScenarioQuery } from '../../src/share/url-codec.js';
import { SMALL } from '../support/opened-store.js';
import { ThreadEngine } from '../support/thread-engine.js';

function preset(name: string, replicates = 200): Scenario {
  const draft = PRESETS.find((entry) => entry.name === name)!.scenario as Draft;
  const parsed = parseScenario({ ...draft, simulation: { replicates, seed: name } });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.scenario;
}
const TWO_CUTOFFS = preset('PD-L1-like: two cutoffs');
const TWO_MARKERS = preset('Two markers');
const subgroupsOf = (scenario: Scenario) => scenario.population as SubgroupPopulation;

/** results with P(reject) 0.5 for every hypothesis the engine gives this scenario's designs */
const stub = (point: Scenario): DesignResult[] =>
  simulate({ ...point, simulation: { ...point.simulation, replicates: 50 } }).map((result) => ({
    ...result,
    reject: Object.fromEntries(Object.keys(result.reject).map((key) => [key, 0.5])) as DesignResult['reject'],
  }));

describe('the target with several populations', () => {
  it('takes a population id from the link, in its fragment, and names what the scenario does not have', () => {
    const store = new Store(new ThreadEngine());
    store.open({ query: encodeScenarioQuery(TWO_MARKERS), hash: '#hypothesis=SB', dropped: [], droppedSaved: [] });
    expect(store.target).toEqual({ power: 0.8, hypothesis: 'SB' });
    expect(store.notice).toBe('');
    const tampered = new Store(new ThreadEngine());
    const hash = '#power=0.9&hypothesis=S';
    tampered.open({ query: encodeScenarioQuery(TWO_MARKERS), hash, dropped: [], droppedSaved: [] });
    expect(tampered.target).toEqual({ power: 0.9, hypothesis: 'any' });
    expect(tampered.notice).toMatch(/hypothesis: must be one of SA, SB, F, any, got S\.$/);
  });

  it('keeps an id with + in the fragment, and one marker’s fragment as it was', () => {
    const target = { power: 0.9, hypothesis: 'A+B+' };
    expect(encodeTargetHash(target)).toBe('#power=0.9&hypothesis=A%2BB%2B');
    expect(decodeTargetHash(encodeTargetHash(target), ['A+B+', 'F', 'any']).target).toEqual(target);
    expect(encodeTargetHash({ power: 0.9, hypothesis: 'S' })).toBe('#power=0.9&hypothesis=S');
    expect(encodeTargetHash({ power: 0.8, hypothesis: 'any' })).toBe('');
  });

  it('falls back to any when the scenario no longer has its hypothesis, either way', () => {
    const store = new Store(new ThreadEngine());
    store.open({
      query: '',
      hash: '',
      kept: { query: '', draft: structuredClone(SMALL) },
      dropped: [],
      droppedSaved: [],
    });
    store.setTarget({ power: 0.85, hypothesis: 'S' });
    store.setDraft(structuredClone(TWO_MARKERS) as unknown as Draft);
    expect(store.target).toEqual({ power: 0.85, hypothesis: 'any' });
    store.setTarget({ power: 0.85, hypothesis: 'SA' });
    // a renamed population: its old id is gone
    const renamed = structuredClone(TWO_MARKERS) as unknown as Draft;
    (renamed.population as { populations: { id: string }[] }).populations[0].id = 'SA2';
    (renamed.designs as { population?: string }[])[0].population = 'SA2';
    (renamed.designs as { order?: string[] }[])[1].order = ['SA2', 'SB', 'F'];
    store.setDraft(renamed);
    expect(store.errors).toEqual([]);
    expect(store.target.hypothesis).toBe('any');
    store.setTarget({ power: 0.85, hypothesis: 'SB' });
    store.setDraft(structuredClone(SMALL));
    expect(store.target).toEqual({ power: 0.85, hypothesis: 'any' });
  });
});

describe('the subgroups the charts vary', () => {
  it('by default the first of the smallest population, the first population on a tie', () => {
    // S1 = [high] inside S2 = [high, low]
    expect(defaultShareSubgroup(subgroupsOf(TWO_CUTOFFS))).toBe('high');
    // SA and SB both hold 35% of those screened
    expect(defaultShareSubgroup(subgroupsOf(TWO_MARKERS))).toBe('A+B+');
    expect(shareSubgroupOf(subgroupsOf(TWO_MARKERS), 'A-B+')).toBe('A-B+');
    expect(shareSubgroupOf(subgroupsOf(TWO_MARKERS), 'gone')).toBe('A+B+');
  });

  it("the map's effect: the subgroup in no population, else the last other", () => {
    expect(effectSubgroupOf(subgroupsOf(TWO_CUTOFFS), 'high')).toBe('neg');
    expect(effectSubgroupOf(subgroupsOf(TWO_MARKERS), 'A+B+')).toBe('A-B-');
    expect(effectSubgroupOf(subgroupsOf(TWO_MARKERS), 'A-B-')).toBe('A-B+');
  });
});

describe('chart data by population', () => {
  it('curves keyed by population id, F and any; the share curve through the scenario’s own share', async () => {
    const steps: (string | null)[] = [];
    const target = { power: 0.8, hypothesis: 'S1' };
    const data = await computeCharts(TWO_CUTOFFS, target, stub, (_, step) => steps.push(step));
    expect(steps).toEqual(['power against size', 'power against the share of high', 'size at the target power', null]);
    const keys = (series: { byHypothesis: object }) => Object.keys(series.byHypothesis);
    // all-comers tests F; enriched (S2) its population; stratified and adaptive every population and F
    expect(data.bySize?.series.map(keys)).toEqual([
      ['F', 'any'],
      ['S2', 'any'],
      ['S1', 'S2', 'F', 'any'],
      ['S1', 'S2', 'F', 'any'],
    ]);
    expect(data.byPrevalence).toBeUndefined();
    expect(data.byShare?.subgroup).toBe('high');
    expect(data.byShare?.unit).toBe('share of high');
    expect(data.byShare?.scenarioValue).toBe(0.25);
    expect(data.byShare?.series[2].byHypothesis.S1?.map((point) => point.x)).toEqual([
      0.1, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9,
    ]);
    expect(data.atTarget?.map((solution) => solution.id)).toEqual(['all-comers', 'enriched', 'stratified', 'adaptive']);
    expect(data.atTarget?.[0]).toMatchObject({ unreachable: 'all-comers designs do not test H_S1' });
  });

  it('another subgroup redraws only the share curve, keeping the rest', async () => {
    const target = { power: 0.8, hypothesis: 'any' };
    const first = await computeCharts(TWO_MARKERS, target, stub, () => undefined);
    let simulations = 0;
    const counted = (point: Scenario) => {
      simulations++;
      return stub(point);
    };
    const kept = { bySize: first.bySize, atTarget: first.atTarget };
    const again = await computeCharts(TWO_MARKERS, target, counted, () => undefined, { subgroup: 'A-B-', kept });
    expect(again.bySize).toBe(first.bySize);
    expect(again.atTarget).toBe(first.atTarget);
    expect(again.byShare?.subgroup).toBe('A-B-');
    expect(again.byShare?.scenarioValue).toBe(0.45);
    expect(simulations).toBe(again.byShare?.series[0].byHypothesis.any?.length);
  });

  it('the sizes at the target are the engine’s solve at the charts’ replicates', async () => {
    const target = { power: 0.8, hypothesis: 'S2' };
    const data = await computeCharts(TWO_CUTOFFS, target, simulate, () => undefined);
    const solved = await solve(TWO_CUTOFFS, target, simulate, { replicates: 200 });
    expect(data.atTarget).toEqual(solved);
    expect(solved.some((solution) => 'size' in solution)).toBe(true);
  });

  it('the map: a subgroup’s share across, another’s effect up, from none to the first’s', async () => {
    const target = { power: 0.8, hypothesis: 'SA' };
    let points = 0;
    const map = (await computeMap(TWO_MARKERS, target, stub, {
      onProgress: (done) => {
        points = done;
      },
    })) as ParameterMap;
    expect(isMarkerPopulation(TWO_MARKERS.population)).toBe(false);
    expect(map.target).toEqual(target);
    expect(map.axes[0]).toEqual({ parameter: 'subgroups.A+B+.share', values: [0.1, 0.25, 0.4, 0.55, 0.7, 0.85] });
    // A-B-'s treatment rate: its control 0.2 plus 0 to 100% of A+B+'s difference 0.5 − 0.2
    expect(map.axes[1].parameter).toBe('effect.A-B-');
    expect(map.axes[1].values.map((value) => +value.toFixed(9))).toEqual([0.2, 0.26, 0.32, 0.38, 0.44, 0.5]);
    expect(map.cells).toHaveLength(36);
    expect(points).toBe(36);
    expect(map.cells[0].at).toEqual({ 'subgroups.A+B+.share': 0.1, 'effect.A-B-': 0.2 });
  });
});

describe('survival curves with several populations', () => {
  it('are drawn per subgroup, each arm from its own median and hazard ratio', () => {
    const parsed = parseScenario({
      ...TWO_CUTOFFS,
      endpoint: {
        type: 'survival',
        controlMedian: { high: 10, low: 12, neg: 14 },
        hazardRatio: { high: 0.5, low: 0.8, neg: 1 },
      },
      designs: [{ id: 'all', type: 'all-comers', n: 300, events: 200 }],
      simulation: { replicates: 200, method: 'asymptotic' },
    });
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const endpoint = parsed.scenario.endpoint as SurvivalEndpoint;
    const { curves } = survivalCurves(endpoint, [0, 10, 20], ['high', 'low', 'neg']);
    expect(curves.map((curve) => `${curve.status} ${curve.arm}`)).toEqual([
      'high treatment',
      'high control',
      'low treatment',
      'low control',
      'neg treatment',
      'neg control',
    ]);
    // exponential: S(10) = 2^(−10/median), the treatment arm's hazard times the hazard ratio
    expect(curves[1].survival[1]).toBeCloseTo(0.5, 12);
    expect(curves[0].survival[1]).toBeCloseTo(0.5 ** 0.5, 12);
    expect(curves[5].survival[1]).toBeCloseTo(2 ** (-10 / 14), 12);
  });
});
