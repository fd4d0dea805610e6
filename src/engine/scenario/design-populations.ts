// What a design names of the scenario's populations (docs/populations.md, "Designs"): the population an
// enriched design enrols, the intersection test of a closed test and a hierarchical test's order.
// The several-populations form names its populations by id, and `hierarchical` tests them and F in the
// design's `order`. The one-marker form has one population, S, and keeps its fields and keywords:
// `hierarchical-S` and `hierarchical-F` are its orders (it has no `order`, nor an enriched design's
// `population`), and `dunnett`, the max-z test of any number of populations, is read there as its
// `spiessens-debois`, so that what follows the contract meets only the keywords it has always known.
import { child, describe, item, listWords, mustBe, own } from './checks.js';
import type { Context, Field, Issues, KeywordField } from './checks.js';
import type { Fields } from './record.js';
import type { Design, Intersection, StratifiedDesign } from './types.js';

/** the one-marker form's fixed orders of S and F */
const ONE_MARKER_ORDERS: readonly Intersection[] = ['hierarchical-S', 'hierarchical-F'];
/** design fields of the several-populations form only, and what the one-marker form has instead */
const SEVERAL_ONLY: Readonly<Record<string, string>> = {
  population: 'a one-marker enriched design enrols S',
  order: 'with one marker use intersection "hierarchical-S" or "hierarchical-F"',
  stage1: "a one-marker adaptive design's stage 1 randomises all comers",
};

const andList = (ids: readonly string[]) => `${ids.slice(0, -1).join(', ')} and ${ids[ids.length - 1]}`;

/** the fields a design has in the scenario's form: in the one-marker form, none of SEVERAL_ONLY */
export function fieldsInForm<T>(fields: Fields<T>, context: Context): Fields<T> {
  if (context.populations !== undefined) return fields;
  return Object.fromEntries(Object.entries(fields).filter(([key]) => !Object.hasOwn(SEVERAL_ONLY, key))) as Fields<T>;
}

/** why a design field of the several-populations form is not one here, or undefined */
export function severalOnly(key: string, context: Context): string | undefined {
  if (context.populations !== undefined || !Object.hasOwn(SEVERAL_ONLY, key)) return undefined;
  return `only with several populations (population.subgroups); ${SEVERAL_ONLY[key]}`;
}

/** an intersection keyword field that knows the several-populations form's keywords too */
export type IntersectionField<K extends Intersection> = KeywordField<K> & { readonly several: readonly K[] };

/**
 * An intersection test: in the one-marker form one of `oneMarker` (the keywords the form offers) or
 * `dunnett`; with several populations one of `several`. A message lists the form's own keywords.
 */
export function intersectionField<const K extends Intersection>(
  oneMarker: readonly K[],
  several: readonly K[],
  defaultValue: K,
): IntersectionField<K> {
  return {
    kind: 'keyword',
    values: oneMarker,
    several,
    allowed: listWords(oneMarker),
    default: defaultValue,
    fill: () => defaultValue,
    read(value, path, issues, context) {
      const known = context.populations;
      const taken: readonly unknown[] = known === undefined ? [...oneMarker, 'dunnett'] : several;
      if (taken.includes(value)) return value as K;
      const ordered = several.includes('hierarchical' as K);
      if (ordered && known === undefined && value === 'hierarchical') {
        issues.push(
          `${path}: "hierarchical" tests several populations in an order; with one marker use ` +
            '"hierarchical-S" (S first) or "hierarchical-F" (F first)',
        );
        return undefined;
      }
      if (ordered && known !== undefined && ONE_MARKER_ORDERS.includes(value as K)) {
        const order = JSON.stringify([...known, 'F']).replaceAll(',', ', ');
        issues.push(
          `${path}: ${describe(value)} is the one-marker form's order of S and F; with several populations ` +
            `use "hierarchical" with an order, e.g. "order": ${order}`,
        );
        return undefined;
      }
      return mustBe(issues, path, listWords(known === undefined ? oneMarker : several), value);
    },
  };
}

/** the hypotheses an order lists; none checked when the populations could not be read (`population` says why) */
const orderIds = (context: Context) =>
  context.populations === undefined || context.populations.length === 0 ? undefined : [...context.populations, 'F'];
const orderWords = (known: readonly string[] | undefined) =>
  known ? `a list of ${andList(known)}, each once, first tested first` : 'a list of population ids';

/** a stratified design's `order` (several populations): the hypotheses it tests, each once, first tested first */
export const ORDER: Field<string[] | undefined> = {
  allowed: 'the populations and F, each once, first tested first (with intersection "hierarchical")',
  fill: () => undefined,
  read(value, path, issues, context) {
    const known = orderIds(context);
    if (!Array.isArray(value) || value.length === 0) return mustBe(issues, path, orderWords(known), value);
    const before = issues.length;
    const order: string[] = [];
    for (const [index, id] of value.entries()) {
      const at = item(path, index);
      if (typeof id !== 'string') mustBe(issues, at, 'a population id or "F"', id);
      else if (known && !known.includes(id)) {
        issues.push(`${at}: no population ${describe(id)} (the populations are ${andList(known)})`);
      } else if (order.includes(id)) {
        issues.push(`${at}: ${describe(id)} is listed already (${item(path, order.indexOf(id))})`);
      } else order.push(id);
    }
    const missing = known?.filter((id) => !value.includes(id)) ?? [];
    for (const id of missing) issues.push(`${path}: ${describe(id)} is missing, must be ${orderWords(known)}`);
    return issues.length === before ? order : undefined;
  },
};

/** an enriched design's `population` (several populations): one of the scenario's */
export const ENRICHED_POPULATION: Field<string | undefined> = {
  allowed: "the id of one of the scenario's populations",
  fill: () => undefined,
  read(value, path, issues, context) {
    const known = context.populations ?? [];
    if (typeof value !== 'string') return mustBe(issues, path, `a population id (${known.join(', ')})`, value);
    if (known.length > 0 && !known.includes(value)) {
      issues.push(`${path}: no population ${describe(value)} (the populations are ${known.join(', ')})`);
      return undefined;
    }
    return value;
  },
};

/** an adaptive design's `stage1` (several populations): the population stage 1 randomises, or F (the default) */
export const STAGE1: Field<string | undefined> = {
  allowed: 'the id of one of the scenario\'s populations, or "F" (all comers, the default)',
  fill: () => undefined,
  read(value, path, issues, context) {
    const known = context.populations ?? [];
    if (typeof value !== 'string')
      return mustBe(issues, path, `a population id or "F" (${[...known, 'F'].join(', ')})`, value);
    if (value !== 'F' && known.length > 0 && !known.includes(value)) {
      issues.push(`${path}: no population ${describe(value)} (the populations are ${known.join(', ')}, and F)`);
      return undefined;
    }
    return value;
  },
};

/** with two populations or more an enriched design says which it enrols */
export function checkEnrichedPopulation(
  _design: unknown,
  path: string,
  issues: Issues,
  context: Context,
  written: Record<string, unknown>,
): void {
  const known = context.populations;
  if (known === undefined || known.length < 2 || own(written, 'population') !== undefined) return;
  issues.push(`${child(path, 'population')}: required with several populations, must be one of ${listWords(known)}`);
}

/** `order` goes with intersection "hierarchical", and only with it */
export function checkOrder(
  design: Partial<Pick<StratifiedDesign, 'intersection'>>,
  path: string,
  issues: Issues,
  context: Context,
  written: Record<string, unknown>,
): void {
  if (context.populations === undefined) return; // no order, and no "hierarchical", in the one-marker form
  const { intersection } = design;
  const given = own(written, 'order') !== undefined;
  const at = child(path, 'order');
  if (intersection === 'hierarchical' && !given)
    issues.push(`${at}: required with intersection "hierarchical", must be ${orderWords(orderIds(context))}`);
  if (intersection !== undefined && intersection !== 'hierarchical' && given)
    issues.push(`${at}: only with intersection "hierarchical" (intersection is "${intersection}")`);
}

/**
 * The design as the engine reads it: in the one-marker form with that form's keyword for `dunnett`;
 * in the other with an enriched design's one population filled in when it is left out.
 */
export function inScenarioTerms(design: Design, context: Context): Design {
  const known = context.populations;
  if (known === undefined) {
    return 'intersection' in design && design.intersection === 'dunnett'
      ? { ...design, intersection: 'spiessens-debois' }
      : design;
  }
  return design.type === 'enriched' && design.population === undefined && known.length === 1
    ? { ...design, population: known[0] }
    : design;
}
