// Parse, validate and fill in a scenario (docs/scenario.md): the one gate every scenario passes,
// whether it comes from the CLI, a share URL, the app's form or a worker. Every problem is
// reported at once, one line each, as `path: what is allowed, got X`.
import { ROOT, child, own } from './checks.js';
import type { Context, Issues } from './checks.js';
import { readDesigns } from './designs.js';
import { readEndpoint } from './endpoint.js';
import { resolveMethod } from './method.js';
import { hasSubgroups, populationIdsOf, readSubgroupPopulation, subgroupIdsOf } from './population-form.js';
import { checkTestMethod } from './survival-test.js';
import { checkPiecesBeforeLastAnalysis } from './timing.js';
import { readFields, recordAt, reportUnknown } from './record.js';
import type { Fields } from './record.js';
import {
  ANALYSIS_FIELDS,
  HEADER_FIELDS,
  POPULATION_FIELDS,
  SCENARIO_KEYS,
  SIMULATION_FIELDS,
  TRIAL_FIELDS,
} from './scenario-fields.js';
import type { Scenario } from './types.js';

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; errors: string[] };

/** Validates a JS value (e.g. parsed JSON) and returns a fresh, fully filled scenario; never mutates `input`. */
export function parseScenario(input: unknown): ParseResult {
  const issues: Issues = [];
  const document = recordAt(input, ROOT, issues);
  if (document === undefined) return { ok: false, errors: issues };
  reportUnknown(document, SCENARIO_KEYS, ROOT, issues);

  const header = readFields(document, HEADER_FIELDS, ROOT, issues, {});
  // the one-marker form, or several populations (docs/populations.md), whose ids the endpoint and designs name
  const written = own(document, 'population');
  const severalPopulations = hasSubgroups(written);
  const population = severalPopulations
    ? (readSubgroupPopulation(written, 'population', issues) ?? {})
    : section(document, 'population', POPULATION_FIELDS, issues);
  const subgroups = severalPopulations ? subgroupIdsOf(written) : undefined;
  const populations = severalPopulations ? populationIdsOf(written) : undefined;
  const { type: endpointType, endpoint } = readEndpoint(own(document, 'endpoint'), 'endpoint', issues, subgroups);
  const trial = section(document, 'trial', TRIAL_FIELDS, issues);
  const analysis = section(document, 'analysis', ANALYSIS_FIELDS, issues, { endpointType });
  const simulation = section(document, 'simulation', SIMULATION_FIELDS, issues);
  const method = resolveMethod(
    simulation.method,
    endpointType,
    population,
    'simulation',
    issues,
    own(document, 'endpoint'),
  );
  checkTestMethod(analysis.survivalTest, method, issues);
  const { survivalTest } = analysis;
  const context = { endpointType, method, survivalTest, populations };
  const designs = readDesigns(own(document, 'designs'), 'designs', context, issues);
  if (endpoint?.type === 'survival' && designs) checkPiecesBeforeLastAnalysis(endpoint, designs, issues);

  if (issues.length > 0) return { ok: false, errors: issues };
  // No problem was reported, so every required field was present and in range, and every
  // optional one was filled with its default: the parts are complete.
  const scenario = {
    ...header.value,
    population,
    endpoint,
    trial,
    analysis,
    designs,
    simulation: { ...simulation, method },
  } as Scenario;
  return { ok: true, scenario };
}

/** `text` without the byte-order mark some editors put first */
export function withoutByteOrderMark(text: string): string {
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

/** JSON text first, then `parseScenario`. A leading byte-order mark is ignored. */
export function parseScenarioText(text: string): ParseResult {
  let document: unknown;
  try {
    document = JSON.parse(withoutByteOrderMark(text));
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ');
    return { ok: false, errors: [`(root): not valid JSON: ${reason}`] }; // one line, as the CLI prints one per problem
  }
  return parseScenario(document);
}

/** A top-level object; absent, it reads as {} so defaults fill it and the required fields are named. */
function section<T>(
  document: Record<string, unknown>,
  key: string,
  fields: Fields<T>,
  issues: Issues,
  context: Context = {},
): Partial<T> {
  const value = own(document, key);
  const record = value === undefined ? {} : recordAt(value, key, issues);
  if (record === undefined) return {};
  reportUnknown(record, Object.keys(fields), key, issues);
  return readFields(record, fields, child(ROOT, key), issues, context).value;
}
