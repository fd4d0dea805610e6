// Edits of a draft's population in the several-populations form (docs/populations.md) that reach
// beyond one field: a subgroup's id names it in the populations, the assay and the endpoint's maps, a
// population's id in the designs, so adding, removing or renaming one keeps every place in step. The
// switch between the two forms swaps the population, the endpoint's maps and the designs' keywords of
// one form for the other's. The contract judges the result like any other edit.
import { MAX_POPULATIONS, MAX_SUBGROUPS, MIN_SUBGROUPS } from '../engine/scenario/population-form.js';
import { readAt, writeAt, type Draft } from './draft.js';
import { ENDPOINT_DEFAULTS, SEVERAL_POPULATIONS_START } from './presets.js';
import { withSuitableMethod } from './suitable-method.js';

type Subgroup = { id: string; share: unknown };
type Population = { id: string; subgroups: string[] };

const isRecord = (value: unknown): value is Draft =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const listAt = <T>(draft: Draft, path: string): T[] => {
  const list = readAt(draft, path);
  return Array.isArray(list) ? (list as T[]) : [];
};

export const subgroupsOf = (draft: Draft): Subgroup[] => listAt(draft, 'population.subgroups');
export const populationsOf = (draft: Draft): Population[] => listAt(draft, 'population.populations');
export const subgroupIds = (draft: Draft): string[] => subgroupsOf(draft).map((subgroup) => String(subgroup.id));
export const populationIds = (draft: Draft): string[] => populationsOf(draft).map((p) => String(p.id));

/** whether the draft describes its population by subgroups (the contract's test, hasSubgroups) */
export function hasSubgroupsDrafted(draft: Draft): boolean {
  return isRecord(draft.population) && draft.population.subgroups !== undefined;
}

export const canAddSubgroup = (draft: Draft) => subgroupsOf(draft).length < MAX_SUBGROUPS;
export const canRemoveSubgroup = (draft: Draft) => subgroupsOf(draft).length > MIN_SUBGROUPS;
export const canAddPopulation = (draft: Draft) => populationsOf(draft).length < MAX_POPULATIONS;

/** the first of `base`1, `base`2, … not among `taken` */
function unused(base: string, taken: readonly string[]): string {
  for (let k = 1; ; k++) if (!taken.includes(`${base}${k}`)) return `${base}${k}`;
}

/** a copy of `record` with its keys renamed by `rename` (undefined drops the key), in the same order */
function rekeyed(record: Draft, rename: (key: string) => string | undefined): Draft {
  const entries = Object.entries(record).flatMap(([key, value]): [string, unknown][] => {
    const next = rename(key);
    return next === undefined ? [] : [[next, value]];
  });
  return Object.fromEntries(entries);
}

/** every subgroup id key of the draft renamed or dropped: the endpoint's maps, the assay's rows and columns */
function rekeySubgroups(draft: Draft, rename: (id: string) => string | undefined): Draft {
  const copy = structuredClone(draft);
  const population = copy.population as Draft;
  if (isRecord(population.assay)) {
    const rows = rekeyed(population.assay, rename);
    population.assay = Object.fromEntries(
      Object.entries(rows).map(([id, row]) => [id, isRecord(row) ? rekeyed(row, rename) : row]),
    );
  }
  if (isRecord(copy.endpoint)) {
    for (const [key, map] of Object.entries(copy.endpoint))
      if (isRecord(map)) copy.endpoint[key] = rekeyed(map, rename);
  }
  return copy;
}

/** each design's population and order with a population id renamed, or dropped (an enriched design then enrols `to`) */
function renamePopulationInDesigns(draft: Draft, from: string, to: string | undefined, dropped = false): Draft {
  const designs = listAt<Draft>(draft, 'designs').map((design) => {
    const next = { ...design };
    if (next.population === from) {
      if (to === undefined) delete next.population;
      else next.population = to;
    }
    if (Array.isArray(next.order))
      next.order = next.order.flatMap((id) => (id !== from ? [id] : dropped || to === undefined ? [] : [to]));
    return next;
  });
  return { ...draft, designs };
}

export function addSubgroup(draft: Draft): Draft {
  const ids = subgroupIds(draft);
  const id = unused('G', [...ids, ...populationIds(draft)]);
  const copy = structuredClone(draft);
  (copy.population as Draft).subgroups = [...subgroupsOf(draft), { id, share: 0 }];
  // a new subgroup starts with the last one's outcome values
  const last = ids[ids.length - 1];
  if (isRecord(copy.endpoint))
    for (const map of Object.values(copy.endpoint)) if (isRecord(map) && last in map) map[id] = map[last];
  return copy;
}

export function removeSubgroup(draft: Draft, index: number): Draft {
  const id = subgroupIds(draft)[index];
  const copy = rekeySubgroups(draft, (key) => (key === id ? undefined : key));
  const population = copy.population as Draft;
  population.subgroups = subgroupsOf(copy).filter((_, k) => k !== index);
  population.populations = populationsOf(copy).map((p) => ({ ...p, subgroups: p.subgroups.filter((s) => s !== id) }));
  return copy;
}

/**
 * the subgroup at `index` renamed `id`, everywhere it is named; where the old or the new id is another
 * subgroup's too, only its own id changes (the contract names the clash, and renaming back undoes it)
 */
export function renameSubgroup(draft: Draft, index: number, id: string): Draft {
  const ids = subgroupIds(draft);
  const before = ids[index];
  const others = ids.filter((_, k) => k !== index);
  if (others.includes(id) || others.includes(before)) return writeAt(draft, `population.subgroups[${index}].id`, id);
  const copy = rekeySubgroups(draft, (key) => (key === before ? id : key));
  const population = copy.population as Draft;
  population.subgroups = subgroupsOf(copy).map((s, k) => (k === index ? { ...s, id } : s));
  population.populations = populationsOf(copy).map((p) => ({
    ...p,
    subgroups: p.subgroups.map((s) => (s === before ? id : s)),
  }));
  return copy;
}

export function addPopulation(draft: Draft): Draft {
  const id = unused('S', [...subgroupIds(draft), ...populationIds(draft)]);
  const copy = structuredClone(draft);
  (copy.population as Draft).populations = [...populationsOf(draft), { id, subgroups: subgroupIds(draft).slice(0, 1) }];
  return copy;
}

export function removePopulation(draft: Draft, index: number): Draft {
  const id = populationIds(draft)[index];
  const copy = structuredClone(draft);
  (copy.population as Draft).populations = populationsOf(draft).filter((_, k) => k !== index);
  return renamePopulationInDesigns(copy, id, populationIds(copy)[0], true);
}

/** the population at `index` renamed `id`, in the designs too; a clash changes its own id alone, as for subgroups */
export function renamePopulation(draft: Draft, index: number, id: string): Draft {
  const ids = populationIds(draft);
  const before = ids[index];
  const others = ids.filter((_, k) => k !== index);
  if (others.includes(id) || others.includes(before)) return writeAt(draft, `population.populations[${index}].id`, id);
  const copy = structuredClone(draft);
  (copy.population as Draft).populations = populationsOf(draft).map((p, k) => (k === index ? { ...p, id } : p));
  return renamePopulationInDesigns(copy, before, id);
}

/** the population at `index` with subgroup `id` in it or not, in the subgroups' order */
export function setMember(draft: Draft, index: number, id: string, member: boolean): Draft {
  const order = subgroupIds(draft);
  const copy = structuredClone(draft);
  (copy.population as Draft).populations = populationsOf(draft).map((p, k) => {
    if (k !== index) return p;
    const kept = new Set(p.subgroups.filter((s) => s !== id));
    if (member) kept.add(id);
    return { ...p, subgroups: order.filter((s) => kept.has(s)) };
  });
  return copy;
}

/** an assay table that classifies everyone as what they are (to edit from), or none (perfect) */
export function withAssay(draft: Draft, on: boolean): Draft {
  const copy = structuredClone(draft);
  const population = copy.population as Draft;
  const ids = subgroupIds(draft);
  if (on)
    population.assay = Object.fromEntries(ids.map((i) => [i, Object.fromEntries(ids.map((j) => [j, +(i === j)]))]));
  else delete population.assay;
  return copy;
}

/** P(classified as `classified` | truly `truth`) as drafted; a row left out is perfect */
export function assayEntry(draft: Draft, truth: string, classified: string): unknown {
  const row = readAt(draft, 'population.assay');
  const entries = isRecord(row) && isRecord(row[truth]) ? row[truth] : undefined;
  if (entries === undefined) return +(truth === classified);
  return Object.hasOwn(entries, classified) ? entries[classified] : 0;
}

/** the endpoint of `type` from the one-marker defaults, its maps by subgroup: the first marker+, the rest − */
export function endpointFor(type: string, ids: readonly string[]): Draft {
  const defaults = ENDPOINT_DEFAULTS[Object.hasOwn(ENDPOINT_DEFAULTS, type) ? type : 'continuous'];
  const bySubgroup = (map: Draft) => Object.fromEntries(ids.map((id, k) => [id, k === 0 ? map.pos : map.neg]));
  return Object.fromEntries(
    Object.entries(defaults).map(([key, value]) => [key, isRecord(value) ? bySubgroup(value) : value]),
  );
}

/**
 * the draft in the other form: several populations start from a marker read at two cutoffs, one marker
 * from the defaults; the endpoint keeps its type where the form takes it, and the designs trade the
 * keywords and fields of one form for the other's
 */
export function switchForm(draft: Draft, several: boolean): Draft {
  if (several === hasSubgroupsDrafted(draft)) return draft;
  const type = String(readAt(draft, 'endpoint.type') ?? 'continuous');
  if (several) {
    const population = structuredClone(SEVERAL_POPULATIONS_START);
    const ids = (population.subgroups as Subgroup[]).map((s) => s.id);
    const first = (population.populations as Population[])[0].id;
    const designs = listAt<Draft>(draft, 'designs').map((design) => severalDesign(design, first));
    return withSuitableMethod({ ...draft, population, endpoint: endpointFor(type, ids), designs });
  }
  // an eventsIn of S or F means the same with one marker; a population's id does not
  const designs = listAt<Draft>(draft, 'designs').map(
    ({ population: _, order: __, stage1: ___, eventsIn, ...design }) => ({
      ...design,
      ...(eventsIn === 'F' ? { eventsIn } : {}),
      ...(design.intersection === 'hierarchical' ? { intersection: 'hierarchical-S' } : {}),
    }),
  );
  const endpoint = structuredClone(ENDPOINT_DEFAULTS[Object.hasOwn(ENDPOINT_DEFAULTS, type) ? type : 'continuous']);
  return withSuitableMethod({ ...draft, population: { prevalence: 0.3 }, endpoint, designs });
}

/** a one-marker design as several populations take it: an enriched one enrols `population` */
function severalDesign({ eventsIn, ...design }: Draft, population: string): Draft {
  const rest = eventsIn === 'F' ? { ...design, eventsIn } : design;
  if (rest.type === 'enriched') return { ...rest, population };
  const intersection = String(rest.intersection ?? '');
  if (intersection.startsWith('hierarchical-') || intersection === 'spiessens-debois')
    return { ...rest, intersection: 'dunnett' };
  return rest;
}
