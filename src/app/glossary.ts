// The terms of the results, each with the anchor of its explanation in the "How to read this"
// panel (components/how-to-read.ts) and that explanation, checked against docs/methods.md and
// docs/scenario.md. A results row links its label with `termHref`; the panel renders `text`.
// Definitions are plain text (Lit renders them as text), so a row may also use one as a title.

export type Term = {
  /** the element id of the term's explanation in the panel */
  readonly id: string;
  /** the term as the results show it */
  readonly label: string;
  /** what it means, in a few sentences */
  readonly text: string;
};

export const TERMS = {
  S: {
    id: 'how-S',
    label: 'S',
    text:
      'The assay-positive patients: those the assay calls positive, whether or not they truly carry the ' +
      'marker. With sensitivity below 1 some marker-positive patients test negative and are in R; with ' +
      'specificity below 1 some marker-negative patients test positive and are in S. A share PPV of S is ' +
      'truly marker-positive, so the effect in S is PPV·effect⁺ + (1 − PPV)·effect⁻ (survival: hazard ratios ' +
      'mix on the log scale). A screened patient is in S with probability P(assay+) = ' +
      'prevalence·sensitivity + (1 − prevalence)·(1 − specificity).',
  },
  R: {
    id: 'how-R',
    label: 'R',
    text:
      'The assay-negative patients, the rest of F: the marker-negative patients the assay calls negative ' +
      'and the marker-positive ones it misses. No hypothesis is about R alone, and an enriched trial does ' +
      'not randomise them.',
  },
  F: {
    id: 'how-F',
    label: 'F',
    text:
      'Everyone screened: S and R together. The effect in F is prevalence·effect⁺ + (1 − prevalence)·effect⁻ ' +
      '(survival: on the log scale). A test of F combines the S and R strata when the analysis is stratified ' +
      '(the default), or else pools all patients.',
  },
  H_S: {
    id: 'how-H_S',
    label: 'H_S',
    text:
      'The hypothesis that the treatment does not help in S. Rejecting it (one-sided, at the level α) ' +
      'claims benefit in the assay-positive patients. P(reject H_S) is the chance that a trial does so: ' +
      'its power under the assumed effects.',
  },
  H_F: {
    id: 'how-H_F',
    label: 'H_F',
    text:
      'The hypothesis that the treatment does not help in F, on average over everyone. Rejecting it claims ' +
      'benefit in F on average, not in every patient: a large effect in S can carry F with none in R.',
  },
  intersection: {
    id: 'how-H_SF',
    label: 'H_S∩H_F',
    text:
      'No benefit in S and none in F. A closed test tests it with the design’s intersection test: ' +
      'Bonferroni, min(1, 2·min(p_S, p_F)); Šidák; Simes; Spiessens–Debois, which uses the correlation of ' +
      'the two statistics; or, in stratified designs, a fixed sequence (S first, or F first). Rejecting it ' +
      'alone claims nothing.',
  },
  closedTesting: {
    id: 'how-closed-testing',
    label: 'closed testing',
    text:
      'H_S is rejected only when both H_S∩H_F and H_S are rejected at level α, and likewise H_F (Marcus, ' +
      'Peritz & Gabriel 1976). That keeps the chance of any false claim at α, whichever hypotheses are true.',
  },
  rejectAny: {
    id: 'how-reject-any',
    label: 'P(reject any)',
    text:
      'The chance that a trial rejects at least one of its hypotheses, H_S or H_F: its power to claim some ' +
      'benefit. For a design with one hypothesis it equals P(reject H_S) or P(reject H_F). An intersection ' +
      'rejected alone does not count.',
  },
  rejectBoth: {
    id: 'how-reject-both',
    label: 'P(reject both)',
    text:
      'For designs that test H_S and H_F: the chance that a trial rejects both, ' +
      'P(reject H_S) + P(reject H_F) − P(reject any).',
  },
  continue: {
    id: 'how-continue',
    label: 'P(continue in S), P(continue in F)',
    text:
      'Adaptive enrichment: the chance that the trial goes on to stage 2 with S kept (alone or with F), and ' +
      'likewise with F kept. The two need not add to 1: both can be kept, and a trial that stops at the ' +
      'interim keeps neither. A population not kept cannot be rejected any more, unless it already was at ' +
      'the interim.',
  },
  earlyEfficacy: {
    id: 'how-stop-efficacy',
    label: 'P(stop early, efficacy)',
    text:
      'The chance that the trial stops at an interim look because it has shown benefit. A group-sequential ' +
      'design (all-comers or enriched with interims) stops at the first look whose statistic reaches that ' +
      'look’s critical value. An adaptive design with early efficacy stops when both H_S and H_F are ' +
      'rejected at the interim; one rejected there alone stays rejected, and the trial goes on.',
  },
  earlyFutility: {
    id: 'how-stop-futility',
    label: 'P(stop early, futility)',
    text:
      'Adaptive enrichment: the chance that the trial stops at the interim because it can no longer succeed: ' +
      'for each of H_S and H_F, its own stage-1 p-value or the intersection’s leaves no chance, or the ' +
      'selection keeps nothing (no population above the threshold). Group-sequential designs here have no ' +
      'futility rule: 0.',
  },
  mcError: {
    id: 'how-mc-error',
    label: 'MC error (±)',
    text:
      'Each probability is estimated from the simulated trials, and ± gives its Monte Carlo standard error, ' +
      '√(p(1 − p)/replicates): in about 95 runs out of 100 the true value lies within 2 of these errors of the ' +
      'estimate. Four times the replicates halve it. Designs are simulated independently, so two of them ' +
      'differ beyond chance when their difference exceeds about 2·√(e₁² + e₂²).',
  },
  closedForm: {
    id: 'how-closed-form',
    label: 'closed form',
    text:
      'For designs with a single analysis, the z test’s rejection probability by formula, beside the ' +
      'simulated one: every stratum at its expected size; binary endpoints by the normal approximation, ' +
      'survival by Schoenfeld’s. It is exact for continuous endpoints with known variances (z) and fixed ' +
      'strata; with t statistics or random strata the simulated power is a little lower, and rightly so.',
  },
  typeOneError: {
    id: 'how-type-one-error',
    label: 'type I error',
    text:
      'The chance of a false claim when the treatment helps no one: P(reject any) with no effect in anyone ' +
      '(the global null), for the same designs, replicates and seed: the family-wise error there. A ' +
      'design that keeps its level has it at or below α; it is flagged above α + 3 Monte Carlo errors, which ' +
      'a design at exactly α exceeds by chance in about 1 run in 740.',
  },
  screened: {
    id: 'how-screened',
    label: 'E[screened]',
    text:
      'The mean number of patients screened (assayed) per trial. All-comers and stratified designs, and an ' +
      'adaptive design’s stage 1, randomise everyone screened; an enriched design screens until n ' +
      'assay-positive patients are randomised, on average n / P(assay+); an adaptive stage 2 that keeps S alone ' +
      'screens on to find its assay-positive patients.',
  },
  randomized: {
    id: 'how-randomised',
    label: 'E[randomised]',
    text:
      'The mean number randomised to treatment or control: n for a design with one analysis, fewer when ' +
      'trials stop early; for an adaptive design, n₁ and then stage 2’s planned or re-calculated size. For ' +
      'survival, the patients who had entered by the last analysis held.',
  },
  events: {
    id: 'how-events',
    label: 'E[events]',
    text: 'Survival endpoints: the mean number of events at the last analysis held.',
  },
  analyses: {
    id: 'how-analyses',
    label: 'Analyses',
    text:
      'Survival endpoints: each planned analysis (the looks of a group-sequential design, the two stages of ' +
      'an adaptive one) with its mean calendar month and events over the trials that held it, and the ' +
      'share that did when some stopped earlier. An analysis comes at its events in the population that ' +
      'times it, or at its calendar month.',
  },
  months: {
    id: 'how-months',
    label: 'E[months]',
    text:
      'The mean duration: the time to screen the patients at the screening rate plus the delay to the ' +
      'outcome; for survival, the calendar month of the last analysis held.',
  },
  cost: {
    id: 'how-cost',
    label: 'E[cost]',
    text:
      'fixed + per screened × E[screened] + per randomised × E[randomised] + per month × E[months]: the ' +
      'mean cost, since a trial’s cost is linear in these.',
  },
  boundaries: {
    id: 'how-boundaries',
    label: 'boundaries',
    text:
      'A design that can stop early (interims, or adaptive with early efficacy) compares each look’s ' +
      'statistic with a critical value; together they spend the level α over the looks (Lan–DeMets, ' +
      'O’Brien–Fleming or Pocock type). Without early efficacy only the last look can reject. Fisher’s ' +
      'combination rejects when p₁·p₂ ≤ c, with c·(1 − ln c) = α.',
  },
  criticalZ: {
    id: 'how-critical-z',
    label: 'critical z',
    text:
      'The value a look’s z statistic must reach to reject there. A look with no α left to spend has ' +
      'none and cannot stop.',
  },
  nominalP: {
    id: 'how-nominal-p',
    label: 'nominal p',
    text:
      'The one-sided p-value the critical value stands for, 1 − Φ(critical z): the look rejects when its ' +
      'own p-value is at most this. For t statistics it is the look’s level under the joint law of the ' +
      'looks’ t statistics, so that the family keeps α.',
  },
  alphaSpent: {
    id: 'how-alpha-spent',
    label: 'α spent',
    text:
      'The type I error the boundaries allow up to and including this look, by the spending function; at ' +
      'the last look it is α.',
  },
} as const satisfies Record<string, Term>;

export type TermKey = keyof typeof TERMS;

/** every term, in the order the panel explains them */
export const TERM_KEYS = Object.keys(TERMS) as TermKey[];

/** the link to a term's explanation, for `<a href=${termHref('mcError')}>` */
export function termHref(term: TermKey): string {
  return `#${TERMS[term].id}`;
}
