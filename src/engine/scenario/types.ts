// The scenario contract (docs/scenario.md) as TypeScript types.
// `Scenario` is the document after validation with every default filled in;
// the engine only ever sees this form.

export type PerStatus = { pos: number; neg: number };
/**
 * one value per true subgroup: keyed `pos` and `neg` in the one-marker form, by the subgroup ids in
 * the several-populations form (docs/populations.md)
 */
export type PerSubgroup = Record<string, number>;

export type ContinuousEndpoint = {
  type: 'continuous';
  sd: PerSubgroup;
  /** mean difference treatment − control per true subgroup; larger is better */
  effect: PerSubgroup;
};

export type BinaryEndpoint = {
  type: 'binary';
  control: PerSubgroup;
  treatment: PerSubgroup;
};

/** a piece of a function of the months since randomisation: `value` from month `from` until the next piece */
export type Piece = { from: number; value: number };
/** one value for all months, or pieces, the first from month 0, `from` strictly increasing */
export type Piecewise = number | Piece[];

export type SurvivalEndpoint = {
  type: 'survival';
  /** per true marker status exactly one of controlMedian (months) and controlHazard (events per month) */
  controlMedian?: Partial<PerStatus>;
  controlHazard?: { pos?: Piece[]; neg?: Piece[] };
  /** Weibull shape of the control arm's times, only beside controlMedian; absent: 1 (exponential) */
  shape?: Partial<PerStatus>;
  hazardRatio: { pos: Piecewise; neg: Piecewise };
  dropoutPerYear: number;
};

export type Endpoint = ContinuousEndpoint | BinaryEndpoint | SurvivalEndpoint;
export type EndpointType = Endpoint['type'];

/**
 * `dunnett` is the max-z test for any number of populations, `spiessens-debois` its one-marker name;
 * `hierarchical` tests in the design's `order`, `hierarchical-S` and `hierarchical-F` are its one-marker orders
 */
export type Intersection =
  | 'bonferroni'
  | 'simes'
  | 'sidak'
  | 'dunnett'
  | 'spiessens-debois'
  | 'hierarchical'
  | 'hierarchical-S'
  | 'hierarchical-F';

export type Efficacy = 'none' | 'obrien-fleming' | 'pocock';

export type Interims = { informationRates: number[]; efficacy: Efficacy };

export type Selection = {
  /** rbest keeps the `r` best (rpact's "rBest"); with S and F, r = 1 is best and r ≥ 2 all */
  rule: 'best' | 'rbest' | 'epsilon' | 'all';
  /** rule rbest only: how many populations stage 2 keeps at most */
  r?: number;
  measure: 'effect' | 'z';
  epsilon: number;
  /** a population whose measure is below it is never kept; null = no threshold (rpact's -Inf) */
  threshold: number | null;
};

export type Recalculation = {
  conditionalPower: number;
  minStage2: number;
  maxStage2: number;
  assumedEffect: number;
};

type DesignBase = { id: string; label: string };

/**
 * When a survival design's analyses happen (docs/scenario.md, "Analysis timing"): at `events` in
 * the population `eventsIn` names, or at calendar `months` since the first patient was randomised
 */
type Timing<Size> = {
  /** the analyses' calendar months, instead of `events` (survival only) */
  months?: Size;
  /** whose events time the analyses and are reported: absent, the tested population's (survival only) */
  eventsIn?: string;
};

export type AllComersDesign = DesignBase &
  Timing<number> & {
    type: 'all-comers';
    n: number;
    events?: number;
    interims?: Interims;
  };

export type EnrichedDesign = DesignBase & {
  type: 'enriched';
  /** the population it enrols and tests (several-populations form; absent: the one population) */
  population?: string;
  /** the analysis's calendar month, instead of `events` (survival only; an enriched trial's events are S's) */
  months?: number;
  n: number;
  events?: number;
  interims?: Interims;
};

export type StratifiedDesign = DesignBase &
  Timing<number> & {
    type: 'stratified';
    n: number;
    events?: number;
    intersection: Intersection;
    /** intersection `hierarchical`: the population ids and F, each once, first tested first */
    order?: string[];
  };

export type AdaptiveEnrichmentDesign = DesignBase &
  Timing<[number, number]> & {
    type: 'adaptive-enrichment';
    /** cumulative randomised patients [n1, N] */
    n: [number, number];
    events?: [number, number];
    intersection: Exclude<Intersection, 'hierarchical' | 'hierarchical-S' | 'hierarchical-F'>;
    combination: 'inverse-normal' | 'fisher';
    selection: Selection;
    efficacy: Efficacy;
    recalculation?: Recalculation;
    /** several populations: the population stage 1 randomises (absent or F: all comers) */
    stage1?: string;
  };

export type Design = AllComersDesign | EnrichedDesign | StratifiedDesign | AdaptiveEnrichmentDesign;
export type DesignType = Design['type'];

/**
 * The survival test: the log-rank, a Fleming–Harrington weighted log-rank with weights
 * Ŝ(t−)^ρ·(1 − Ŝ(t−))^γ, or the maxcombo test of FH(0,0), FH(0,1), FH(1,0) and FH(1,1)
 */
export type SurvivalTest = 'logrank' | 'maxcombo' | { fh: [number, number] };

/** the one-marker form: one yes/no marker read by an assay */
export type MarkerPopulation = { prevalence: number; sensitivity: number; specificity: number };

/** the several-populations form (docs/populations.md) */
export type SubgroupPopulation = {
  /** disjoint subgroups of true status; shares add up to 1 */
  subgroups: { id: string; share: number }[];
  /** populations besides F, unions of subgroups as the assay classifies them */
  populations: { id: string; subgroups: string[] }[];
  /** P(classified as column | truly row), by subgroup id; absent: the identity (a perfect assay) */
  assay?: Record<string, Record<string, number>>;
};

export function isMarkerPopulation(population: Scenario['population']): population is MarkerPopulation {
  return 'prevalence' in population;
}

export type Costs = { perScreened: number; perRandomized: number; perMonth: number; fixed: number };

export type Scenario = {
  version: 1;
  title: string;
  alpha: number;
  population: MarkerPopulation | SubgroupPopulation;
  endpoint: Endpoint;
  trial: {
    allocation: number;
    screeningRate: number;
    endpointDelay: number;
    costs: Costs;
    /** ISO 4217 code of the costs' currency ("EUR"); absent: none given */
    currency?: string;
  };
  analysis: {
    statistic: 't' | 'z';
    strata: 'random' | 'fixed';
    stratified: boolean;
    /** survival endpoints only; absent: "logrank" */
    survivalTest?: SurvivalTest;
  };
  designs: Design[];
  simulation: {
    replicates: number;
    seed: string;
    method: 'sufficient' | 'patient' | 'asymptotic';
  };
};
