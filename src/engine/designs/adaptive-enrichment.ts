// Adaptive enrichment (docs/methods.md, following rpact's getSimulationEnrichmentMeans/Rates):
// stage 1 randomises n₁ all comers; at the interim the closed combination test over every
// intersection of the G hypotheses (the populations, F last) may reject some early (efficacy
// spending; the trial stops when all are rejected, rpact's "all" success criterion) or stop for
// futility (every hypothesis left without a chance, or nothing kept); the selection rule keeps some
// populations, and stage 2 randomises N − n₁ (or the recalculated size) only from the union of what
// was kept: a population alone means screening on until enough of its patients. An intersection's
// stage-2 p-value is that of its kept hypotheses; H_k is rejected when every intersection containing it
// is rejected, at the interim or by the combination of its stage-wise p-values, so a population
// dropped at the interim keeps only what it rejected there. With `stage1` naming a population, stage 1
// randomises only its patients, and the hypotheses are those of the populations inside it (itself
// among them): hypothesis i is population tested[i].
import { zOfP } from '../math/normal.js';
import type { Sampler } from '../random/sampler.js';
import type { AdaptiveEnrichmentDesign, Scenario } from '../scenario/types.js';
import { CONTINUE, countAnalysis, countRejections, TALLY } from '../tally.js';
import { combinationTest, P_CAP, type CombinationTest } from '../inference/combination/combination.js';
import { ElementaryStatistics } from '../inference/closed/elementary.js';
import { intersections } from '../inference/closed/masks.js';
import { Dunnett } from '../inference/closed/dunnett.js';
import { closedRule } from '../inference/closed/rules.js';
import { zValueOf } from '../inference/closed/types.js';
import type { CellLayout } from '../population-model.js';
import type { TraceRecorder } from '../trace/recorder.js';
import { firstShare } from './boundaries.js';
import { selector } from './selection.js';
import { recordFinal, recordInterim } from './adaptive-trace.js';
import type { Stage2Size } from './recalculation.js';
import type { DesignRunner } from './runner.js';
import { MAX_GROUPS, stageCorrelation, StageStatistics, type TwoStageSource } from './stage-source.js';
import { testedPopulations } from './tested.js';

export function prepareAdaptiveEnrichment(
  scenario: Scenario,
  layout: CellLayout,
  design: AdaptiveEnrichmentDesign,
  source: TwoStageSource,
  planned: readonly [number, number],
  recalculation: ((test: CombinationTest) => Stage2Size) | null,
  /** a trace's recorder of the interim and the end; null when simulating blocks */
  recorder: TraceRecorder | null = null,
): DesignRunner {
  const tested = testedPopulations(layout, design);
  const hypotheses = tested.length;
  // a trace names the hypotheses by their populations' ids
  const ids = tested.map((k) => layout.populationIds[k]);
  // the hypotheses' masks of subgroups, and hypothesis bits as population bits
  const masks = Uint8Array.from(tested, (k) => layout.populationMask[k]);
  const identity = tested.every((k, i) => k === i);
  const asPopulations = (bits: number): number => {
    if (identity) return bits;
    let populations = 0;
    for (let i = 0; i < hypotheses; i++) if ((bits >> i) & 1) populations |= 1 << tested[i];
    return populations;
  };
  /** the source's statistics by population, as hypotheses (the same object when they are the same) */
  const gathered = new StageStatistics();
  const byHypothesis = (stage: StageStatistics): StageStatistics => {
    if (identity) return stage;
    for (let i = 0; i < hypotheses; i++) {
      const k = tested[i];
      gathered.z[i] = stage.z[k];
      gathered.information[i] = stage.information[k];
      gathered.effect[i] = stage.effect[k];
      for (let j = 0; j < MAX_GROUPS; j++)
        gathered.stratumInformation[i * MAX_GROUPS + j] = stage.stratumInformation[k * MAX_GROUPS + j];
    }
    return gathered;
  };
  const rule = closedRule(design.intersection, hypotheses);
  const table = intersections(hypotheses);
  const { span, containing, perHypothesis } = table;
  const all = span - 1;
  const test = combinationTest(firstShare(scenario, design), design, scenario.alpha);
  const recalculate = recalculation ? recalculation(test) : null;
  const [size1, total] = planned;
  const select = selector(design.selection, hypotheses);
  // survival results report each analysis's month and events (results.ts)
  const countsAnalyses = scenario.endpoint.type === 'survival';
  // stages at calendar months: `planned` is [m₁, M], and the trace says so
  const calendar = countsAnalyses && design.months !== undefined;

  const first = new ElementaryStatistics(hypotheses);
  const second = new ElementaryStatistics(hypotheses);
  const correlation = new Float64Array(hypotheses * hypotheses);
  /** per intersection mask: stage 1's and stage 2's p-value on the z scale, Φ⁻¹(1 − p) */
  const z1 = new Float64Array(span);
  const z2 = new Float64Array(span);
  const measures = new Float64Array(hypotheses);
  const interim = test.interimCritical;

  // only the max-z test reads the correlation (and a trace, which shows it)
  const readsCorrelation = rule instanceof Dunnett || recorder !== null;
  /** each intersection's stage-wise p on the z scale into `into`, of the hypotheses in `mask ∩ present` */
  const stageZ = (statistics: ElementaryStatistics, stage: StageStatistics, present: number, into: Float64Array) => {
    if (readsCorrelation) stageCorrelation(stage, masks, present, correlation);
    statistics.set(stage.z, correlation);
    for (let mask = 1; mask < span; mask++) {
      const sub = mask & present;
      if (sub === 0) into[mask] = -Infinity;
      // one hypothesis: its own z, as the combination reads it (no round trip through p)
      else into[mask] = (sub & (sub - 1)) === 0 ? statistics.z[31 - Math.clz32(sub)] : zValueOf(rule, statistics, sub);
    }
  };
  // per hypothesis, the intersections containing it, as bits of one number (2^G ≤ 16 masks)
  const containingBits = Array.from({ length: hypotheses }, (_, k) => {
    let bits = 0;
    for (let i = k * perHypothesis; i < (k + 1) * perHypothesis; i++) bits |= 1 << containing[i];
    return bits;
  });
  /** the hypotheses every one of whose intersections is among `masks` (bits by mask) */
  const closure = (masks: number): number => {
    let result = 0;
    for (let k = 0; k < hypotheses; k++) if ((masks & containingBits[k]) === containingBits[k]) result |= 1 << k;
    return result;
  };

  return {
    runTrial(sampler: Sampler, tally: Float64Array) {
      // stage 1: all comers
      const stage1 = byHypothesis(source.first(asPopulations(all), size1, sampler));
      if (countsAnalyses) countAnalysis(tally, 0, source.months, source.events);
      stageZ(first, stage1, all, z1);
      let early = 0;
      let open = 0;
      for (let mask = 1; mask < span; mask++) {
        if (z1[mask] >= interim) early |= 1 << mask;
        if (!test.futile(z1[mask])) open |= 1 << mask;
      }
      const rejected1 = closure(early);
      // a hypothesis is futile when some intersection containing it is: it can no longer be rejected
      const alive = closure(open);
      const futilityStop = alive === 0;

      for (let k = 0; k < hypotheses; k++)
        measures[k] = design.selection.measure === 'z' ? stage1.z[k] : stage1.effect[k];
      // rpact's tie-breaking jitter, drawn where it can change the selection (selection.ts)
      const kept = select(measures, sampler);

      const stopForEfficacy = rejected1 === all;
      const stopForFutility = !stopForEfficacy && (futilityStop || kept === 0);
      let rejected = rejected1;
      // stays 0 when the trial stops at the interim
      let size2 = 0;

      if (stopForEfficacy) tally[TALLY.earlyEfficacy]++;
      else if (stopForFutility) tally[TALLY.earlyFutility]++;
      else {
        for (let k = 0; k < hypotheses; k++) if (kept & (1 << k)) tally[CONTINUE + tested[k]]++;
        // rpact re-sizes on the Bonferroni-adjusted p, G·min p, whatever the intersection test
        size2 = recalculate
          ? recalculate(zOfP(Math.min(hypotheses * first.pOf(first.order[0]), P_CAP)))
          : total - size1;
      }
      const stop = stopForEfficacy ? ('efficacy' as const) : stopForFutility ? ('futility' as const) : null;
      if (recorder) {
        const size = calendar ? source.events : size1;
        const finalMonth = calendar ? total : undefined;
        const recalculated = recalculate !== null && stop === null;
        const state = { z1, test, kept, rejected1, stop, size, size2, recalculated, finalMonth, alive, measures };
        recordInterim(recorder, state, stage1, { design, month: source.months, correlation: correlation[1], ids });
      }
      if (size2 > 0) {
        const stage2 = byHypothesis(source.second(asPopulations(kept), size2, sampler));
        if (countsAnalyses) countAnalysis(tally, 1, source.months, source.events);
        stageZ(second, stage2, kept, z2);
        let byTheEnd = early;
        for (let mask = 1; mask < span; mask++) {
          if ((mask & kept) !== 0 && test.rejectsAtEnd(z1[mask], z2[mask])) byTheEnd |= 1 << mask;
        }
        const atEnd = closure(byTheEnd);
        rejected = rejected1 | (atEnd & kept);
      }
      if (recorder) {
        const state = { z1, z2, test, kept: size2 > 0 ? kept : 0, rejected1, rejected };
        recordFinal(recorder, state, design, { month: source.months, ids });
      }

      tally[TALLY.randomized] += source.randomized;
      tally[TALLY.screened] += source.screened;
      tally[TALLY.months] += source.months;
      tally[TALLY.events] += source.events;
      countRejections(tally, asPopulations(rejected), asPopulations(all));
    },
  };
}
