// The waits users see (issue "Fast where users wait"): the command line on the page's default
// scenario, at its realistic analysis (t statistics, random strata) and, as the baseline, at rpact's
// conventions; the design map and the solver for the adaptive design. Each is a whole `stratum` run,
// from its start to its exit, so thread start-up and the folding of results count.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SCENARIO } from '../src/app/presets.js';
import { median, REPEATS } from './repeats.js';

const CLI = fileURLToPath(new URL('./stratum.mjs', import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'stratum-bench-'));

/** the arguments of `stratum <command> FILE <options>`, `scenario` written to FILE */
function commandLine(command: string, scenario: object, options: string[]): string[] {
  const file = join(folder, `${command}.json`);
  writeFileSync(file, JSON.stringify(scenario));
  return [CLI, command, file, ...options];
}

/** seconds of `stratum <command> FILE <options>` on `scenario` */
function seconds(command: string, scenario: object, options: string[]): number {
  const words = commandLine(command, scenario, options);
  const started = performance.now();
  execFileSync(process.execPath, words, { stdio: ['ignore', 'ignore', 'inherit'] });
  return (performance.now() - started) / 1000;
}

/** seconds until two `stratum simulate` processes on one worker each, started together, have both ended */
async function twoProcessesSeconds(scenario: object, options: string[]): Promise<number> {
  const words = commandLine('simulate', scenario, [...options, '--workers', '1']);
  const started = performance.now();
  await Promise.all(
    [0, 1].map(
      () =>
        new Promise<void>((resolve, reject) => {
          const child = spawn(process.execPath, words, { stdio: ['ignore', 'ignore', 'inherit'] });
          child.on('error', reject);
          child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`stratum exited with ${code}`))));
        }),
    ),
  );
  return (performance.now() - started) / 1000;
}

const s = (x: number) => `${x.toFixed(2)} s`;

export async function benchWaits(): Promise<void> {
  const realistic = { ...DEFAULT_SCENARIO, analysis: { statistic: 't', strata: 'random', stratified: true } };
  const rpactLike = { ...DEFAULT_SCENARIO, analysis: { statistic: 'z', strata: 'fixed', stratified: true } };
  const million = ['--replicates', '1000000'];
  console.log("\nwaits: the page's default scenario through `stratum`, start to exit");
  // this VM's speed drifts by ±20 % within minutes: each figure is the median of REPEATS runs, and the
  // scaling the median of the ratios of runs made one after the other
  const two: number[] = [];
  const one: number[] = [];
  const baseline: number[] = [];
  const apart: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    two.push(seconds('simulate', realistic, [...million, '--workers', '2']));
    one.push(seconds('simulate', realistic, [...million, '--workers', '1']));
    apart.push(await twoProcessesSeconds(realistic, million));
    baseline.push(seconds('simulate', rpactLike, [...million, '--workers', '1']));
  }
  const runs = (xs: number[]) => `runs ${xs.map((x) => x.toFixed(2)).join(', ')}`;
  console.log(
    `four designs × 10⁶, t and random strata, median of ${REPEATS}: ${s(median(two))} on 2 workers (${runs(two)}), ` +
      `${s(median(one))} on 1 (${runs(one)}); 2 workers ${median(one.map((x, i) => x / two[i])).toFixed(2)}× ` +
      'faster (target < 3 s and ≥ 1.8×)',
  );
  // the most two threads give here when nothing is shared: the same run twice, in two processes at once
  console.log(
    `the same run in two processes of 1 worker at once, the ceiling of two threads that share nothing: both ` +
      `done in ${s(median(apart))} (${runs(apart)}), ${median(one.map((x, i) => (2 * x) / apart[i])).toFixed(2)}× ` +
      "one process's throughput",
  );
  console.log(
    `baseline, rpact's conventions (z, fixed strata) on 1 worker: ${s(median(baseline))} (${runs(baseline)})`,
  );
  const grid = ['--prevalences', '0.1,0.2,0.3,0.4,0.5,0.6', '--ratios', '0,0.2,0.4,0.6,0.8,1'];
  const map = seconds('map', { ...realistic, simulation: { replicates: 2000 } }, [
    '--power',
    '0.8',
    ...grid,
    '--workers',
    '2',
  ]);
  console.log(`design map, 6 × 6 points × 4 designs at 2,000 replicates, 2 workers: ${s(map)} (target < 5 s)`);
  const designs = DEFAULT_SCENARIO.designs as { type: string }[];
  const adaptive = { ...realistic, designs: designs.filter((design) => design.type === 'adaptive-enrichment') };
  const solve = seconds('solve', adaptive, ['--power', '0.8', '--workers', '2']);
  console.log(`solve, the adaptive design at 10⁵ replicates a step, 2 workers: ${s(solve)} (target < 2 s)`);
}
