// The several-populations form of `population` (docs/populations.md, "The contract"): subgroups of
// true status with their shares, populations as unions of subgroups as the assay classifies them,
// and the assay's table of P(classified as j | truly i). Read and checked into the PopulationModel
// the engine uses, and into the scenario's SubgroupPopulation; the one-marker form (prevalence,
// sensitivity, specificity) is its smallest case and stays in scenario-fields.ts.
import type { PopulationModel } from '../population-model.js';
import { cellLayout, identityAssay } from '../population-model.js';
import { child, describe, isRecord, item, mustBe, numberIn, optional, own } from './checks.js';
import type { Context, Field, Issues } from './checks.js';
import { readField, recordAt, reportUnknown } from './record.js';
import type { SubgroupPopulation } from './types.js';

export const MIN_SUBGROUPS = 2;
/** the population model's bit masks are bytes */
export const MAX_SUBGROUPS = 8;
/** rpact's limit of four populations in all, F counted */
export const MAX_POPULATIONS = 3;
/** shares and assay rows add up to 1 within rounding of a few decimal fractions, not by luck */
const SUM_TOLERANCE = 1e-9;

const FORM_KEYS = ['subgroups', 'populations', 'assay'];
const ONE_MARKER_KEYS = ['prevalence', 'sensitivity', 'specificity'];
/**
 * F names everyone screened and `any` the rejection of any hypothesis, in results and on the page;
 * `__proto__` is a JavaScript object's prototype, which no map keyed by id could hold
 */
const RESERVED = ['F', 'any', '__proto__'];
const ID_PATTERN = /^[A-Za-z0-9_+-]{1,20}$/;
const ID_WORDS = '1–20 letters, digits, "-", "_" or "+"';
const SHARE = numberIn({ min: 0, max: 1 });

const SUBGROUPS_WORDS = `an array of ${MIN_SUBGROUPS} to ${MAX_SUBGROUPS} subgroups { id, share }`;
const POPULATIONS_WORDS = `an array of 1 to ${MAX_POPULATIONS} populations { id, subgroups }`;

/** whether `value` is a population in the several-populations form */
export function hasSubgroups(value: unknown): boolean {
  return isRecord(value) && own(value, 'subgroups') !== undefined;
}

/** the subgroup ids written (well-formed ones, in order), for the endpoint's maps; [] when unreadable */
export function subgroupIdsOf(value: unknown): string[] {
  const list = isRecord(value) ? own(value, 'subgroups') : undefined;
  if (!Array.isArray(list)) return [];
  return list.map((entry) => (isRecord(entry) ? own(entry, 'id') : undefined)).filter(isId);
}

/** the population ids written (well-formed ones, in order), for the designs that name them; [] when unreadable */
export function populationIdsOf(value: unknown): string[] {
  const list = isRecord(value) ? own(value, 'populations') : undefined;
  if (!Array.isArray(list)) return [];
  return list.map((entry) => (isRecord(entry) ? own(entry, 'id') : undefined)).filter(isId);
}

const isId = (value: unknown): value is string => typeof value === 'string' && ID_PATTERN.test(value);

/** `the subgroups are a, b, c`, for messages about an unknown id */
export const subgroupsAre = (ids: readonly string[]): string => `the subgroups are ${ids.join(', ')}`;

/** A sum as a message shows it: 12 significant digits, so 0.25 + 0.35 + 0.35 reads 0.95. */
const sumWords = (sum: number): string => String(Number(sum.toPrecision(12)));

type Subgroups = PopulationModel['subgroups'];
type Populations = PopulationModel['populations'];
/** a list whose entries have fields, for the form's words and `stratum fields` (field-docs.ts) */
type ListField<T> = Field<T> & { readonly fields: Record<string, Field<unknown>> };

/** An id, well formed and not reserved (readId keeps it unique in its list, checkIdsAcrossLists across both). */
const ID: Field<string> = {
  allowed: ID_WORDS,
  read(value, path, issues) {
    if (!isId(value)) return mustBe(issues, path, ID_WORDS, value);
    if (RESERVED.includes(value)) {
      return mustBe(
        issues,
        path,
        'an id other than "F", "any" and "__proto__" ' +
          "(they name everyone screened, any rejection, and an object's prototype)",
        value,
      );
    }
    return value;
  },
};

const UNIQUE = (earlier: string) => `unique across subgroups and populations (${earlier} has the same id)`;

const MEMBERS_WORDS = 'a non-empty list of subgroup ids';
const ASSAY_WORDS =
  'P(classified as column | truly row) by subgroup id, { "id": { "id": p, … }, … }, each row adding up to 1; ' +
  'a row left out is perfect';

const MEMBERS: Field<string[]> = {
  allowed: MEMBERS_WORDS,
  read: (value, path, issues, context) => readMembers(value, path, context.subgroups, issues),
};

const SUBGROUPS: ListField<Subgroups> = {
  allowed: SUBGROUPS_WORDS,
  fields: { id: ID, share: SHARE },
  read: (value, path, issues) => readSubgroups(value, path, issues),
};

const POPULATIONS: ListField<Populations> = {
  allowed: POPULATIONS_WORDS,
  fields: { id: ID, subgroups: MEMBERS },
  read: (value, path, issues, context) => readPopulations(value, path, context.subgroups, issues),
};

/** read once the subgroups are known (`context.subgroups`) */
const ASSAY: Field<number[][]> = {
  allowed: ASSAY_WORDS,
  read: (value, path, issues, context) => readAssay(value, path, context.subgroups ?? [], issues),
};

/** the form's fields, as the reader below reads them */
export const POPULATION_FORM_FIELDS = { subgroups: SUBGROUPS, populations: POPULATIONS, assay: optional(ASSAY) };

/**
 * The population at `path` in the several-populations form, or undefined after reporting every
 * problem. The caller has seen that it has `subgroups`.
 */
export function readPopulationForm(value: unknown, path: string, issues: Issues): PopulationModel | undefined {
  const record = recordAt(value, path, issues);
  if (record === undefined) return undefined;
  const before = issues.length;
  // the one-marker fields are no typo here: they get the one message below, not "unknown field"
  reportUnknown(
    Object.fromEntries(Object.entries(record).filter(([key]) => !ONE_MARKER_KEYS.includes(key))),
    FORM_KEYS,
    path,
    issues,
  );
  if (ONE_MARKER_KEYS.some((key) => own(record, key) !== undefined)) {
    issues.push(
      `${child(path, 'subgroups')}: not with ${child(path, ONE_MARKER_KEYS.join('/'))}: ` +
        'a population is given by prevalence, sensitivity and specificity (one marker) ' +
        'or by subgroups and populations, not both',
    );
  }
  const { subgroups: subgroupsField, populations: populationsField, assay: assayField } = POPULATION_FORM_FIELDS;
  const subgroups = readField(record, 'subgroups', subgroupsField, path, issues, {});
  const context: Context = { subgroups: subgroups?.map((subgroup) => subgroup.id) };
  const populations = readField(record, 'populations', populationsField, path, issues, context);
  checkIdsAcrossLists(record, path, issues);
  const assay = subgroups && readField(record, 'assay', assayField, path, issues, context);
  if (issues.length > before || !subgroups || !populations) return undefined;
  const model = { subgroups, populations, assay: assay ?? identityAssay(subgroups.length) };
  checkEveryPopulationHasPatients(model, path, issues);
  return issues.length > before ? undefined : model;
}

/** a population no screened patient is classified into could never be enrolled or tested */
function checkEveryPopulationHasPatients(model: PopulationModel, path: string, issues: Issues): void {
  const { populationShare } = cellLayout(model);
  model.populations.forEach((population, k) => {
    if (populationShare[k] > 0) return;
    issues.push(
      `${child(item(child(path, 'populations'), k), 'subgroups')}: no screened patient is classified into ` +
        `${population.id} (its subgroups' shares, read through the assay, add up to 0)`,
    );
  });
}

/**
 * The population at `path` as the scenario holds it: subgroups and populations as read, and the assay,
 * when given, as a full table by subgroup id (every row, every column); left out, it stays out (perfect).
 */
export function readSubgroupPopulation(value: unknown, path: string, issues: Issues): SubgroupPopulation | undefined {
  const model = readPopulationForm(value, path, issues);
  if (model === undefined) return undefined;
  const { subgroups, populations, assay } = model;
  if (!isRecord(value) || own(value, 'assay') === undefined) return { subgroups, populations };
  const ids = subgroups.map((subgroup) => subgroup.id);
  const byId = (row: number[]) => Object.fromEntries(ids.map((id, j) => [id, row[j]]));
  return { subgroups, populations, assay: Object.fromEntries(ids.map((id, i) => [id, byId(assay[i])])) };
}

/** a population's id that a subgroup has already (each list checks its own ids) */
function checkIdsAcrossLists(record: Record<string, unknown>, path: string, issues: Issues): void {
  const idOf = (entry: unknown) => (isRecord(entry) ? own(entry, 'id') : undefined);
  const subgroupIds = Array.from(asList(own(record, 'subgroups')), idOf);
  for (const [index, entry] of asList(own(record, 'populations')).entries()) {
    const id = idOf(entry);
    const subgroup = isId(id) && !RESERVED.includes(id) ? subgroupIds.indexOf(id) : -1;
    if (subgroup < 0) continue;
    const earlier = item(child(path, 'subgroups'), subgroup);
    mustBe(issues, child(item(child(path, 'populations'), index), 'id'), UNIQUE(earlier), id);
  }
}

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** An entry's id at `path`: read by ID, not taken by an earlier entry of its list. */
function readId(entry: Record<string, unknown>, path: string, ids: Map<string, string>, issues: Issues) {
  const id = readField(entry, 'id', ID, path, issues, {});
  if (id === undefined) return undefined;
  const earlier = ids.get(id);
  if (earlier !== undefined) return mustBe(issues, child(path, 'id'), UNIQUE(earlier), id);
  ids.set(id, path);
  return id;
}

function readSubgroups(value: unknown, path: string, issues: Issues): Subgroups | undefined {
  if (!Array.isArray(value) || value.length < MIN_SUBGROUPS || value.length > MAX_SUBGROUPS) {
    return mustBe(issues, path, SUBGROUPS_WORDS, value);
  }
  const before = issues.length;
  const ids = new Map<string, string>(); // id → the path of the entry that has it
  const subgroups: Subgroups = [];
  for (const [index, entry] of value.entries()) {
    const at = item(path, index);
    const subgroup = recordAt(entry, at, issues);
    if (subgroup === undefined) continue;
    reportUnknown(subgroup, ['id', 'share'], at, issues);
    const id = readId(subgroup, at, ids, issues);
    const share = readField(subgroup, 'share', SHARE, at, issues, {});
    if (id !== undefined && share !== undefined) subgroups.push({ id, share });
  }
  if (issues.length > before) return undefined;
  const sum = subgroups.reduce((total, subgroup) => total + subgroup.share, 0);
  if (Math.abs(sum - 1) > SUM_TOLERANCE) {
    issues.push(`${path}: the shares must add up to 1, they add up to ${sumWords(sum)}`);
    return undefined;
  }
  return subgroups;
}

/** `known` is undefined when the subgroups could not be read: then lists are checked only as lists */
function readPopulations(
  value: unknown,
  path: string,
  known: readonly string[] | undefined,
  issues: Issues,
): Populations | undefined {
  if (!Array.isArray(value) || value.length === 0) return mustBe(issues, path, POPULATIONS_WORDS, value);
  const before = issues.length;
  // too many is one problem; the populations' own problems are still worth reporting
  if (value.length > MAX_POPULATIONS) {
    issues.push(
      `${path}: at most ${MAX_POPULATIONS} populations besides F (rpact's limit of four in all), got ${value.length}`,
    );
  }
  const ids = new Map<string, string>();
  const populations: Populations = [];
  const earlierSets = new Map<string, string>(); // sorted subgroup list → the population that has it
  for (const [index, entry] of value.entries()) {
    const at = item(path, index);
    const population = recordAt(entry, at, issues);
    if (population === undefined) continue;
    reportUnknown(population, ['id', 'subgroups'], at, issues);
    const id = readId(population, at, ids, issues);
    const members = readField(population, 'subgroups', MEMBERS, at, issues, { subgroups: known });
    if (members === undefined || known === undefined) continue;
    if (members.length === known.length) {
      issues.push(`${child(at, 'subgroups')}: lists every subgroup, which is F (always a population, never listed)`);
      continue;
    }
    const set = [...members].sort().join('\n');
    const earlier = earlierSets.get(set);
    if (earlier !== undefined) {
      issues.push(`${child(at, 'subgroups')}: the same subgroups as ${earlier}: each population is listed once`);
      continue;
    }
    earlierSets.set(set, at);
    if (id !== undefined) populations.push({ id, subgroups: members });
  }
  return issues.length === before ? populations : undefined;
}

function readMembers(
  value: unknown,
  path: string,
  known: readonly string[] | undefined,
  issues: Issues,
): string[] | undefined {
  if (!Array.isArray(value) || value.length === 0) return mustBe(issues, path, MEMBERS_WORDS, value);
  const before = issues.length;
  const members: string[] = [];
  for (const [index, id] of value.entries()) {
    const at = item(path, index);
    if (typeof id !== 'string') mustBe(issues, at, 'a subgroup id', id);
    else if (known !== undefined && !known.includes(id)) {
      issues.push(`${at}: no subgroup ${describe(id)} (${subgroupsAre(known)})`);
    } else if (members.includes(id)) {
      issues.push(`${at}: ${describe(id)} is listed already (${item(path, members.indexOf(id))})`);
    } else members.push(id);
  }
  return issues.length === before ? members : undefined;
}

/** The assay's table by true subgroup id, each row by classified id; absent rows are perfect. */
function readAssay(value: unknown, path: string, known: readonly string[], issues: Issues): number[][] | undefined {
  const record = recordAt(value, path, issues);
  if (record === undefined) return undefined;
  const assay = identityAssay(known.length);
  const before = issues.length;
  for (const [truth, row] of Object.entries(record)) {
    if (row === undefined) continue;
    const at = child(path, truth);
    const i = known.indexOf(truth);
    if (i < 0) {
      issues.push(`${at}: not a subgroup (${subgroupsAre(known)})`);
      continue;
    }
    const entries = recordAt(row, at, issues);
    if (entries === undefined) continue;
    const rowBefore = issues.length;
    const read = new Array<number>(known.length).fill(0);
    for (const [classified, probability] of Object.entries(entries)) {
      if (probability === undefined) continue;
      const j = known.indexOf(classified);
      if (j < 0) issues.push(`${child(at, classified)}: not a subgroup (${subgroupsAre(known)})`);
      const p = SHARE.read(probability, child(at, classified), issues, {});
      if (j >= 0 && p !== undefined) read[j] = p;
    }
    if (issues.length > rowBefore) continue;
    const sum = read.reduce((total, p) => total + p, 0);
    if (Math.abs(sum - 1) > SUM_TOLERANCE)
      issues.push(`${at}: the row must add up to 1, it adds up to ${sumWords(sum)}`);
    else assay[i] = read;
  }
  return issues.length === before ? assay : undefined;
}
