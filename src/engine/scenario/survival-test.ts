// `analysis.survivalTest` (docs/scenario.md): "logrank" (what an absent field means), "maxcombo",
// or { "fh": [ρ, γ] }, a Fleming–Harrington weighted log-rank with 0 ≤ ρ, γ ≤ 2; survival endpoints
// only. The form and `stratum fields` describe it as a keyword (logrank, fh, maxcombo) with the
// pair `analysis.survivalTest.fh` beside it; a share link writes `analysis.survivalTest=maxcombo`
// or `analysis.survivalTest.fh=0,1`. And the combinations refused (docs/methods.md, "Survival
// tests"): the asymptotic method draws the log-rank's law; group-sequential boundaries assume
// information that grows with the events, which a weighted statistic's does not; a maxcombo
// statistic has no single correlation for Spiessens–Debois (Dunnett).
import { child, describe, inRange, isRecord, item, mustBe, own, rangeWords } from './checks.js';
import type { Context, Field, Issues } from './checks.js';
import { reportUnknown } from './record.js';
import type { EndpointType, Scenario, SurvivalTest } from './types.js';

/** the keywords the form offers; "fh" stands for the object { "fh": [ρ, γ] } */
export const SURVIVAL_TESTS = ['logrank', 'fh', 'maxcombo'] as const;
const WEIGHT = { min: 0, max: 2 };
const PAIR_WORDS = 'two numbers [ρ, γ], each from 0 to 2';
const ALLOWED = '"logrank", "maxcombo" or { "fh": [ρ, γ] } with ρ and γ from 0 to 2';

const FH_WEIGHTS: Field<[number, number]> = {
  allowed: PAIR_WORDS,
  read(value, path, issues) {
    if (!Array.isArray(value) || value.length !== 2) return mustBe(issues, path, PAIR_WORDS, value);
    const before = issues.length;
    value.forEach((weight: unknown, index) => {
      if (typeof weight !== 'number' || !Number.isFinite(weight) || !inRange(weight, WEIGHT))
        mustBe(issues, item(path, index), rangeWords(WEIGHT), weight);
    });
    return issues.length === before ? [value[0] as number, value[1] as number] : undefined;
  },
};

export const SURVIVAL_TEST: Field<SurvivalTest | undefined> & {
  readonly kind: 'keyword';
  readonly values: readonly string[];
  readonly fields: { readonly fh: Field<[number, number]> };
  readonly endpoints: readonly EndpointType[];
} = {
  kind: 'keyword',
  values: SURVIVAL_TESTS,
  allowed: ALLOWED,
  fields: { fh: FH_WEIGHTS },
  endpoints: ['survival'],
  // absent, it stays absent and means "logrank": old documents and links read as they were
  fill: () => undefined,
  read(value, path, issues, context) {
    if (context.endpointType !== undefined && context.endpointType !== 'survival') {
      issues.push(`${path}: not a field of ${context.endpointType} endpoints (it belongs to survival)`);
      return undefined;
    }
    if (value === 'logrank' || value === 'maxcombo') return value;
    if (!isRecord(value) || own(value, 'fh') === undefined) return mustBe(issues, path, ALLOWED, value);
    const before = issues.length;
    reportUnknown(value, ['fh'], path, issues);
    const fh = FH_WEIGHTS.read(own(value, 'fh'), child(path, 'fh'), issues, context);
    return issues.length === before && fh ? { fh } : undefined;
  },
};

/** the asymptotic method's law is the log-rank's */
export function checkTestMethod(
  test: SurvivalTest | undefined,
  method: Scenario['simulation']['method'] | undefined,
  issues: Issues,
): void {
  if (test === undefined || test === 'logrank' || method !== 'asymptotic') return;
  issues.push(
    `simulation.method: must be "patient" for analysis.survivalTest ${describe(test)} ` +
      '(the asymptotic method draws the log-rank statistics’ normal law), got "asymptotic"',
  );
}

/** a design's fields that the survival test rules out, reported at their paths */
export function checkDesignTest(
  design: { interims?: unknown; intersection?: unknown },
  path: string,
  context: Context,
  issues: Issues,
): void {
  const test = context.survivalTest;
  if (test === undefined || test === 'logrank') return;
  if (design.interims !== undefined) {
    issues.push(
      `${child(path, 'interims')}: group-sequential looks need analysis.survivalTest "logrank", got ` +
        `${describe(test)} (the boundaries assume information that grows with the events, which a ` +
        'weighted statistic’s does not)',
    );
  }
  // dunnett is the same max-z test, for any number of populations
  if (test === 'maxcombo' && (design.intersection === 'spiessens-debois' || design.intersection === 'dunnett')) {
    issues.push(
      `${child(path, 'intersection')}: must not be ${describe(design.intersection)} with analysis.survivalTest ` +
        '"maxcombo" (two maxcombo statistics have no single correlation to adjust for)',
    );
  }
}
