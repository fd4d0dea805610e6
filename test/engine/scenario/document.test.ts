// The document as a whole: JSON text, the root, unknown fields, many problems at once, and
// that the input is never touched and the output shares nothing with it.
import { describe, expect, it } from 'vitest';
import { parseScenario, parseScenarioText } from '../../../src/engine/scenario/parse.js';
import type { MarkerPopulation } from '../../../src/engine/scenario/types.js';
import { continuousDocument, errorsOf, fullDocument, pathOf, setAt } from './documents.js';

describe('JSON text', () => {
  it('parses valid text', () => {
    const parsed = parseScenarioText(JSON.stringify(fullDocument()));
    expect(parsed.ok).toBe(true);
  });

  it.each([
    ['truncated', '{"population": '],
    ['empty', ''],
    ['a trailing comma', '{"alpha": 0.025,}'],
    ['single quotes', "{'alpha': 0.025}"],
    ['NaN, which JSON has not', '{"alpha": NaN}'],
  ])('gives one root error for %s text', (_, text) => {
    const parsed = parseScenarioText(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toHaveLength(1);
    expect(parsed.errors[0]).toMatch(/^\(root\): not valid JSON: \S/);
    expect(parsed.errors[0]).not.toMatch(/\n/);
  });

  it('ignores a byte-order mark', () => {
    expect(parseScenarioText('\uFEFF' + JSON.stringify(continuousDocument())).ok).toBe(true);
  });

  it('validates what the text holds', () => {
    expect(parseScenarioText('[]')).toEqual({ ok: false, errors: ['(root): must be an object, got []'] });
  });
});

describe('the root', () => {
  it.each([[null], [[]], ['scenario'], [42], [true], [undefined]])('must be an object: %j', (input) => {
    const errors = errorsOf(input);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^\(root\): must be an object, got /);
  });

  it('an empty object names every required field', () => {
    expect(errorsOf({})).toEqual([
      'population.prevalence: required, must be a number > 0 and < 1',
      'endpoint.type: required, must be one of "continuous", "binary", "survival"',
      'designs: required, must be an array of 1 to 8 designs',
    ]);
  });
});

describe('unknown fields', () => {
  it('are errors at every level, listing what is allowed', () => {
    const document = continuousDocument();
    setAt(document, 'simulations', {});
    setAt(document, 'population.prevalance', 0.3);
    setAt(document, 'trial.costs.perPatient', 1);
    setAt(document, 'endpoint.effects', 1);
    setAt(document, 'designs[3].selection.thresold', 0);
    setAt(document, 'designs[3].recalculation', {
      conditionalPower: 0.8,
      minStage2: 5,
      maxStage2: 9,
      assumedEffect: 0.3,
      power: 1,
    });
    setAt(document, 'designs[0].interims', { informationRates: [0.5, 1], rates: [] });
    expect(errorsOf(document)).toEqual([
      'simulations: unknown field ' +
        '(allowed: version, title, alpha, population, endpoint, trial, analysis, designs, simulation)',
      'population.prevalance: unknown field (allowed: prevalence, sensitivity, specificity)',
      'endpoint.effects: unknown field (allowed: type, sd, effect)',
      'trial.costs.perPatient: unknown field (allowed: perScreened, perRandomized, perMonth, fixed)',
      'designs[0].interims.rates: unknown field (allowed: informationRates, efficacy)',
      'designs[3].selection.thresold: unknown field (allowed: rule, r, measure, epsilon, threshold)',
      'designs[3].recalculation.power: unknown field (allowed: conditionalPower, minStage2, maxStage2, assumedEffect)',
    ]);
  });

  it('list a design type’s own fields, and events and their timing only for survival', () => {
    const document = continuousDocument();
    document.designs = [{ id: 's', type: 'stratified', n: 100, intersections: 'simes' }];
    expect(errorsOf(document)).toEqual([
      'designs[0].intersections: unknown field (allowed: id, label, type, n, intersection)',
    ]);
    document.endpoint = { type: 'survival', controlMedian: { pos: 12, neg: 12 }, hazardRatio: { pos: 0.6, neg: 0.9 } };
    document.designs = [{ id: 's', type: 'stratified', n: 100, events: 80, intersections: 'simes' }];
    expect(errorsOf(document)).toEqual([
      'designs[0].intersections: unknown field (allowed: id, label, type, n, events, months, eventsIn, intersection)',
    ]);
  });

  it('quote a key that is not a plain name after its parent’s path', () => {
    const document = continuousDocument();
    setAt(document, 'trial', { 'screening rate': 20 });
    expect(errorsOf(document)).toEqual([
      'trial: unknown field "screening rate" (allowed: allocation, screeningRate, endpointDelay, costs, currency)',
    ]);
  });

  it('do not include inherited properties', () => {
    const population = Object.create({ sensitivity: 0.2 }) as Record<string, unknown>;
    population.prevalence = 0.3;
    const parsed = parseScenario({ ...continuousDocument(), population });
    expect(parsed.ok && (parsed.scenario.population as MarkerPopulation).sensitivity).toBe(1);
  });
});

describe('several problems', () => {
  it('are all reported at once, in document order', () => {
    const document = continuousDocument();
    setAt(document, 'alpha', 0.5);
    setAt(document, 'population.prevalence', 1.5);
    setAt(document, 'endpoint.sd.neg', 0);
    setAt(document, 'trial.screeningRate', -2);
    setAt(document, 'designs[1].n', -3);
    setAt(document, 'designs[2].intersection', 'holm');
    setAt(document, 'designs[3].n', [300, 150]);
    setAt(document, 'simulation.replicates', 0);
    expect(errorsOf(document).map(pathOf)).toEqual([
      'alpha',
      'population.prevalence',
      'endpoint.sd.neg',
      'trial.screeningRate',
      'simulation.replicates',
      'designs[1].n',
      'designs[2].intersection',
      'designs[3].n',
    ]);
  });

  it('in one design are all reported', () => {
    const document = continuousDocument();
    document.designs = [
      {
        id: 'bad id',
        label: 3,
        type: 'adaptive-enrichment',
        n: [5, 4],
        intersection: 'x',
        combination: 'y',
        selection: { rule: 'z' },
        efficacy: 'w',
      },
    ];
    expect(errorsOf(document).map(pathOf)).toEqual([
      'designs[0].id',
      'designs[0].label',
      'designs[0].n',
      'designs[0].intersection',
      'designs[0].combination',
      'designs[0].selection.rule',
      'designs[0].efficacy',
    ]);
  });
});

/** every object and array reachable from `value` */
function containers(value: unknown, found = new Set<object>()): Set<object> {
  if (typeof value === 'object' && value !== null && !found.has(value)) {
    found.add(value);
    for (const inner of Object.values(value)) containers(inner, found);
  }
  return found;
}

function deepFreeze<T>(value: T): T {
  for (const inner of containers(value)) Object.freeze(inner);
  return value;
}

describe('input and output', () => {
  it('never mutates the input, even when filling defaults', () => {
    const document = deepFreeze(continuousDocument());
    const before = JSON.stringify(document);
    expect(parseScenario(document).ok).toBe(true);
    expect(JSON.stringify(document)).toBe(before);
  });

  it('never mutates an invalid input', () => {
    const document = deepFreeze(setAt(fullDocument(), 'designs[3].n', [300, 150]));
    const before = JSON.stringify(document);
    expect(parseScenario(document).ok).toBe(false);
    expect(JSON.stringify(document)).toBe(before);
  });

  it('returns a fresh object that shares nothing with the input', () => {
    const document = fullDocument();
    const parsed = parseScenario(document);
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    expect(parsed.scenario).toStrictEqual(document);
    const inputs = containers(document);
    for (const output of containers(parsed.scenario)) expect(inputs.has(output)).toBe(false);
  });

  it('gives fresh defaults each time', () => {
    const first = parseScenario(continuousDocument());
    if (!first.ok) throw new Error(first.errors.join('\n'));
    first.scenario.trial.costs.fixed = 99;
    const adaptive = first.scenario.designs[3];
    if (adaptive?.type === 'adaptive-enrichment') adaptive.selection.epsilon = 9;
    const second = parseScenario(continuousDocument());
    expect(second.ok && second.scenario.trial.costs.fixed).toBe(0);
    expect(second.ok && second.scenario.designs[3]).toMatchObject({ selection: { epsilon: 0.1 } });
  });
});
