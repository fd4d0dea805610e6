// Which replicate to watch when the reader does not name one: "a typical one", "one that failed",
// "one that stopped early", among the first replicates of the patient-level run. Each replicate is
// run by the design's runner without a recorder (the simulation's hot path) into a tally of its
// own, so what is found is what the run counts, and the trace of the number found shows it.
import { hasInterim } from '../designs/interim.js';
import { prepareDesign } from '../designs/prepare.js';
import type { Scenario } from '../scenario/types.js';
import { blockSampler } from '../simulate-block.js';
import { emptyTally, MAX_POPULATIONS, REJECT, TALLY } from '../tally.js';
import { layoutOf } from '../population.js';
import { testedPopulations } from '../designs/tested.js';
import { isMarkerPopulation } from '../scenario/types.js';
import { patientLevel, replicatePlace, type Trace, Tracer } from './trace.js';

export type TraceKind = 'typical' | 'failed' | 'early';

/** a replicate number, or one of the kinds to find */
export type TracePick = { replicate: number } | { kind: TraceKind };

/** replicates searched at most: one block, a second or so of a patient-level survival design */
export const SEARCHED = 1000;

/** how a trial ended: the hypotheses rejected (H_S and H_F, or each tested population's by id), and an early stop */
export type Ending = {
  rejectS?: boolean;
  rejectF?: boolean;
  reject?: Record<string, boolean>;
  stopped: 'efficacy' | 'futility' | null;
};

/** a trial's ending as one number: bit k its rejection of population k (the layout's index), then the stops */
const EFFICACY = 1 << MAX_POPULATIONS;
const FUTILITY = EFFICACY << 1;
const REJECTIONS = EFFICACY - 1;

export type Found =
  | {
      replicate: number;
      kind: TraceKind;
      /** replicates 1..searched were looked at */
      searched: number;
      /** how many of them ended as the one found (typical: its ending, the most common) */
      alike: number;
      ending: Ending;
      /** typical: the median months of the trials that ended alike, to which the one found is nearest */
      medianMonths?: number;
    }
  | { replicate: null; kind: TraceKind; searched: number; why: string };

/** the first replicates' endings, as the patient-level run counts them */
function endings(
  scenario: Scenario,
  designIndex: number,
  searched: number,
): { codes: Uint8Array; months: Float64Array } {
  const traced = patientLevel(scenario);
  const runner = prepareDesign(traced, traced.designs[designIndex]);
  const tally = emptyTally();
  const codes = new Uint8Array(searched);
  const months = new Float64Array(searched);
  let sampler = blockSampler(traced, designIndex, 0);
  for (let replicate = 1; replicate <= searched; replicate++) {
    const { block, index } = replicatePlace(replicate);
    if (index === 0 && block > 0) sampler = blockSampler(traced, designIndex, block);
    sampler.startTrial(index);
    tally.fill(0);
    runner.runTrial(sampler, tally);
    let code = (tally[TALLY.earlyEfficacy] > 0 ? EFFICACY : 0) | (tally[TALLY.earlyFutility] > 0 ? FUTILITY : 0);
    for (let k = 0; k < MAX_POPULATIONS; k++) if (tally[REJECT + k] > 0) code |= 1 << k;
    codes[replicate - 1] = code;
    months[replicate - 1] = tally[TALLY.months];
  }
  return { codes, months };
}

function endingOf(scenario: Scenario, designIndex: number, code: number): Ending {
  const stopped = code & EFFICACY ? 'efficacy' : code & FUTILITY ? 'futility' : null;
  // the one-marker layout's S and F are populations 0 and 1
  if (isMarkerPopulation(scenario.population)) return { rejectS: (code & 1) !== 0, rejectF: (code & 2) !== 0, stopped };
  const layout = layoutOf(scenario.population);
  const tested = testedPopulations(layout, scenario.designs[designIndex]);
  return { reject: Object.fromEntries(tested.map((k) => [layout.populationIds[k], ((code >> k) & 1) !== 0])), stopped };
}

/**
 * `typical`: among replicates 1..searched, the ending most of them have (the first such on a tie),
 * and of those the trial whose months are nearest their median (the lowest number on a tie);
 * `failed`: the first that rejects nothing; `early`: the first that stops at an interim look.
 */
export function findReplicate(scenario: Scenario, designIndex: number, kind: TraceKind): Found {
  const searched = Math.min(SEARCHED, scenario.simulation.replicates);
  if (kind === 'early' && !hasInterim(scenario.designs[designIndex]))
    return { replicate: null, kind, searched: 0, why: 'this design has no interim look, so no trial stops early' };
  const { codes, months } = endings(scenario, designIndex, searched);
  const matches = (code: number) =>
    kind === 'failed' ? (code & REJECTIONS) === 0 : (code & (EFFICACY | FUTILITY)) !== 0;
  if (kind !== 'typical') {
    const index = codes.findIndex(matches);
    if (index < 0) {
      const what = kind === 'failed' ? 'rejects nothing' : 'stops early';
      return { replicate: null, kind, searched, why: `none of replicates 1 to ${searched} ${what}` };
    }
    return {
      replicate: index + 1,
      kind,
      searched,
      alike: codes.filter(matches).length,
      ending: endingOf(scenario, designIndex, codes[index]),
    };
  }
  const counts = new Array<number>(FUTILITY << 1).fill(0);
  for (const code of codes) counts[code]++;
  let common = codes[0];
  for (const code of codes) if (counts[code] > counts[common]) common = code;
  const alike = [...months.filter((_, i) => codes[i] === common)].sort((a, b) => a - b);
  const middle = alike.length >> 1;
  const median = alike.length % 2 === 1 ? alike[middle] : (alike[middle - 1] + alike[middle]) / 2;
  let best = -1;
  for (let i = 0; i < searched; i++) {
    if (codes[i] !== common) continue;
    if (best < 0 || Math.abs(months[i] - median) < Math.abs(months[best] - median)) best = i;
  }
  return {
    replicate: best + 1,
    kind,
    searched,
    alike: counts[common],
    ending: endingOf(scenario, designIndex, common),
    medianMonths: median,
  };
}

/** what a page or a command asks to watch: the replicate named, or the one found, traced (either form) */
export type Watched = { trace: Trace<string> | null; found: Found | null };

export function watchReplicate(scenario: Scenario, designIndex: number, pick: TracePick): Watched {
  const tracer = new Tracer(scenario, designIndex);
  if ('replicate' in pick) return { trace: tracer.traceAny(pick.replicate), found: null };
  const found = findReplicate(scenario, designIndex, pick.kind);
  return { trace: found.replicate === null ? null : tracer.traceAny(found.replicate), found };
}
