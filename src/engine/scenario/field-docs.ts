// What each scenario field is called and means, for people: its label, unit, a line of help and
// names for its keywords. Keyed by the field's path with design indices left out (`designs.n`,
// `designs.selection.rule`); what a field allows comes from the contract itself (field-at.ts), so
// the form, the CLI's `fields` listing and the validator cannot disagree. A test holds every
// field of the contract to having an entry here.
import { fieldRange, POPULATION_SECTION, scenarioField, designField } from './field-at.js';
import type { Field, KeywordField } from './checks.js';
import { DESIGN_META } from './design-meta.js';
import { ENDPOINT_FIELDS } from './endpoint.js';
import type { PiecesSpec } from './pieces.js';
import { ANALYSIS_FIELDS, SIMULATION_FIELDS, TRIAL_FIELDS } from './scenario-fields.js';
import type { IntersectionField } from './design-populations.js';
import type { DesignType, EndpointType, Intersection } from './types.js';

export type FieldDoc = {
  label: string;
  unit?: string;
  help: string;
  /** people's names of the keywords, in the order the form offers them */
  choices?: Record<string, string>;
};

/** a value per true marker status: the pair, and each of its two (with several populations, per subgroup) */
const perStatus = (path: string, label: string, unit: string, help: string): Record<string, FieldDoc> => ({
  [path]: {
    label,
    unit,
    help: `${help} One value for marker+ and one for marker− patients; with several populations, one per subgroup.`,
  },
  [`${path}.pos`]: { label: `${label}, marker+`, unit, help },
  [`${path}.neg`]: { label: `${label}, marker−`, unit, help },
});

const INTERSECTION_CHOICES = {
  bonferroni: 'Bonferroni',
  simes: 'Simes',
  sidak: 'Šidák',
  dunnett: 'Dunnett (max-z; Spiessens–Debois with one marker)',
  'spiessens-debois': 'Spiessens–Debois',
  hierarchical: 'Hierarchical, in the design’s order',
  'hierarchical-S': 'Hierarchical, S first',
  'hierarchical-F': 'Hierarchical, F first',
};
const EFFICACY_CHOICES = { none: 'None', 'obrien-fleming': 'O’Brien–Fleming', pocock: 'Pocock' };

export const FIELD_DOCS: Record<string, FieldDoc> = {
  version: { label: 'Version', help: 'Of the scenario format.' },
  title: { label: 'Title', help: 'Shown on exports and links.' },
  alpha: { label: 'α', unit: 'one-sided', help: 'Family-wise significance level.' },
  'population.prevalence': {
    label: 'Prevalence',
    unit: 'P(marker+)',
    help: 'Share of screened patients who are truly marker-positive.',
  },
  'population.sensitivity': { label: 'Assay sensitivity', unit: 'P(assay+ | marker+)', help: '1 is a perfect assay.' },
  'population.specificity': {
    label: 'Assay specificity',
    unit: 'P(assay− | marker−)',
    help: '1 is a perfect assay.',
  },
  'population.subgroups': {
    label: 'Subgroups',
    help: 'Several populations: disjoint subgroups of true status, instead of prevalence, sensitivity and specificity.',
  },
  'population.subgroups.id': { label: 'Subgroup', help: 'Names it in the populations, the assay and the endpoint.' },
  'population.subgroups.share': { label: 'Share', unit: 'of those screened', help: 'The shares add up to 1.' },
  'population.populations': {
    label: 'Populations',
    help: 'Besides F (everyone screened): each a union of subgroups as the assay classifies them.',
  },
  'population.populations.id': { label: 'Population', help: 'Names it in designs and results.' },
  'population.populations.subgroups': { label: 'Its subgroups', help: 'The subgroups it unites.' },
  'population.assay': {
    label: 'Assay',
    unit: 'P(classified | truly)',
    help: 'One row per true subgroup, one entry per subgroup it may be classified as; left out, a perfect assay.',
  },
  'endpoint.type': {
    label: 'Endpoint',
    help: 'Changing it starts from typical values.',
    choices: { continuous: 'Continuous (mean)', binary: 'Binary (response)', survival: 'Time to event' },
  },
  ...perStatus('endpoint.effect', 'Effect', 'mean difference', 'Treatment − control; larger is better.'),
  ...perStatus('endpoint.sd', 'Standard deviation', 'outcome units', 'Spread of the outcome in each arm.'),
  ...perStatus('endpoint.control', 'Control response', 'probability', 'Response rate without treatment.'),
  ...perStatus(
    'endpoint.treatment',
    'Treatment response',
    'probability',
    'Response rate with treatment; larger is better.',
  ),
  ...perStatus(
    'endpoint.controlMedian',
    'Control median',
    'months',
    'Median time to event without treatment; or give the control hazard instead.',
  ),
  ...perStatus(
    'endpoint.controlHazard',
    'Control hazard',
    'events / month',
    'Pieces from month 0: the hazard without treatment from each piece’s month on; instead of the median.',
  ),
  ...perStatus(
    'endpoint.shape',
    'Weibull shape',
    'with the median',
    'Above 1 the hazard rises with time, below 1 it falls; 1 (or empty) is exponential.',
  ),
  ...perStatus(
    'endpoint.hazardRatio',
    'Hazard ratio',
    'treatment : control',
    'Below 1 is benefit; one number, or pieces from month 0 for an effect that changes with time.',
  ),
  'endpoint.dropoutPerYear': {
    label: 'Drop-out',
    unit: 'per year',
    help: 'Share of patients lost to follow-up each year.',
  },
  'trial.allocation': { label: 'Allocation', unit: 'treatment : control = r : 1', help: 'Randomisation ratio.' },
  'trial.screeningRate': { label: 'Screening rate', unit: 'patients / month', help: 'Patients screened per month.' },
  'trial.endpointDelay': { label: 'Endpoint delay', unit: 'months', help: 'From randomisation to the outcome.' },
  'trial.costs': { label: 'Costs', help: 'What the trial costs, per patient and per month, in one currency.' },
  'trial.costs.perScreened': { label: 'Cost per screened', help: 'Screening and the assay.' },
  'trial.costs.perRandomized': { label: 'Cost per randomised', help: 'Treatment and follow-up.' },
  'trial.costs.perMonth': { label: 'Cost per month', help: 'Running cost.' },
  'trial.costs.fixed': { label: 'Fixed cost', help: 'Set-up.' },
  'trial.currency': { label: 'Currency', unit: 'ISO code', help: 'e.g. EUR, USD; empty for none.' },
  'analysis.statistic': {
    label: 'Statistic',
    help: 't estimates the variance; z takes it as known (rpact’s convention).',
    choices: { t: 't (estimated variance)', z: 'z (known variance)' },
  },
  'analysis.strata': {
    label: 'Strata',
    help:
      'Random is realistic. Fixed gives each stage its expected shares, unrounded, as rpact does: ' +
      'use it with at least 10 patients expected per arm and cell.',
    choices: { random: 'Random', fixed: 'Fixed shares' },
  },
  'analysis.stratified': {
    label: 'Test of F',
    help: 'Combine the S and R strata, or pool.',
    choices: { true: 'Stratified', false: 'Pooled' },
  },
  'analysis.survivalTest': {
    label: 'Survival test',
    help:
      'Log-rank (the default, best under proportional hazards); a weighted log-rank for an effect that ' +
      'starts late or fades; maxcombo, the largest of four weighted log-rank tests, for either.',
    choices: {
      logrank: 'Log-rank',
      fh: 'Fleming–Harrington FH(ρ, γ)',
      maxcombo: 'Maxcombo: FH(0,0), FH(0,1), FH(1,0), FH(1,1)',
    },
  },
  'analysis.survivalTest.fh': {
    label: 'FH weights ρ, γ',
    unit: 'w(t) = Ŝ(t−)^ρ·(1 − Ŝ(t−))^γ',
    help: 'ρ weights early events, γ late ones: FH(0, 1) for a delayed effect.',
  },
  'simulation.replicates': {
    label: 'Replicates',
    unit: 'trials per design',
    help: 'More gives smaller Monte Carlo error.',
  },
  'simulation.seed': { label: 'Seed', help: 'Same seed, same results.' },
  'simulation.method': {
    label: 'Method',
    help: 'Sufficient statistics are exact and fastest; asymptotic is rpact’s survival convention.',
    choices: { sufficient: 'Sufficient statistics', patient: 'Patient level', asymptotic: 'Asymptotic' },
  },
  'designs.id': { label: 'Id', help: 'Unique; names its random stream.' },
  'designs.label': { label: 'Name', help: 'Shown in tables and charts.' },
  'designs.type': {
    label: 'Type',
    help: 'What is screened, randomised and tested.',
    choices: {
      'all-comers': 'All-comers',
      enriched: 'Enriched',
      stratified: 'Stratified',
      'adaptive-enrichment': 'Adaptive enrichment',
    },
  },
  'designs.n': { label: 'Randomised', unit: 'patients', help: 'Patients randomised.' },
  'designs.events': { label: 'Events', unit: 'at the analysis', help: 'The analysis waits for them.' },
  'designs.months': {
    label: 'Analysis month',
    unit: 'months',
    help: 'The analysis comes at this calendar month, instead of at a number of events.',
  },
  'designs.eventsIn': {
    label: 'Events counted in',
    help: 'The population whose events time the analyses; by default the tested one.',
    choices: { S: 'S (assay-positive)', F: 'F (everyone)' },
  },
  'designs.population': {
    label: 'Population',
    help: 'Several populations: the one it enrols and tests; required when there are two or more.',
  },
  'designs.stage1': {
    label: 'Stage 1 randomises',
    help: 'Several populations: whom stage 1 enrols (all comers by default); it tests that one and those inside.',
  },
  'designs.order': {
    label: 'Order',
    help: 'Hierarchical: the populations and F, each once, first tested first.',
  },
  'designs.interims': { label: 'Interim analyses', help: 'Group-sequential looks with early efficacy stops.' },
  'designs.interims.informationRates': { label: 'Information rates', help: 'Cumulative shares, e.g. 0.5, 1.' },
  'designs.interims.efficacy': {
    label: 'Efficacy stopping',
    help: 'Lan–DeMets α-spending.',
    choices: EFFICACY_CHOICES,
  },
  'designs.intersection': {
    label: 'Intersection test',
    help: 'How H_S ∩ H_F is tested.',
    choices: INTERSECTION_CHOICES,
  },
  'designs.combination': {
    label: 'Combination',
    help: 'Of the two stages’ p-values.',
    choices: { 'inverse-normal': 'Inverse normal', fisher: 'Fisher' },
  },
  'designs.selection': { label: 'Selection', help: 'Which populations stage 2 keeps.' },
  'designs.selection.rule': {
    label: 'Selection rule',
    help: 'Which populations continue.',
    choices: { best: 'Best', rbest: 'The r best', epsilon: 'Within ε of the best', all: 'All' },
  },
  'designs.selection.r': {
    label: 'Populations kept (r)',
    unit: 'at most',
    help: 'The r best continue; with S and F, 1 is Best and 2 keeps both.',
  },
  'designs.selection.measure': {
    label: 'Selection measure',
    help: 'Compared at the interim.',
    choices: { effect: 'Effect', z: 'z statistic' },
  },
  'designs.selection.epsilon': { label: 'ε', help: 'Margin for the ε rule.' },
  'designs.selection.threshold': {
    label: 'Futility threshold',
    help: 'Below it a population is not kept; empty for none.',
  },
  'designs.efficacy': { label: 'Efficacy stopping', help: 'At the interim.', choices: EFFICACY_CHOICES },
  'designs.recalculation': { label: 'Re-sizing', help: 'Stage 2 re-sized at the interim for a conditional power.' },
  'designs.recalculation.conditionalPower': { label: 'Conditional power', help: 'Stage 2 is sized to reach it.' },
  'designs.recalculation.assumedEffect': { label: 'Assumed effect', help: 'The effect stage 2 is sized for.' },
  'designs.recalculation.minStage2': { label: 'Stage 2 at least', help: 'Smallest re-sized stage 2.' },
  'designs.recalculation.maxStage2': { label: 'Stage 2 at most', help: 'Largest re-sized stage 2.' },
};

/** a field as the form shows it: its doc, what it allows, and its keywords with their names */
export type FieldView = FieldDoc & {
  /** number, text, keyword, boolean, object; undefined for lists and pairs */
  kind: string | undefined;
  range: string;
  options?: [string, string][];
  /** a keyword's values in the several-populations form, where they differ (intersection tests) */
  severalOptions?: [string, string][];
  nullable: boolean;
  /** may be left out (an empty input removes it) */
  optional: boolean;
  /** a field that takes pieces [{ from, value }, …]: how many, and what each `value` and `from` allows */
  pieces?: { max: number; range: string; fromRange: string };
};

/** `designs[2].selection.rule` → `designs.selection.rule`; `designs[0].n[1]` → `designs.n` */
export function docKey(path: string): string {
  return path.replace(/\[\d+\]/g, '');
}

/**
 * the field at `path` (`population.prevalence`, `designs[1].selection.epsilon`) for the given endpoint and,
 * for a design's field, its type; undefined where the contract has no such field
 */
export function fieldView(path: string, endpointType: EndpointType, designType?: DesignType): FieldView | undefined {
  const key = docKey(path);
  const doc = Object.hasOwn(FIELD_DOCS, key) ? FIELD_DOCS[key] : undefined;
  const inner = key.startsWith('designs.') ? key.slice('designs.'.length) : undefined;
  const field: Field<unknown> | undefined =
    inner === undefined ? scenarioField(key, endpointType) : designType && designField(inner, designType);
  if (doc === undefined || field === undefined) return undefined;
  const values =
    (field as Partial<KeywordField<string>>).kind === 'keyword' ? (field as KeywordField<string>).values : undefined;
  const kind = (field as { kind?: string }).kind;
  const options: [string, string][] | undefined =
    values?.map((value) => [String(value), doc.choices?.[String(value)] ?? String(value)]) ??
    (kind === 'boolean'
      ? [
          ['true', doc.choices?.true ?? 'yes'],
          ['false', doc.choices?.false ?? 'no'],
        ]
      : undefined);
  const pieces = (field as { pieces?: PiecesSpec }).pieces;
  const several = (field as Partial<IntersectionField<string & Intersection>>).several;
  const named = (value: string): [string, string] => [value, doc.choices?.[value] ?? value];
  return {
    ...doc,
    kind,
    range: fieldRange(field),
    options,
    ...(several ? { severalOptions: several.map(named) } : {}),
    nullable: (field as { nullable?: boolean }).nullable === true,
    optional: field.fill !== undefined && field.fill() === undefined,
    ...(pieces
      ? { pieces: { max: pieces.max, range: fieldRange(pieces.value), fromRange: fieldRange(pieces.from) } }
      : {}),
  };
}

type AnyFields = Record<string, { kind?: string; fields?: AnyFields }>;

function pathsUnder(prefix: string, fields: AnyFields): string[] {
  return Object.entries(fields).flatMap(([key, field]) => {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    return field.fields ? [path, ...pathsUnder(path, field.fields)] : [path];
  });
}

/** every field path of a scenario with this endpoint (`designs[0].…` for a design of `designType`) */
export function fieldPaths(endpointType: EndpointType, designType?: DesignType): string[] {
  if (designType !== undefined) {
    const own = pathsUnder('', DESIGN_META[designType].fields as unknown as AnyFields);
    const timing = designType === 'enriched' ? ['months'] : ['months', 'eventsIn'];
    const sizes = endpointType === 'survival' ? ['n', 'events', ...timing] : ['n'];
    return ['id', 'label', 'type', ...sizes, ...own].map((path) => `designs[0].${path}`);
  }
  const section = (name: string, fields: unknown) => pathsUnder(name, fields as AnyFields);
  return [
    'version',
    'title',
    'alpha',
    ...section('population', POPULATION_SECTION),
    'endpoint.type',
    ...section('endpoint', ENDPOINT_FIELDS[endpointType]),
    ...section('trial', TRIAL_FIELDS),
    ...section('analysis', ANALYSIS_FIELDS),
    ...section('simulation', SIMULATION_FIELDS),
  ].filter((path) => scenarioField(path, endpointType) !== undefined);
}
