// docs/examples/run-shards.sh: k shards of one scenario as k separate processes, merged into
// exactly the unsharded results (the README's job-array examples run the same two commands), and
// a missing shard refused by `stratum merge` with exit 2.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BLOCK_SIZE } from '../../src/engine/blocks.js';
import { runCli } from '../support/cli.js';

const SCRIPT = fileURLToPath(new URL('../../docs/examples/run-shards.sh', import.meta.url));
const README = fileURLToPath(new URL('../../README.md', import.meta.url));
const SHARDS = 3;

const folder = mkdtempSync(join(tmpdir(), 'stratum-shards-'));
const scenarioFile = (name: string, document: unknown): string => {
  const file = join(folder, name);
  writeFileSync(file, JSON.stringify(document));
  return file;
};

// 7 blocks, so the shards are uneven (3, 2 and 2 blocks) and the last block is a partial one
const replicates = 6 * BLOCK_SIZE + 500;
const scenario = {
  population: { prevalence: 0.3, sensitivity: 0.9, specificity: 0.95 },
  endpoint: { type: 'continuous', sd: { pos: 1, neg: 1 }, effect: { pos: 0.5, neg: 0.1 } },
  trial: { costs: { perScreened: 500, perRandomized: 20000, perMonth: 1e5 } },
  designs: [
    { id: 'all-comers', type: 'all-comers', n: 300 },
    { id: 'enriched', type: 'enriched', n: 150, interims: { informationRates: [0.5, 1], efficacy: 'obrien-fleming' } },
    { id: 'adaptive', type: 'adaptive-enrichment', n: [150, 300], intersection: 'simes' },
  ],
  simulation: { replicates, seed: 'shards-as-processes' },
};

function runScript(...args: string[]) {
  const run = spawnSync('sh', [SCRIPT, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const results = (text: string) => JSON.stringify(JSON.parse(text).results);

describe('run-shards.sh', () => {
  const file = scenarioFile('scenario.json', scenario);
  const out = join(folder, 'out');
  const run = runScript(String(SHARDS), file, out);
  const parts = Array.from({ length: SHARDS }, (_, i) => join(out, `part-${i + 1}.json`));

  it('runs each shard as its own process and merges them into exactly the unsharded results', () => {
    expect(run.status, run.stderr).toBe(0);
    const processes = [...run.stderr.matchAll(/^shard (\d+)\/3: process (\d+)$/gm)];
    expect(processes.map((line) => line[1])).toEqual(['1', '2', '3']);
    expect(new Set(processes.map((line) => line[2])).size).toBe(SHARDS);

    // each part file is one shard's output: its own blocks (block mod k = i − 1), nothing else
    parts.forEach((part, i) => {
      const shard = JSON.parse(readFileSync(part, 'utf8')) as { shard: string; tallies: { block: number }[] };
      expect(shard.shard).toBe(`${i + 1}/${SHARDS}`);
      expect(shard.tallies.length).toBeGreaterThan(0);
      for (const { block } of shard.tallies) expect(block % SHARDS).toBe(i);
    });

    const whole = runCli(['simulate', file]);
    expect(whole.status, whole.stderr).toBe(0);
    expect(results(readFileSync(join(out, 'results.json'), 'utf8'))).toBe(results(whole.stdout));
  });

  it('leaves merge refusing a run with a shard missing: exit 2, naming it', () => {
    const merged = runCli(['merge', parts[0], parts[2]]);
    expect(merged.status).toBe(2);
    expect(merged.stdout).toBe('');
    expect(merged.stderr).toMatch(/^shards: missing 2\/3$/m);
  });

  it('stops before merging when the shards fail, with their exit status', () => {
    const bad = scenarioFile('bad.json', { ...scenario, population: { prevalence: 1.3 } });
    const failed = runScript(String(SHARDS), bad, join(folder, 'bad-out'));
    expect(failed.status).toBe(2);
    expect(failed.stderr).toMatch(/^population\.prevalence: /m);
    expect(failed.stderr).toMatch(/not merging/);
    expect(existsSync(join(folder, 'bad-out', 'results.json'))).toBe(false);
  });
});

describe("the README's job-array examples", () => {
  const readme = readFileSync(README, 'utf8');
  const script = readFileSync(SCRIPT, 'utf8');
  // `simulate FILE --shard i/k … > part-i.json`, then `merge` of the part files
  const shardCommand = /stratum"? simulate \S+ --shard \S+\/\S+ .*>\S* +"?\S*part-\S+\.json/;
  const mergeCommand = /stratum"? merge \S*part-/;

  it('run the same two commands as the script', () => {
    const slurm = /^#SBATCH --array=1-\d+$[\s\S]*?^```$/m.exec(readme)?.[0];
    expect(slurm, 'a SLURM script with #SBATCH --array=1-k').toBeDefined();
    expect(slurm).toMatch(/--shard "?\$SLURM_ARRAY_TASK_ID\//);
    const parallel = /^parallel .* ::: .*$/m.exec(readme)?.[0];
    expect(parallel, 'a GNU parallel line').toBeDefined();
    expect(parallel).toMatch(/--shard \{\}\/4/);
    for (const [name, text] of [
      ['SLURM script', slurm!],
      ['parallel line', parallel!],
      ['run-shards.sh', script],
    ]) {
      expect(text, name).toMatch(shardCommand);
    }
    expect(readme).toMatch(mergeCommand);
    expect(script).toMatch(/stratum"? merge "\$@"/);
    expect(readme).toContain('docs/examples/run-shards.sh');
  });
});
