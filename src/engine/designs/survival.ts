// Survival designs (issue: time-to-event). Each analysis happens when its target number of events
// has occurred in the population that times the analyses (the tested one unless `eventsIn` names
// another), or at its calendar month (survival-timing.ts). `patient` simulates every patient's
// entry, event and dropout and computes exact tests at that month; `asymptotic` draws the log-rank
// statistics from rpact's normal law and takes the months from the expected accrual and event timing.
import { survivalHazards } from '../endpoints/survival/hazards.js';
import type { TestedPopulation } from '../endpoints/outcome-model.js';
import { normalQuantile } from '../math/normal.js';
import { layoutOf, ONE_MARKER, summarisePopulation } from '../population.js';
import type { Sampler } from '../random/sampler.js';
import type { Design, Scenario, SurvivalEndpoint } from '../scenario/types.js';
import { countAnalysis, countRejections, TALLY } from '../tally.js';
import { requiredSize } from '../scenario/required.js';
import { lookSizes } from '../scenario/looks.js';
import { statisticCorrelation } from '../inference/intersection/correlation.js';
import { twoHypothesisTest, type IntersectionRule } from '../inference/intersection/index.js';
import { interimBoundaries } from '../inference/sequential/boundaries.js';
import { prepareAdaptiveEnrichment } from './adaptive-enrichment.js';
import { stage2Size } from './recalculation.js';
import type { DesignRunner } from './runner.js';
import { StageStatistics } from './stage-source.js';
import { AsymptoticLooks, PatientLooks } from './survival-looks.js';
import { AsymptoticStages, PatientStages } from './survival-stages.js';
import { countsS, lookTimes } from './survival-timing.js';
import { closedTestNumbers } from './stratified.js';
import type { TraceRecorder } from '../trace/recorder.js';

const { S, F } = ONE_MARKER;

export function prepareSurvivalDesign(
  scenario: Scenario,
  endpoint: SurvivalEndpoint,
  design: Design,
  /** a trace's recorder of every patient and decision; null when simulating blocks */
  recorder: TraceRecorder | null = null,
): DesignRunner {
  const population = summarisePopulation(scenario.population);
  const hazards = survivalHazards(endpoint);
  const patientLevel = scenario.simulation.method === 'patient';
  const patients = `for a patient-level survival design`;
  if (design.type === 'adaptive-enrichment') {
    const planned = design.months ?? requiredSize(design, 'events', 'for survival designs without months');
    const times = { months: design.months ?? null, countS: countsS(design) };
    const source = patientLevel
      ? new PatientStages(scenario, population, hazards, requiredSize(design, 'n', patients), times, recorder)
      : new AsymptoticStages(scenario, population, hazards, endpoint, design.n, times);
    const rule = design.recalculation;
    const layout = layoutOf(scenario.population);
    return prepareAdaptiveEnrichment(
      scenario,
      layout,
      design,
      source,
      planned,
      rule ? (test) => stage2Size(scenario, layout, rule, test) : null,
      recorder,
    );
  }
  const from: TestedPopulation = design.type === 'enriched' ? 'S' : 'F';
  const testsBoth = design.type === 'stratified';
  const interims = design.type === 'stratified' ? undefined : design.interims;
  const rates = interims ? interims.informationRates : [1];
  const critical = interims
    ? interimBoundaries(interims, scenario.alpha)
    : Float64Array.of(normalQuantile(1 - scenario.alpha));
  const times = lookTimes(
    design,
    design.months === undefined ? lookSizes(requiredSize(design, 'events', 'without months'), rates) : null,
  );
  // its looks (calendar months come without interims: one analysis)
  const analyses = rates.length;
  const rule: IntersectionRule | null = testsBoth ? twoHypothesisTest(design).atLevel(scenario.alpha) : null;
  const statistics = new StageStatistics();
  const trial = patientLevel
    ? new PatientLooks(
        scenario,
        population,
        hazards,
        from,
        times,
        requiredSize(design, 'n', patients),
        recorder,
        testsBoth,
      )
    : new AsymptoticLooks(scenario, population, hazards, endpoint, from, times, design.n);

  return {
    runTrial(sampler: Sampler, tally: Float64Array) {
      trial.start(sampler);
      let rejectS = false;
      let rejectF = false;
      let look = 0;
      for (; look < analyses; look++) {
        trial.analyse(look, sampler, statistics);
        countAnalysis(tally, look, trial.months, trial.events);
        if (rule) {
          const correlation = statisticCorrelation(statistics.information[S], statistics.information[F]);
          const thresholds = rule(correlation);
          const [zS, zF] = statistics.z;
          const intersection =
            zS >= thresholds.s || zF >= thresholds.f || (zS >= thresholds.both && zF >= thresholds.both);
          const localS = zS >= critical[look];
          const localF = zF >= critical[look];
          rejectS = intersection && localS;
          rejectF = intersection && localF;
          recorder?.decision({
            kind: 'closed-test',
            size: trial.events,
            month: trial.months,
            ...closedTestNumbers(zS, zF, correlation, thresholds, critical[look]),
            local: { intersection, S: localS, F: localF },
            rejectS,
            rejectF,
          });
          break;
        }
        const z = from === 'S' ? statistics.z[S] : statistics.z[F];
        const crossed = z >= critical[look];
        recorder?.decision({
          kind: 'look',
          look: look + 1,
          looks: analyses,
          population: from,
          size: trial.events,
          month: trial.months,
          z,
          critical: critical[look],
          rejected: crossed,
        });
        if (crossed) {
          if (from === 'S') rejectS = true;
          else rejectF = true;
          break;
        }
      }
      if (look < analyses - 1) tally[TALLY.earlyEfficacy]++;
      tally[TALLY.randomized] += trial.randomized;
      tally[TALLY.screened] += trial.screened;
      tally[TALLY.months] += trial.months;
      tally[TALLY.events] += trial.events;
      const tested = testsBoth ? 0b11 : 1 << ONE_MARKER[from];
      countRejections(tally, (rejectS ? 1 << ONE_MARKER.S : 0) | (rejectF ? 1 << ONE_MARKER.F : 0), tested);
    },
  };
}
