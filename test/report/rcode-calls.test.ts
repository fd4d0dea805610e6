// The R script's rpact calls against the calls recorded with every rpact reference case of the
// fixtures: the scenario each case describes (test/support/rpact-references.ts, as the agreement
// tests build it) gives a script whose calls, read back by an R call parser, hold every argument
// of the case's recorded call with the same value (numbers to 10⁻¹⁰, vectors and lists element by
// element, the design object through the variable it is assigned to), and the case's iterations. The
// several-populations cases (rpact-populations.json, rpact-populations-more.json) too: their recorded
// calls name the design object by its variable, write a one-row effect matrix as a vector and spell out
// rpact's default directionUpper = TRUE, and the script's rBest with r = 1 is their best.
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/engine/scenario/parse.js';
import { simulate } from '../../src/engine/simulate.js';
import populationCases from '../fixtures/reference/rpact-populations.json';
import morePopulationCases from '../fixtures/reference/rpact-populations-more.json';
import type { Scenario } from '../../src/engine/scenario/types.js';
import { rCode } from '../../src/report/r/rcode.js';
import { findCalls, parseCall, evaluate, type RCall, type RExpression, type RValue } from '../support/r-call.js';
import {
  ENRICHMENT_CASES,
  enrichmentScenario,
  PATIENT_SURVIVAL_CASES,
  patientSurvivalScenario,
} from '../support/rpact-references.js';

const rpactFunction = (name: string) => /^get[A-Z]/.test(name);
const TARGET = { power: 0.8, hypothesis: 'any' as const };

/** the recorded seed (`seed = 2024`), which the scenario then carries, so that the script's is the same */
const recordedSeed = (call: string) => /seed\s*=\s*(\d+)/.exec(call)?.[1];

type Case = { id: string; call: string; iterations: number; scenario: (seed: string) => Scenario };
const cases: Case[] = [
  ...ENRICHMENT_CASES.map((reference) => ({
    id: reference.id,
    // ae-ssr-visible's record ends with a note, "1e5 iterations", that is prose, not R: its
    // iterations are checked below
    call: reference.source.replace(/, 1e5 iterations\)/, ')'),
    iterations: reference.iterations,
    scenario: (seed: string) => enrichmentScenario(reference, { replicates: reference.iterations, seed }),
  })),
  ...PATIENT_SURVIVAL_CASES.map((reference) => ({
    id: reference.id,
    call: reference.reference.call,
    iterations: reference.reference.iterations,
    scenario: (seed: string) =>
      patientSurvivalScenario(reference, { replicates: reference.reference.iterations, seed }),
  })),
  ...[...populationCases, ...morePopulationCases]
    // survival in the several-populations form has no script yet (docs/populations.md)
    .filter((reference) => reference.scenario.endpoint.type !== 'survival')
    .map((reference) => ({
      id: reference.id,
      call: reference.source.replace(/^rpact [\d.]+: /, ''),
      iterations: reference.iterations,
      scenario: (seed: string) => {
        const simulation = { replicates: reference.iterations, seed };
        const parsed = parseScenario({ ...reference.scenario, simulation });
        if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
        return parsed.scenario;
      },
    })),
];

/** a one-row matrix, `matrix(c(…), nrow = 1)`, is its vector */
function vectorOf(expression: RExpression): RExpression {
  if (expression.kind !== 'call' || expression.name !== 'matrix') return expression;
  const [values, rows] = expression.args;
  return rows?.name === 'nrow' && evaluate(rows.value) === 1 && expression.args.length === 2
    ? values.value
    : expression;
}

/** rpact's defaults a recorded call may spell out and the script leaves out */
const DEFAULTS: Record<string, RValue> = { directionUpper: true };

function same(recordedExpression: RExpression, generatedExpression: RExpression): boolean {
  const [recorded, generated] = [vectorOf(recordedExpression), vectorOf(generatedExpression)];
  const [a, b] = [evaluate(recorded), evaluate(generated)];
  if (a !== undefined && b !== undefined) return sameValue(a, b);
  if (recorded.kind !== 'call' || generated.kind !== 'call' || recorded.name !== generated.name) return false;
  if (recorded.args.length !== generated.args.length) return false;
  return recorded.args.every(
    (arg, i) => arg.name === generated.args[i].name && same(arg.value, generated.args[i].value),
  );
}

function sameValue(a: RValue, b: RValue): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    const [x, y] = [[a].flat(), [b].flat()];
    return x.length === y.length && x.every((item, i) => sameValue(item, y[i]));
  }
  if (typeof a === 'number' && typeof b === 'number')
    return a === b || Math.abs(a - b) <= 1e-10 * Math.max(1, Math.abs(a), Math.abs(b));
  return a === b;
}

/**
 * a call's arguments by name; the first unnamed one of a simulation, power or size call is its `design`;
 * rBest with r = 1 is best
 */
function named(call: RCall): Map<string, RExpression> {
  const args = new Map<string, RExpression>();
  call.args.forEach((arg, i) => {
    const name = arg.name ?? (i === 0 && !call.name.startsWith('getDesign') ? 'design' : `#${i + 1}`);
    args.set(name, arg.value);
  });
  const rValue = args.get('rValue');
  if (evaluate(args.get('typeOfSelection') ?? rValue ?? { kind: 'name', name: 'NA' }) === 'rBest' && rValue) {
    if (evaluate(rValue) === 1) {
      args.set('typeOfSelection', { kind: 'string', value: 'best' });
      args.delete('rValue');
    }
  }
  return args;
}

/** what in `recorded` the generated call does not hold; `recordedVariables` are the recorded text's */
function missing(
  recorded: RCall,
  generated: RCall,
  variables: Map<string, RCall>,
  recordedVariables = new Map<string, RCall>(),
): string[] {
  const theirs = named(generated);
  const problems: string[] = [];
  for (const [name, written] of named(recorded)) {
    const value = written.kind === 'name' ? (recordedVariables.get(written.name) ?? written) : written;
    const ours = theirs.get(name);
    if (ours === undefined && Object.hasOwn(DEFAULTS, name) && evaluate(value) === DEFAULTS[name]) continue;
    if (ours === undefined) problems.push(`${recorded.name}: no ${name}`);
    else if (value.kind === 'call' && value.name.startsWith('getDesign')) {
      const object = ours.kind === 'name' ? variables.get(ours.name) : ours.kind === 'call' ? ours : undefined;
      if (!object || object.name !== value.name) problems.push(`${recorded.name}: ${name} is not a ${value.name}`);
      else problems.push(...missing(value, object, variables));
    } else if (!same(value, ours))
      problems.push(
        `${recorded.name}: ${name} recorded ${JSON.stringify(evaluate(value) ?? value)}, ` +
          `generated ${JSON.stringify(evaluate(ours) ?? ours)}`,
      );
  }
  return problems;
}

describe('the R code reproduces the recorded rpact calls', () => {
  it('reads R calls: names, nesting, arithmetic', () => {
    const call = parseCall(
      "f(1, a = c(.5, 1e5, NA), b = list(x = 'S', y = matrix(c(1, -2), nrow = 1L)), l = log(2)/12, t = TRUE)",
    );
    expect(call.args.map((arg) => arg.name)).toEqual([undefined, 'a', 'b', 'l', 't']);
    expect(evaluate(call.args[1].value)).toEqual([0.5, 100000, null]);
    expect(evaluate(call.args[3].value)).toBeCloseTo(Math.LN2 / 12, 15);
    expect(evaluate(call.args[4].value)).toBe(true);
    expect(call.args[2].value).toMatchObject({
      kind: 'call',
      name: 'list',
      args: [{ name: 'x', value: { kind: 'string', value: 'S' } }, { name: 'y' }],
    });
    expect(
      findCalls('# getX(1)\nx <- getY(a = "getZ(2)") + getW(b = 1)', rpactFunction).map((found) => [
        found.variable,
        found.call.name,
      ]),
    ).toEqual([
      ['x', 'getY'],
      [undefined, 'getW'],
    ]);
    expect(() => parseCall('f(1e5 iterations)')).toThrow(/expected ","/);
  });

  it('has every reference case with a recorded call', () => {
    expect(cases.length).toBe(22 + 21);
    for (const reference of cases)
      expect(findCalls(reference.call, rpactFunction).length, reference.id).toBeGreaterThan(0);
  });

  for (const reference of cases) {
    it(`${reference.id}: ${reference.call}`, () => {
      const scenario = reference.scenario(recordedSeed(reference.call) ?? reference.id);
      // the calls do not depend on the numbers: a few replicates give the results the script holds
      const results = simulate({ ...scenario, simulation: { ...scenario.simulation, replicates: 100 } });
      const code = rCode({ scenario, results, target: TARGET, version: 'test' });
      const generated = findCalls(code, rpactFunction);
      const variables = new Map(
        generated.filter((found) => found.variable).map((found) => [found.variable!, found.call]),
      );
      const recordedCalls = findCalls(reference.call, rpactFunction);
      const recordedVariables = new Map(
        recordedCalls.filter((found) => found.variable).map((found) => [found.variable!, found.call]),
      );
      let checked = 0;
      for (const { call: recorded } of recordedCalls) {
        const candidates = generated.filter((found) => found.call.name === recorded.name);
        expect(candidates, `${recorded.name} in the script`).toHaveLength(1);
        expect(missing(recorded, candidates[0].call, variables, recordedVariables)).toEqual([]);
        checked += named(recorded).size;
      }
      // a change made to the design object once made (Fisher's first critical value) is made to the script's
      for (const change of reference.call.match(/\$\w+\[\d+\] <- [\d.]+/g) ?? [])
        expect(code).toContain(`design_1${change}`);
      expect(checked).toBeGreaterThan(0);
      const simulation = generated.find((found) => /^getSimulation/.test(found.call.name))!.call;
      expect(evaluate(named(simulation).get('maxNumberOfIterations')!)).toBe(reference.iterations);
    });
  }
});
