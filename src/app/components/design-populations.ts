// A design card's fields that name the scenario's populations when it has several (docs/populations.md):
// an enriched design's population, and the intersection tests several populations take, hierarchical
// testing with its order of the populations and F.
import { html, nothing, type TemplateResult } from 'lit';
import { fieldView } from '../../engine/scenario/field-docs.js';
import type { DesignType } from '../../engine/scenario/types.js';
import type { Draft } from '../draft.js';
import { hasSubgroupsDrafted, populationIds } from '../population-draft.js';
import type { Store } from '../state/store.js';
import { field } from './fields.js';

/** an enriched design enrols one of several populations: the first, until another is picked */
export function withPopulation(store: Store, design: Draft): Draft {
  const first = populationIds(store.draft)[0];
  const several = design.type === 'enriched' && hasSubgroupsDrafted(store.draft) && first !== undefined;
  return several ? { ...design, population: first } : design;
}

/** the population an enriched design enrols, of several */
export function populationField(store: Store, path: string): TemplateResult {
  const ids = populationIds(store.draft);
  return field(store, `${path}.population`, { options: ids.map((id) => [id, id]) });
}

/**
 * the intersection test, with several populations from the keywords they take; hierarchical testing
 * starts in the populations' order, then F
 */
export function intersectionField(store: Store, path: string, type: DesignType, design: Draft): TemplateResult {
  if (!hasSubgroupsDrafted(store.draft)) return field(store, `${path}.intersection`);
  const view = fieldView(`${path}.intersection`, 'continuous', type);
  const pick = (value: string) => {
    const order = value === 'hierarchical' ? [...populationIds(store.draft), 'F'] : undefined;
    store.edit(path, { ...design, intersection: value, order });
  };
  const help = 'How each intersection of the populations’ hypotheses is tested.';
  return html`${field(store, `${path}.intersection`, { options: view?.severalOptions, onPick: pick, help })}
    ${design.intersection === 'hierarchical' ? field(store, `${path}.order`) : nothing}`;
}
