// The several-populations form of `population` (docs/populations.md, "The contract"): subgroups of
// true status with their shares, populations as unions of subgroups as the assay classifies them,
// and the assay's table of P(classified as j | truly i). Read and checked into the PopulationModel
// the engine uses; the one-marker form (prevalence, sensitivity, specificity) is its smallest case
// and stays in scenario-fields.ts.
import type { PopulationModel } from '../population-model.js';
import { identityAssay } from '../population-model.js';
import { child, describe, isRecord, item, mustBe, numberIn, own } from './checks.js';
import type { Issues } from './checks.js';
import { recordAt, reportUnknown } from './record.js';

export const MIN_SUBGROUPS = 2;
/** the population model's bit masks are bytes */
export const MAX_SUBGROUPS = 8;
/** rpact's limit of four populations in all, F counted */
export const MAX_POPULATIONS = 3;
/** shares and assay rows add up to 1 within rounding of a few decimal fractions, not by luck */
const SUM_TOLERANCE = 1e-9;

const FORM_KEYS = ['subgroups', 'populations', 'assay'];
const ONE_MARKER_KEYS = ['prevalence', 'sensitivity', 'specificity'];
/** F names everyone screened and `any` the rejection of any hypothesis, in results and on the page */
const RESERVED = ['F', 'any'];
const ID = /^[A-Za-z0-9_+-]{1,20}$/;
const ID_WORDS = '1–20 letters, digits, "-", "_" or "+"';
const SHARE = numberIn({ min: 0, max: 1 });

const SUBGROUPS_WORDS = `an array of ${MIN_SUBGROUPS} to ${MAX_SUBGROUPS} subgroups { id, share }`;
const POPULATIONS_WORDS = `an array of 1 to ${MAX_POPULATIONS} populations { id, subgroups }`;

/** what a valid scenario in this form hears, at `population.subgroups`, until the engine simulates it */
export const NOT_SIMULATED_YET =
  'several biomarker populations are not simulated yet (docs/populations.md); ' +
  'describe the population by prevalence, sensitivity and specificity';

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

const isId = (value: unknown): value is string => typeof value === 'string' && ID.test(value);

/** `the subgroups are a, b, c`, for messages about an unknown id */
export const subgroupsAre = (ids: readonly string[]): string => `the subgroups are ${ids.join(', ')}`;

/** A sum as a message shows it: 12 significant digits, so 0.25 + 0.35 + 0.35 reads 0.95. */
const sumWords = (sum: number): string => String(Number(sum.toPrecision(12)));

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
  const ids = new Map<string, string>(); // id → the path of the entry that has it
  const subgroups = readSubgroups(own(record, 'subgroups'), child(path, 'subgroups'), ids, issues);
  const known = subgroups?.map((subgroup) => subgroup.id);
  const populations = readPopulations(own(record, 'populations'), child(path, 'populations'), known, ids, issues);
  const assay = known && readAssay(own(record, 'assay'), child(path, 'assay'), known, issues);
  if (issues.length > before || !subgroups || !populations || !assay) return undefined;
  return { subgroups, populations, assay };
}

/** An id at `path`: well formed, not reserved, not taken (by a subgroup or a population). */
function readId(entry: Record<string, unknown>, path: string, ids: Map<string, string>, issues: Issues) {
  const at = child(path, 'id');
  const id = own(entry, 'id');
  if (id === undefined) {
    issues.push(`${at}: required, must be ${ID_WORDS}`);
    return undefined;
  }
  if (!isId(id)) return mustBe(issues, at, ID_WORDS, id);
  if (RESERVED.includes(id)) {
    return mustBe(issues, at, 'an id other than "F" and "any" (they name everyone screened and any rejection)', id);
  }
  const earlier = ids.get(id);
  if (earlier !== undefined) {
    return mustBe(issues, at, `unique across subgroups and populations (${earlier} has the same id)`, id);
  }
  ids.set(id, path);
  return id;
}

function readSubgroups(
  value: unknown,
  path: string,
  ids: Map<string, string>,
  issues: Issues,
): PopulationModel['subgroups'] | undefined {
  if (value === undefined) {
    issues.push(`${path}: required, must be ${SUBGROUPS_WORDS}`);
    return undefined;
  }
  if (!Array.isArray(value) || value.length < MIN_SUBGROUPS || value.length > MAX_SUBGROUPS) {
    return mustBe(issues, path, SUBGROUPS_WORDS, value);
  }
  const before = issues.length;
  const subgroups: PopulationModel['subgroups'] = [];
  for (const [index, entry] of value.entries()) {
    const at = item(path, index);
    const subgroup = recordAt(entry, at, issues);
    if (subgroup === undefined) continue;
    reportUnknown(subgroup, ['id', 'share'], at, issues);
    const id = readId(subgroup, at, ids, issues);
    const raw = own(subgroup, 'share');
    if (raw === undefined) issues.push(`${child(at, 'share')}: required, must be ${SHARE.allowed}`);
    const share = raw === undefined ? undefined : SHARE.read(raw, child(at, 'share'), issues, {});
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
  ids: Map<string, string>,
  issues: Issues,
): PopulationModel['populations'] | undefined {
  if (value === undefined) {
    issues.push(`${path}: required, must be ${POPULATIONS_WORDS}`);
    return undefined;
  }
  if (!Array.isArray(value) || value.length === 0) return mustBe(issues, path, POPULATIONS_WORDS, value);
  const before = issues.length;
  // too many is one problem; the populations' own problems are still worth reporting
  if (value.length > MAX_POPULATIONS) {
    issues.push(
      `${path}: at most ${MAX_POPULATIONS} populations besides F (rpact's limit of four in all), got ${value.length}`,
    );
  }
  const populations: PopulationModel['populations'] = [];
  const earlierSets = new Map<string, string>(); // sorted subgroup list → the population that has it
  for (const [index, entry] of value.entries()) {
    const at = item(path, index);
    const population = recordAt(entry, at, issues);
    if (population === undefined) continue;
    reportUnknown(population, ['id', 'subgroups'], at, issues);
    const id = readId(population, at, ids, issues);
    const members = readMembers(own(population, 'subgroups'), child(at, 'subgroups'), known, issues);
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

const MEMBERS_WORDS = 'a non-empty list of subgroup ids';

function readMembers(
  value: unknown,
  path: string,
  known: readonly string[] | undefined,
  issues: Issues,
): string[] | undefined {
  if (value === undefined) {
    issues.push(`${path}: required, must be ${MEMBERS_WORDS}`);
    return undefined;
  }
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
  const assay = identityAssay(known.length);
  if (value === undefined) return assay;
  const record = recordAt(value, path, issues);
  if (record === undefined) return undefined;
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
