// `npm run bench`: simulated trials per second on one thread, per design, endpoint and method,
// and, when R with rpact is installed, rpact's rate on the same machine beside ours.
import { execFileSync } from 'node:child_process';
import { parseScenario } from '../src/engine/scenario/parse.js';
import type { Scenario } from '../src/engine/scenario/types.js';
import { simulateBlock } from '../src/engine/simulate-block.js';
import { BLOCK_SIZE } from '../src/engine/blocks.js';
import { sweep } from '../src/engine/planning/sweep.js';
import { simulate } from '../src/engine/simulate.js';
import { benchPageWaits } from './page-waits.js';
import { benchWaits } from './waits.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 1);

function scenario(endpoint: unknown, design: unknown, analysis: unknown, method: string): Scenario {
  const parsed = parseScenario({
    population: { prevalence: 0.3 },
    endpoint,
    analysis,
    designs: [design],
    simulation: { method, replicates: 1e7 },
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.scenario;
}

/**
 * trials per second on this thread, once V8 has optimised the design's code: a fifth of SECONDS of blocks
 * first, as rpact's rate is taken after a warm-up run (the adaptive design's first second of blocks runs
 * a few per cent slower than the next ones)
 */
function rate(s: Scenario): number {
  let blocks = 0;
  const warming = performance.now();
  while (performance.now() - warming < SECONDS * 200) simulateBlock(s, 0, blocks++);
  const started = performance.now();
  const first = blocks;
  while (performance.now() - started < SECONDS * 1000) simulateBlock(s, 0, blocks++);
  return ((blocks - first) * BLOCK_SIZE) / ((performance.now() - started) / 1000);
}

const continuous = { type: 'continuous', sd: { pos: 1, neg: 1 }, effect: { pos: 0.5, neg: 0.1 } };
const binary = { type: 'binary', control: { pos: 0.2, neg: 0.2 }, treatment: { pos: 0.45, neg: 0.25 } };
const rpactLike = { statistic: 'z', strata: 'fixed', stratified: true };
const realistic = { statistic: 't', strata: 'random', stratified: true };
const designs = [
  { id: 'all-comers', type: 'all-comers', n: 360 },
  { id: 'enriched', type: 'enriched', n: 360 },
  { id: 'stratified-simes', type: 'stratified', n: 360, intersection: 'simes' },
  { id: 'stratified-sd', type: 'stratified', n: 360, intersection: 'spiessens-debois' },
  {
    id: 'adaptive-simes-eps',
    type: 'adaptive-enrichment',
    n: [180, 360],
    intersection: 'simes',
    selection: { rule: 'epsilon', epsilon: 0.1 },
  },
  {
    id: 'adaptive-sd-obf',
    type: 'adaptive-enrichment',
    n: [180, 360],
    intersection: 'spiessens-debois',
    efficacy: 'obrien-fleming',
  },
];

const format = (x: number) => Math.round(x).toLocaleString('en-US').padStart(12);
console.log(`trials per second on one thread (n = 360, ${SECONDS} s each)\n`);
console.log(
  `${'design'.padEnd(20)}${'endpoint'.padEnd(12)}${'analysis'.padEnd(26)}` +
    `${'sufficient'.padStart(12)}${'patient'.padStart(12)}`,
);
let headline = 0;
let adaptiveHeadline = 0;
for (const [endpointName, endpoint] of [
  ['continuous', continuous],
  ['binary', binary],
] as const) {
  for (const [analysisName, analysis] of [
    ['z, fixed strata', rpactLike],
    ['t, random strata', realistic],
  ] as const) {
    for (const design of designs) {
      const sufficient = rate(scenario(endpoint, design, analysis, 'sufficient'));
      const patient = rate(scenario(endpoint, design, analysis, 'patient'));
      if (endpointName === 'continuous' && analysis === rpactLike && design.id === 'stratified-simes')
        headline = sufficient;
      if (endpointName === 'continuous' && analysis === rpactLike && design.id === 'adaptive-simes-eps')
        adaptiveHeadline = sufficient;
      console.log(
        `${design.id.padEnd(20)}${endpointName.padEnd(12)}${analysisName.padEnd(26)}` +
          `${format(sufficient)}${format(patient)}`,
      );
    }
  }
}

// survival: patient level (the default) and rpact's asymptotic law, n = 400, 250 events
const survival = { type: 'survival', controlMedian: { pos: 12, neg: 12 }, hazardRatio: { pos: 0.7, neg: 0.7 } };
const survivalDesigns = [
  { id: 'all-comers', type: 'all-comers', n: 400, events: 250 },
  { id: 'enriched', type: 'enriched', n: 400, events: 250 },
  { id: 'stratified-simes', type: 'stratified', n: 400, events: 250, intersection: 'simes' },
  {
    id: 'group-sequential',
    type: 'all-comers',
    n: 400,
    events: 250,
    interims: { informationRates: [0.5, 1], efficacy: 'obrien-fleming' },
  },
];
console.log(
  `\n${'survival design'.padEnd(18)}${'analysis'.padEnd(38)}${'patient'.padStart(12)}${'asymptotic'.padStart(12)}`,
);
let survivalHeadline = 0;
for (const design of survivalDesigns) {
  const perfectAssay = { statistic: 'z', strata: 'random', stratified: true };
  const patient = rate(scenario(survival, design, perfectAssay, 'patient'));
  const asymptotic = rate(scenario(survival, design, perfectAssay, 'asymptotic'));
  if (design.id === 'all-comers') survivalHeadline = patient;
  console.log(`${design.id.padEnd(18)}${'log-rank, random strata'.padEnd(38)}${format(patient)}${format(asymptotic)}`);
}
// a delayed effect, hazard ratio 1 for 4 months and 0.6 after: piecewise hazards, patient level only
// (the asymptotic law needs proportional hazards), 300 events
const delayed = [
  { from: 0, value: 1 },
  { from: 4, value: 0.6 },
];
const delayedEffect = { ...survival, hazardRatio: { pos: delayed, neg: delayed } };
const piecewiseHeadline = rate(
  scenario(
    delayedEffect,
    { id: 'all-comers', type: 'all-comers', n: 400, events: 300 },
    { statistic: 'z', strata: 'random', stratified: true },
    'patient',
  ),
);
console.log(`${'all-comers'.padEnd(18)}${'log-rank, delayed effect'.padEnd(38)}${format(piecewiseHeadline)}`);
// the weighted tests of analysis.survivalTest, patient level (the asymptotic law is the log-rank's)
for (const [name, survivalTest] of [
  ['FH(0,1)', { fh: [0, 1] }],
  ['maxcombo', 'maxcombo'],
] as const) {
  for (const design of survivalDesigns.filter((d) => !('interims' in d))) {
    const analysis = { statistic: 'z', strata: 'random', stratified: true, survivalTest };
    const patient = rate(scenario(survival, design, analysis, 'patient'));
    console.log(`${design.id.padEnd(18)}${`${name}, random strata`.padEnd(38)}${format(patient)}`);
  }
}

// a 20-point power curve (n from 100 to 575) for 4 designs at 10⁴ replicates per point, one thread
console.log(
  '\npower curve: 20 sizes × 4 designs × 10,000 replicates on one thread (sweep over n, common random numbers)',
);
for (const [endpointName, endpoint] of [
  ['continuous', continuous],
  ['binary', binary],
] as const) {
  const curve = parseScenario({
    population: { prevalence: 0.3 },
    endpoint,
    designs: [
      { id: 'all-comers', type: 'all-comers', n: 100 },
      { id: 'enriched', type: 'enriched', n: 100 },
      { id: 'stratified', type: 'stratified', n: 100, intersection: 'simes' },
      {
        id: 'adaptive',
        type: 'adaptive-enrichment',
        n: [50, 100],
        intersection: 'simes',
        selection: { rule: 'epsilon', epsilon: 0.1 },
      },
    ],
    simulation: { replicates: 10_000 },
  });
  if (!curve.ok) throw new Error(curve.errors.join('\n'));
  const started = performance.now();
  await sweep(
    curve.scenario,
    'n',
    Array.from({ length: 20 }, (_, i) => 100 + 25 * i),
    simulate,
  );
  console.log(
    `${endpointName.padEnd(12)}${((performance.now() - started) / 1000).toFixed(2).padStart(8)} s (goal < 1 s)`,
  );
}

// three populations besides F (rpact's most), overlapping: rpact's eight subgroups S1 … S123 and R
const THREE_SUBGROUPS = ['S1', 'S2', 'S3', 'S12', 'S13', 'S23', 'S123', 'R'];
const THREE_SHARES = [0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.05, 0.5];
const THREE_EFFECTS = [0.5, 0.3, 0.1, 0.5, 0.4, 0.3, 0.6, 0];
const threePopulations = parseScenario({
  population: {
    subgroups: THREE_SUBGROUPS.map((id, i) => ({ id, share: THREE_SHARES[i] })),
    populations: ['1', '2', '3'].map((digit) => ({
      id: `P${digit}`,
      subgroups: THREE_SUBGROUPS.filter((id) => id.includes(digit)),
    })),
  },
  endpoint: {
    type: 'continuous',
    sd: Object.fromEntries(THREE_SUBGROUPS.map((id) => [id, 1])),
    effect: Object.fromEntries(THREE_SUBGROUPS.map((id, i) => [id, THREE_EFFECTS[i]])),
  },
  analysis: rpactLike,
  designs: [
    {
      id: 'adaptive-3',
      type: 'adaptive-enrichment',
      n: [200, 400],
      intersection: 'simes',
      selection: { rule: 'epsilon', epsilon: 0.1 },
    },
  ],
  simulation: { method: 'sufficient', replicates: 1e7 },
});
if (!threePopulations.ok) throw new Error(threePopulations.errors.join('\n'));
const threeHeadline = rate(threePopulations.scenario);

const RPACT_EFFECTS =
  'effects <- list(subGroups = c("S", "R"), prevalences = c(0.3, 0.7), stDevs = c(1, 1), ' +
  'effects = matrix(c(0.5, 0.1), nrow = 1))';
compare(
  'stratified Simes, continuous, z, fixed strata, n = 360, sufficient',
  headline,
  `design <- getDesignInverseNormal(kMax = 1, alpha = 0.025)
   run <- function(n) getSimulationEnrichmentMeans(design, plannedSubjects = 360, effectList = effects,
     intersectionTest = "Simes", typeOfSelection = "all", stratifiedAnalysis = TRUE,
     maxNumberOfIterations = n, seed = 1)`,
);
compare(
  'two-stage adaptive enrichment, Simes, epsilon = 0.1, continuous, z, fixed strata, n = 180/360, sufficient',
  adaptiveHeadline,
  `design <- getDesignInverseNormal(kMax = 2, alpha = 0.025, typeOfDesign = "noEarlyEfficacy")
   run <- function(n) getSimulationEnrichmentMeans(design, plannedSubjects = c(180, 360), effectList = effects,
     intersectionTest = "Simes", typeOfSelection = "epsilon", epsilonValue = 0.1, stratifiedAnalysis = TRUE,
     maxNumberOfIterations = n, seed = 1)`,
  1000, // issue "Fast where users wait"
);

compare(
  'two-stage adaptive enrichment over three populations besides F (overlapping, 8 subgroups), Simes, ' +
    'epsilon = 0.1, continuous, z, fixed strata, n = 200/400, sufficient',
  threeHeadline,
  `effects <- list(subGroups = c(${THREE_SUBGROUPS.map((id) => `"${id}"`).join(', ')}),
     prevalences = c(${THREE_SHARES.join(', ')}), stDevs = rep(1, 8),
     effects = matrix(c(${THREE_EFFECTS.join(', ')}), nrow = 1))
   design <- getDesignInverseNormal(kMax = 2, alpha = 0.025, typeOfDesign = "noEarlyEfficacy")
   run <- function(n) getSimulationEnrichmentMeans(design, plannedSubjects = c(200, 400), effectList = effects,
     intersectionTest = "Simes", typeOfSelection = "epsilon", epsilonValue = 0.1, stratifiedAnalysis = TRUE,
     maxNumberOfIterations = n, seed = 1)`,
);

compare(
  'all-comers survival, patient level, n = 400, 250 events, HR 0.7',
  survivalHeadline,
  `design <- getDesignGroupSequential(kMax = 1, alpha = 0.025)
   run <- function(n) getSimulationSurvival(design, plannedEvents = 250, lambda2 = log(2) / 12, hazardRatio = 0.7,
     accrualTime = c(0, 20), maxNumberOfSubjects = 400, directionUpper = FALSE, maxNumberOfIterations = n, seed = 1)`,
  3,
);

compare(
  'all-comers survival, patient level, delayed effect (HR 1 for 4 months, 0.6 after), n = 400, 300 events',
  piecewiseHeadline,
  `design <- getDesignGroupSequential(kMax = 1, alpha = 0.025)
   run <- function(n) getSimulationSurvival(design, plannedEvents = 300, piecewiseSurvivalTime = c(0, 4),
     lambda2 = c(log(2) / 12, log(2) / 12), lambda1 = c(log(2) / 12, 0.6 * log(2) / 12), accrualTime = c(0, 20),
     maxNumberOfSubjects = 400, directionUpper = FALSE, maxNumberOfIterations = n, seed = 1)`,
  3,
);

await benchWaits();
await benchPageWaits();

function compare(name: string, ours: number, rpactCall: string, target = 300): void {
  console.log(`\nheadline: ${name}: ${format(ours).trim()} trials/s`);
  const rpact = rpactRate(rpactCall);
  if (rpact === undefined) {
    console.log(
      'rpact: not measured (install R and rpact with `apt-get install r-cran-rpact` to compare on this machine)',
    );
  } else {
    console.log(`rpact ${rpact.version}, same design: ${format(rpact.rate).trim()} trials/s`);
    console.log(`ratio: ${(ours / rpact.rate).toFixed(target < 10 ? 1 : 0)}× rpact (target ≥ ${target}×)`);
  }
}

/** rpact's trials per second for `run(n)` defined by the R code given, and the version that ran it */
function rpactRate(definitions: string): { rate: number; version: string } | undefined {
  const iterations = 10000;
  const script = `
    suppressMessages(library(rpact))
    ${RPACT_EFFECTS}
    ${definitions}
    invisible(run(100))
    cat(as.character(packageVersion("rpact")), system.time(run(${iterations}))[["elapsed"]])`;
  try {
    const [version, elapsed] = execFileSync('Rscript', ['-e', script], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 300_000,
    }).split(' ');
    const seconds = Number(elapsed);
    return Number.isFinite(seconds) && seconds > 0 ? { rate: iterations / seconds, version } : undefined;
  } catch {
    return undefined;
  }
}
