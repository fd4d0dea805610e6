// The scenario parameters a sweep, a solver or a design map can vary, and a scenario with one of
// them set. Every changed scenario goes back through the contract's checks, so a value out of
// range is reported with its field's path, as anywhere else.
import { parseScenario } from '../scenario/parse.js';
import type { Design, Scenario } from '../scenario/types.js';
import { isMarkerPopulation } from '../scenario/types.js';

/**
 * `n` or `events`: every design's size (two-stage designs keep their n₁/N share; events take the
 * patients along and patients the events, see setEvents and setPatients);
 * `designs.<id>.n` / `designs.<id>.events`: one design's; `prevalence`, `sensitivity`,
 * `specificity` (one-marker form); `subgroups.<id>.share` (several populations: the others keep their
 * proportions and all still add up to 1); `effect.<id>`: a true subgroup's effect, `pos` and `neg` in
 * the one-marker form (continuous: the mean difference; binary: the treatment's response rate;
 * survival: the hazard ratio).
 */
export type Parameter = string;

export const PARAMETER_WORDS =
  'n, events, designs.<id>.n, designs.<id>.events, prevalence, sensitivity, specificity, effect.pos or effect.neg; ' +
  'with several populations subgroups.<id>.share or effect.<id>';

export type Varied = { ok: true; scenario: Scenario } | { ok: false; errors: string[] };

/** the scenario with `parameter` set to `value` (the seed, and so the random numbers, unchanged) */
export function withParameter(scenario: Scenario, parameter: Parameter, value: number): Varied {
  const copy = JSON.parse(JSON.stringify(scenario)) as Scenario;
  const size = /^(?:designs\.([A-Za-z0-9_-]+)\.)?(n|events)$/.exec(parameter);
  if (size) {
    const [, id, key] = size;
    const named = id === undefined ? copy.designs : copy.designs.filter((design) => design.id === id);
    if (named.length === 0) return { ok: false, errors: [`--param: no design with id ${JSON.stringify(id)}`] };
    // a design analysed at calendar months has no events to set
    const targets = key === 'events' ? named.filter((design) => design.months === undefined) : named;
    if (targets.length === 0) {
      const which = id === undefined ? 'every design has' : `design ${JSON.stringify(id)} has`;
      return { ok: false, errors: [`--param: ${parameter}: ${which} its analyses at calendar months, not events`] };
    }
    for (const design of targets) {
      if (key === 'events') setEvents(design, value);
      else setPatients(design, value);
    }
  } else if (parameter === 'prevalence' || parameter === 'sensitivity' || parameter === 'specificity') {
    if (!isMarkerPopulation(copy.population)) {
      const words = "with several populations vary a subgroup's share, subgroups.<id>.share";
      return { ok: false, errors: [`--param: ${parameter} is the one-marker form's; ${words}`] };
    }
    copy.population[parameter] = value;
  } else if (/^subgroups\..+\.share$/.test(parameter)) {
    const problem = setShare(copy, parameter.slice('subgroups.'.length, -'.share'.length), value);
    if (problem) return { ok: false, errors: [`--param: ${parameter}: ${problem}`] };
  } else if (parameter.startsWith('effect.') && statusesOf(copy).includes(parameter.slice('effect.'.length))) {
    const status = parameter.slice('effect.'.length);
    const endpoint = copy.endpoint;
    if (endpoint.type === 'continuous') endpoint.effect[status] = value;
    else if (endpoint.type === 'binary') endpoint.treatment[status] = value;
    else if (typeof endpoint.hazardRatio[status as 'pos' | 'neg'] === 'number')
      endpoint.hazardRatio[status as 'pos' | 'neg'] = value;
    // one number would silently make a changing hazard ratio a constant one
    else
      return {
        ok: false,
        errors: [`--param: ${parameter} sets one hazard ratio, and endpoint.hazardRatio.${status} is given as pieces`],
      };
  } else {
    return { ok: false, errors: [`--param: must be one of ${PARAMETER_WORDS}, got ${JSON.stringify(parameter)}`] };
  }
  const parsed = parseScenario(copy);
  return parsed.ok ? parsed : { ok: false, errors: parsed.errors.map((error) => `${parameter} = ${value}: ${error}`) };
}

/** the true subgroups' ids that key the endpoint's maps: pos and neg, or the subgroups */
function statusesOf(scenario: Scenario): string[] {
  const population = scenario.population;
  return isMarkerPopulation(population) ? ['pos', 'neg'] : population.subgroups.map((subgroup) => subgroup.id);
}

/**
 * subgroup `id`'s share set to `value`, the others scaled to keep their proportions and the sum 1 (shared
 * equally when they had none); a problem in words, or undefined
 */
function setShare(scenario: Scenario, id: string, value: number): string | undefined {
  const population = scenario.population;
  if (isMarkerPopulation(population)) return 'only with several populations (population.subgroups); vary prevalence';
  const subgroup = population.subgroups.find((entry) => entry.id === id);
  if (subgroup === undefined)
    return `no subgroup "${id}" (${population.subgroups.map((entry) => entry.id).join(', ')})`;
  if (!(value >= 0 && value <= 1)) return `a share is from 0 to 1, got ${value}`;
  const others = population.subgroups.filter((entry) => entry !== subgroup);
  const rest = 1 - subgroup.share;
  for (const entry of others) entry.share = rest > 0 ? (entry.share * (1 - value)) / rest : (1 - value) / others.length;
  subgroup.share = value;
  return undefined;
}

/**
 * More events need more patients: n scales with the events, so the planned patients per event, and
 * with them the follow-up, stay as they were (and n ≥ events still holds: N/E ≥ 1).
 */
function setEvents(design: Design, value: number): void {
  const before = totalOf(design.events);
  setSize(design, 'events', value);
  if (design.n !== undefined && before !== undefined)
    setSize(design, 'n', Math.round((totalOf(design.n)! * value) / before));
}

/**
 * More patients, more events: an event-driven survival design's events scale with n, so its events
 * per patient stay as they were (a power-by-size curve grows the whole trial)
 */
function setPatients(design: Design, value: number): void {
  const before = totalOf(design.n);
  setSize(design, 'n', value);
  const events = totalOf(design.events);
  if (events !== undefined && before !== undefined)
    setSize(design, 'events', Math.max(2, Math.min(value, Math.round((events * value) / before))));
}

function totalOf(size: number | readonly number[] | undefined): number | undefined {
  return Array.isArray(size) ? size[1] : (size as number | undefined);
}

function setSize(design: Design, key: 'n' | 'events', value: number): void {
  const current = design[key];
  if (Array.isArray(current)) {
    // two stages: keep stage 1's share of the total
    const first = Math.max(1, Math.round((current[0] * value) / current[1]));
    (design as { [k: string]: unknown })[key] = [Math.min(first, value - 1), value];
  } else {
    (design as { [k: string]: unknown })[key] = value;
  }
}

/** a design's size in its planning unit: events for survival designs that count them, else n */
export function sizeKey(scenario: Scenario, design: Design): 'n' | 'events' {
  return scenario.endpoint.type === 'survival' && design.events !== undefined ? 'events' : 'n';
}
