// Survival designs (issue: time-to-event). Each analysis happens when its target number of events
// has occurred in the population that times the analyses (the tested one unless `eventsIn` names
// another), or at its calendar month (survival-timing.ts). `patient` simulates every patient's
// entry, event and dropout and computes exact tests at that month; `asymptotic` draws the log-rank
// statistics from rpact's normal law and takes the months from the expected accrual and event timing.
import { survivalHazards } from '../endpoints/survival/hazards.js';
import { normalQuantile } from '../math/normal.js';
import { layoutOf } from '../population.js';
import type { Sampler } from '../random/sampler.js';
import type { Design, Scenario, SurvivalEndpoint } from '../scenario/types.js';
import { countAnalysis, countRejections, TALLY } from '../tally.js';
import { requiredSize } from '../scenario/required.js';
import { lookSizes } from '../scenario/looks.js';
import { interimBoundaries } from '../inference/sequential/boundaries.js';
import { prepareAdaptiveEnrichment } from './adaptive-enrichment.js';
import { stage2Size } from './recalculation.js';
import type { DesignRunner } from './runner.js';
import { StageStatistics } from './stage-source.js';
import { AsymptoticLooks, PatientLooks } from './survival-looks.js';
import { AsymptoticStages, PatientStages } from './survival-stages.js';
import { countedMask, lookTimes } from './survival-timing.js';
import { closedDecision } from './stratified.js';
import { enrolledPopulation } from './tested.js';
import type { TraceRecorder } from '../trace/recorder.js';

export function prepareSurvivalDesign(
  scenario: Scenario,
  endpoint: SurvivalEndpoint,
  design: Design,
  /** a trace's recorder of every patient and decision; null when simulating blocks */
  recorder: TraceRecorder | null = null,
): DesignRunner {
  const layout = layoutOf(scenario.population);
  const hazards = survivalHazards(endpoint, layout);
  const patientLevel = scenario.simulation.method === 'patient';
  const patients = `for a patient-level survival design`;
  if (design.type === 'adaptive-enrichment') {
    const planned = design.months ?? requiredSize(design, 'events', 'for survival designs without months');
    const times = { months: design.months ?? null, counted: countedMask(layout, design) };
    const source = patientLevel
      ? new PatientStages(scenario, layout, hazards, requiredSize(design, 'n', patients), times, recorder)
      : new AsymptoticStages(scenario, layout, hazards, endpoint, design.n, times);
    const rule = design.recalculation;
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
  // stratified designs test every population, the others the one they enrol
  const population = enrolledPopulation(layout, design);
  const stratified = design.type === 'stratified';
  const tested = stratified ? (1 << layout.populationIds.length) - 1 : 1 << population;
  const interims = design.type === 'stratified' ? undefined : design.interims;
  const rates = interims ? interims.informationRates : [1];
  const critical = interims
    ? interimBoundaries(interims, scenario.alpha)
    : Float64Array.of(normalQuantile(1 - scenario.alpha));
  const times = lookTimes(
    layout,
    design,
    design.months === undefined ? lookSizes(requiredSize(design, 'events', 'without months'), rates) : null,
  );
  // its looks (calendar months come without interims: one analysis)
  const analyses = rates.length;
  const decide = stratified ? closedDecision(scenario, layout, design, recorder, critical[0]) : null;
  const statistics = new StageStatistics();
  const populations = { enrolled: layout.populationMask[population], tested };
  const trial = patientLevel
    ? new PatientLooks(scenario, layout, hazards, populations, times, requiredSize(design, 'n', patients), recorder)
    : new AsymptoticLooks(scenario, layout, hazards, endpoint, populations, times, design.n);
  // a trace names the tested population by its id (S or F for one marker)
  const name = layout.populationIds[population];

  return {
    runTrial(sampler: Sampler, tally: Float64Array) {
      trial.start(sampler);
      let rejected = 0;
      let look = 0;
      for (; look < analyses; look++) {
        trial.analyse(look, sampler, statistics);
        countAnalysis(tally, look, trial.months, trial.events);
        if (decide) {
          rejected = decide(statistics, trial.events, trial.months);
          break;
        }
        const z = statistics.z[population];
        const crossed = z >= critical[look];
        recorder?.decision({
          kind: 'look',
          look: look + 1,
          looks: analyses,
          population: name,
          size: trial.events,
          month: trial.months,
          z,
          critical: critical[look],
          rejected: crossed,
        });
        if (crossed) {
          rejected = tested;
          break;
        }
      }
      if (look < analyses - 1) tally[TALLY.earlyEfficacy]++;
      tally[TALLY.randomized] += trial.randomized;
      tally[TALLY.screened] += trial.screened;
      tally[TALLY.months] += trial.months;
      tally[TALLY.events] += trial.events;
      countRejections(tally, rejected, tested);
    },
  };
}
