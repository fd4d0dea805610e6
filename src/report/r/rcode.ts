// The R script that reproduces a scenario's designs with rpact: for each design its design
// object, the simulation with Stratum's replicates as iterations and the seed, closed forms and
// the size at the target power where rpact has them; then rpact's numbers beside Stratum's, which
// the script holds as a data frame, with z = (Stratum − rpact) / √(se² + se_rpact²). Where rpact
// cannot express a design exactly, the comment at the design says why and the call is the
// closest one, marked approximate. The same text comes out of `stratum rcode`, the page's Code
// panel and the report's appendix.
import type { PopulationTarget, Solution } from '../../engine/planning/solve.js';
import type { DesignResult } from '../../engine/results.js';
import { type Design, isMarkerPopulation, type Scenario } from '../../engine/scenario/types.js';
import { layoutOf } from '../../engine/population.js';
import { testedHypotheses } from '../../engine/results.js';
import { DESIGN_META } from '../../engine/scenario/design-meta.js';
import { size } from '../../app/format.js';
import type { BlockContext, DesignBlock } from './block.js';
import { enrichmentBlock } from './enrichment-block.js';
import { otherTiming, randomStrata } from './approximations.js';
import { rComment, rNumber, rString } from './r-syntax.js';
import { rpactSeed } from './r-seed.js';
import { singleBlock } from './single-block.js';

export type RCodeInput = {
  scenario: Scenario;
  results: DesignResult[];
  /** the power (and hypothesis) getSampleSize* solves for */
  target: PopulationTarget;
  /** Stratum's sizes at the target, where they were solved (the report), to set beside rpact's */
  solutions?: Solution[];
  version: string;
};

const HELPERS = [
  '# a probability estimated from `iterations` trials has standard error √(p(1 − p)/iterations)',
  'pse <- function(p, iterations) sqrt(p * (1 - p) / iterations)',
  'ours <- function(design, quantity, stratum, se, approximate) {',
  '  data.frame(design = design, quantity = quantity, stratum = stratum, se = se, approximate = approximate)',
  '}',
  'theirs <- NULL',
  'add <- function(design, quantity, value, se = NA, iterations = NA) {',
  '  if (!is.na(iterations)) se <- pse(value, iterations)',
  '  theirs <<- rbind(theirs, data.frame(design = design, quantity = quantity, rpact = value, rpactSe = se))',
  '}',
];

const COMPARE = [
  '# rpact beside Stratum, in the order above: the difference and, where either has a Monte Carlo error,',
  '# z = difference / √(se² + se_rpact²), whose size beyond about 4 is more than that error (NA: exact',
  '# on both sides, where the difference says it all, or no error known, or no counterpart)',
  'comparison <- merge(stratum, theirs, by = c("design", "quantity"), all.x = TRUE, sort = FALSE)',
  'key <- function(frame) paste(frame$design, frame$quantity)',
  'comparison <- comparison[order(match(key(comparison), key(stratum))), ]',
  'comparison$difference <- comparison$stratum - comparison$rpact',
  'error <- sqrt(comparison$se^2 + comparison$rpactSe^2)',
  'comparison$z <- ifelse(!is.na(error) & error > 0, comparison$difference / error, NA)',
  'print(comparison, row.names = FALSE, digits = 4)',
  'csv <- Sys.getenv("STRATUM_RCODE_CSV")',
  'if (nzchar(csv)) write.csv(comparison, csv, row.names = FALSE)',
];

export function rCode(input: RCodeInput): string {
  return rScript(input).text;
}

/** the script, and the designs whose rpact call is only the closest one, or none, with the first reason */
export function rScript(input: RCodeInput): { text: string; approximate: { id: string; reason: string }[] } {
  const { scenario, results, target, version } = input;
  const seed = rpactSeed(scenario.simulation.seed);
  const iterations = scenario.simulation.replicates;
  const blocks = scenario.designs.map((design, i) => {
    const solution = input.solutions?.[i];
    return designBlock({ scenario, design, index: i + 1, result: results[i], solution, target, iterations, seed });
  });
  const text = scenario.simulation.seed;
  const hashed = String(seed) === text ? '' : " (rpact's seed is a number: this one is the text's FNV-1a hash)";
  const lines = [
    ...rComment(`${scenario.title || 'Untitled scenario'}: rpact code for the designs of this Stratum scenario.`),
    ...rComment(
      `Made by Stratum ${version}, which simulated ${size(iterations)} trials per design with seed ` +
        `${JSON.stringify(text)}; rpact runs as many iterations with seed ${seed}${hashed}. The two programs draw ` +
        'different random numbers, so they agree in distribution, within Monte Carlo error.',
    ),
    ...rComment(
      "rpact knows no screening, costs or endpoint delay: Stratum's expected screened patients, months (but for " +
        'survival) and cost have no counterpart here.',
    ),
    'suppressMessages(library(rpact))',
    '',
    ...HELPERS,
    '',
    "# Stratum's numbers: the results of the same scenario",
    ...oursFrame(scenario.designs, blocks),
    '',
  ];
  scenario.designs.forEach((design, i) => {
    const block = blocks[i];
    const meta = DESIGN_META[design.type];
    lines.push(
      ...rComment(
        `Design ${i + 1}: ${design.label || design.id} (id ${design.id}; ${meta.label}). ${meta.description}`,
      ),
    );
    for (const comment of block.comments) lines.push(...rComment(comment));
    lines.push(...block.code);
    for (const comparison of block.comparisons) {
      const { rpactSe } = comparison;
      const se = 'iterations' in rpactSe ? `iterations = ${rpactSe.iterations}` : `se = ${rpactSe.expression}`;
      lines.push(`add(${rString(design.id)}, ${rString(comparison.quantity)}, ${comparison.rpact}, ${se})`);
    }
    lines.push('');
  });
  lines.push(...COMPARE);
  const approximate = scenario.designs.flatMap((design, i) =>
    blocks[i].approximate ? [{ id: design.id, reason: blocks[i].comments[0] ?? '' }] : [],
  );
  return { text: `${lines.join('\n')}\n`, approximate };
}

function designBlock(context: BlockContext): DesignBlock {
  const { design } = context;
  const timing = otherTiming(context.scenario, design);
  if (timing) return { comments: [`Approximation: ${timing}.`], code: [], comparisons: [], approximate: true };
  if (design.type === 'all-comers' || design.type === 'enriched') {
    return singleBlock(context, {
      population: testedHypotheses(context.scenario, design)[0],
      subjects: design.n,
      events: design.events,
      interims: design.interims,
    });
  }
  if (design.type === 'adaptive-enrichment' || !design.intersection.startsWith('hierarchical'))
    return enrichmentBlock({ ...context, design });
  return hierarchicalBlock(context, design);
}

/**
 * rpact has no fixed-sequence intersection test. The first hypothesis is tested alone at α, so its
 * rejection is a one-population test's: the closest call, and the only quantity compared.
 */
function hierarchicalBlock(context: BlockContext, design: Extract<Design, { type: 'stratified' }>): DesignBlock {
  const { scenario } = context;
  const first = design.intersection === 'hierarchical' ? (design.order?.[0] ?? 'F') : design.intersection.slice(-1);
  const which = isMarkerPopulation(scenario.population) ? 'H_S and H_F' : "the populations' hypotheses";
  const none = `rpact has no fixed-sequence (hierarchical) test of ${which}`;
  const alone =
    `H_${first} comes first and is tested alone at α, as the one-population call below does, ` +
    `so only P(reject H_${first}) is compared`;
  if (first === 'F') {
    const spec = { population: first, subjects: design.n, events: design.events, partial: true } as const;
    return singleBlock(context, { ...spec, approximations: [`${none}; ${alone}`] });
  }
  if (scenario.endpoint.type === 'survival') {
    const reason = `${none}; H_${first}'s events are a random share of F's, which no one-population call holds`;
    return { comments: [`Approximation: ${reason}.`], code: [], comparisons: [], approximate: true };
  }
  const layout = layoutOf(scenario.population);
  const expected = design.n * layout.populationShare[layout.populationIds.indexOf(first)];
  const subjects = Math.round(expected);
  const rounded =
    subjects === expected
      ? undefined
      : `${first} expects ${rNumber(expected)} of the ${design.n} patients; rpact's call takes ${subjects}`;
  const approximations = [`${none}; ${alone}`, randomStrata(scenario), rounded];
  const spec = { population: first, subjects, partial: true } as const;
  return singleBlock(context, { ...spec, approximations: approximations.filter((reason) => reason !== undefined) });
}

/** the data frame of Stratum's numbers, one `ours(…)` row per compared quantity */
function oursFrame(designs: Design[], blocks: DesignBlock[]): string[] {
  const rows = designs.flatMap((design, i) =>
    blocks[i].comparisons.map((comparison) => {
      const value = comparison.ours === undefined ? 'NA' : rNumber(comparison.ours);
      const se = comparison.oursSe === undefined ? 'NA' : rNumber(comparison.oursSe);
      const approximate = blocks[i].approximate || comparison.approximate ? 'TRUE' : 'FALSE';
      return `ours(${rString(design.id)}, ${rString(comparison.quantity)}, ${value}, ${se}, ${approximate})`;
    }),
  );
  if (rows.length === 0) return ['stratum <- ours(character(), character(), numeric(), numeric(), logical())'];
  return ['stratum <- rbind(', ...rows.map((row, i) => `  ${row}${i < rows.length - 1 ? ',' : ''}`), ')'];
}
