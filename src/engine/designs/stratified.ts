// Stratified: randomise all comers and test every population and F by closed testing over all
// intersections of their hypotheses (docs/methods.md, docs/populations.md).
import type { CellLayout } from '../population-model.js';
import type { Scenario, StratifiedDesign } from '../scenario/types.js';
import { ClosedTest } from '../inference/closed/closed-test.js';
import { Dunnett } from '../inference/closed/dunnett.js';
import { closedRule } from '../inference/closed/rules.js';
import { statisticCorrelation } from '../inference/intersection/correlation.js';
import { twoHypothesisTest, type IntersectionThresholds } from '../inference/intersection/index.js';
import type { TrialContext } from './context.js';
import type { DesignRunner } from './runner.js';
import type { Sampler } from '../random/sampler.js';
import type { TraceRecorder } from '../trace/recorder.js';
import type { ClosedTestDecision } from '../trace/recorder.js';
import { populationsClosedTestRecorder } from './closed-test-trace.js';
import { MAX_GROUPS, overlapping, stageCorrelation, StageStatistics } from './stage-source.js';

export function prepareStratified(context: TrialContext, design: StratifiedDesign): DesignRunner {
  const { enrolment, model, stage, critical, scenario, recorder, layout } = context;
  const hypotheses = layout.populationIds.length;
  const all = (1 << hypotheses) - 1;
  const from = layout.populationMask[layout.full];
  const statistics = new StageStatistics();
  const shares = overlapping(layout.populationMask);
  const decide = closedDecision(scenario, layout, design, recorder, critical);
  return {
    runTrial(sampler: Sampler, tally: Float64Array) {
      enrolment.enrol(stage, from, design.n, sampler);
      for (let k = 0; k < hypotheses; k++) {
        statistics.z[k] = model.statistic(stage, k);
        statistics.information[k] = model.information;
        if (!shares) continue;
        for (const j of model.strata.of[k])
          statistics.stratumInformation[k * MAX_GROUPS + j] = model.stratumInformation[j];
      }
      const rejected = decide(statistics, design.n, context.monthAfter(stage.screened));
      context.tallyFixedTrial(tally, design.n, rejected, all);
    },
  };
}

/**
 * The closed test of every population's hypothesis (and F's) at a design's one analysis: the populations
 * it rejects (a mask) from the statistics of all of them, `size` and `month` for a trace's record. The
 * correlation is read only by the max-z test (and a trace, which shows it); overlapping populations'
 * need their strata's information.
 */
export function closedDecision(
  scenario: Scenario,
  layout: CellLayout,
  design: StratifiedDesign,
  recorder: TraceRecorder | null,
  critical: number,
): (statistics: StageStatistics, size: number, month: number) => number {
  const hypotheses = layout.populationIds.length;
  const order = design.order?.map((id) => layout.populationIds.indexOf(id));
  const rule = closedRule(design.intersection, hypotheses, order);
  const closed = new ClosedTest(rule, hypotheses);
  const rejects = rule.atLevel(scenario.alpha);
  const all = (1 << hypotheses) - 1;
  const correlation = new Float64Array(hypotheses * hypotheses);
  const readsCorrelation = rule instanceof Dunnett || recorder !== null;
  // one marker's record in the words of H_S and H_F; with several populations, every intersection's
  const record = !recorder
    ? null
    : recorder.oneMarker
      ? traceRecorder(recorder, design, scenario.alpha, critical)
      : populationsClosedTestRecorder(
          recorder,
          closed,
          rejects,
          layout.populationIds,
          design,
          scenario.alpha,
          critical,
        );
  return (statistics, size, month) => {
    if (readsCorrelation) stageCorrelation(statistics, layout.populationMask, all, correlation);
    const rejected = closed.decide(statistics.z, correlation, rejects);
    record?.(statistics, correlation, rejected, size, month);
    return rejected;
  };
}

/**
 * a one-marker trace's record of the closed test of H_S and H_F, with the intersection's thresholds on
 * the z scale as the trace shows them (inference/intersection/)
 */
function traceRecorder(recorder: TraceRecorder, design: StratifiedDesign, alpha: number, critical: number) {
  const rule = twoHypothesisTest(design).atLevel(alpha);
  return (statistics: StageStatistics, _correlation: Float64Array, rejected: number, size: number, month: number) => {
    const [zS, zF] = statistics.z;
    const correlation = statisticCorrelation(statistics.information[0], statistics.information[1]);
    const thresholds = rule(correlation);
    const both = zS >= thresholds.both && zF >= thresholds.both;
    recorder.decision({
      kind: 'closed-test',
      size,
      month,
      ...closedTestNumbers(zS, zF, correlation, thresholds, critical),
      local: { intersection: zS >= thresholds.s || zF >= thresholds.f || both, S: zS >= critical, F: zF >= critical },
      rejectS: (rejected & 1) !== 0,
      rejectF: (rejected & 2) !== 0,
    });
  };
}

/** a trace's copy of a closed test's statistics and thresholds (the rule's object is reused by its next call) */
export function closedTestNumbers(
  zS: number,
  zF: number,
  correlation: number,
  thresholds: IntersectionThresholds,
  critical: number,
): Pick<ClosedTestDecision, 'zS' | 'zF' | 'correlation' | 'thresholds' | 'critical'> {
  return { zS, zF, correlation, thresholds: { s: thresholds.s, f: thresholds.f, both: thresholds.both }, critical };
}
