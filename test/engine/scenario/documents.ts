// Valid scenario documents to start from, and small tools to bend them.
import { parseScenario } from '../../../src/engine/scenario/parse.js';

type Document = Record<string, unknown>;

/** Every design type, continuous endpoint; only required fields. */
export const continuousDocument = (): Document => ({
  population: { prevalence: 0.3 },
  endpoint: { type: 'continuous', effect: { pos: 0.5, neg: 0.1 } },
  designs: [
    { id: 'ac', type: 'all-comers', n: 200 },
    { id: 'en', type: 'enriched', n: 100 },
    { id: 'st', type: 'stratified', n: 300 },
    { id: 'ad', type: 'adaptive-enrichment', n: [150, 300] },
  ],
});

export const binaryDocument = (): Document => ({
  population: { prevalence: 0.35 },
  endpoint: { type: 'binary', control: { pos: 0.2, neg: 0.2 }, treatment: { pos: 0.45, neg: 0.25 } },
  designs: [{ id: 'st', type: 'stratified', n: 300 }],
});

export const survivalDocument = (): Document => ({
  population: { prevalence: 0.4 },
  endpoint: { type: 'survival', controlMedian: { pos: 12, neg: 12 }, hazardRatio: { pos: 0.6, neg: 0.9 } },
  designs: [
    { id: 'ac', type: 'all-comers', n: 400, events: 300 },
    { id: 'ad', type: 'adaptive-enrichment', n: [200, 400], events: [150, 300] },
  ],
});

/** Every field written out, none left to defaults (the mutation test's seed). */
export const fullDocument = (): Document => ({
  version: 1,
  title: 'HER2-like marker',
  alpha: 0.025,
  population: { prevalence: 0.3, sensitivity: 0.9, specificity: 0.95 },
  endpoint: { type: 'continuous', sd: { pos: 1, neg: 1.2 }, effect: { pos: 0.5, neg: 0.1 } },
  trial: {
    allocation: 1,
    screeningRate: 25,
    endpointDelay: 3,
    costs: { perScreened: 500, perRandomized: 20000, perMonth: 100000, fixed: 1e6 },
  },
  analysis: { statistic: 'z', strata: 'fixed', stratified: true },
  designs: [
    {
      id: 'ac',
      label: 'All comers',
      type: 'all-comers',
      n: 400,
      interims: { informationRates: [0.5, 1], efficacy: 'pocock' },
    },
    { id: 'en', label: 'Enriched', type: 'enriched', n: 200 },
    { id: 'st', label: '', type: 'stratified', n: 400, intersection: 'spiessens-debois' },
    {
      id: 'ad',
      label: 'Adaptive',
      type: 'adaptive-enrichment',
      n: [150, 300],
      intersection: 'bonferroni',
      combination: 'inverse-normal',
      selection: { rule: 'epsilon', measure: 'z', epsilon: 0.2, threshold: 0 },
      efficacy: 'obrien-fleming',
      recalculation: { conditionalPower: 0.8, minStage2: 50, maxStage2: 300, assumedEffect: 0.4 },
    },
  ],
  simulation: { replicates: 1000, seed: 'seed-1', method: 'patient' },
});

export function errorsOf(document: unknown): string[] {
  const parsed = parseScenario(document);
  return parsed.ok ? [] : parsed.errors;
}

/** The path a message starts with. */
export const pathOf = (message: string): string => message.slice(0, message.indexOf(': '));

/**
 * Sets (or, with `undefined`, deletes) the value at a JS-style path such as `designs[1].n`
 * in place, and returns the document.
 */
export function setAt<T extends Document>(document: T, path: string, value: unknown): T {
  const keys = path.match(/[^.[\]]+/g) ?? [];
  let parent: Record<string, unknown> = document;
  for (const key of keys.slice(0, -1)) {
    if (typeof parent[key] !== 'object' || parent[key] === null) parent[key] = {};
    parent = parent[key] as Record<string, unknown>;
  }
  const last = keys[keys.length - 1] as string;
  if (value === undefined) delete parent[last];
  else parent[last] = value;
  return document;
}

export type Edit = [path: string, value: unknown];

/** A fresh document of each endpoint with each edit applied (see `setAt`). */
export const continuous = (...edits: Edit[]) => edited(continuousDocument(), edits);
export const binary = (...edits: Edit[]) => edited(binaryDocument(), edits);
export const survival = (...edits: Edit[]) => edited(survivalDocument(), edits);

function edited(document: Document, edits: Edit[]): Document {
  for (const [path, value] of edits) setAt(document, path, value);
  return document;
}

/** The paths the error messages start with, in order. */
export const errorPaths = (document: unknown): string[] => errorsOf(document).map(pathOf);
