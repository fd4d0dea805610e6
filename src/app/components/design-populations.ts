// A design card's fields that name the scenario's populations when it has several (docs/populations.md):
// an enriched design's population, an adaptive design's stage 1, and the intersection tests several
// populations take, hierarchical testing with its order of the populations and F.
import { html, nothing, type TemplateResult } from 'lit';
import { fieldView } from '../../engine/scenario/field-docs.js';
import type { DesignType } from '../../engine/scenario/types.js';
import { readAt, type Draft } from '../draft.js';
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

/** whom an adaptive design's stage 1 randomises: all comers (left out), or one of several populations */
export function stage1Field(store: Store, path: string): TemplateResult {
  const at = `${path}.stage1`;
  const given = readAt(store.draft, at);
  return field(store, at, {
    options: [['', 'all comers (F)'], ...populationIds(store.draft).map((id): [string, string] => [id, id])],
    picked: typeof given === 'string' && given !== 'F' ? given : '',
    onPick: (value) => store.edit(at, value === '' ? undefined : value),
  });
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
