// Property-style: random mutations of valid scenarios either parse, to a scenario that parses to
// itself, or give only messages that start with a path; the parser never throws.
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/engine/scenario/parse.js';
import { fullDocument, survivalDocument } from './documents.js';

const MESSAGE = /^[A-Za-z0-9_.[\]()-]+: /;
const TRIALS = 3000;

/** Numerical Recipes' 32-bit LCG: a seeded, reproducible stream of uniforms in [0, 1). */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const VALUES: unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1,
  0.5,
  0.99,
  2,
  3.5,
  400,
  1e9,
  -1e-9,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  '',
  'x',
  '0.3',
  'simes',
  'fisher',
  'survival',
  'adaptive-enrichment',
  'asymptotic',
  'a'.repeat(300),
  [],
  [1],
  [150, 300],
  [300, 150],
  [0.5, 1],
  [0.5, 0.5, 1],
  {},
  { pos: 1 },
  { pos: 0.3, neg: 0.2 },
  { rule: 'epsilon' },
];
const KEYS = [
  'n',
  'events',
  'interims',
  'intersection',
  'selection',
  'threshold',
  'type',
  'id',
  'pos',
  'foo',
  'a b',
  '__proto__',
  'constructor',
];

type Slot = { container: Record<string, unknown> | unknown[]; key: string | number };

function slots(value: unknown, found: Slot[] = []): Slot[] {
  if (typeof value !== 'object' || value === null) return found;
  if (Array.isArray(value))
    value.forEach((inner, index) => {
      found.push({ container: value, key: index });
      slots(inner, found);
    });
  else
    for (const [key, inner] of Object.entries(value)) {
      found.push({ container: value as Record<string, unknown>, key });
      slots(inner, found);
    }
  return found;
}

const objects = (value: unknown): Record<string, unknown>[] =>
  [value, ...slots(value).map((slot) => (slot.container as Record<string | number, unknown>)[slot.key])].filter(
    (inner): inner is Record<string, unknown> => typeof inner === 'object' && inner !== null && !Array.isArray(inner),
  );

function mutate(document: Record<string, unknown>, random: () => number): void {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const value = () => structuredClone(pick(VALUES));
  const kind = random();
  if (kind < 0.6) {
    const slot = pick(slots(document));
    (slot.container as Record<string | number, unknown>)[slot.key] = value();
  } else if (kind < 0.8) {
    const slot = pick(slots(document));
    if (Array.isArray(slot.container)) slot.container.splice(slot.key as number, 1);
    else delete slot.container[slot.key as string];
  } else {
    Object.defineProperty(pick(objects(document)), pick(KEYS), {
      value: value(),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
}

describe('random mutations of valid scenarios', () => {
  it.each([
    ['a full continuous scenario', fullDocument, 20240601],
    ['a survival scenario', survivalDocument, 7],
  ])('%s: parse or give path-first messages, never throw', (_, start, seed) => {
    const random = lcg(seed);
    let accepted = 0;
    for (let trial = 0; trial < TRIALS; trial += 1) {
      const document = start();
      const mutations = 1 + Math.floor(random() * 3);
      for (let m = 0; m < mutations; m += 1) mutate(document, random);
      const parsed = parseScenario(document);
      if (parsed.ok) {
        accepted += 1;
        expect(parseScenario(JSON.parse(JSON.stringify(parsed.scenario)))).toEqual(parsed);
      } else {
        expect(parsed.errors.length).toBeGreaterThan(0);
        for (const message of parsed.errors) expect(message, `trial ${trial}`).toMatch(MESSAGE);
      }
    }
    // the mutations must exercise both outcomes to mean anything (a few dozen acceptances at least;
    // the bounded ranges of sizes and scales refuse some mutations that used to pass)
    expect(accepted).toBeGreaterThan(TRIALS / 100);
    expect(accepted).toBeLessThan(TRIALS);
  });
});

it('copes with circular and exotic values', () => {
  const document = fullDocument();
  const designs = document.designs as Record<string, unknown>[];
  designs[0]!.n = designs;
  designs[1]!.label = document;
  designs[2]!.intersection = 10n;
  designs[3]!.selection = {
    rule: Symbol('best'),
    measure: () => 'z',
    epsilon: undefined,
    threshold: {
      toJSON: () => {
        throw new Error('no');
      },
    },
  };
  const parsed = parseScenario(document);
  expect(parsed.ok ? [] : parsed.errors).toEqual([
    'designs[0].n: must be an integer ≥ 4, got an array',
    'designs[1].label: must be text of at most 80 characters, got an object',
    'designs[2].intersection: must be one of ' +
      '"bonferroni", "simes", "sidak", "spiessens-debois", "hierarchical-S", "hierarchical-F", got 10n',
    'designs[3].selection.rule: must be one of "best", "rbest", "epsilon", "all", got symbol',
    'designs[3].selection.measure: must be "effect" or "z", got function',
    'designs[3].selection.threshold: must be a finite number, or null for none, got an object',
  ]);
});
