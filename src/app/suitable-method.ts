// A draft with a simulation method its endpoint and assay allow (method.ts's one rule): a survival
// endpoint whose hazards stop being proportional, or an assay that stops being perfect, rules out
// the asymptotic law, so the form moves such a draft to patient level instead of making it invalid.
import { suitableMethods } from '../engine/scenario/method.js';
import type { EndpointType } from '../engine/scenario/types.js';
import { readAt, writeAt, type Draft } from './draft.js';

export function withSuitableMethod(draft: Draft): Draft {
  const type = readAt(draft, 'endpoint.type');
  if (type !== 'continuous' && type !== 'binary' && type !== 'survival') return draft;
  const population = (readAt(draft, 'population') ?? {}) as Record<string, number>;
  const methods = suitableMethods(type as EndpointType, population, readAt(draft, 'endpoint'));
  const method = readAt(draft, 'simulation.method');
  if (method === undefined || methods.includes(method as (typeof methods)[number])) return draft;
  return writeAt(draft, 'simulation.method', methods[0]);
}
