// What of the page was made for one marker (docs/populations.md, "Where it stands"): the charts that
// sweep prevalence and solve for size, the design map, the R code, the trial trace and the
// few-per-arm caution read prevalence, sensitivity and `pos`/`neg` values that a scenario with several
// populations does not have. Each shows this one line for such a scenario instead of numbers.
import { html, type TemplateResult } from 'lit';
import { isMarkerPopulation, type Scenario } from '../engine/scenario/types.js';

/** whether `scenario` describes its population by subgroups and populations */
export function hasSeveralPopulations(scenario: Scenario | null | undefined): boolean {
  return scenario !== null && scenario !== undefined && !isMarkerPopulation(scenario.population);
}

/** the sentence a one-marker feature shows for a scenario with several populations */
export function oneMarkerWords(feature: string): string {
  return `Not yet with several populations, as this scenario has: ${feature}.`;
}

export function oneMarkerNote(feature: string): TemplateResult {
  return html`<p class="muted one-marker" role="note">${oneMarkerWords(feature)}</p>`;
}
