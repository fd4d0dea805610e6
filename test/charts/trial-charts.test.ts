// The charts of "Watch one trial" as output: the timeline of a traced trial (continuous, binary and
// survival, part way and at the end) and the statistics of an analysis, drawn from engine traces of
// small fixed scenarios at a desktop and a phone width and compared with stored snapshots (listed in
// test/charts/gallery.html); and what a reader relies on checked directly: the viewBox is the width
// asked, no text under 11 px, no patient drawn before it is screened, every assay error outlined.
// With several populations: the timeline by subgroup, and the closed test's intersections row by row.
import { describe, expect, it } from 'vitest';
import { closedTestLattice } from '../../src/app/charts/closed-test-lattice.js';
import { decisionFigure } from '../../src/app/charts/decision-figure.js';
import { statisticsChart } from '../../src/app/charts/statistics-chart.js';
import { type TimelineData, trialTimeline } from '../../src/app/charts/trial-timeline.js';
import { trialSteps, visibleAt } from '../../src/app/trial-steps.js';
import { type Trace, traceAnyReplicate, traceReplicate } from '../../src/engine/trace/trace.js';
import { templateText } from '../../src/report/template-text.js';
import { NESTED_MISREAD } from '../support/population-scenarios.js';
import { expectSvgSnapshot } from '../support/svg-snapshot.js';
import { binaryEndpoint, continuousEndpoint, scenarioFrom } from '../support/scenarios.js';

const population = { prevalence: 0.35, sensitivity: 0.8, specificity: 0.85 };
const continuous = scenarioFrom({
  population,
  endpoint: continuousEndpoint(0.8, 0.2),
  trial: { screeningRate: 10, endpointDelay: 1.5 },
  designs: [{ id: 'enriched', label: 'Enriched', type: 'enriched', n: 24 }],
  simulation: { replicates: 100, seed: 'charts' },
});
const binary = scenarioFrom({
  population,
  endpoint: binaryEndpoint([0.3, 0.3], [0.7, 0.4]),
  designs: [
    {
      id: 'adaptive',
      label: 'Adaptive',
      type: 'adaptive-enrichment',
      n: [30, 60],
      selection: { rule: 'epsilon', epsilon: 0.1 },
    },
  ],
  simulation: { replicates: 100, seed: 'charts' },
});
const survival = scenarioFrom({
  population,
  endpoint: {
    type: 'survival',
    controlMedian: { pos: 8, neg: 10 },
    hazardRatio: { pos: 0.5, neg: 0.9 },
    dropoutPerYear: 0.15,
  },
  trial: { screeningRate: 6 },
  designs: [{ id: 'stratified', label: 'Stratified', type: 'stratified', n: 40, events: 24 }],
  simulation: { replicates: 100, seed: 'charts' },
});

const several = scenarioFrom({
  // two nested populations and an imperfect assay (docs/populations.md's PD-L1-like cutoffs)
  population: NESTED_MISREAD,
  endpoint: {
    type: 'continuous',
    effect: { high: 0.9, low: 0.5, neg: 0.1 },
    sd: { high: 1, low: 1, neg: 1 },
  },
  trial: { screeningRate: 10, endpointDelay: 1.5 },
  designs: [
    { id: 'stratified', label: 'Stratified', type: 'stratified', n: 40, intersection: 'simes' },
    {
      id: 'adaptive',
      label: 'Adaptive',
      type: 'adaptive-enrichment',
      n: [30, 60],
      intersection: 'bonferroni',
      selection: { rule: 'epsilon', epsilon: 0.2 },
    },
  ],
  simulation: { replicates: 100, seed: 'charts' },
});
const SEVERAL: Record<string, Trace<string>> = {
  stratified: traceAnyReplicate(several, 'stratified', 3),
  adaptive: traceAnyReplicate(several, 'adaptive', 2),
};

const TRACES = {
  continuous: traceReplicate(continuous, 'enriched', 3),
  binary: traceReplicate(binary, 'adaptive', 2),
  survival: traceReplicate(survival, 'stratified', 4),
};

/** the timeline at the step `at` (a fraction of the way through its steps) */
function timelineAt(name: keyof typeof TRACES, at: number, trace: Trace<string> = TRACES[name]): TimelineData {
  const steps = trialSteps(trace, 'intro');
  const step = steps[Math.round(at * (steps.length - 1))];
  return {
    endpoint: trace.endpoint,
    patients: trace.patients,
    subgroups: trace.subgroups,
    moment: { month: step.month, stage: step.stage },
    end: trace.outcome.months,
    analyses: step.analyses,
  };
}

/** the dots drawn: the subpaths of the filled paths (each look of dot is one path), or of those outlined in ink */
function dotCount(text: string, outlined = false): number {
  const paths = [...text.matchAll(/<path d="([^"]*)" fill="(?!none)[^"]*" stroke="([^"]*)"/g)];
  return paths
    .filter(([, , stroke]) => !outlined || stroke === '#1b1f24')
    .reduce((sum, [, d]) => sum + (d.match(/M/g)?.length ?? 0), 0);
}

const smallestFont = (text: string) =>
  Math.min(...[...text.matchAll(/font-size="([\d.]+)"/g)].map((match) => Number(match[1])));

describe('trialTimeline', () => {
  for (const name of Object.keys(TRACES) as (keyof typeof TRACES)[])
    for (const [when, at] of [
      ['middle', 0.4],
      ['end', 1],
    ] as const)
      for (const width of [560, 360])
        it(`${name}, ${when}, at ${width}: matches its snapshot`, () => {
          const svg = templateText(trialTimeline(timelineAt(name, at), { id: 't', title: `${name} trial`, width }));
          expectSvgSnapshot(`trial-timeline-${name}-${when}-${width}`, svg);
        });

  it('is as wide as asked with no text under 11 px; only patients screened by the step are drawn', () => {
    for (const width of [320, 390, 776]) {
      const data = timelineAt('continuous', 0.3);
      const text = templateText(trialTimeline(data, { id: 't', title: 'trial', width }));
      expect(text).toContain(`viewBox="0 0 ${width} `);
      expect(smallestFont(text)).toBeGreaterThanOrEqual(11);
      const visible = data.patients.filter((p) => visibleAt(p, data.moment));
      expect(visible.length).toBeLessThan(data.patients.length);
      expect(dotCount(text)).toBe(visible.length);
    }
  });

  it('outlines every assay error, and its description counts what is shown', () => {
    const data = timelineAt('continuous', 1);
    const text = templateText(trialTimeline(data, { id: 't', title: 'trial', width: 560 }));
    const wrong = data.patients.filter((p) => p.marker !== p.assay).length;
    expect(wrong).toBeGreaterThan(0);
    expect(dotCount(text, true)).toBe(wrong);
    expect(text).toMatch(new RegExp(`${data.patients.length} patients screened, 24 randomised`));
    expect(text).toContain(`${wrong} with an assay result that differs`);
  });

  it('survival: an × at each event seen, a bar at each dropout', () => {
    const data = timelineAt('survival', 1);
    const text = templateText(trialTimeline(data, { id: 't', title: 'trial', width: 560 }));
    const events = data.patients.filter((p) => p.followUp?.ending === 'event').length;
    expect(text.match(/l6,6m0,-6l-6,6/g)).toHaveLength(events + 1); // + the legend's
    const dropouts = data.patients.filter((p) => p.followUp?.ending === 'dropout').length;
    expect(text.match(/v8/g) ?? []).toHaveLength(dropouts);
  });
});

describe('statisticsChart and the decision figures', () => {
  it('an analysis and an interim match their snapshots at 560 and 360', () => {
    for (const width of [560, 360]) {
      const look = statisticsChart(
        {
          rows: [
            { label: 'H_S on its own', z: 2.31, critical: 1.96, reached: true },
            { label: 'H_F on its own', z: 1.2, critical: 1.96, reached: false },
          ],
        },
        { id: 's', title: 'The analysis', width },
      );
      expectSvgSnapshot(`statistics-analysis-${width}`, templateText(look));
      const interim = statisticsChart(
        { rows: [{ label: 'H_S∩H_F', z: null, critical: null, reached: false }] },
        { id: 's', title: 'Stage 1 at the interim', width },
      );
      expectSvgSnapshot(`statistics-cannot-reject-${width}`, templateText(interim));
    }
  });

  it('every step of a trial has its figure: statistics at an analysis, the closed test lit node by node', () => {
    for (const trace of Object.values(TRACES)) {
      const steps = trialSteps(trace, 'intro');
      const texts = steps.map((step) => templateText(decisionFigure(trace.decisions, step, { id: 'd', width: 360 })));
      expect(texts[0]).toBe('');
      expect(texts.some((text) => text.includes('Closed test of H_S and H_F'))).toBe(trace.design.type !== 'enriched');
      const lit = steps.filter((step) => step.lit).map((step) => step.lit);
      if (lit.length > 0) {
        const final = trace.decisions[trace.decisions.length - 1];
        if (final.kind === 'final' || final.kind === 'closed-test') expect(lit[lit.length - 1]).toEqual(final.local);
      }
    }
  });
});

describe('Watch one trial with several populations', () => {
  for (const width of [560, 360])
    it(`the timeline by subgroup, the assay's subgroup as a ring, at ${width}: matches its snapshot`, () => {
      const data = timelineAt('continuous', 0.5, SEVERAL.stratified);
      const svg = templateText(trialTimeline(data, { id: 't', title: 'stratified trial', width }));
      expectSvgSnapshot(`trial-timeline-populations-${width}`, svg);
      expect(smallestFont(svg)).toBeGreaterThanOrEqual(11);
      for (const id of ['high', 'low', 'neg']) expect(svg).toContain(`>${id}</text>`);
      const visible = data.patients.filter((p) => visibleAt(p, data.moment));
      expect(dotCount(svg)).toBe(visible.length);
      const wrong = visible.filter((p) => p.marker !== p.assay).length;
      expect(wrong).toBeGreaterThan(0);
      expect(svg).toContain(`${wrong} with an assay result that differs from their true subgroup`);
    });

  it('the closed test of S1, S2 and F, row by row, matches its snapshots at 560 and 360', () => {
    for (const [name, trace] of Object.entries(SEVERAL)) {
      const steps = trialSteps(trace, 'intro').filter((step) => step.title.startsWith('Closed test'));
      // one step per row: the intersection of all three, those of two, each hypothesis
      expect(steps.map((step) => step.title)).toEqual([
        'Closed test: intersections of 3',
        'Closed test: intersections of 2',
        'Closed test: each hypothesis',
      ]);
      const last = trace.decisions[trace.decisions.length - 1];
      if (last.kind !== 'populations-closed-test' && last.kind !== 'populations-final') throw new Error(last.kind);
      expect(steps[2].lattice?.nodes.map((node) => node.lit)).toEqual(last.intersections.map((node) => node.rejected));
      expect(steps[0].lattice?.nodes.filter((node) => node.lit === null)).toHaveLength(6);
      for (const width of [560, 360]) {
        const first = templateText(closedTestLattice(steps[0].lattice!, { id: 'c', width }));
        const end = templateText(closedTestLattice(steps[2].lattice!, { id: 'c', width }));
        expectSvgSnapshot(`closed-test-lattice-${name}-${width}`, end);
        expect(first).toContain('Still to come: S1∩S2, S1∩F, S2∩F, S1, S2, F.');
        expect(smallestFont(end)).toBeGreaterThanOrEqual(11);
        expect(end).toContain(`viewBox="0 0 ${width} `);
      }
    }
  });

  it('three populations and F: fifteen intersections in four rows, at 560 and 360', () => {
    const ids = ['P1', 'P2', 'P3', 'F'];
    const nodes = [];
    for (let mask = 1; mask <= 15; mask++) {
      const held = ids.filter((_, k) => (mask >> k) & 1);
      nodes.push({ name: held.join('∩'), ids: held, lit: !held.includes('P3') || held.length > 2 });
    }
    // as the trace lists them: the largest first, then by mask
    nodes.sort((a, b) => b.ids.length - a.ids.length);
    const rejected = { P1: true, P2: true, P3: false, F: true };
    for (const width of [560, 360]) {
      const text = templateText(closedTestLattice({ nodes, rejected }, { id: 'c', width }));
      expectSvgSnapshot(`closed-test-lattice-four-${width}`, text);
      expect(text.match(/<rect width=/g)).toHaveLength(15 + 2);
      expect(text).toContain('The closed test rejects H_P1 and H_P2 and H_F.');
      expect(text).toContain('Closed test of H_P1, H_P2, H_P3, H_F');
    }
  });

  it('every step of a trial has its figure: statistics at an analysis and the interim, the lattice row by row', () => {
    for (const trace of Object.values(SEVERAL)) {
      const steps = trialSteps(trace, 'intro');
      const texts = steps.map((step) => templateText(decisionFigure(trace.decisions, step, { id: 'd', width: 360 })));
      expect(texts[0]).toBe('');
      // each row of the closed test, and the trial's result beside the last
      expect(texts.filter((text) => text.includes('Closed test of H_S1, H_S2, H_F'))).toHaveLength(4);
      const analysis = steps.findIndex((step) => step.decision === 0);
      expect(texts[analysis]).toContain(trace.design.type === 'stratified' ? 'H_S1 on its own' : 'H_S1∩H_S2∩H_F');
      for (const step of steps) expect(step.text).not.toMatch(/undefined|NaN|H_S∩H_F/);
    }
  });
});
